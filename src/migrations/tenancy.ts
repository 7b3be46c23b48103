// The same few statements make any table a tenant table: row-level security, enabled and
// forced, keyed on the partnership, and the application role's grants.
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';

export async function tenantTable(
  db: MigrationDb,
  table: string,
  grants: ('select' | 'insert' | 'update' | 'delete')[],
): Promise<void> {
  if (!/^[a-z_]+$/.test(table)) throw new Error(`Not a table name: ${table}`);
  await runSql(
    db,
    `
    alter table ${table} enable row level security;
    alter table ${table} force row level security;
    create policy tenant on ${table}
      using (partnership_id = current_partnership_id())
      with check (partnership_id = current_partnership_id());
    grant ${grants.join(', ')} on ${table} to cooperate_app;
    `,
  );
}

/**
 * Moves the partnership's data version on (ADR 0021) whenever the table's rows change: one
 * trigger a statement and kind of change, naming the rows changed "changed".
 */
export async function versionedTable(db: MigrationDb, table: string): Promise<void> {
  if (!/^[a-z_]+$/.test(table)) throw new Error(`Not a table name: ${table}`);
  const trigger = (event: 'insert' | 'update' | 'delete') =>
    `create trigger ${table}_version_${event} after ${event} on ${table}
       referencing ${event === 'delete' ? 'old' : 'new'} table as changed
       for each statement execute function bump_partnership_versions();`;
  await runSql(db, [trigger('insert'), trigger('update'), trigger('delete')].join('\n'));
}
