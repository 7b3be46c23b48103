// `public_contexts()`: every published partnership's public context in one statement, as
// `public_context(slug)` gives one (migration 0052). OParl's list of bodies read that function
// once for each published partnership (153 statements at national scale, issue 16's benchmark).
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `
    create function public_contexts()
      returns table (id uuid, slug text, name text, version text, changed_at timestamptz, sections text[])
      language plpgsql stable security definer set search_path = public, pg_catalog as $$
    begin
      return query
        select p.id, p.slug, p.name, v.version::text, v.changed_at, s.sections
          from partnerships p
          left join partnership_versions v on v.partnership_id = p.id
          left join public_sites s on s.partnership_id = p.id
         where p.published
         order by p.name, p.slug;
    end $$;
    revoke all on function public_contexts() from public;
    grant execute on function public_contexts() to cooperate_app;
    `,
  );
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(db, `drop function public_contexts();`);
}
