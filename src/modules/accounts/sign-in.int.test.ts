import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { systemCaller } from '../../platform/http/auth.ts';
import {
  $,
  csrfTokenIn,
  makeUser,
  pageText,
  signedInAs,
  startTestApp,
  submit,
  textsOf,
  type TestApp,
} from '../../../test/support/test-app.ts';

describe('signing in and out', () => {
  let test: TestApp;
  before(async () => {
    test = await startTestApp({ ACCOUNT_LOCK_THRESHOLD: '3', ACCOUNT_LOCK_MINUTES: '15' });
  });
  after(() => test.close());

  it('signs in with the right password and lands where it was going', async () => {
    const user = await makeUser(test.services);
    const agent = test.agent();
    const refused = await agent.get('/partnerships/dudley');
    assert.equal(refused.status, 303);
    assert.equal(refused.headers.location, '/sign-in?returnTo=%2Fpartnerships%2Fdudley');
    const page = await agent.get('/sign-in?returnTo=%2Faccount%2Ftokens');
    const response = await agent
      .post('/sign-in')
      .type('form')
      .send({
        _csrf: csrfTokenIn(page.text),
        email: user.email.toUpperCase(),
        password: user.password,
        returnTo: '/account/tokens',
      });
    assert.equal(response.status, 303);
    assert.equal(response.headers.location, '/account/tokens');
    const home = await agent.get('/');
    assert.match($(home.text)('.app-header__account-name').text(), /Test User/);
  });

  it('refuses a wrong password with one message that does not say whether the email exists', async () => {
    const user = await makeUser(test.services);
    const wrong = await submit(test.agent(), '/sign-in', { email: user.email, password: 'not the password' });
    const unknown = await submit(test.agent(), '/sign-in', {
      email: 'nobody@example.org',
      password: 'not the password',
    });
    for (const response of [wrong, unknown]) {
      assert.equal(response.status, 401);
      assert.equal(
        $(response.text)('.govuk-error-summary a').text().trim(),
        'Enter a correct email address and password',
      );
      assert.equal(
        $(response.text)('#email').val(),
        response === wrong ? user.email : 'nobody@example.org',
        'the email is kept',
      );
      assert.equal($(response.text)('#password').val(), undefined, 'the password is never sent back');
    }
  });

  it('reports every missing answer at once', async () => {
    const response = await submit(test.agent(), '/sign-in', { email: '', password: '' });
    assert.equal(response.status, 400);
    const html = $(response.text);
    assert.deepEqual(
      html('.govuk-error-summary a')
        .map((_, el) => html(el).text().trim())
        .get(),
      ['Enter your email address', 'Enter your password'],
    );
    assert.match(html('title').text(), /^Error: Sign in/);
  });

  it('locks the account after repeated failures, even with the right password', async () => {
    const user = await makeUser(test.services);
    for (let attempt = 0; attempt < 3; attempt++)
      await submit(test.agent(), '/sign-in', { email: user.email, password: 'wrong password' });
    const locked = await submit(test.agent(), '/sign-in', { email: user.email, password: user.password });
    assert.equal(locked.status, 423);
    assert.match(
      $(locked.text)('.govuk-error-summary').text(),
      /Your account is locked because of too many attempts to sign in\. Try again in 15 minutes\./,
    );
  });

  it('rejects a form without its CSRF token and changes nothing', async () => {
    const user = await makeUser(test.services);
    const agent = test.agent();
    await agent.get('/sign-in');
    const response = await agent
      .post('/sign-in')
      .type('form')
      .send({ email: user.email, password: user.password });
    assert.equal(response.status, 403);
    assert.match(response.text, /Your form has expired/);
    assert.equal((await agent.get('/account/tokens')).status, 303, 'still signed out');
  });

  it('signs out, and the old session cookie no longer works', async () => {
    const user = await makeUser(test.services);
    const agent = test.agent();
    await submit(agent, '/sign-in', { email: user.email, password: user.password });
    assert.equal((await agent.get('/account/tokens')).status, 200);
    const out = await submit(agent, '/sign-out', {}, '/account/tokens');
    assert.equal(out.status, 303);
    assert.equal((await agent.get('/account/tokens')).status, 303);
  });

  it('answers an address with no account exactly as a real one, locked included', async () => {
    const user = await makeUser(test.services);
    const attempts = async (email: string) => {
      const answers: { status: number; message: string }[] = [];
      for (let attempt = 0; attempt < 4; attempt++) {
        const response = await submit(test.agent(), '/sign-in', { email, password: 'wrong password' });
        answers.push({ status: response.status, message: $(response.text)('.govuk-error-summary a').text() });
      }
      return answers;
    };
    const real = await attempts(user.email);
    const unknown = await attempts(`nobody-${Date.now()}@example.org`);
    assert.deepEqual(
      real.map((answer) => answer.status),
      [401, 401, 423, 423],
    );
    assert.deepEqual(unknown, real, 'the same statuses and messages: nothing tells which address exists');
  });

  it('records sign-ins, failures, lock-outs and sign-outs for platform administrators only', async () => {
    const user = await makeUser(test.services);
    const locked = await makeUser(test.services);
    const agent = test.agent();
    await submit(agent, '/sign-in', { email: user.email, password: 'wrong password' });
    await submit(agent, '/sign-in', { email: user.email, password: user.password });
    await submit(agent, '/sign-out', {}, '/account/tokens');
    for (let attempt = 0; attempt < 4; attempt++)
      await submit(test.agent(), '/sign-in', { email: locked.email, password: 'wrong password' });
    const token = await test.services.tokens.create(systemCaller('test'), user.id, 'Reporting');

    const events = await test.db.owner
      .selectFrom('audit_events')
      .select([
        'partnership_id as partnershipId',
        'action',
        'actor_label as actor',
        'entity_id as entityId',
        'after',
      ])
      .where('actor_label', 'in', [user.email, locked.email])
      .where('entity_type', '=', 'sign-in')
      .orderBy('id')
      .execute();
    assert.deepEqual(
      events.map(({ action, actor, entityId, partnershipId }) => ({
        action,
        actor,
        entityId,
        partnershipId,
      })),
      [
        { action: 'sign-in failed', actor: user.email, entityId: user.id, partnershipId: null },
        { action: 'signed in', actor: user.email, entityId: user.id, partnershipId: null },
        { action: 'signed out', actor: user.email, entityId: user.id, partnershipId: null },
        { action: 'sign-in failed', actor: locked.email, entityId: locked.id, partnershipId: null },
        { action: 'sign-in failed', actor: locked.email, entityId: locked.id, partnershipId: null },
        { action: 'locked', actor: locked.email, entityId: locked.id, partnershipId: null },
        { action: 'sign-in failed', actor: locked.email, entityId: locked.id, partnershipId: null },
      ],
    );
    assert.equal((events[1]!.after as { method: string }).method, 'password');
    assert.ok((events[1]!.after as { address?: string }).address, 'the client address is kept');

    const { agent: admin } = await signedInAs(test, null, 'platform-admin');
    const page = await admin.get(`/platform/audit?actor=${encodeURIComponent(locked.email)}`);
    assert.equal(page.status, 200);
    const rows = textsOf(page.text, '#audit tbody tr td:nth-child(3)');
    assert.equal(rows.length, 4);
    assert.match(rows[1]!, /Locked sign-in for .* for 15 minutes after 3 failures/);
    const tokens = await admin.get('/platform/audit?entityType=api+token');
    assert.ok(
      textsOf(tokens.text, '#audit tbody td').some((cell) => cell.includes('Created API token “Reporting”')),
      `token ${token.id} created, on the page`,
    );
    assert.equal(
      pageText((await admin.get('/')).text).includes('Platform audit trail'),
      true,
      'in the navigation of a platform administrator',
    );

    // nobody else sees platform events: not on the page, nor through row-level security
    const member = await makeUser(test.services);
    const other = test.agent();
    await submit(other, '/sign-in', { email: member.email, password: member.password });
    assert.equal((await other.get('/platform/audit')).status, 403);
    const seen = await test.db.transaction({ userId: member.id }, (trx) =>
      trx.selectFrom('audit_events').select('id').where('partnership_id', 'is', null).execute(),
    );
    assert.deepEqual(seen, []);
  });

  it('writes no session for pages seen without signing in, and its forms still work', async () => {
    // user_sessions is express-session's table, not in the typed schema
    const sessions = async () => {
      const { rows } = await sql<{ n: string }>`select count(*) as n from user_sessions`.execute(
        test.db.owner,
      );
      return Number(rows[0]!.n);
    };
    const before = await sessions();
    const agent = test.agent();
    for (const path of ['/sign-in', '/authorities', '/', '/sign-in?returnTo=%2Faccount%2Ftokens'])
      assert.ok((await agent.get(path)).status < 400, path);
    const refused = await submit(agent, '/sign-in', { email: 'nobody@example.org', password: 'wrong' });
    assert.equal(refused.status, 401);
    assert.equal(await sessions(), before, 'no session row for anyone not signed in');

    // a token is good only with its own browser's cookie
    const page = await test.agent().get('/sign-in');
    const user = await makeUser(test.services);
    const stolen = await agent
      .post('/sign-in')
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), email: user.email, password: user.password });
    assert.equal(stolen.status, 403);

    await submit(agent, '/sign-in', { email: user.email, password: user.password });
    assert.equal(await sessions(), before + 1, 'signing in makes the one session');
    assert.equal((await agent.get('/account/tokens')).status, 200);
  });

  it('refuses to send anyone to another site after signing in', async () => {
    const user = await makeUser(test.services);
    const agent = test.agent();
    const page = await agent.get('/sign-in');
    const response = await agent
      .post('/sign-in')
      .type('form')
      .send({
        _csrf: csrfTokenIn(page.text),
        email: user.email,
        password: user.password,
        returnTo: '//evil.example/',
      });
    assert.equal(response.headers.location, '/');
  });
});
