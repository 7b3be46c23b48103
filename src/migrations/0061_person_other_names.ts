// Other names of a person (issue 24 item 6): the names different minutes and lists spell the
// same person by ("Andy" for "Andrew", "R. Smith" for "Richard Smith"), kept on the person,
// shown and edited on the person's page and matched by the membership import.
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';

export async function up(db: MigrationDb): Promise<void> {
  await runSql(db, `alter table people add column other_names text[] not null default '{}';`);
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(db, `alter table people drop column other_names;`);
}
