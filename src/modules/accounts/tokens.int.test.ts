import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import {
  $,
  csrfTokenIn,
  signedInAs,
  startTestApp,
  submit,
  type TestApp,
} from '../../../test/support/test-app.ts';

describe('API tokens', () => {
  let test: TestApp;
  before(async () => {
    test = await startTestApp();
  });
  after(() => test.close());

  it('creates a token shown once, stored only as a digest, usable as a bearer and revocable', async () => {
    const { agent } = await signedInAs(test, null, 'platform-admin');
    const created = await submit(agent, '/account/tokens', { name: 'Dashboard' });
    assert.equal(created.status, 200);
    const token = $(created.text)('#token').text().trim();
    assert.match(token, /^coop_[\w-]{43}$/);
    const stored = await test.db.transaction(
      {},
      async (trx) => (await sql<{ token_hash: string }>`select token_hash from api_tokens`.execute(trx)).rows,
    );
    assert.ok(stored.every((row) => row.token_hash !== token && /^[0-9a-f]{64}$/.test(row.token_hash)));

    const api = await test.request().get('/api/v1/partnerships').set('Authorization', `Bearer ${token}`);
    assert.equal(api.status, 200);
    const list = await agent.get('/account/tokens');
    assert.match($(list.text)('table').text(), /Dashboard/);
    assert.doesNotMatch(list.text, new RegExp(token));

    const tokenId = $(list.text)('form[action$="/revoke"]').attr('action')!.split('/')[3]!;
    const revoked = await agent
      .post(`/account/tokens/${tokenId}/revoke`)
      .type('form')
      .send({ _csrf: csrfTokenIn(list.text) });
    assert.equal(revoked.status, 303);
    assert.equal(
      (await test.request().get('/api/v1/partnerships').set('Authorization', `Bearer ${token}`)).status,
      401,
    );
  });

  it('asks for a name', async () => {
    const { agent } = await signedInAs(test, null, 'viewer');
    const response = await submit(agent, '/account/tokens', { name: '   ' });
    assert.equal(response.status, 400);
    assert.equal(
      $(response.text)('#name-error').text().replace('Error:', '').trim(),
      'Enter a name for the token',
    );
  });

  it('does not take cookies on the API, so no cross-site request can use a session there', async () => {
    const { agent } = await signedInAs(test, null, 'platform-admin');
    const response = await agent.get('/api/v1/partnerships');
    const slugs = (response.body as { items: { published: boolean }[] }).items;
    assert.ok(
      slugs.every((item) => item.published),
      'only what anyone can see',
    );
  });
});
