// A platform administrator reads every partnership's data version (ADR 0021), as members read
// their partnerships'. Without it, a platform administrator who is not a member (the API's
// usual caller for a council's engineers, and the benchmark's) read no version, so nothing kept
// served them (ADR 0056): every page and answer was worked out afresh. The version says only
// how often a partnership's data has changed, and platform administrators may read the data.
// The policy serves the API's context (read in a transaction); `request_context` (migration
// 0045), which pages read through `session_context`, gives the version to them too.
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';

const requestContext = (whoReadsTheVersion: string) => `
    create or replace function request_context(p_user_id uuid, p_slug text)
      returns table (
        user_id uuid, email text, user_name text, platform_admin boolean,
        partnership_id uuid, slug text, partnership_name text, role text, version bigint
      )
      language plpgsql stable security definer set search_path = public, pg_catalog as $$
      begin
        return query
        select u.id, u.email, u.name, u.platform_admin,
               p.id, p.slug, p.name, m.role,
               case when ${whoReadsTheVersion} then v.version end
          from users u
          left join partnerships p on p.slug = p_slug
          left join partnership_members m on m.partnership_id = p.id and m.user_id = u.id
          left join partnership_versions v on v.partnership_id = p.id
         where u.id = p_user_id;
      end
      $$;`;

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `
    create policy readable_by_platform_administrators on partnership_versions for select using (
      exists (select 1 from users u where u.id = current_app_user_id() and u.platform_admin));
    ${requestContext('m.role is not null or u.platform_admin')}
    `,
  );
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `
    drop policy readable_by_platform_administrators on partnership_versions;
    ${requestContext('m.role is not null')}
    `,
  );
}
