import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { $, startTestApp, type TestApp } from '../../../test/support/test-app.ts';

describe('the web platform', () => {
  let test: TestApp;
  before(async () => {
    test = await startTestApp();
  });
  after(() => test.close());

  it('answers /ping without touching the database, and /health after checking it', async () => {
    assert.equal((await test.request().get('/ping')).text, 'pong');
    const health = await test.request().get('/health');
    assert.equal(health.status, 200);
    assert.deepEqual(health.body, { status: 'ok', database: 'ok', pendingMigrations: 0 });
  });

  it('sends security headers, with a fresh script nonce on every page', async () => {
    const first = await test.request().get('/');
    const second = await test.request().get('/');
    const csp = first.headers['content-security-policy']!;
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    assert.notEqual(nonce, /'nonce-([^']+)'/.exec(second.headers['content-security-policy']!)![1]);
    assert.ok(
      $(first.text)('script')
        .toArray()
        .every((el) => $(first.text)(el).attr('nonce') === nonce),
    );
    assert.equal(first.headers['x-content-type-options'], 'nosniff');
    assert.equal(first.headers['x-powered-by'], undefined);
    assert.ok(first.headers['x-request-id']);
  });

  it('keeps a request id that a load balancer sends', async () => {
    const response = await test.request().get('/ping').set('X-Request-Id', 'lb-1234');
    assert.equal(response.headers['x-request-id'], 'lb-1234');
  });

  it('shows a GOV.UK 404 page, and a problem document on the API', async () => {
    const page = await test.request().get('/no-such-page');
    assert.equal(page.status, 404);
    assert.equal($(page.text)('h1').text().trim(), 'Page not found');
    assert.equal($(page.text)('title').text().trim(), 'Page not found – Cooperate');
    const api = await test.request().get('/api/v1/no-such-thing');
    assert.equal(api.status, 404);
    assert.match(api.headers['content-type']!, /application\/problem\+json/);
    assert.equal((api.body as { status: number }).status, 404);
  });

  it('redirects signed-out visitors of private pages to sign in, and answers 401 on the API', async () => {
    const page = await test.request().get('/account/tokens');
    assert.equal(page.status, 303);
    assert.match(page.headers.location!, /^\/sign-in\?returnTo=/);
    const api = await test.request().get('/api/v1/partnerships').set('Authorization', 'Bearer nonsense');
    assert.equal(api.status, 401);
  });

  it('carries no GOV.UK branding: no crown, no GOV.UK logotype, no GDS Transport', async () => {
    const page = await test.request().get('/');
    assert.doesNotMatch(page.text, /govuk-header__logotype|GOV\.UK<\/|crown/i);
    const css = await test.request().get('/assets/application.css');
    assert.equal(css.status, 200);
    assert.doesNotMatch(css.text, /GDS Transport/);
    assert.equal((await test.request().get('/assets/govuk-frontend.min.js')).status, 200);
  });

  it('describes its API in OpenAPI', async () => {
    const response = await test.request().get('/api/v1/openapi.json');
    assert.equal((response.body as { openapi: string }).openapi, '3.1.0');
    assert.ok('/partnerships' in (response.body as { paths: object }).paths);
  });
});
