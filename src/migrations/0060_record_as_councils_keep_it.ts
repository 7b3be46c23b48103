// The record as councils keep it (issue 24, ADR 0040).
// - `meetings.register_scope`: what the register records: everyone ('all'), apologies only or
//   those present only; null until a clerk records the register (members' own apologies sent
//   before the meeting do not make one). A member a partial register does not name is "not
//   recorded", never absent. Existing registers were read as whole ones, and stay so.
// - `body_rules`: a body's quorum, cadence, membership cap and chairing rule, each holding from
//   a date (null: from the start), so a past meeting is judged by the rule of its date; the
//   columns on `bodies` keep the latest rule. `seat_places`: a seat's places from a date, the
//   same way (`seats.capacity` keeps the latest). Existing rules hold from the start.
// - The meeting record: minutes approved as amended keep the amendment
//   (`meetings.minutes_amendment`); an agenda item may have a start time; a body's standing
//   items (`standing_items`) and its code for action numbers (`bodies.action_code`); an action's
//   number per body and year ("CTB/2010/14") and an owner that may be "to be confirmed".
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';
import { tenantTable, versionedTable } from './tenancy.ts';

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `alter table meetings add column register_scope text
       check (register_scope in ('all', 'apologies', 'present'));
     update meetings m set register_scope = 'all'
       where exists (select 1 from attendance a where a.meeting_id = m.id);
     alter table meetings add column minutes_amendment text
       check (minutes_amendment is null or length(trim(minutes_amendment)) > 0);

     create table body_rules (
       id uuid primary key default gen_random_uuid(),
       partnership_id uuid not null references partnerships (id) on delete cascade,
       body_id uuid not null,
       rule text not null check (rule in ('quorum', 'cadence', 'membership-cap', 'chairing')),
       holds_from date,
       precision text not null default 'day' check (precision in ('day', 'month', 'year')),
       value jsonb,
       created_at timestamptz not null default now(),
       foreign key (partnership_id, body_id) references bodies (partnership_id, id) on delete cascade
     );
     create unique index body_rules_once on body_rules (body_id, rule, coalesce(holds_from, '0001-01-01'::date));
     insert into body_rules (partnership_id, body_id, rule, value)
       select partnership_id, id, 'quorum', quorum_rule from bodies where quorum_rule is not null;
     insert into body_rules (partnership_id, body_id, rule, value)
       select partnership_id, id, 'cadence', cadence_rules from bodies where cadence_rules is not null;
     insert into body_rules (partnership_id, body_id, rule, value)
       select partnership_id, id, 'membership-cap', to_jsonb(membership_cap) from bodies where membership_cap is not null;

     create table seat_places (
       id uuid primary key default gen_random_uuid(),
       partnership_id uuid not null references partnerships (id) on delete cascade,
       seat_id uuid not null,
       holds_from date,
       places integer not null check (places > 0),
       created_at timestamptz not null default now(),
       foreign key (partnership_id, seat_id) references seats (partnership_id, id) on delete cascade
     );
     create unique index seat_places_once on seat_places (seat_id, coalesce(holds_from, '0001-01-01'::date));
     insert into seat_places (partnership_id, seat_id, places) select partnership_id, id, capacity from seats;

     alter table bodies add column action_code text check (action_code ~ '^[A-Z0-9]{1,12}$');
     create table standing_items (
       id uuid primary key default gen_random_uuid(),
       partnership_id uuid not null references partnerships (id) on delete cascade,
       body_id uuid not null,
       position integer not null check (position > 0),
       title text not null check (length(trim(title)) > 0),
       foreign key (partnership_id, body_id) references bodies (partnership_id, id) on delete cascade,
       unique (body_id, position)
     );

     alter table agenda_items add column starts_at_time text
       check (starts_at_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$');

     alter table actions drop constraint actions_check;
     alter table actions add column owner_to_be_confirmed boolean not null default false;
     alter table actions add constraint actions_owner check (
       (owner_person_id is not null or owner_organisation_id is not null) <> owner_to_be_confirmed);
     alter table actions add column reference_body_id uuid;
     alter table actions add column reference_code text;
     alter table actions add column reference_year integer;
     alter table actions add column reference_number integer check (reference_number > 0);
     alter table actions add constraint actions_reference_body_fkey foreign key (partnership_id, reference_body_id)
       references bodies (partnership_id, id) on delete set null (reference_body_id);
     alter table actions add constraint actions_reference_whole check (
       (reference_code is null) = (reference_number is null) and (reference_code is null) = (reference_year is null));
     create unique index actions_reference_once on actions (reference_body_id, reference_year, reference_number)
       where reference_body_id is not null;`,
  );
  for (const table of ['body_rules', 'seat_places', 'standing_items']) {
    await tenantTable(db, table, ['select', 'insert', 'update', 'delete']);
    await versionedTable(db, table);
  }
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `drop index actions_reference_once;
     alter table actions drop constraint actions_reference_whole;
     alter table actions drop constraint actions_reference_body_fkey;
     alter table actions drop column reference_number;
     alter table actions drop column reference_year;
     alter table actions drop column reference_code;
     alter table actions drop column reference_body_id;
     delete from actions where owner_to_be_confirmed;
     alter table actions drop constraint actions_owner;
     alter table actions drop column owner_to_be_confirmed;
     alter table actions add constraint actions_check check (owner_person_id is not null or owner_organisation_id is not null);
     alter table agenda_items drop column starts_at_time;
     drop table standing_items;
     alter table bodies drop column action_code;
     drop table seat_places;
     drop table body_rules;
     alter table meetings drop column minutes_amendment;
     alter table meetings drop column register_scope;`,
  );
}
