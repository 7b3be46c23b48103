// All SQL of the outbox, the choices and the unsubscribe links.
import { sql, type Transaction } from 'kysely';
import type { MailTables } from './mail.tables.ts';

export type MailTrx = Transaction<MailTables>;
export const asMail = (trx: unknown) => trx as MailTrx;

export interface OutboxRow {
  id: string;
  partnershipId: string;
  kind: string;
  recipient: string;
  recipientName: string | null;
  subject: string;
  textBody: string;
  htmlBody: string;
  link: string | null;
  unsubscribeUrl: string | null;
  state: string;
  attempts: number;
  failure: string | null;
  messageId: string;
  createdAt: Date;
  updatedAt: Date;
  sentAt: Date | null;
}

const columns = [
  'id',
  'partnership_id as partnershipId',
  'kind',
  'recipient',
  'recipient_name as recipientName',
  'subject',
  'text_body as textBody',
  'html_body as htmlBody',
  'link',
  'unsubscribe_url as unsubscribeUrl',
  'state',
  'attempts',
  'failure',
  'message_id as messageId',
  'created_at as createdAt',
  'updated_at as updatedAt',
  'sent_at as sentAt',
] as const;

export const mailRepository = {
  async insert(
    trx: MailTrx,
    values: {
      partnershipId: string;
      kind: string;
      recipient: string;
      recipientName: string | null;
      subject: string;
      textBody: string;
      htmlBody: string;
      link: string | null;
      unsubscribeUrl: string | null;
      dedupeKey: string | null;
      state: 'queued' | 'digest';
      messageId: string;
    },
  ): Promise<string | null> {
    const row = await trx
      .insertInto('mail_outbox')
      .values({
        partnership_id: values.partnershipId,
        kind: values.kind,
        recipient: values.recipient,
        recipient_name: values.recipientName,
        subject: values.subject,
        text_body: values.textBody,
        html_body: values.htmlBody,
        link: values.link,
        unsubscribe_url: values.unsubscribeUrl,
        dedupe_key: values.dedupeKey,
        state: values.state,
        message_id: values.messageId,
      })
      .onConflict((oc) => oc.columns(['partnership_id', 'dedupe_key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id ?? null;
  },

  /** Whether a message with this key was ever written (a reminder is sent once a period). */
  async hasKey(trx: MailTrx, dedupeKey: string): Promise<boolean> {
    const row = await trx
      .selectFrom('mail_outbox')
      .select('id')
      .where('dedupe_key', '=', dedupeKey)
      .executeTakeFirst();
    return Boolean(row);
  },

  byId: (trx: MailTrx, id: string) =>
    trx.selectFrom('mail_outbox').select(columns).where('id', '=', id).executeTakeFirst() as Promise<
      OutboxRow | undefined
    >,

  async setState(
    trx: MailTrx,
    id: string,
    values: { state?: string; attempts?: number; failure?: string | null; sentAt?: Date },
  ): Promise<void> {
    await trx
      .updateTable('mail_outbox')
      .set({
        ...(values.state ? { state: values.state } : {}),
        ...(values.attempts !== undefined ? { attempts: values.attempts } : {}),
        ...(values.failure !== undefined ? { failure: values.failure } : {}),
        ...(values.sentAt ? { sent_at: values.sentAt } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
  },

  async list(trx: MailTrx, filter: { state?: string | undefined; limit: number; offset: number }) {
    let query = trx.selectFrom('mail_outbox');
    if (filter.state) query = query.where('state', '=', filter.state);
    const [rows, count] = await Promise.all([
      query
        .select(columns)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute(),
      query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    ]);
    return { rows: rows as OutboxRow[], total: Number(count.total) };
  },

  async counts(trx: MailTrx): Promise<Record<string, number>> {
    const rows = await trx
      .selectFrom('mail_outbox')
      .select((eb) => ['state', eb.fn.countAll<number>().as('n')])
      .groupBy('state')
      .execute();
    return Object.fromEntries(rows.map((row) => [row.state, Number(row.n)]));
  },

  async waiting(trx: MailTrx): Promise<string[]> {
    const rows = await trx.selectFrom('mail_outbox').select('id').where('state', '=', 'queued').execute();
    return rows.map((row) => row.id);
  },

  async digestRows(trx: MailTrx): Promise<OutboxRow[]> {
    return (await trx
      .selectFrom('mail_outbox')
      .select(columns)
      .where('state', '=', 'digest')
      .orderBy('recipient')
      .orderBy('created_at')
      .execute()) as OutboxRow[];
  },

  async markDigested(trx: MailTrx, ids: string[]): Promise<void> {
    if (!ids.length) return;
    await trx
      .updateTable('mail_outbox')
      .set({ state: 'in-digest', updated_at: new Date() })
      .where('id', 'in', ids)
      .execute();
  },

  async choice(trx: MailTrx, email: string, kind: string): Promise<string | null> {
    const row = await trx
      .selectFrom('mail_preferences')
      .select('choice')
      .where('email', '=', email.toLowerCase())
      .where('kind', '=', kind)
      .executeTakeFirst();
    return row?.choice ?? null;
  },

  async choices(trx: MailTrx, email: string): Promise<Record<string, string>> {
    const rows = await trx
      .selectFrom('mail_preferences')
      .select(['kind', 'choice'])
      .where('email', '=', email.toLowerCase())
      .execute();
    return Object.fromEntries(rows.map((row) => [row.kind, row.choice]));
  },

  async setChoice(trx: MailTrx, email: string, kind: string, choice: string): Promise<void> {
    await trx
      .insertInto('mail_preferences')
      .values({ email: email.toLowerCase(), kind, choice })
      .onConflict((oc) => oc.columns(['email', 'kind']).doUpdateSet({ choice, updated_at: sql`now()` }))
      .execute();
  },

  async addUnsubscribeLink(
    trx: MailTrx,
    values: { tokenHash: string; email: string; kind: string; expiresAt: Date },
  ): Promise<void> {
    await trx
      .insertInto('mail_unsubscribe_links')
      .values({
        token_hash: values.tokenHash,
        email: values.email.toLowerCase(),
        kind: values.kind,
        expires_at: values.expiresAt,
      })
      .execute();
  },

  unsubscribeLink: (trx: MailTrx, tokenHash: string) =>
    trx
      .selectFrom('mail_unsubscribe_links')
      .select(['email', 'kind', 'expires_at as expiresAt', 'used_at as usedAt'])
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst(),

  async useUnsubscribeLink(trx: MailTrx, tokenHash: string, now: Date): Promise<boolean> {
    const result = await trx
      .updateTable('mail_unsubscribe_links')
      .set({ used_at: now })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
};
