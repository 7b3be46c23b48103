import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import pg from 'pg';
import {
  grant,
  makePartnership,
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
    test = await startTestApp();
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

  it('lets the application role call it and nothing else', async () => {
    const { rows } = await sql<{ grantee: string }>`select grantee from information_schema.routine_privileges
      where routine_name = 'request_context'`.execute(test.db.owner);
    const grantees = rows.map((row) => row.grantee);
    assert.ok(grantees.includes('cooperate_app'));
    assert.ok(!grantees.includes('PUBLIC'));
  });

  it('serves a kept page with two statements, the session and the context, and no transaction', async () => {
    const { agent } = await signedInAs(test, a, 'viewer');
    const page = () => agent.get('/partnerships/context-a/structure').expect(200);
    await page();
    const sent = await statementsDuring(page);
    assert.equal(sent.length, 2, sent.join('\n'));
    assert.match(sent[0]!, /user_sessions/);
    assert.match(sent[1]!, /request_context/);
  });

  it('stops serving a member the moment they are removed, and shows a new role at once', async () => {
    await grant(test.services, a, (await makeUser(test.services)).id, 'admin');
    const { user, agent } = await signedInAs(test, a, 'viewer');
    const usersLink = async () =>
      textsOf((await agent.get('/partnerships/context-a/structure').expect(200)).text, 'nav a');
    assert.ok(!(await usersLink()).includes('Users'));
    await grant(test.services, a, user.id, 'admin');
    assert.ok((await usersLink()).includes('Users'), 'an administrator sees the Users page');
    await test.services.members.remove(systemCaller('test', a), user.id);
    await agent.get('/partnerships/context-a/structure').expect(404);
  });
});
