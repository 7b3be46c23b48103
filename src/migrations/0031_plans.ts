// Plans (the Children and Young People's Plan, commissioning plans, strategic action plans):
// versions, evidence base, outcome framework, priorities mapped to outcomes and indicators,
// actions with leads, partners, dates or recurrence, milestones and progress updates.
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';
import { tenantTable } from './tenancy.ts';

const tables = [
  'plans',
  'plan_versions',
  'plan_evidence',
  'plan_outcomes',
  'plan_priorities',
  'plan_priority_outcomes',
  'plan_priority_indicators',
  'plan_actions',
  'plan_action_partners',
  'plan_milestones',
  'plan_action_updates',
];

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `
    create table plans (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null references partnerships (id) on delete cascade,
      slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      title text not null,
      kind text not null check (kind in ('children and young people''s plan', 'commissioning plan', 'strategic action plan', 'other')),
      starts_on date not null,
      ends_on date not null check (ends_on >= starts_on),
      vision text,
      status text not null default 'draft'
        check (status in ('draft', 'out to consultation', 'agreed', 'published', 'superseded')),
      resourcing text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (partnership_id, slug),
      unique (partnership_id, id)
    );
    create table plan_versions (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null,
      plan_id uuid not null,
      number integer not null check (number >= 1),
      recorded_on date not null,
      note text not null,
      snapshot text not null,
      recorded_by text not null,
      foreign key (partnership_id, plan_id) references plans (partnership_id, id) on delete cascade,
      unique (plan_id, number)
    );
    create table plan_evidence (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null,
      plan_id uuid not null,
      position integer not null,
      kind text not null check (kind in ('needs assessment', 'inspection', 'survey', 'performance data', 'consultation', 'other')),
      title text not null,
      dated_on date,
      dated_precision text check (dated_precision in ('day', 'month', 'year')),
      link text,
      foreign key (partnership_id, plan_id) references plans (partnership_id, id) on delete cascade
    );
    create table plan_outcomes (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null,
      plan_id uuid not null,
      position integer not null,
      code text not null,
      title text not null,
      every_child_matters boolean not null default false,
      foreign key (partnership_id, plan_id) references plans (partnership_id, id) on delete cascade,
      unique (plan_id, code),
      unique (partnership_id, id)
    );
    create table plan_priorities (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null,
      plan_id uuid not null,
      position integer not null,
      title text not null,
      description text,
      owner_body_id uuid,
      lead_person_id uuid,
      foreign key (partnership_id, plan_id) references plans (partnership_id, id) on delete cascade,
      foreign key (partnership_id, owner_body_id) references bodies (partnership_id, id) on delete set null (owner_body_id),
      foreign key (partnership_id, lead_person_id) references people (partnership_id, id) on delete set null (lead_person_id),
      unique (partnership_id, id)
    );
    create table plan_priority_outcomes (
      partnership_id uuid not null,
      priority_id uuid not null,
      outcome_id uuid not null,
      primary key (priority_id, outcome_id),
      foreign key (partnership_id, priority_id) references plan_priorities (partnership_id, id) on delete cascade,
      foreign key (partnership_id, outcome_id) references plan_outcomes (partnership_id, id) on delete cascade
    );
    create table plan_priority_indicators (
      partnership_id uuid not null,
      priority_id uuid not null,
      indicator_id uuid not null,
      primary key (priority_id, indicator_id),
      foreign key (partnership_id, priority_id) references plan_priorities (partnership_id, id) on delete cascade,
      foreign key (partnership_id, indicator_id) references indicators (partnership_id, id) on delete cascade
    );
    create table plan_actions (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null,
      priority_id uuid not null,
      position integer not null,
      text text not null,
      lead_kind text not null check (lead_kind in ('person', 'organisation', 'body')),
      lead_person_id uuid,
      lead_organisation_id uuid,
      lead_body_id uuid,
      due_on date,
      recurrence text check (recurrence in ('monthly', 'quarterly', 'annually')),
      recurs_from date,
      recurs_until date,
      status text not null default 'not started'
        check (status in ('not started', 'in progress', 'completed', 'cancelled')),
      foreign key (partnership_id, priority_id) references plan_priorities (partnership_id, id) on delete cascade,
      foreign key (partnership_id, lead_person_id) references people (partnership_id, id),
      foreign key (partnership_id, lead_organisation_id) references organisations (partnership_id, id),
      foreign key (partnership_id, lead_body_id) references bodies (partnership_id, id),
      check ((lead_kind = 'person') = (lead_person_id is not null)),
      check ((lead_kind = 'organisation') = (lead_organisation_id is not null)),
      check ((lead_kind = 'body') = (lead_body_id is not null)),
      check (due_on is null or recurrence is null),
      check ((recurrence is null) = (recurs_from is null)),
      unique (partnership_id, id)
    );
    create table plan_action_partners (
      partnership_id uuid not null,
      action_id uuid not null,
      organisation_id uuid not null,
      primary key (action_id, organisation_id),
      foreign key (partnership_id, action_id) references plan_actions (partnership_id, id) on delete cascade,
      foreign key (partnership_id, organisation_id) references organisations (partnership_id, id) on delete cascade
    );
    create table plan_milestones (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null,
      action_id uuid not null,
      position integer not null,
      text text not null,
      due_on date,
      done_on date,
      foreign key (partnership_id, action_id) references plan_actions (partnership_id, id) on delete cascade
    );
    create table plan_action_updates (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null,
      action_id uuid not null,
      reported_on date not null,
      rag text not null check (rag in ('red', 'amber', 'green')),
      commentary text not null,
      author_user_id uuid references users (id) on delete set null,
      author_label text not null,
      created_at timestamptz not null default now(),
      foreign key (partnership_id, action_id) references plan_actions (partnership_id, id) on delete cascade
    );
    create index plan_action_updates_by_action on plan_action_updates (action_id, reported_on);
    `,
  );
  for (const table of tables) await tenantTable(db, table, ['select', 'insert', 'update', 'delete']);
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    tables
      .toReversed()
      .map((table) => `drop table ${table};`)
      .join('\n'),
  );
}
