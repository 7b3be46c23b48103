// Inbound consultations (a government department or another body asking the partnership's
// views): each placed on an agenda item, with its deadline and numbered questions, and the
// board's agreed answer to each question once it has one.
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';
import { tenantTable } from './tenancy.ts';

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `
    create table consultations (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null references partnerships (id) on delete cascade,
      agenda_item_id uuid not null,
      title text not null,
      issued_by text not null,
      deadline date not null,
      summary text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      foreign key (partnership_id, agenda_item_id) references agenda_items (partnership_id, id) on delete cascade,
      unique (partnership_id, id)
    );
    create index consultations_item on consultations (agenda_item_id);

    create table consultation_questions (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null references partnerships (id) on delete cascade,
      consultation_id uuid not null,
      number integer not null check (number > 0),
      question text not null,
      answer text,
      answered_at timestamptz,
      foreign key (partnership_id, consultation_id) references consultations (partnership_id, id) on delete cascade,
      unique (consultation_id, number),
      check ((answer is null) = (answered_at is null))
    );
    `,
  );
  for (const table of ['consultations', 'consultation_questions'])
    await tenantTable(db, table, ['select', 'insert', 'update', 'delete']);
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(db, `drop table consultation_questions; drop table consultations;`);
}
