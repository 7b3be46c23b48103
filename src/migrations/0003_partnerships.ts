// Partnerships are the tenants. The partnership row itself is a directory entry (its slug
// must resolve before a tenant can be chosen); everything inside one carries
// partnership_id and is guarded by row-level security.
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `
    create table partnerships (
      id uuid primary key default gen_random_uuid(),
      authority_gss_code text not null references authorities (gss_code),
      name text not null,
      slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      -- ISO 8601 at the precision known: '2007', '2007-04' or '2007-04-20'
      established text check (established ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'),
      status text not null default 'active' check (status in ('proposed', 'active', 'closed')),
      published boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index partnerships_authority on partnerships (authority_gss_code);
    grant select, insert, update on partnerships to cooperate_app;

    -- Who may do what in a partnership. A user also sees their own rows in every partnership
    -- (to list "your partnerships"): the one deliberate exception in this policy.
    create table partnership_members (
      partnership_id uuid not null references partnerships (id) on delete cascade,
      user_id uuid not null references users (id) on delete cascade,
      role text not null check (role in ('admin', 'editor', 'member', 'viewer')),
      created_at timestamptz not null default now(),
      primary key (partnership_id, user_id)
    );
    create index partnership_members_user on partnership_members (user_id);
    alter table partnership_members enable row level security;
    alter table partnership_members force row level security;
    create policy tenant on partnership_members
      using (partnership_id = current_partnership_id() or user_id = current_app_user_id())
      with check (partnership_id = current_partnership_id());
    grant select, insert, update, delete on partnership_members to cooperate_app;

    create table invitations (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null references partnerships (id) on delete cascade,
      email text not null,
      role text not null check (role in ('admin', 'editor', 'member', 'viewer')),
      token_hash text not null unique,
      invited_by uuid references users (id),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      accepted_at timestamptz,
      revoked_at timestamptz
    );
    create index invitations_partnership on invitations (partnership_id);
    alter table invitations enable row level security;
    alter table invitations force row level security;
    create policy tenant on invitations
      using (partnership_id = current_partnership_id())
      with check (partnership_id = current_partnership_id());
    grant select, insert, update on invitations to cooperate_app;
    `,
  );
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(db, `drop table invitations; drop table partnership_members; drop table partnerships;`);
}
