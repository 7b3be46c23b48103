// Signing in with the council's own accounts (OpenID Connect, ADR 0031) and a sign-in audit
// that gives nothing away:
// - a user's identity at the provider (issuer and subject), bound at the first sign-in;
// - failed sign-ins for addresses with no password account, counted like an account's, so a
//   "locked" answer does not tell which addresses exist (kept as digests, never the address);
// - platform events (no partnership: users, tokens, sign-ins) readable by platform
//   administrators only;
// - the partnerships holding a pending invitation for an address, for the provider's sign-in
//   of an invited person (security definer: invitations are each partnership's own).
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `
    alter table users add column oidc_issuer text, add column oidc_subject text;
    create unique index users_oidc_identity on users (oidc_issuer, oidc_subject)
      where oidc_subject is not null;

    create table sign_in_failures (
      address_digest text primary key,
      failures integer not null default 0,
      locked_until timestamptz,
      last_failed_at timestamptz not null default now()
    );
    create index sign_in_failures_last on sign_in_failures (last_failed_at);
    grant select, insert, update, delete on sign_in_failures to cooperate_app;

    create policy platform_read on audit_events for select
      using (partnership_id is null
             and exists (select 1 from users u where u.id = current_app_user_id() and u.platform_admin));

    create function invited_partnerships(p_email text) returns setof uuid
      language sql stable security definer set search_path = public, pg_catalog as $$
        select distinct partnership_id from invitations
         where lower(email) = lower(p_email) and accepted_at is null and revoked_at is null
           and expires_at > now()
      $$;
    revoke all on function invited_partnerships(text) from public;
    grant execute on function invited_partnerships(text) to cooperate_app;
    `,
  );
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `
    drop function invited_partnerships(text);
    drop policy platform_read on audit_events;
    drop table sign_in_failures;
    drop index users_oidc_identity;
    alter table users drop column oidc_subject, drop column oidc_issuer;
    `,
  );
}
