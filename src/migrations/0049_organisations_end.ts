// Organisations that end (issue 14): an organisation may have the date it ended (its last day:
// a Primary Care Trust ended on 31 March 2013) and the organisation that succeeded it, in the
// same partnership (the composite key keeps it there), never itself.
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `alter table organisations add column ends_on date;
     alter table organisations add column successor_id uuid;
     alter table organisations add constraint organisations_successor_fkey foreign key (partnership_id, successor_id)
       references organisations (partnership_id, id) on delete set null (successor_id);
     alter table organisations add constraint organisations_not_own_successor check (successor_id <> id);
     create index organisations_successor on organisations (successor_id) where successor_id is not null;`,
  );
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `drop index organisations_successor;
     alter table organisations drop constraint organisations_not_own_successor;
     alter table organisations drop constraint organisations_successor_fkey;
     alter table organisations drop column successor_id;
     alter table organisations drop column ends_on;`,
  );
}
