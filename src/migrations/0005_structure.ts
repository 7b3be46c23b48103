// The partnership's structure: bodies (its own and external ones), their dated status
// history, typed relationships between them, and versioned terms of reference.
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';
import { tenantTable } from './tenancy.ts';

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `
    create table bodies (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null references partnerships (id) on delete cascade,
      slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      name text not null,
      short_name text,
      kind text not null,
      purpose text,
      takes_decisions boolean not null default true,
      focus_type text check (focus_type in ('outcome', 'age-range', 'theme', 'area')),
      focus text,
      area text,
      starts_on date,
      ends_on date,
      membership_cap integer check (membership_cap > 0),
      quorum_rule jsonb,
      cadence_rules jsonb,
      notes text,
      position integer not null default 0,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (partnership_id, slug),
      unique (partnership_id, id),
      check (ends_on is null or starts_on is null or ends_on >= starts_on)
    );

    create table body_status_events (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null references partnerships (id) on delete cascade,
      body_id uuid not null,
      status text not null check (status in ('proposed', 'established', 'under-review', 'on-hold', 'renamed', 'merged-into', 'dissolved', 'replaced')),
      effective_on date not null,
      -- how much of effective_on the records give: 'day', 'month' or 'year'
      precision text not null default 'day' check (precision in ('day', 'month', 'year')),
      previous_name text,
      new_name text,
      related_body_id uuid,
      detail text,
      created_at timestamptz not null default now(),
      foreign key (partnership_id, body_id) references bodies (partnership_id, id) on delete cascade,
      foreign key (partnership_id, related_body_id) references bodies (partnership_id, id),
      check (status <> 'renamed' or (previous_name is not null and new_name is not null))
    );
    create index body_status_events_body on body_status_events (body_id, effective_on);

    create table body_relationships (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null references partnerships (id) on delete cascade,
      from_body_id uuid not null,
      to_body_id uuid not null,
      kind text not null check (kind in ('reports-to', 'accountable-to', 'informs', 'has-oversight-of', 'sub-function-of', 'replaced-by')),
      starts_on date,
      ends_on date,
      notes text,
      created_at timestamptz not null default now(),
      foreign key (partnership_id, from_body_id) references bodies (partnership_id, id) on delete cascade,
      foreign key (partnership_id, to_body_id) references bodies (partnership_id, id) on delete cascade,
      check (from_body_id <> to_body_id),
      check (ends_on is null or starts_on is null or ends_on >= starts_on)
    );
    create index body_relationships_from on body_relationships (from_body_id);
    create index body_relationships_to on body_relationships (to_body_id);

    create table terms_of_reference (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null references partnerships (id) on delete cascade,
      body_id uuid not null,
      version integer not null check (version > 0),
      adopted_on date not null,
      precision text not null default 'day' check (precision in ('day', 'month', 'year')),
      adopted_by text,
      title text not null,
      text text not null,
      created_at timestamptz not null default now(),
      foreign key (partnership_id, body_id) references bodies (partnership_id, id) on delete cascade,
      unique (body_id, version)
    );
    `,
  );
  for (const table of ['bodies', 'body_status_events', 'body_relationships', 'terms_of_reference']) {
    await tenantTable(db, table, ['select', 'insert', 'update', 'delete']);
  }
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `drop table terms_of_reference; drop table body_relationships; drop table body_status_events; drop table bodies;`,
  );
}
