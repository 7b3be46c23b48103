// The register as the minutes give it (issue 15, ADR 0033): who chaired the meeting (one person,
// present as a member or attending as a substitute); apologies from people who are not members
// ("other-apologies"), kept apart from members' figures like "in-attendance"; guests who came
// for one agenda item ("guest", with the item); and attendees the minutes only count
// ("3 young people", "about 29 present"), by description, in a table of their own.
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';
import { tenantTable, versionedTable } from './tenancy.ts';

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `alter table attendance drop constraint attendance_status_check;
     alter table attendance add constraint attendance_status_check check (status in
       ('present', 'apologies', 'absent', 'substitute', 'in-attendance', 'other-apologies', 'guest'));
     alter table attendance add column chaired boolean not null default false;
     alter table attendance add constraint attendance_chair_there check (not chaired or status in ('present', 'substitute'));
     create unique index attendance_one_chair on attendance (meeting_id) where chaired;
     alter table attendance add column agenda_item_id uuid;
     alter table attendance add constraint attendance_agenda_item_fkey foreign key (partnership_id, agenda_item_id)
       references agenda_items (partnership_id, id) on delete cascade;
     alter table attendance add constraint attendance_guest_item check ((status = 'guest') = (agenda_item_id is not null));
     create index attendance_agenda_item on attendance (agenda_item_id) where agenda_item_id is not null;
     create table attendance_counts (
       id uuid primary key default gen_random_uuid(),
       partnership_id uuid not null references partnerships (id) on delete cascade,
       meeting_id uuid not null,
       position integer not null check (position >= 0),
       description text not null check (length(trim(description)) > 0),
       count integer not null check (count > 0),
       approximate boolean not null default false,
       foreign key (partnership_id, meeting_id) references meetings (partnership_id, id) on delete cascade,
       unique (meeting_id, position)
     );`,
  );
  await tenantTable(db, 'attendance_counts', ['select', 'insert', 'update', 'delete']);
  await versionedTable(db, 'attendance_counts');
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `drop table attendance_counts;
     delete from attendance where status in ('other-apologies', 'guest');
     drop index attendance_agenda_item;
     alter table attendance drop constraint attendance_guest_item;
     alter table attendance drop constraint attendance_agenda_item_fkey;
     alter table attendance drop column agenda_item_id;
     drop index attendance_one_chair;
     alter table attendance drop constraint attendance_chair_there;
     alter table attendance drop column chaired;
     alter table attendance drop constraint attendance_status_check;
     alter table attendance add constraint attendance_status_check check (status in
       ('present', 'apologies', 'absent', 'substitute', 'in-attendance'));`,
  );
}
