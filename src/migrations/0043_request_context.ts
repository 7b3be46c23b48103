// Who is asking and about which partnership, in one statement outside any transaction (ADR
// 0022): the signed-in user behind a session's user id and, when the URL names a partnership,
// that partnership, the user's role there and its data version (only to a member, as the
// versions' row-level security allows). A page served from reads kept under that version then
// needs no transaction at all. The function runs as its owner, so it checks membership itself
// and answers nothing but these columns; the application role may only call it.
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `
    create function request_context(p_user_id uuid, p_slug text)
      returns table (
        user_id uuid, email text, user_name text, platform_admin boolean,
        partnership_id uuid, slug text, partnership_name text, role text, version bigint
      )
      language sql stable security definer set search_path = public, pg_catalog as $$
        select u.id, u.email, u.name, u.platform_admin,
               p.id, p.slug, p.name, m.role,
               case when m.role is not null then v.version end
          from users u
          left join partnerships p on p.slug = p_slug
          left join partnership_members m on m.partnership_id = p.id and m.user_id = u.id
          left join partnership_versions v on v.partnership_id = p.id
         where u.id = p_user_id
      $$;
    revoke all on function request_context(uuid, text) from public;
    grant execute on function request_context(uuid, text) to cooperate_app;
    `,
  );
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(db, `drop function request_context(uuid, text);`);
}
