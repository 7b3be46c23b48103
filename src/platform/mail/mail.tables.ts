import type { ColumnType, Generated } from 'kysely';

type Updated = ColumnType<Date, Date | string | undefined, Date | string>;

export interface MailOutboxTable {
  id: Generated<string>;
  partnership_id: string;
  kind: string;
  recipient: string;
  recipient_name: string | null;
  subject: string;
  text_body: string;
  html_body: string;
  link: string | null;
  unsubscribe_url: string | null;
  dedupe_key: string | null;
  state: Generated<string>;
  attempts: Generated<number>;
  failure: string | null;
  message_id: string;
  created_at: Generated<Date>;
  updated_at: Updated;
  sent_at: Date | null;
}

export interface MailPreferencesTable {
  email: string;
  kind: string;
  choice: string;
  updated_at: Updated;
}

export interface MailUnsubscribeLinksTable {
  token_hash: string;
  email: string;
  kind: string;
  expires_at: Date;
  used_at: Date | null;
}

export interface MailTables {
  mail_outbox: MailOutboxTable;
  mail_preferences: MailPreferencesTable;
  mail_unsubscribe_links: MailUnsubscribeLinksTable;
}
