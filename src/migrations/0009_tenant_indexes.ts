// Indexes that start, as row-level security filters, with the partnership (ADR 0008): a body's
// seats (the seats page, the membership lists), and the status events and relationships a
// structure is worked out from, which were read by scanning every partnership's rows and
// testing each against the tenant setting.
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `create index seats_partnership_body on seats (partnership_id, body_id, position);
     create index body_status_events_partnership on body_status_events (partnership_id);
     create index body_relationships_partnership on body_relationships (partnership_id);`,
  );
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `drop index seats_partnership_body;
     drop index body_status_events_partnership;
     drop index body_relationships_partnership;`,
  );
}
