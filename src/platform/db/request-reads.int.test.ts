import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { sql, type Kysely } from 'kysely';
import { openTestRuntime } from '../../../test/support/test-database.ts';
import { makePartnership } from '../../../test/support/test-app.ts';
import { systemCaller } from '../http/auth.ts';
import { currentReads } from './request-reads.ts';

type Runtime = Awaited<ReturnType<typeof openTestRuntime>>;

const settings = (runtime: Runtime, scope: { partnershipId?: string; userId?: string }) =>
  runtime.db.read(scope, async (trx) => {
    const { rows } = await sql<{ partnership: string; user: string; tx: string }>`select
        current_setting('app.partnership_id', true) as partnership,
        current_setting('app.user_id', true) as user,
        txid_current_if_assigned()::text || '' as tx`.execute(trx);
    return rows[0]!;
  });

describe("a request's reads share one read-only transaction", () => {
  let runtime: Runtime;
  let a: string;
  let b: string;
  before(async () => {
    runtime = await openTestRuntime();
    a = (await makePartnership(runtime.services, 'reads-a')).id;
    b = (await makePartnership(runtime.services, 'reads-b', 'E08000028')).id;
    for (const id of [a, b])
      await runtime.services.membership.addOrganisation(systemCaller('test', id), {
        name: `Council of ${id}`,
        sector: 'local-authority',
        category: null,
        notes: null,
      });
  });
  after(() => runtime.close());

  it('opens one transaction for the reads of a request, each read in its own scope', async () => {
    const { reads, result } = runtime.db.requestScope(async () => {
      const first = await settings(runtime, { partnershipId: a });
      const second = await settings(runtime, { partnershipId: b, userId: 'u1' });
      const third = await settings(runtime, {});
      return [first, second, third];
    });
    const [first, second, third] = await result;
    assert.equal(reads.opened, 1);
    assert.deepEqual(
      [first!.partnership, second!.partnership, second!.user, third!.partnership],
      [a, b, 'u1', ''],
    );
  });

  it('lets row-level security see only the scope of each read, even when reads run at once', async () => {
    const { reads, result } = runtime.db.requestScope(() =>
      Promise.all(
        [a, b, a, b].map((id) =>
          runtime.db.read({ partnershipId: id }, async (trx) => {
            const rows = await trx.selectFrom('organisations').select('partnership_id as id').execute();
            const scope = await sql<{
              id: string;
            }>`select current_setting('app.partnership_id') as id`.execute(trx);
            return { rows: rows.map((row) => row.id), scope: scope.rows[0]!.id };
          }),
        ),
      ),
    );
    for (const [index, answer] of (await result).entries()) {
      const expected = index % 2 ? b : a;
      assert.equal(answer.scope, expected);
      assert.deepEqual(answer.rows, [expected]);
    }
    assert.equal(reads.opened, 1);
  });

  it('runs no read before its scope is set, however many start together', async () => {
    const { result } = runtime.db.requestScope(() =>
      Promise.all(
        Array.from({ length: 6 }, () =>
          runtime.db.read({ partnershipId: a }, async (trx) => {
            const { rows } = await sql<{ who: string; scope: string }>`select current_user as who,
                current_setting('app.partnership_id', true) as scope`.execute(trx);
            return rows[0]!;
          }),
        ),
      ),
    );
    for (const answer of await result) assert.deepEqual(answer, { who: 'cooperate_app', scope: a });
  });

  it('refuses to write in a read, and reads on in a new transaction after any database error', async () => {
    const { reads, result } = runtime.db.requestScope(async () => {
      await assert.rejects(
        runtime.db.read({ partnershipId: a }, (trx) =>
          trx.updateTable('partnerships').set({ name: 'Changed' }).where('id', '=', a).execute(),
        ),
        /read-only transaction/,
      );
      return settings(runtime, { partnershipId: a });
    });
    assert.equal((await result).partnership, a);
    assert.equal(reads.opened, 2);
    const name = await runtime.db.transaction({ partnershipId: a }, (trx) =>
      trx.selectFrom('partnerships').select('name').where('id', '=', a).executeTakeFirstOrThrow(),
    );
    assert.notEqual(name.name, 'Changed');
  });

  it('ends the shared transaction before a write, and reads what was written after it', async () => {
    const { reads, result } = runtime.db.requestScope(async () => {
      await settings(runtime, { partnershipId: a });
      await runtime.db.transaction({ partnershipId: a }, (trx) =>
        trx.updateTable('partnerships').set({ name: 'Renamed in a request' }).where('id', '=', a).execute(),
      );
      return runtime.db.read({ partnershipId: a }, (trx) =>
        trx.selectFrom('partnerships').select('name').where('id', '=', a).executeTakeFirstOrThrow(),
      );
    });
    assert.equal((await result).name, 'Renamed in a request');
    assert.equal(reads.opened, 2);
  });

  it('gives the connection back once the reads are over, before the request does anything else', async () => {
    const { result } = runtime.db.requestScope(async () => {
      await settings(runtime, { partnershipId: a });
      await nextTurn();
      await nextTurn();
      // a query outside the shared transaction (the session store's) is not kept waiting
      return runtime.db.owner.selectFrom('partnerships').select('id').execute();
    });
    assert.ok((await result).length >= 2);
    const pool = runtime.db.engine.pool;
    assert.equal(pool.totalCount - pool.idleCount, 0);
  });

  it('starts background work outside the request, so that it neither joins nor ends its reads', async () => {
    const { reads, result } = runtime.db.requestScope(async () => {
      const before = await settings(runtime, { partnershipId: a });
      const shared = runtime.db.background(() => currentReads(runtime.db.owner as Kysely<unknown>));
      const inBackground = await runtime.db.background(() => settings(runtime, { partnershipId: b }));
      const after = await settings(runtime, { partnershipId: a });
      return {
        before,
        shared,
        inBackground,
        after,
        inRequest: currentReads(runtime.db.owner as Kysely<unknown>),
      };
    });
    const { before, shared, inBackground, after, inRequest } = await result;
    await reads.end();
    assert.equal(inRequest, reads);
    assert.equal(shared, undefined, 'background work saw the request’s reads');
    assert.equal(before.partnership, a);
    assert.equal(after.partnership, a);
    assert.equal(inBackground.partnership, b);
  });

  it('runs each read in a transaction of its own outside a request, as before', async () => {
    const first = await settings(runtime, { partnershipId: a });
    assert.equal(first.partnership, a);
  });
});
