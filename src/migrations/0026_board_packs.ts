// A meeting's board pack (the agenda and its papers as one PDF, ADR 0012): one row per
// meeting that is at once the job (queued, working, ready, failed, with progress) and the
// finished file. A change to the papers marks it out of date and queues it again.
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';
import { tenantTable } from './tenancy.ts';

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `
    create table board_packs (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null references partnerships (id) on delete cascade,
      meeting_id uuid not null,
      state text not null check (state in ('queued', 'working', 'ready', 'failed')),
      done integer not null default 0 check (done >= 0),
      total integer not null default 0 check (total >= 0),
      failure text,
      out_of_date boolean not null default false,
      requested_by uuid,
      content bytea,
      page_count integer,
      made_at timestamptz,
      updated_at timestamptz not null default now(),
      foreign key (partnership_id, meeting_id) references meetings (partnership_id, id) on delete cascade,
      unique (meeting_id)
    );
    `,
  );
  await tenantTable(db, 'board_packs', ['select', 'insert', 'update', 'delete']);
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(db, `drop table board_packs;`);
}
