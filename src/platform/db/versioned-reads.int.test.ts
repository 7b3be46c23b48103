import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import {
  makePartnership,
  makeUser,
  signedInAs,
  startTestApp,
  textsOf,
  type TestApp,
} from '../../../test/support/test-app.ts';
import { systemCaller } from '../http/auth.ts';
import { recordChange } from '../audit/audit.ts';

const group = (slug: string, name: string) => ({
  slug,
  name,
  kind: 'sub-group' as const,
  takesDecisions: false,
  status: 'established' as const,
  statusOn: '2009',
});

describe("pages kept under the partnership's data version (ADR 0021, declared on the route: ADR 0056)", () => {
  let test: TestApp;
  let a: string;
  let b: string;
  const versionOf = async (partnershipId: string) => {
    const { rows } = await sql<{ version: string }>`select version::text from partnership_versions
      where partnership_id = ${partnershipId}`.execute(test.db.owner);
    return Number(rows[0]?.version ?? 0);
  };
  before(async () => {
    test = await startTestApp();
    a = (await makePartnership(test.services, 'kept-a')).id;
    b = (await makePartnership(test.services, 'kept-b', 'E08000028')).id;
    await test.services.bodies.create(systemCaller('test', a), group('a-group', 'Group of A'));
    await test.services.bodies.create(systemCaller('test', b), group('b-group', 'Group of B'));
  });
  after(() => test.close());

  it('moves a partnership’s version on with every change to its rows, and only its own', async () => {
    const [beforeA, beforeB] = [await versionOf(a), await versionOf(b)];
    await test.services.bodies.create(systemCaller('test', a), group('a-second', 'Second group of A'));
    assert.ok((await versionOf(a)) > beforeA, 'a new body moves the version on');
    assert.equal(await versionOf(b), beforeB, 'another partnership’s stays');
    const moved = await versionOf(a);
    await test.db.transaction({ partnershipId: a }, (trx) =>
      trx.deleteFrom('bodies').where('slug', '=', 'a-second').execute(),
    );
    assert.ok((await versionOf(a)) > moved, 'a deletion moves it on too');
    const renamed = await versionOf(a);
    await test.db.owner
      .updateTable('partnerships')
      .set({ name: 'Partnership kept-a, renamed' })
      .where('id', '=', a)
      .execute();
    assert.ok((await versionOf(a)) > renamed, 'so does a change to the partnership itself');
  });

  it('has every table with a partnership’s rows move the version (a new table must call versionedTable)', async () => {
    const { rows } = await sql<{ table_name: string }>`
      select c.table_name from information_schema.columns c
        join information_schema.tables t using (table_schema, table_name)
       where c.table_schema = current_schema() and c.column_name = 'partnership_id'
         and t.table_type = 'BASE TABLE' and c.table_name <> 'partnership_versions'
         and (select count(*) from pg_trigger g join pg_proc p on p.oid = g.tgfoid
               where g.tgrelid = (quote_ident(c.table_name))::regclass
                 and p.proname = 'bump_partnership_versions') <> 3`.execute(test.db.owner);
    assert.deepEqual(
      rows.map((row) => row.table_name),
      [],
    );
  });

  it('serves a page’s structure from what was kept, and never after a change', async () => {
    const { agent } = await signedInAs(test, a, 'editor');
    const kept = test.db.kept!;
    const names = async () =>
      textsOf((await agent.get('/partnerships/kept-a/structure')).text, '#bodies tbody th');
    assert.deepEqual(await names(), ['Group of A']);
    const hits = kept.hits;
    assert.deepEqual(await names(), ['Group of A']);
    assert.ok(kept.hits > hits, 'the second view is served from what the first read');

    await test.services.bodies.create(systemCaller('test', a), group('a-third', 'Third group of A'));
    assert.deepEqual(await names(), ['Group of A', 'Third group of A'], 'the change shows at once');
  });

  it("keeps a page's HTML apart for each role: a viewer never sees what an editor was shown (ADR 0023)", async () => {
    const editor = (await signedInAs(test, a, 'editor')).agent;
    const viewer = (await signedInAs(test, a, 'viewer')).agent;
    const addLink = async (agent: typeof editor) =>
      textsOf((await agent.get('/partnerships/kept-a/structure').expect(200)).text, 'a').includes(
        'Add a body',
      );
    assert.equal(await addLink(editor), true);
    const hits = test.db.kept!.hits;
    assert.equal(await addLink(viewer), false);
    assert.equal(await addLink(editor), true);
    assert.ok(test.db.kept!.hits > hits, 'served from what was kept');
  });

  it('keeps for a platform administrator who is not a member too (migration 0067), never stale', async () => {
    const { agent } = await signedInAs(test, null, 'platform-admin');
    const names = async () =>
      textsOf((await agent.get('/partnerships/kept-a/structure')).text, '#bodies tbody th');
    const before = await names();
    const hits = test.db.kept!.hits;
    assert.deepEqual(await names(), before);
    assert.ok(test.db.kept!.hits > hits, 'the second view is served from what the first read');
    await test.services.bodies.create(systemCaller('test', a), group('a-fifth', 'Fifth group of A'));
    assert.ok(!before.includes('Fifth group of A'));
    assert.ok((await names()).includes('Fifth group of A'), 'the change shows at once');
  });

  it('keeps the API’s answers for a token, and never after a change (ADR 0058)', async () => {
    const user = await makeUser(test.services, { platformAdmin: true });
    const { token } = await test.services.tokens.create(systemCaller('test'), user.id, 'kept');
    const bodies = async () =>
      (
        (
          await test
            .request()
            .get('/api/v1/partnerships/kept-a/bodies')
            .set('Authorization', `Bearer ${token}`)
            .expect(200)
        ).body as { items: { name: string }[] }
      ).items.map((item) => item.name);
    const before = await bodies();
    const hits = test.db.kept!.hits;
    assert.deepEqual(await bodies(), before);
    assert.ok(test.db.kept!.hits > hits, 'the second answer is served from what the first read');
    await test.services.bodies.create(systemCaller('test', a), group('a-api', 'Group of A for the API'));
    assert.ok((await bodies()).includes('Group of A for the API'), 'the change shows at once');
  });

  it('keeps the audit trail, and shows at once an event recorded with no other row changed (migration 0068)', async () => {
    const { agent } = await signedInAs(test, a, 'admin');
    const summaries = async () =>
      textsOf(
        (await agent.get('/partnerships/kept-a/audit').expect(200)).text,
        '#audit tbody td:nth-child(3)',
      );
    const before = await summaries();
    const hits = test.db.kept!.hits;
    assert.deepEqual(await summaries(), before);
    assert.ok(test.db.kept!.hits > hits, 'the second view is served from what the first read');
    // an event alone, as a message sent by the mail job records it
    await test.db.transaction({ partnershipId: a }, (trx) =>
      recordChange(trx, systemCaller('test', a).actor, {
        partnershipId: a,
        action: 'mail-sent',
        entityType: 'mail',
        entityId: a,
        summary: 'Sent “An event alone” to someone@example.org',
      }),
    );
    assert.ok(
      (await summaries()).some((summary) => summary.includes('An event alone')),
      'the event shows at once',
    );
  });

  it('keeps the local authorities, reference data, for everyone until the release changes', async () => {
    const list = async () =>
      textsOf((await test.request().get('/authorities?q=Dudley').expect(200)).text, 'tbody td a');
    assert.deepEqual(await list(), ['Dudley']);
    const hits = test.db.kept!.hits;
    assert.deepEqual(await list(), ['Dudley']);
    assert.ok(test.db.kept!.hits > hits, 'the second view is served from what the first read');
  });

  it('never serves one partnership what was kept for another', async () => {
    const { agent } = await signedInAs(test, b, 'viewer');
    const page = await agent.get('/partnerships/kept-b/structure');
    assert.deepEqual(textsOf(page.text, '#bodies tbody th'), ['Group of B']);
    const compliance = await agent.get('/partnerships/kept-b/compliance');
    assert.equal(compliance.status, 200);
    assert.ok(!compliance.text.includes('Group of A'));
  });

  it('reads afresh for the rest of a request once the request has written', async () => {
    const caller = systemCaller('test', a);
    const names = () =>
      test.db.keptFor(a, 'test names', async () =>
        (await test.services.bodies.structure(caller)).bodies.map((entry) => entry.name).sort(),
      );
    const { result } = test.db.requestScope(async () => {
      const [{ version }] = (
        await sql<{ version: string }>`select version::text from partnership_versions
          where partnership_id = ${a}`.execute(test.db.owner)
      ).rows as [{ version: string }];
      test.db.noteVersion(a, version);
      const before = await names();
      const hits = test.db.kept!.hits;
      assert.deepEqual(await names(), before);
      assert.ok(test.db.kept!.hits > hits, 'kept while the request has not written');
      await test.services.bodies.create(caller, group('a-fourth', 'Fourth group of A'));
      return { before, after: await names() };
    });
    const { before, after } = await result;
    assert.ok(!before.includes('Fourth group of A'));
    assert.ok(after.includes('Fourth group of A'), 'the request sees its own write');
  });

  it('keeps a page declared by the date under today’s date: another day reads afresh (ADR 0056)', async (t) => {
    const { agent } = await signedInAs(test, a, 'viewer');
    const kept = test.db.kept!;
    const heading = async () => {
      const page = await agent.get('/partnerships/kept-a/structure').expect(200);
      return textsOf(page.text, '#diagram-title, h1, h2').join(' ');
    };
    const todays = await heading();
    const misses = kept.misses;
    assert.equal(await heading(), todays);
    assert.equal(kept.misses, misses, 'served from what was kept today');
    // one minute before today began: yesterday, within the session's life
    const now = Date.now();
    t.mock.timers.enable({ apis: ['Date'], now: now - (now % 86_400_000) - 60_000 });
    try {
      await heading();
      assert.ok(kept.misses > misses, 'another date is another key: read and rendered afresh');
    } finally {
      t.mock.timers.reset();
    }
    const again = kept.misses;
    assert.equal(await heading(), todays, 'today’s page again');
    assert.equal(kept.misses, again, 'still kept under today’s date');
  });

  it('freezes what it keeps, so that code changing a shared answer fails in tests', async () => {
    const kept = test.db.kept!;
    const value = await kept.get(a, 'frozen', 'test', async () => ({ list: [{ name: 'x' }] }));
    assert.ok(Object.isFrozen(value) && Object.isFrozen(value.list) && Object.isFrozen(value.list[0]));
    assert.throws(() => value.list.push({ name: 'y' }), TypeError);
  });
});
