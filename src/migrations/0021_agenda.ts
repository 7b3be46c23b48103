// A meeting's agenda: numbered items (a number once per meeting), each with its purpose,
// presenter and whether it is exempt (with its Schedule 12A paragraph); and the papers for each
// item, their bytes kept in the database with the rest of the partnership's records (ADR 0010).
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';
import { tenantTable } from './tenancy.ts';

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `
    create table agenda_items (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null references partnerships (id) on delete cascade,
      meeting_id uuid not null,
      number integer not null check (number > 0),
      title text not null,
      purpose text not null check (purpose in ('decision', 'information', 'discussion', 'consultation')),
      presenter text,
      exempt boolean not null default false,
      exempt_paragraph integer check (exempt_paragraph between 1 and 7),
      exempt_reason text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      foreign key (partnership_id, meeting_id) references meetings (partnership_id, id) on delete cascade,
      unique (partnership_id, id),
      unique (meeting_id, number),
      check (not exempt or exempt_paragraph is not null),
      check (exempt or (exempt_paragraph is null and exempt_reason is null))
    );

    create table papers (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null references partnerships (id) on delete cascade,
      agenda_item_id uuid not null,
      file_name text not null,
      media_type text not null,
      size_bytes integer not null check (size_bytes > 0 and size_bytes <= 10485760),
      content bytea not null,
      created_at timestamptz not null default now(),
      foreign key (partnership_id, agenda_item_id) references agenda_items (partnership_id, id) on delete cascade
    );
    create index papers_item on papers (agenda_item_id);
    `,
  );
  for (const table of ['agenda_items', 'papers'])
    await tenantTable(db, table, ['select', 'insert', 'update', 'delete']);
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(db, `drop table papers; drop table agenda_items;`);
}
