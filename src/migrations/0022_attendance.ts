// Who came to a meeting: one row per person. A member is present, sent apologies or was absent;
// a substitute attends for one membership (one substitute each); others are "in attendance".
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';
import { tenantTable } from './tenancy.ts';

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `
    create table attendance (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null references partnerships (id) on delete cascade,
      meeting_id uuid not null,
      person_id uuid not null,
      status text not null check (status in ('present', 'apologies', 'absent', 'substitute', 'in-attendance')),
      for_membership_id uuid,
      recorded_at timestamptz not null default now(),
      foreign key (partnership_id, meeting_id) references meetings (partnership_id, id) on delete cascade,
      foreign key (partnership_id, person_id) references people (partnership_id, id) on delete cascade,
      foreign key (partnership_id, for_membership_id) references memberships (partnership_id, id) on delete cascade,
      unique (meeting_id, person_id),
      check ((status = 'substitute') = (for_membership_id is not null))
    );
    create unique index attendance_one_substitute on attendance (meeting_id, for_membership_id)
      where for_membership_id is not null;
    `,
  );
  await tenantTable(db, 'attendance', ['select', 'insert', 'update', 'delete']);
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(db, `drop table attendance;`);
}
