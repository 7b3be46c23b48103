// The session and who is asking in one statement (ADR 0022): the session a cookie names, if it
// has not expired, and the request context of its user (migration 0043). A page then asks the
// database one thing before what it shows. Runs as its owner, like request_context; the
// application role may only call it.
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `
    create function session_context(p_sid text, p_slug text)
      returns table (
        sess json, user_id uuid, email text, user_name text, platform_admin boolean,
        partnership_id uuid, slug text, partnership_name text, role text, version bigint
      )
      language sql stable security definer set search_path = public, pg_catalog as $$
        select s.sess, c.user_id, c.email, c.user_name, c.platform_admin,
               c.partnership_id, c.slug, c.partnership_name, c.role, c.version
          from user_sessions s
          left join lateral request_context(nullif(s.sess ->> 'userId', '')::uuid, p_slug) c on true
         where s.sid = p_sid and s.expire >= now()
      $$;
    revoke all on function session_context(text, text) from public;
    grant execute on function session_context(text, text) to cooperate_app;
    `,
  );
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(db, `drop function session_context(text, text);`);
}
