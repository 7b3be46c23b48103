// A committee report authored in the product: at most one for an agenda item, with the fields
// the source documents' reports share (report to, report of, author, contact officer, title,
// confidentiality, purpose, summary, background, recommendations as a list, decision,
// background documents, implications and appendices). The meeting date is the meeting's.
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';
import { tenantTable } from './tenancy.ts';

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `
    create table committee_reports (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null references partnerships (id) on delete cascade,
      agenda_item_id uuid not null unique,
      report_to text not null,
      report_of text not null,
      author text not null,
      contact_officer text,
      title text not null,
      confidentiality text,
      purpose text not null,
      summary text,
      background text,
      recommendations text[] not null default '{}',
      decision text,
      background_documents text,
      financial_implications text,
      legal_implications text,
      equality_implications text,
      risk_implications text,
      appendices text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      foreign key (partnership_id, agenda_item_id) references agenda_items (partnership_id, id) on delete cascade
    );
    `,
  );
  await tenantTable(db, 'committee_reports', ['select', 'insert', 'update', 'delete']);
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(db, `drop table committee_reports;`);
}
