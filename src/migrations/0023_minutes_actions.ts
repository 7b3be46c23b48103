// What a meeting decided and who does what next: minutes per agenda item (draft, then approved
// at a later meeting), decisions (optionally delegated, with the outcome recorded later), and the
// action log with its updates.
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';
import { tenantTable } from './tenancy.ts';

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `
    create table minutes (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null references partnerships (id) on delete cascade,
      agenda_item_id uuid not null,
      text text not null,
      status text not null default 'draft' check (status in ('draft', 'approved')),
      approved_at_meeting_id uuid,
      approved_on date,
      updated_at timestamptz not null default now(),
      foreign key (partnership_id, agenda_item_id) references agenda_items (partnership_id, id) on delete cascade,
      foreign key (partnership_id, approved_at_meeting_id) references meetings (partnership_id, id) on delete set null (approved_at_meeting_id),
      unique (agenda_item_id),
      check ((status = 'approved') = (approved_on is not null))
    );

    create table decisions (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null references partnerships (id) on delete cascade,
      agenda_item_id uuid not null,
      text text not null,
      delegated_to text,
      outcome text,
      outcome_on date,
      created_at timestamptz not null default now(),
      foreign key (partnership_id, agenda_item_id) references agenda_items (partnership_id, id) on delete cascade,
      unique (partnership_id, id),
      check (outcome is null or delegated_to is not null),
      check ((outcome is null) = (outcome_on is null))
    );

    create table actions (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null references partnerships (id) on delete cascade,
      meeting_id uuid not null,
      agenda_item_id uuid,
      text text not null,
      owner_person_id uuid,
      owner_organisation_id uuid,
      due_on date,
      status text not null default 'open' check (status in ('open', 'done', 'dropped')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      foreign key (partnership_id, meeting_id) references meetings (partnership_id, id) on delete cascade,
      foreign key (partnership_id, agenda_item_id) references agenda_items (partnership_id, id) on delete set null (agenda_item_id),
      foreign key (partnership_id, owner_person_id) references people (partnership_id, id),
      foreign key (partnership_id, owner_organisation_id) references organisations (partnership_id, id),
      unique (partnership_id, id),
      check (owner_person_id is not null or owner_organisation_id is not null)
    );
    create index actions_meeting on actions (meeting_id);

    create table action_updates (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null references partnerships (id) on delete cascade,
      action_id uuid not null,
      text text not null,
      status text not null check (status in ('open', 'done', 'dropped')),
      recorded_by text not null,
      created_at timestamptz not null default now(),
      foreign key (partnership_id, action_id) references actions (partnership_id, id) on delete cascade
    );
    `,
  );
  for (const table of ['minutes', 'decisions', 'actions', 'action_updates'])
    await tenantTable(db, table, ['select', 'insert', 'update', 'delete']);
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `drop table action_updates; drop table actions; drop table decisions; drop table minutes;`,
  );
}
