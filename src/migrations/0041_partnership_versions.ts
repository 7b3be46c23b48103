// A number per partnership that every change to its data moves on (ADR 0021). Reads that many
// requests make alike (the structure today, the compliance evaluation) are kept between
// requests under the version they were read at, and a request that finds a newer version reads
// again. Triggers keep it, so no write can forget to: one per statement on every table with a
// partnership's rows, and on the partnerships table itself. A table added later calls
// `versionedTable` (a test checks that every table with a `partnership_id` does).
import { sql } from 'kysely';
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';
import { versionedTable } from './tenancy.ts';

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `
    create table partnership_versions (
      partnership_id uuid primary key references partnerships (id) on delete cascade,
      version bigint not null default 0
    );
    grant select on partnership_versions to cooperate_app;
    -- the application reads the versions of the partnerships its user belongs to (before the
    -- request's partnership is set: with the partnership its URL names) and of the partnership
    -- set; only the triggers' function, as the owner, writes them
    alter table partnership_versions enable row level security;
    alter table partnership_versions force row level security;
    create policy readable on partnership_versions for select using (
      current_user <> 'cooperate_app'
      or partnership_id = current_partnership_id()
      or exists (select 1 from partnership_members m
                  where m.partnership_id = partnership_versions.partnership_id
                    and m.user_id = current_app_user_id()));
    create policy bumped on partnership_versions for insert with check (current_user <> 'cooperate_app');
    create policy bumped_again on partnership_versions for update using (current_user <> 'cooperate_app');

    -- the triggers below name their transition table "changed"
    create function bump_partnership_versions() returns trigger
      language plpgsql security definer set search_path = public, pg_catalog as $$
    begin
      insert into partnership_versions as v (partnership_id, version)
        select distinct partnership_id, 1 from changed where partnership_id is not null
        on conflict (partnership_id) do update set version = v.version + 1;
      return null;
    end $$;
    create function bump_own_partnership_version() returns trigger
      language plpgsql security definer set search_path = public, pg_catalog as $$
    begin
      insert into partnership_versions as v (partnership_id, version)
        select distinct id, 1 from changed
        on conflict (partnership_id) do update set version = v.version + 1;
      return null;
    end $$;
    insert into partnership_versions (partnership_id) select id from partnerships;
    create trigger partnerships_version_insert after insert on partnerships
      referencing new table as changed for each statement execute function bump_own_partnership_version();
    create trigger partnerships_version_update after update on partnerships
      referencing new table as changed for each statement execute function bump_own_partnership_version();
    `,
  );
  // every table that holds a partnership's rows today, but the audit trail (every write adds to
  // it, and each write's own table moves the version already)
  const { rows } = await sql<{ table_name: string }>`
    select c.table_name from information_schema.columns c
      join information_schema.tables t using (table_schema, table_name)
     where c.table_schema = current_schema() and c.column_name = 'partnership_id'
       and t.table_type = 'BASE TABLE' and c.table_name not in ('audit_events', 'partnership_versions')
     order by 1`.execute(db);
  for (const { table_name } of rows) await versionedTable(db, table_name);
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `drop function bump_partnership_versions() cascade;
     drop function bump_own_partnership_version() cascade;
     drop table partnership_versions;`,
  );
}
