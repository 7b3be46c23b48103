// The application role, the tenant settings as functions, and the accounts every other
// table refers to. Users are global: one person can belong to several partnerships.
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `
    do $$ begin
      if not exists (select 1 from pg_roles where rolname = 'cooperate_app') then
        create role cooperate_app nologin;
      end if;
    end $$;
    -- the connecting (owner) user must be able to SET ROLE to the application role
    grant cooperate_app to current_user;
    grant usage on schema public to cooperate_app;

    create function current_partnership_id() returns uuid language sql stable
      as $f$ select nullif(current_setting('app.partnership_id', true), '')::uuid $f$;
    create function current_app_user_id() returns uuid language sql stable
      as $f$ select nullif(current_setting('app.user_id', true), '')::uuid $f$;
    grant execute on function current_partnership_id(), current_app_user_id() to cooperate_app;

    create table users (
      id uuid primary key default gen_random_uuid(),
      email text not null,
      name text not null,
      password_hash text,
      platform_admin boolean not null default false,
      failed_sign_ins integer not null default 0,
      locked_until timestamptz,
      last_signed_in_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index users_email_key on users (lower(email));
    grant select, insert, update on users to cooperate_app;

    create table api_tokens (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      name text not null,
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    );
    create index api_tokens_user on api_tokens (user_id);
    grant select, insert, update on api_tokens to cooperate_app;

    -- express-session's store (connect-pg-simple's table shape)
    create table user_sessions (
      sid varchar primary key,
      sess json not null,
      expire timestamp(6) not null
    );
    create index user_sessions_expire on user_sessions (expire);
    grant select, insert, update, delete on user_sessions to cooperate_app;
    `,
  );
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `
    drop table user_sessions;
    drop table api_tokens;
    drop table users;
    drop function current_app_user_id();
    drop function current_partnership_id();
    revoke usage on schema public from cooperate_app;
    `,
  );
}
