// Appointments as lists and minutes give them (issue 15, ADR 0045).
// - `memberships.starts_precision`, `ends_precision`: a membership's start and end known to the
//   year, the month or the day ("from April 2010"); the date kept is the first day the start can
//   mean and the last day the end can mean, so a membership still covers every day it may.
// - `membership_terms`: a membership's title or role from a date until the next row (a change of
//   title between meetings is a dated fact of the same membership, not a new one).
// - `membership_organisations`: the other organisations a joint post is held for (the first stays
//   `memberships.organisation_id`), each counted for its own category.
// - A register entry that names a membership (a substitute for it) no longer disappears with it:
//   removing a membership the register counts is refused by the service, and by the database.
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';
import { tenantTable, versionedTable } from './tenancy.ts';

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `alter table memberships add column starts_precision text not null default 'day'
       check (starts_precision in ('day', 'month', 'year'));
     alter table memberships add column ends_precision text not null default 'day'
       check (ends_precision in ('day', 'month', 'year'));

     create table membership_terms (
       id uuid primary key default gen_random_uuid(),
       partnership_id uuid not null references partnerships (id) on delete cascade,
       membership_id uuid not null,
       holds_from date not null,
       title text check (title is null or length(trim(title)) > 0),
       role text check (role is null or role in ('chair', 'vice-chair', 'member', 'in-attendance')),
       created_at timestamptz not null default now(),
       foreign key (partnership_id, membership_id) references memberships (partnership_id, id) on delete cascade,
       unique (membership_id, holds_from),
       check (title is not null or role is not null)
     );

     create table membership_organisations (
       partnership_id uuid not null references partnerships (id) on delete cascade,
       membership_id uuid not null,
       organisation_id uuid not null,
       primary key (membership_id, organisation_id),
       foreign key (partnership_id, membership_id) references memberships (partnership_id, id) on delete cascade,
       foreign key (partnership_id, organisation_id) references organisations (partnership_id, id)
     );
     create index membership_organisations_organisation on membership_organisations (organisation_id);

     alter table attendance drop constraint attendance_partnership_id_for_membership_id_fkey;
     alter table attendance add constraint attendance_partnership_id_for_membership_id_fkey
       foreign key (partnership_id, for_membership_id) references memberships (partnership_id, id);`,
  );
  for (const table of ['membership_terms', 'membership_organisations']) {
    await tenantTable(db, table, ['select', 'insert', 'update', 'delete']);
    await versionedTable(db, table);
  }
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `alter table attendance drop constraint attendance_partnership_id_for_membership_id_fkey;
     alter table attendance add constraint attendance_partnership_id_for_membership_id_fkey
       foreign key (partnership_id, for_membership_id) references memberships (partnership_id, id) on delete cascade;
     drop table membership_organisations;
     drop table membership_terms;
     alter table memberships drop column ends_precision;
     alter table memberships drop column starts_precision;`,
  );
}
