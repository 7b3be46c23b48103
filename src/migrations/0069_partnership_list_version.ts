// A data version for what spans partnerships (ADR 0060): the list of partnerships a caller may
// see (the API's `/partnerships`) depends on every partnership's name, status and publication
// and on who belongs to which, which no one partnership's version (ADR 0021) covers. One row,
// `partnerships`, moved on by a statement trigger on the partnerships and their members, so that
// a kept list is checked by reading that one row. Both tables change seldom (a partnership
// created, renamed or published, a member added or removed): the row's lock serialises only those.
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `
    create table platform_versions (
      name text primary key,
      version bigint not null default 0
    );
    -- the application reads it (it says only how often the list has changed); only the trigger's
    -- function, as the owner, writes it
    grant select on platform_versions to cooperate_app;
    insert into platform_versions (name) values ('partnerships');

    create function bump_partnership_list_version() returns trigger
      language plpgsql security definer set search_path = public, pg_catalog as $$
    begin
      insert into platform_versions as v (name, version) values ('partnerships', 1)
        on conflict (name) do update set version = v.version + 1;
      return null;
    end $$;
    create trigger partnerships_list_version
      after insert or update or delete on partnerships
      for each statement execute function bump_partnership_list_version();
    create trigger partnership_members_list_version
      after insert or update or delete on partnership_members
      for each statement execute function bump_partnership_list_version();
    `,
  );
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `drop function bump_partnership_list_version() cascade;
     drop table platform_versions;`,
  );
}
