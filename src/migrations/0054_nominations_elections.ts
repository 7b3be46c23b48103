// Nominations and elections (issue 24, item 3; ADR 0037).
// - A seat may be recommended rather than constituted (`seats.recommended`: "a GP should become a
//   member"), counted apart in compliance and never meeting a rule; it may await a nomination
//   (`nomination_by`: the organisation or person to nominate, `nomination_due`: by when) and
//   have named candidates (`candidates`, as the minutes give them: "Edmunds or Thompson").
// - `elections`: an election recorded at a meeting for a seat (the office as minuted), by
//   acclamation or by votes, with its result: the person elected (appointed to the seat from the
//   meeting's date: `membership_id`) or nobody. `election_nominees`: each nominee with who
//   proposed and seconded them and their votes.
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';
import { tenantTable, versionedTable } from './tenancy.ts';

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `alter table seats add column recommended boolean not null default false;
     alter table seats add column nomination_by text check (nomination_by is null or length(trim(nomination_by)) > 0);
     alter table seats add column nomination_due date;
     alter table seats add column candidates text check (candidates is null or length(trim(candidates)) > 0);

     create table elections (
       id uuid primary key default gen_random_uuid(),
       partnership_id uuid not null references partnerships (id) on delete cascade,
       meeting_id uuid not null,
       seat_id uuid not null,
       office text not null check (length(trim(office)) > 0),
       by_acclamation boolean not null default false,
       elected_person_id uuid,
       membership_id uuid,
       notes text,
       created_at timestamptz not null default now(),
       unique (partnership_id, id),
       foreign key (partnership_id, meeting_id) references meetings (partnership_id, id) on delete cascade,
       foreign key (partnership_id, seat_id) references seats (partnership_id, id) on delete cascade,
       foreign key (partnership_id, elected_person_id) references people (partnership_id, id) on delete restrict,
       foreign key (partnership_id, membership_id) references memberships (partnership_id, id)
         on delete set null (membership_id)
     );
     create index elections_meeting on elections (meeting_id);
     create index elections_seat on elections (seat_id);

     create table election_nominees (
       id uuid primary key default gen_random_uuid(),
       partnership_id uuid not null references partnerships (id) on delete cascade,
       election_id uuid not null,
       position integer not null check (position > 0),
       person_id uuid not null,
       proposed_by text,
       seconded_by text,
       votes integer check (votes >= 0),
       foreign key (partnership_id, election_id) references elections (partnership_id, id) on delete cascade,
       foreign key (partnership_id, person_id) references people (partnership_id, id) on delete restrict,
       unique (election_id, person_id),
       unique (election_id, position)
     );`,
  );
  for (const table of ['elections', 'election_nominees']) {
    await tenantTable(db, table, ['select', 'insert', 'update', 'delete']);
    await versionedTable(db, table);
  }
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `drop table election_nominees;
     drop table elections;
     alter table seats drop column candidates;
     alter table seats drop column nomination_due;
     alter table seats drop column nomination_by;
     alter table seats drop column recommended;`,
  );
}
