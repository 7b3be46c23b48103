import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import pg from 'pg';
import {
  grant,
  makePartnership,
  signIn,
  submit,
  makeUser,
  signedInAs,
  startTestApp,
  textsOf,
  type TestApp,
} from '../../../test/support/test-app.ts';
import { systemCaller } from '../../platform/http/auth.ts';
import { membersRepository } from './accounts.repository.ts';

/** Counts every statement any `pg` client sends while `work` runs. */
async function statementsDuring(work: () => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    sent.push(typeof first === 'string' ? first : (first?.text ?? ''));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = original;
  }
  return sent;
}

describe('who is asking and about which partnership, in one statement (ADR 0022)', () => {
  let test: TestApp;
  let a: string;
  let b: string;
  before(async () => {
    // what production sends: without the check that works kept answers out again (ADR 0056)
    test = await startTestApp({ KEPT_PAGES_CHECK: 'false' });
    a = (await makePartnership(test.services, 'context-a')).id;
    b = (await makePartnership(test.services, 'context-b', 'E08000028')).id;
    await test.services.bodies.create(systemCaller('test', a), {
      slug: 'board',
      name: 'Board of A',
      kind: 'board',
      takesDecisions: true,
      status: 'established',
      statusOn: '2009',
    });
  });
  after(() => test.close());

  const contextOf = (userId: string, slug: string | null) =>
    test.db.gate((gate) => membersRepository.requestContext(gate, userId, slug));

  it('answers a member with the partnership, their role and its data version', async () => {
    const user = await makeUser(test.services);
    await grant(test.services, a, user.id, 'editor');
    const found = await contextOf(user.id, 'context-a');
    assert.equal(found?.userId, user.id);
    assert.equal(found?.email, user.email);
    assert.equal(found?.partnershipId, a);
    assert.equal(found?.partnershipName, 'Partnership context-a');
    assert.equal(found?.role, 'editor');
    assert.match(found?.version ?? '', /^\d+$/);
  });

  it('tells someone who is not a member neither a role nor the data version', async () => {
    const user = await makeUser(test.services);
    await grant(test.services, b, user.id, 'viewer');
    const found = await contextOf(user.id, 'context-a');
    assert.equal(found?.partnershipId, a, 'the slug resolves (the page then answers 404)');
    assert.equal(found?.role, null);
    assert.equal(found?.version, null);
  });

  it('answers the user alone for no slug or one that names no partnership, and nothing for no user', async () => {
    const user = await makeUser(test.services);
    for (const slug of [null, 'no-such-partnership']) {
      const found = await contextOf(user.id, slug);
      assert.equal(found?.userId, user.id);
      assert.equal(found?.partnershipId, null);
    }
    assert.equal(await contextOf('00000000-0000-4000-8000-000000000000', 'context-a'), undefined);
  });

  it('lets the application role call them and nothing else', async () => {
    const { rows } = await sql<{ grantee: string }>`select grantee from information_schema.routine_privileges
      where routine_name in ('request_context', 'session_context')`.execute(test.db.owner);
    const grantees = rows.map((row) => row.grantee);
    assert.ok(grantees.includes('cooperate_app'));
    assert.ok(!grantees.includes('PUBLIC'));
  });

  it('serves a kept page with one statement, the session with its context, and no transaction', async () => {
    const { agent } = await signedInAs(test, a, 'viewer');
    const page = () => agent.get('/partnerships/context-a/structure').expect(200);
    await page();
    const sent = await statementsDuring(page);
    assert.equal(sent.length, 1, sent.join('\n'));
    assert.match(sent[0]!, /session_context/);
  });

  it('reads the session and its user in one statement, and an expired session as none', async () => {
    const user = await makeUser(test.services);
    await grant(test.services, a, user.id, 'editor');
    const sid = `test-${Date.now()}`;
    const store = (expire: string) =>
      sql`insert into user_sessions (sid, sess, expire) values (${sid}, ${JSON.stringify({ cookie: {}, userId: user.id })}, ${expire}::timestamp)
          on conflict (sid) do update set expire = excluded.expire`.execute(test.db.owner);
    await store('2999-01-01');
    const found = await test.db.gate((gate) => membersRepository.sessionContext(gate, sid, 'context-a'));
    assert.deepEqual(found?.sess, { cookie: {}, userId: user.id });
    assert.equal(found?.userId, user.id);
    assert.equal(found?.role, 'editor');
    await store('2000-01-01');
    assert.equal(
      await test.db.gate((gate) => membersRepository.sessionContext(gate, sid, 'context-a')),
      undefined,
    );
  });

  it('reads a session without a user (before signing in) with no context', async () => {
    const sid = `anonymous-${Date.now()}`;
    await sql`insert into user_sessions (sid, sess, expire)
      values (${sid}, ${JSON.stringify({ cookie: {}, csrfToken: 'x' })}, '2999-01-01')`.execute(
      test.db.owner,
    );
    const found = await test.db.gate((gate) => membersRepository.sessionContext(gate, sid, null));
    assert.deepEqual(found?.sess, { cookie: {}, csrfToken: 'x' });
    assert.equal(found?.userId, null);
  });

  it('signs out for good: the old cookie, sent again, no longer signs anyone in', async () => {
    const user = await makeUser(test.services);
    await grant(test.services, a, user.id, 'viewer');
    const agent = test.agent();
    const signedIn = await signIn(agent, user.email, user.password);
    const cookie = signedIn.headers['set-cookie']![0]!.split(';')[0]!;
    await test.request().get('/partnerships/context-a/structure').set('Cookie', cookie).expect(200);
    assert.equal((await submit(agent, '/sign-out', {}, '/partnerships/context-a/structure')).status, 303);
    const after = await test.request().get('/partnerships/context-a/structure').set('Cookie', cookie);
    assert.notEqual(after.status, 200);
  });

  it('stops serving a member the moment they are removed, and shows a new role at once', async () => {
    await grant(test.services, a, (await makeUser(test.services)).id, 'admin');
    const { user, agent } = await signedInAs(test, a, 'viewer');
    // the Users page sits in the Settings group of the menu (issue 23): its own menu shows it
    const usersLink = async () => textsOf((await agent.get('/partnerships/context-a/users')).text, 'nav a');
    assert.equal((await agent.get('/partnerships/context-a/users')).status, 403);
    await grant(test.services, a, user.id, 'admin');
    assert.ok((await usersLink()).includes('Users'), 'an administrator sees the Users page');
    await test.services.members.remove(systemCaller('test', a), user.id);
    await agent.get('/partnerships/context-a/structure').expect(404);
  });
});
