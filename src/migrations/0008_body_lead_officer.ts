// A body's lead officer: one of the partnership's people (the same partnership, enforced by
// the composite key); cleared if the person is removed.
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `alter table bodies add column lead_officer_person_id uuid;
     alter table bodies add constraint bodies_lead_officer_fkey foreign key (partnership_id, lead_officer_person_id)
       references people (partnership_id, id) on delete set null (lead_officer_person_id);`,
  );
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(db, `alter table bodies drop column lead_officer_person_id;`);
}
