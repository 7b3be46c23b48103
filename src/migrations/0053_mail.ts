// Mail that is never lost (issue 18, ADR 0030): the outbox, one row a message, written in the
// transaction of the change that causes it and sent by a pg-boss job; each person's choices of
// what they receive; one-click unsubscribe links; and what a meeting's agenda was when it was
// last sent (for the "papers updated" note). The outbox is a status table like board_packs:
// sending a message does not move the partnership's data version on.
import { runSql, type MigrationDb } from '../platform/db/migrator.ts';
import { tenantTable, versionedTable } from './tenancy.ts';

export async function up(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `
    create table mail_outbox (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null references partnerships (id) on delete cascade,
      kind text not null check (length(kind) between 1 and 60),
      recipient text not null check (position('@' in recipient) > 1),
      recipient_name text,
      subject text not null check (length(btrim(subject)) > 0),
      text_body text not null,
      html_body text not null,
      link text,
      unsubscribe_url text,
      dedupe_key text,
      state text not null default 'queued' check (state in ('queued', 'digest', 'sent', 'in-digest', 'failed', 'bounced')),
      attempts integer not null default 0 check (attempts >= 0),
      failure text,
      message_id text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      sent_at timestamptz,
      unique (partnership_id, dedupe_key)
    );
    create index mail_outbox_partnership_created on mail_outbox (partnership_id, created_at desc);
    create index mail_outbox_waiting on mail_outbox (partnership_id) where state = 'queued';

    create table mail_preferences (
      email text not null check (email = lower(email)),
      kind text not null,
      choice text not null check (choice in ('immediately', 'digest', 'off')),
      updated_at timestamptz not null default now(),
      primary key (email, kind)
    );
    grant select, insert, update, delete on mail_preferences to cooperate_app;

    create table mail_unsubscribe_links (
      token_hash text primary key,
      email text not null,
      kind text not null,
      expires_at timestamptz not null,
      used_at timestamptz
    );
    grant select, insert, update on mail_unsubscribe_links to cooperate_app;

    create table agenda_dispatches (
      partnership_id uuid not null references partnerships (id) on delete cascade,
      meeting_id uuid not null,
      sent_at timestamptz not null default now(),
      sent_by uuid,
      items jsonb not null,
      primary key (meeting_id),
      foreign key (partnership_id, meeting_id) references meetings (partnership_id, id) on delete cascade
    );
    `,
  );
  await tenantTable(db, 'mail_outbox', ['select', 'insert', 'update']);
  await tenantTable(db, 'agenda_dispatches', ['select', 'insert', 'update']);
  // a message's state and an agenda sent show on kept pages (the outbox, the meeting): a change
  // moves the partnership's data version, as every tenant table's does (ADR 0021)
  await versionedTable(db, 'mail_outbox');
  await versionedTable(db, 'agenda_dispatches');
}

export async function down(db: MigrationDb): Promise<void> {
  await runSql(
    db,
    `drop table agenda_dispatches;
     drop table mail_unsubscribe_links;
     drop table mail_preferences;
     drop table mail_outbox;`,
  );
}
