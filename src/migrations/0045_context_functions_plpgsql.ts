// The request's context functions (migrations 0043, 0044; ADR 0022) in PL/pgSQL, same columns
// and same answers. A SQL function with a `set` clause is never inlined, and PostgreSQL plans
// its body again on every call: `session_context` cost about 0.55 ms a call on PostgreSQL 15,
// most of it planning, and every signed-in page calls it. PL/pgSQL keeps the plan of its query
// for the connection: about 0.09 ms.
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';
import * as requestContext from './0043_request_context.ts';
import * as sessionContext from './0044_session_context.ts';

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `
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
               case when m.role is not null then v.version end
          from users u
          left join partnerships p on p.slug = p_slug
          left join partnership_members m on m.partnership_id = p.id and m.user_id = u.id
          left join partnership_versions v on v.partnership_id = p.id
         where u.id = p_user_id;
      end
      $$;
    create or replace function session_context(p_sid text, p_slug text)
      returns table (
        sess json, user_id uuid, email text, user_name text, platform_admin boolean,
        partnership_id uuid, slug text, partnership_name text, role text, version bigint
      )
      language plpgsql stable security definer set search_path = public, pg_catalog as $$
      begin
        return query
        select s.sess, c.user_id, c.email, c.user_name, c.platform_admin,
               c.partnership_id, c.slug, c.partnership_name, c.role, c.version
          from user_sessions s
          left join lateral request_context(nullif(s.sess ->> 'userId', '')::uuid, p_slug) c on true
         where s.sid = p_sid and s.expire >= now();
      end
      $$;
    `,
  );
}

/** Back to the SQL functions, exactly as migrations 0043 and 0044 made them. */
export async function down(db: MigrationDb): Promise<void> {
  await sessionContext.down(db);
  await requestContext.down(db);
  await requestContext.up(db);
  await sessionContext.up(db);
}
