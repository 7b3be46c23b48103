// Declarations of interest at a meeting: a person on the meeting's register declares an
// interest in one agenda item, of a code-of-conduct kind, in words, with what they did about
// it, optionally pointing at their entry in the register of interests.
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';
import { tenantTable, versionedTable } from './tenancy.ts';

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `
    alter table interests add constraint interests_partnership_id_id_key unique (partnership_id, id);
    create table interest_declarations (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null references partnerships (id) on delete cascade,
      agenda_item_id uuid not null,
      person_id uuid not null,
      kind text not null check (kind in ('disclosable-pecuniary', 'other-registrable', 'non-registrable')),
      nature text not null check (length(btrim(nature)) > 0),
      participation text not null check (participation in ('took-part', 'did-not-vote', 'left-room')),
      interest_id uuid,
      recorded_by uuid,
      created_at timestamptz not null default now(),
      foreign key (partnership_id, agenda_item_id) references agenda_items (partnership_id, id) on delete cascade,
      foreign key (partnership_id, person_id) references people (partnership_id, id) on delete cascade,
      foreign key (partnership_id, interest_id) references interests (partnership_id, id) on delete set null (interest_id)
    );
    create index interest_declarations_item on interest_declarations (agenda_item_id);
    `,
  );
  await tenantTable(db, 'interest_declarations', ['select', 'insert', 'delete']);
  await versionedTable(db, 'interest_declarations');
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `drop table interest_declarations;
     alter table interests drop constraint interests_partnership_id_id_key;`,
  );
}
