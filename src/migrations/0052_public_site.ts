// The public site (issue 17, ADR 0029):
// - `public_sites`: the sections of a published partnership its administrator has made public
//   (no row: the defaults);
// - `calendar_feeds`: each user's secret calendar address, stored as a SHA-256 digest only,
//   revocable (like `api_tokens`, a user's row, not a partnership's);
// - `meetings.sequence`: moved on by a trigger whenever what a calendar shows of a meeting
//   changes (iCalendar's SEQUENCE);
// - `partnership_versions.changed_at`: when the data version last moved (the public pages'
//   Last-Modified);
// - `public_context(slug)`: the one way a signed-out request reaches a partnership: a security
//   definer function, called outside any transaction like `session_context` (ADR 0022), that
//   answers only for a published partnership, with its data version and public sections.
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';
import { tenantTable, versionedTable } from './tenancy.ts';

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `
    create table public_sites (
      partnership_id uuid primary key references partnerships (id) on delete cascade,
      sections text[] not null,
      updated_at timestamptz not null default now()
    );
    create table calendar_feeds (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      revoked_at timestamptz
    );
    create index calendar_feeds_user on calendar_feeds (user_id);
    grant select, insert, update on calendar_feeds to cooperate_app;

    alter table meetings add column sequence integer not null default 0;
    create function meetings_sequence() returns trigger language plpgsql as $$
    begin
      if (new.title, new.kind, new.starts_at, new.ends_at, new.place, new.online_url, new.state, new.notes)
         is distinct from
         (old.title, old.kind, old.starts_at, old.ends_at, old.place, old.online_url, old.state, old.notes) then
        new.sequence := old.sequence + 1;
      end if;
      return new;
    end $$;
    create trigger meetings_sequence before update on meetings
      for each row execute function meetings_sequence();

    alter table partnership_versions add column changed_at timestamptz not null default now();
    create function partnership_version_changed() returns trigger language plpgsql as $$
    begin
      new.changed_at := now();
      return new;
    end $$;
    create trigger partnership_versions_changed before update on partnership_versions
      for each row execute function partnership_version_changed();

    create function public_context(p_slug text)
      returns table (id uuid, slug text, name text, version text, changed_at timestamptz, sections text[])
      language plpgsql stable security definer set search_path = public, pg_catalog as $$
    begin
      return query
        select p.id, p.slug, p.name, v.version::text, v.changed_at, s.sections
          from partnerships p
          left join partnership_versions v on v.partnership_id = p.id
          left join public_sites s on s.partnership_id = p.id
         where p.slug = p_slug and p.published;
    end $$;
    revoke all on function public_context(text) from public;
    grant execute on function public_context(text) to cooperate_app;
    `,
  );
  await tenantTable(db, 'public_sites', ['select', 'insert', 'update', 'delete']);
  await versionedTable(db, 'public_sites');
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `
    drop function public_context(text);
    drop trigger partnership_versions_changed on partnership_versions;
    drop function partnership_version_changed();
    alter table partnership_versions drop column changed_at;
    drop trigger meetings_sequence on meetings;
    drop function meetings_sequence();
    alter table meetings drop column sequence;
    drop table calendar_feeds;
    drop function if exists bump_public_sites() cascade;
    drop table public_sites;
    `,
  );
}
