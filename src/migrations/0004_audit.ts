// The audit trail: one row per change, written in the same transaction as the change.
// Rows belong to a partnership (or to none, for platform-level changes such as a new user)
// and are append-only for the application role.
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `
    create table audit_events (
      id bigint generated always as identity primary key,
      partnership_id uuid references partnerships (id) on delete cascade,
      occurred_at timestamptz not null default now(),
      actor_user_id uuid references users (id) on delete set null,
      actor_label text not null,
      action text not null,
      entity_type text not null,
      entity_id text not null,
      summary text not null,
      before jsonb,
      after jsonb,
      request_id text
    );
    create index audit_events_partnership on audit_events (partnership_id, occurred_at desc);
    alter table audit_events enable row level security;
    alter table audit_events force row level security;
    create policy tenant_read on audit_events for select
      using (partnership_id = current_partnership_id());
    create policy tenant_append on audit_events for insert
      with check (partnership_id is not distinct from current_partnership_id());
    grant select, insert on audit_events to cooperate_app;
    `,
  );
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(db, `drop table audit_events;`);
}
