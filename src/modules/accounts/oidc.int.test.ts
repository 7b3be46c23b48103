// Signing in through a real OpenID Connect provider (panva's certified oidc-provider, started
// here on a loopback port): the whole authorization code flow with PKCE, state and nonce, the
// provider's own login and consent forms submitted, and every refusal: a stranger, an
// unverified address, a wrong or replayed state, the provider down (ADR 0031).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createApp } from '../../app.ts';
import { createLogger } from '../../platform/http/logging.ts';
import { systemCaller } from '../../platform/http/auth.ts';
import { loadConfig } from '../../platform/config.ts';
import {
  $,
  makePartnership,
  makeUser,
  pageText,
  startTestApp,
  type Agent,
  type TestApp,
} from '../../../test/support/test-app.ts';
import { startOidcProvider, testClient, throughProvider } from '../../../test/support/oidc-provider.ts';
import request from 'supertest';

const redirectUrl = 'http://cooperate.test/sign-in/oidc/callback';

describe('signing in through the council’s OpenID Connect provider', () => {
  let test: TestApp;
  let provider: Awaited<ReturnType<typeof startOidcProvider>>;
  let known: Awaited<ReturnType<typeof makeUser>>;
  const invitedEmail = `invited-${Date.now()}@example.org`;
  const accounts = {
    alice: { email: '', email_verified: true, name: 'Alice Provider' },
    stranger: { email: 'stranger@example.org', email_verified: true, name: 'A Stranger' },
    unverified: { email: '', email_verified: false, name: 'Not Verified' },
    invited: { email: invitedEmail, email_verified: true, name: 'Ivy Invited' },
  };

  /** The app's sign-in button, the provider's forms, and the address it sends the browser back to. */
  const signInThroughProvider = async (agent: Agent, login: string, returnTo = '/') => {
    const start = await agent.get(`/sign-in/oidc?returnTo=${encodeURIComponent(returnTo)}`);
    assert.equal(start.status, 303);
    const authorization = new URL(start.headers.location!);
    assert.equal(authorization.origin, provider.issuer);
    for (const parameter of ['state', 'nonce', 'code_challenge'])
      assert.ok(authorization.searchParams.get(parameter), `${parameter} is sent`);
    assert.equal(authorization.searchParams.get('code_challenge_method'), 'S256');
    const back = await throughProvider(authorization.href, login);
    assert.equal(`${back.origin}${back.pathname}`, redirectUrl);
    return back;
  };
  const callback = (agent: Agent, back: URL) => agent.get(`${back.pathname}${back.search}`);
  const signInEvents = async () =>
    test.db.owner
      .selectFrom('audit_events')
      .select(['action', 'actor_label as actor', 'entity_id as entityId', 'summary', 'after'])
      .where('entity_type', '=', 'sign-in')
      .orderBy('id')
      .execute();
  const userCount = async () =>
    Number(
      (
        await test.db.owner
          .selectFrom('users')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  before(async () => {
    provider = await startOidcProvider(redirectUrl, accounts);
    test = await startTestApp({
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: testClient.id,
      OIDC_CLIENT_SECRET: testClient.secret,
      OIDC_REDIRECT_URL: redirectUrl,
      OIDC_BUTTON_LABEL: 'Sign in with Testshire County Council',
    });
    known = await makeUser(test.services, { name: 'Alice Known' });
    // the provider's address differs in case: addresses match whatever their case
    accounts.alice.email = known.email.toUpperCase();
    accounts.unverified.email = (await makeUser(test.services)).email;
  });
  after(async () => {
    await test?.close();
    await provider?.stop();
  });

  it('offers the provider beside the password form, and signs a known user in by verified email', async () => {
    const agent = test.agent();
    const page = await agent.get('/sign-in');
    const html = $(page.text);
    assert.equal(html('a.govuk-button--start').text().trim(), 'Sign in with Testshire County Council');
    assert.equal(html('form[action="/sign-in"]').length, 1, 'passwords still offered');

    const back = await signInThroughProvider(agent, 'alice', '/account/tokens');
    const done = await callback(agent, back);
    assert.equal(done.status, 303);
    assert.equal(done.headers.location, '/account/tokens');
    const home = await agent.get('/');
    assert.match($(home.text)('.app-header__account-name').text(), /Alice Known/);

    const identity = await test.db.owner
      .selectFrom('users')
      .select(['oidc_issuer', 'oidc_subject'])
      .where('id', '=', known.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(identity, { oidc_issuer: provider.issuer, oidc_subject: 'alice' });
    const last = (await signInEvents()).at(-1)!;
    assert.equal(last.action, 'signed in');
    assert.equal(last.entityId, known.id);
    assert.match(last.summary, /signed in through the identity provider/);

    // the same answer again (a replayed code and state) finds no sign-in to finish
    const replay = await callback(test.agent(), back);
    assert.equal(replay.status, 400);
    assert.match(pageText(replay.text), /Your sign-in could not be completed/);
  });

  it('refuses a stranger with a clear page, makes no account and records the refusal', async () => {
    const users = await userCount();
    const agent = test.agent();
    const refused = await callback(agent, await signInThroughProvider(agent, 'stranger'));
    assert.equal(refused.status, 403);
    assert.equal($(refused.text)('h1').text().trim(), 'You do not have an account yet');
    assert.match(pageText(refused.text), /no account in this service for stranger@example\.org/);
    assert.match(pageText(refused.text), /Ask your partnership.s administrator to invite you/);
    assert.equal(await userCount(), users, 'no account made for a stranger');
    assert.equal((await agent.get('/account/tokens')).status, 303, 'not signed in');
    const last = (await signInEvents()).at(-1)!;
    assert.equal(last.action, 'sign-in refused');
    assert.equal(last.actor, 'stranger@example.org');
    assert.match(last.summary, /no account has this e-mail address/);
  });

  it('refuses an address the provider has not verified, binding nothing', async () => {
    const agent = test.agent();
    const refused = await callback(agent, await signInThroughProvider(agent, 'unverified'));
    assert.equal(refused.status, 403);
    assert.equal($(refused.text)('h1').text().trim(), 'Your email address is not verified');
    const bound = await test.db.owner
      .selectFrom('users')
      .select('id')
      .where('oidc_subject', '=', 'unverified')
      .execute();
    assert.deepEqual(bound, []);
    assert.equal((await agent.get('/account/tokens')).status, 303, 'not signed in');
  });

  it('makes the account of an invited person and accepts the invitation', async () => {
    const partnership = await makePartnership(test.services, `oidc-${Date.now() % 100000}`);
    const invited = await test.services.members.add(systemCaller('test', partnership.id), {
      email: invitedEmail,
      role: 'editor',
    });
    assert.equal(invited.outcome, 'invited');
    const agent = test.agent();
    const done = await callback(agent, await signInThroughProvider(agent, 'invited'));
    assert.equal(done.status, 303);
    const userId = await test.services.accounts.userIdByEmail(invitedEmail);
    assert.ok(userId);
    assert.equal(await test.services.members.roleOf(partnership.id, userId), 'editor');
    assert.equal((await agent.get(`/partnerships/${partnership.slug}`)).status, 200);
    const pending = await test.db.owner
      .selectFrom('invitations')
      .select('accepted_at')
      .where('email', '=', invitedEmail)
      .executeTakeFirstOrThrow();
    assert.ok(pending.accepted_at, 'the invitation is accepted');
  });

  it('refuses an answer whose state is not the one this browser was sent with', async () => {
    const agent = test.agent();
    const back = await signInThroughProvider(agent, 'alice');
    back.searchParams.set('state', 'not-the-state-this-browser-was-given');
    const refused = await callback(agent, back);
    assert.equal(refused.status, 400);
    assert.match(pageText(refused.text), /Your sign-in could not be completed/);
    assert.match(pageText(refused.text), /Nothing has been changed/);
    assert.equal((await agent.get('/account/tokens')).status, 303, 'not signed in');
    const last = (await signInEvents()).at(-1)!;
    assert.equal(last.action, 'sign-in refused');
    assert.match(last.summary, /state/);

    // an answer arriving in a browser that started no sign-in
    const stray = await test.agent().get('/sign-in/oidc/callback?code=x&state=y');
    assert.equal(stray.status, 400);
  });

  it('says the provider is not available when it is down, at the start or on the way back', async () => {
    const agent = test.agent();
    const back = await signInThroughProvider(agent, 'alice');
    await provider.stop();
    const down = await callback(agent, back);
    assert.equal(down.status, 503);
    assert.equal($(down.text)('h1').text().trim(), 'The sign-in service is not available');
    assert.match(pageText(down.text), /could not reach your council.s sign-in service/);
    assert.equal((await agent.get('/account/tokens')).status, 303, 'not signed in');

    // the same database with passwords switched off and a provider never reached
    const config = loadConfig({
      ...Object.fromEntries(
        Object.entries(test.config)
          .filter(([, value]) => value !== undefined)
          .map(([key, value]) => [key, String(value)]),
      ),
      PASSWORD_SIGN_IN: 'off',
    });
    const app = createApp({
      config,
      db: test.db,
      services: test.services,
      logger: createLogger('silent'),
      sessionSecret: config.SESSION_SECRET!,
      printer: test.printer,
    });
    const offline = request.agent(app);
    const page = await offline.get('/sign-in');
    assert.equal($(page.text)('form[action="/sign-in"]').length, 0, 'only the provider is offered');
    assert.equal($(page.text)('a.govuk-button--start').length, 1);
    const start = await offline.get('/sign-in/oidc');
    assert.equal(start.status, 503);
    assert.equal($(start.text)('h1').text().trim(), 'The sign-in service is not available');
    // a form with a good token (the page has none to give: signed over its cookie here)
    const cookie = /cooperate\.csrf=([^;]+)/.exec(String(page.headers['set-cookie']))![1]!;
    const token = createHmac('sha256', config.SESSION_SECRET!).update(`csrf:${cookie}`).digest('base64url');
    const posted = await offline
      .post('/sign-in')
      .type('form')
      .send({ _csrf: token, email: known.email, password: known.password });
    assert.equal(posted.status, 404, 'no password sign-in');
  });
});
