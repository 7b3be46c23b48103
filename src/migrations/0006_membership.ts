// Who sits where: organisations (with their sector and statutory category), people, the seats
// a body defines (in the document's order), the memberships that fill them over time, the
// substitutes who may attend instead, and the register of interests.
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';
import { tenantTable } from './tenancy.ts';

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `
    create table organisations (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null references partnerships (id) on delete cascade,
      name text not null,
      sector text not null,
      category text,
      notes text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (partnership_id, id),
      unique (partnership_id, name)
    );

    create table people (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null references partnerships (id) on delete cascade,
      name text not null,
      job_title text,
      email text,
      phone text,
      young_person boolean not null default false,
      notes text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (partnership_id, id)
    );
    create index people_name on people (partnership_id, lower(name));

    create table seats (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null references partnerships (id) on delete cascade,
      body_id uuid not null,
      position integer not null check (position > 0),
      label text not null,
      role text not null default 'member' check (role in ('chair', 'vice-chair', 'member', 'in-attendance')),
      voting boolean not null default true,
      how_filled text not null default 'appointed' check (how_filled in ('ex-officio', 'elected', 'nominated', 'appointed', 'co-opted')),
      filled_by text,
      organisation_id uuid,
      category text,
      capacity integer not null default 1 check (capacity > 0),
      independent boolean not null default false,
      rule jsonb,
      notes text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      foreign key (partnership_id, body_id) references bodies (partnership_id, id) on delete cascade,
      foreign key (partnership_id, organisation_id) references organisations (partnership_id, id),
      unique (partnership_id, id),
      unique (body_id, position) deferrable initially deferred
    );

    create table memberships (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null references partnerships (id) on delete cascade,
      seat_id uuid not null,
      person_id uuid not null,
      organisation_id uuid,
      starts_on date,
      ends_on date,
      notes text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      foreign key (partnership_id, seat_id) references seats (partnership_id, id) on delete cascade,
      foreign key (partnership_id, person_id) references people (partnership_id, id) on delete cascade,
      foreign key (partnership_id, organisation_id) references organisations (partnership_id, id),
      unique (partnership_id, id),
      check (ends_on is null or starts_on is null or ends_on >= starts_on)
    );
    create index memberships_seat on memberships (seat_id);
    create index memberships_person on memberships (person_id);

    create table membership_substitutes (
      partnership_id uuid not null references partnerships (id) on delete cascade,
      membership_id uuid not null,
      person_id uuid not null,
      primary key (membership_id, person_id),
      foreign key (partnership_id, membership_id) references memberships (partnership_id, id) on delete cascade,
      foreign key (partnership_id, person_id) references people (partnership_id, id) on delete cascade
    );

    create table interests (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null references partnerships (id) on delete cascade,
      person_id uuid not null,
      description text not null,
      declared_on date not null,
      ends_on date,
      created_at timestamptz not null default now(),
      foreign key (partnership_id, person_id) references people (partnership_id, id) on delete cascade
    );
    `,
  );
  for (const table of [
    'organisations',
    'people',
    'seats',
    'memberships',
    'membership_substitutes',
    'interests',
  ]) {
    await tenantTable(db, table, ['select', 'insert', 'update', 'delete']);
  }
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `drop table interests; drop table membership_substitutes; drop table memberships; drop table seats; drop table people; drop table organisations;`,
  );
}
