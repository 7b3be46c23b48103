import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { migrateToLatest, migrateToNothing, pendingMigrations } from './migrator.ts';
import { migrations } from '../../migrations/index.ts';
import { openTestRuntime } from '../../../test/support/test-database.ts';

type Runtime = Awaited<ReturnType<typeof openTestRuntime>>;

const publicTables = (runtime: Runtime) =>
  runtime.db.transaction({}, async (trx) =>
    (
      await sql<{ table_name: string }>`select table_name from information_schema.tables
        where table_schema = 'public' and table_name not like 'kysely_%' order by table_name`.execute(trx)
    ).rows.map((row) => row.table_name),
  );

describe('migrations', () => {
  let runtime: Runtime;
  before(async () => {
    runtime = await openTestRuntime();
  });
  after(() => runtime.close());

  it('are all applied on start', async () => {
    assert.deepEqual(await pendingMigrations(runtime.db.owner, migrations), []);
  });

  it('go down to nothing and up again, leaving the same schema', async () => {
    const tables = await publicTables(runtime);
    assert.ok(tables.includes('partnerships') && tables.includes('audit_events'));
    const reverted = await migrateToNothing(runtime.db.owner, migrations);
    assert.equal(reverted.length, Object.keys(migrations).length);
    assert.deepEqual(await publicTables(runtime), []);
    const applied = await migrateToLatest(runtime.db.owner, migrations);
    assert.equal(applied.length, Object.keys(migrations).length);
    assert.deepEqual(await publicTables(runtime), tables);
    const count = await runtime.db.transaction(
      {},
      async (trx) =>
        (
          await sql<{ n: number }>`select count(*)::int as n from authorities where valid_to is null`.execute(
            trx,
          )
        ).rows[0]!.n,
    );
    assert.equal(count, 153);
  });

  it('leave the application role unable to change reference data', async () => {
    await assert.rejects(
      runtime.db.transaction({}, (trx) => sql`update authorities set name = 'Elsewhere'`.execute(trx)),
      /permission denied/,
    );
  });
});
