// Seats over time (issue 14): a seat exists from a date until a date, so a body's seats on a
// date are those that exist on it; a seat may be held ex officio by an office (the chair of
// another body, or a named post such as the director of children's services); whether a chair
// is independent can be left unknown; a body sets the attendance below which a held seat is
// flagged as rarely attended. Existing seats take their body's dates.
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `alter table seats add column starts_on date;
     alter table seats add column ends_on date;
     alter table seats add constraint seats_dates_ordered check (ends_on is null or starts_on is null or ends_on >= starts_on);
     alter table seats add column office text;
     alter table seats add column office_body_id uuid;
     alter table seats add constraint seats_office_body_fkey foreign key (partnership_id, office_body_id)
       references bodies (partnership_id, id) on delete set null (office_body_id);
     update seats set starts_on = b.starts_on, ends_on = b.ends_on from bodies b where b.id = seats.body_id;
     alter table seats alter column independent drop not null;
     alter table seats alter column independent drop default;
     alter table bodies add column attendance_threshold integer not null default 50
       check (attendance_threshold between 0 and 100);`,
  );
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `alter table bodies drop column attendance_threshold;
     update seats set independent = false where independent is null;
     alter table seats alter column independent set default false;
     alter table seats alter column independent set not null;
     alter table seats drop column office_body_id;
     alter table seats drop column office;
     alter table seats drop constraint seats_dates_ordered;
     alter table seats drop column ends_on;
     alter table seats drop column starts_on;`,
  );
}
