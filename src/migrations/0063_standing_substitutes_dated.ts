// Standing substitutes with their dates (issue 15, ADR 0045 as amended): a person named in
// advance to substitute for a member from a date until a date, each known to the year, the
// month or the day as the source gives it (the start kept as the first day it can mean, the end
// as the last). A past register reads who was the standing substitute on the meeting's date;
// ending one sets its end date instead of deleting the row, so one person may hold several
// periods for one membership. Existing substitutes hold from the appointment's start, open-ended.
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `alter table membership_substitutes add column id uuid not null default gen_random_uuid();
     alter table membership_substitutes add column starts_on date;
     alter table membership_substitutes add column ends_on date;
     alter table membership_substitutes add column starts_precision text not null default 'day'
       check (starts_precision in ('day', 'month', 'year'));
     alter table membership_substitutes add column ends_precision text not null default 'day'
       check (ends_precision in ('day', 'month', 'year'));
     alter table membership_substitutes add constraint membership_substitutes_period
       check (ends_on is null or starts_on is null or ends_on >= starts_on);
     alter table membership_substitutes drop constraint membership_substitutes_pkey;
     alter table membership_substitutes add primary key (id);
     create index membership_substitutes_membership on membership_substitutes (membership_id, person_id);
     update membership_substitutes ms
        set starts_on = m.starts_on, starts_precision = m.starts_precision
       from memberships m
      where m.id = ms.membership_id;`,
  );
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `delete from membership_substitutes where ends_on is not null;
     delete from membership_substitutes a using membership_substitutes b
      where a.membership_id = b.membership_id and a.person_id = b.person_id and a.id > b.id;
     drop index membership_substitutes_membership;
     alter table membership_substitutes drop constraint membership_substitutes_pkey;
     alter table membership_substitutes add primary key (membership_id, person_id);
     alter table membership_substitutes drop constraint membership_substitutes_period;
     alter table membership_substitutes drop column ends_precision;
     alter table membership_substitutes drop column starts_precision;
     alter table membership_substitutes drop column ends_on;
     alter table membership_substitutes drop column starts_on;
     alter table membership_substitutes drop column id;`,
  );
}
