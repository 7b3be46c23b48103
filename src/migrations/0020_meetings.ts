// Meetings and the bodies each belongs to (one or more: a joint meeting of several boards).
// The composite keys keep a meeting's bodies inside the meeting's own partnership.
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';
import { tenantTable } from './tenancy.ts';

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `
    create table meetings (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null references partnerships (id) on delete cascade,
      title text not null,
      kind text not null check (kind in ('board-meeting', 'annual-event', 'deep-dive', 'development-session', 'workshop', 'joint-meeting')),
      starts_at timestamptz not null,
      ends_at timestamptz,
      place text,
      online_url text,
      state text not null default 'scheduled' check (state in ('scheduled', 'held', 'cancelled')),
      notes text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (partnership_id, id),
      check (ends_at is null or ends_at > starts_at)
    );
    create index meetings_starts on meetings (partnership_id, starts_at);

    create table meeting_bodies (
      partnership_id uuid not null references partnerships (id) on delete cascade,
      meeting_id uuid not null,
      body_id uuid not null,
      primary key (meeting_id, body_id),
      foreign key (partnership_id, meeting_id) references meetings (partnership_id, id) on delete cascade,
      foreign key (partnership_id, body_id) references bodies (partnership_id, id) on delete cascade
    );
    create index meeting_bodies_body on meeting_bodies (body_id);
    `,
  );
  for (const table of ['meetings', 'meeting_bodies'])
    await tenantTable(db, table, ['select', 'insert', 'update', 'delete']);
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(db, `drop table meeting_bodies; drop table meetings;`);
}
