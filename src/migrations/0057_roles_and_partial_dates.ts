// Observers, note-takers and dates as sources give them (issues 24 and 15, ADR 0041).
// - Seats may be held by an observer or a note-taker (`seats.role`): not members, never counted
//   for quorum or compliance, shown apart from members. At a meeting, people who are not members
//   may be recorded as observing or taking the notes (`attendance.status`), beside "in
//   attendance", the model of migration 0055.
// - A relationship between bodies may start and end on a year or a month
//   (`body_relationships.starts_precision`, `ends_precision`): the date kept is the first day the
//   start can mean and the last day the end can mean.
// - A meeting whose start time the minutes do not give (`meetings.start_time_known` false): kept
//   at midnight in England of its date, shown as the date alone, an all-day event in calendars.
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';

const memberRoles = `'chair', 'vice-chair', 'member', 'in-attendance'`;
const statuses = `'present', 'apologies', 'absent', 'substitute', 'in-attendance', 'other-apologies', 'guest'`;

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `alter table seats drop constraint seats_role_check;
     alter table seats add constraint seats_role_check check (role in (${memberRoles}, 'observer', 'note-taker'));
     alter table attendance drop constraint attendance_status_check;
     alter table attendance add constraint attendance_status_check check (status in (${statuses}, 'observer', 'note-taker'));
     alter table body_relationships add column starts_precision text not null default 'day'
       check (starts_precision in ('day', 'month', 'year'));
     alter table body_relationships add column ends_precision text not null default 'day'
       check (ends_precision in ('day', 'month', 'year'));
     alter table meetings add column start_time_known boolean not null default true;
     alter table meetings add constraint meetings_no_end_without_start check (start_time_known or ends_at is null);`,
  );
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `alter table meetings drop constraint meetings_no_end_without_start;
     alter table meetings drop column start_time_known;
     alter table body_relationships drop column ends_precision;
     alter table body_relationships drop column starts_precision;
     delete from attendance where status in ('observer', 'note-taker');
     alter table attendance drop constraint attendance_status_check;
     alter table attendance add constraint attendance_status_check check (status in (${statuses}));
     update seats set role = 'in-attendance' where role in ('observer', 'note-taker');
     alter table seats drop constraint seats_role_check;
     alter table seats add constraint seats_role_check check (role in (${memberRoles}));`,
  );
}
