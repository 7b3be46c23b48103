// Mail that is never lost (ADR 0030). A message is written to the outbox in the transaction of
// the change that causes it, with a pg-boss job to send it in the same transaction: both or
// neither are committed. The job sends it over SMTP with nodemailer; pg-boss retries it with
// back-off; the row keeps its state (queued, sent, failed with the reason, bounced when the
// server refused the address) and every state is written to the audit trail. Without SMTP
// configured no job is sent: the messages wait in the outbox until an administrator sends them.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Transporter } from 'nodemailer';
import type { Database } from '../db/database.ts';
import { recordChange } from '../audit/audit.ts';
import { assertCan, type Actor, type Caller } from '../http/auth.ts';
import { tenantIdOf } from '../tenant.ts';
import type { JobOf, Jobs } from '../jobs/jobs.ts';
import { RuleViolation } from '../http/validation.ts';
import { compose, type MailContent } from './compose.ts';
import { isMailKind, mailChoices, mailKinds, type MailChoice, type MailKind } from './kinds.ts';
import { asMail, mailRepository as mail, type OutboxRow } from './mail.repository.ts';

export interface MailSettings {
  /** smtp(s)://user:password@host:port; unset: nothing is sent, messages wait in the outbox. */
  smtpUrl?: string | undefined;
  /** The From address. */
  from: string;
  /** Absolute base of links in messages (PUBLIC_URL). */
  publicUrl: string;
  /** The first retry's delay; each later one doubles it (pg-boss's back-off). */
  retryDelaySeconds: number;
}

export interface OutgoingMail {
  kind: MailKind;
  to: { email: string; name?: string | null | undefined };
  content: MailContent;
  /** The page the message is about (absolute). */
  link?: string | undefined;
  /** A message with a key already in the partnership's outbox is not written again. */
  dedupeKey?: string | undefined;
}

export interface MailJob {
  partnershipId: string;
  messageId: string;
}

export const mailQueue = 'mail';
/** Tries in all: the first and four retries. */
export const mailTries = 5;
const unsubscribeDays = 60;
const mailActor: Actor = { userId: null, label: 'Mail' };

const digestOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** Why the server refused a message, in one line; whether it refused the address itself. */
function refusal(error: unknown): { reason: string; permanent: boolean; bounced: boolean } {
  const details = error as { responseCode?: number; command?: string; code?: string; response?: string };
  const message = (error as Error)?.message || (error as AggregateError)?.errors?.[0]?.message;
  const reason = (details.response || message || details.code || String(error)).slice(0, 500);
  const code = details.responseCode ?? 0;
  const bounced = details.code === 'EENVELOPE' || (code >= 500 && /RCPT/i.test(details.command ?? ''));
  return { reason, permanent: code >= 500 || bounced, bounced };
}

export function mailService(db: Database<unknown>, jobs: Jobs, settings: MailSettings) {
  const configured = Boolean(settings.smtpUrl);
  // nodemailer is loaded with the first message sent, not with the server
  let transport: Promise<Transporter> | undefined;
  const transportOf = () =>
    (transport ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport(settings.smtpUrl!),
    ));
  const host = new URL(settings.publicUrl).hostname || 'cooperate.invalid';

  const url = (path: string) => new URL(path, settings.publicUrl).toString();

  async function deliver(job: JobOf<MailJob>) {
    const { partnershipId, messageId } = job.data;
    const scope = { partnershipId };
    const row = await db.transaction(scope, (trx) => mail.byId(asMail(trx), messageId));
    // Sent already (a second job for it), or no longer there: nothing to do, never twice.
    if (!row || row.state !== 'queued') return { skipped: row?.state ?? 'gone' };
    const attempts = row.attempts + 1;
    try {
      if (!configured) throw new Error('No mail server is configured (SMTP_URL)');
      const info = (await (
        await transportOf()
      ).sendMail({
        from: settings.from,
        to: row.recipientName ? { name: row.recipientName, address: row.recipient } : row.recipient,
        subject: row.subject,
        text: row.textBody,
        html: row.htmlBody,
        messageId: row.messageId,
        ...(row.unsubscribeUrl
          ? {
              list: { unsubscribe: { url: row.unsubscribeUrl, comment: 'Stop these e-mails' } },
              headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
            }
          : {}),
      })) as { rejected?: unknown[]; response?: string };
      if (info.rejected?.length)
        throw Object.assign(new Error(info.response ?? 'Address refused'), { code: 'EENVELOPE' });
      await db.transaction(scope, async (trx) => {
        await mail.setState(asMail(trx), row.id, {
          state: 'sent',
          attempts,
          failure: null,
          sentAt: new Date(),
        });
        await recordChange(trx, mailActor, {
          partnershipId,
          action: 'mail-sent',
          entityType: 'mail',
          entityId: row.id,
          summary: `Sent “${row.subject}” to ${row.recipient}`,
          after: { state: 'sent', attempts },
        });
      });
      return { sent: row.id };
    } catch (error) {
      const { reason, permanent, bounced } = refusal(error);
      const last = permanent || job.retryCount >= job.retryLimit;
      const state = bounced ? 'bounced' : last ? 'failed' : 'queued';
      await db.transaction(scope, async (trx) => {
        await mail.setState(asMail(trx), row.id, { state, attempts, failure: reason });
        await recordChange(trx, mailActor, {
          partnershipId,
          action: state === 'queued' ? 'mail-retry' : `mail-${state}`,
          entityType: 'mail',
          entityId: row.id,
          summary:
            state === 'queued'
              ? `Could not send “${row.subject}” to ${row.recipient} (try ${attempts} of ${mailTries}): ${reason}`
              : state === 'bounced'
                ? `The mail server refused ${row.recipient} for “${row.subject}”: ${reason}`
                : `Gave up sending “${row.subject}” to ${row.recipient} after ${attempts} tries: ${reason}`,
          after: { state, attempts, failure: reason },
        });
      });
      // pg-boss tries again later (with back-off) only while the failure may pass.
      if (state === 'queued') throw error;
      return { [state]: row.id, reason };
    }
  }

  jobs.define<MailJob>({
    name: mailQueue,
    options: {
      policy: 'short',
      retryLimit: mailTries - 1,
      retryDelay: settings.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: 120,
    },
    work: deliver,
  });

  async function choiceOf(trx: unknown, email: string, kind: MailKind): Promise<MailChoice> {
    if (!mailKinds[kind].optional) return 'immediately';
    const choice = await mail.choice(asMail(trx), email, kind);
    return (mailChoices as readonly string[]).includes(choice ?? '') ? (choice as MailChoice) : 'immediately';
  }

  /**
   * Writes messages to the outbox inside the caller's transaction (the change's own), with a
   * job for each when mail is configured (call `ready` before the transaction, `notify` after).
   * A person who switched a kind off gets nothing; one who chose a digest gets it in the next.
   * Returns the ids written (a message whose key is already there is not written again).
   */
  async function queue(trx: unknown, actor: Actor, partnershipId: string, messages: OutgoingMail[]) {
    if (configured && !jobs.started)
      throw new Error('Call mail.ready() before the transaction that queues mail');
    const ids: string[] = [];
    for (const message of messages) {
      const email = message.to.email.trim();
      if (!/^[^\s@]+@[^\s@]+$/.test(email)) continue;
      const choice = await choiceOf(trx, email, message.kind);
      if (choice === 'off') continue;
      if (message.dedupeKey && (await mail.hasKey(asMail(trx), message.dedupeKey))) continue;
      let unsubscribeUrl: string | null = null;
      if (mailKinds[message.kind].optional) {
        const token = randomBytes(24).toString('base64url');
        await mail.addUnsubscribeLink(asMail(trx), {
          tokenHash: digestOf(token),
          email,
          kind: message.kind,
          expiresAt: new Date(Date.now() + unsubscribeDays * 86_400_000),
        });
        unsubscribeUrl = url(`/unsubscribe/${token}`);
      }
      const { text, html } = compose(message.content, { unsubscribeUrl });
      const id = await mail.insert(asMail(trx), {
        partnershipId,
        kind: message.kind,
        recipient: email,
        recipientName: message.to.name ?? null,
        subject: message.content.subject,
        textBody: text,
        htmlBody: html,
        link: message.link ?? null,
        unsubscribeUrl,
        dedupeKey: message.dedupeKey ?? null,
        state: choice === 'digest' ? 'digest' : 'queued',
        messageId: `<${randomUUID()}@${host}>`,
      });
      if (!id) continue;
      ids.push(id);
      await recordChange(trx, actor, {
        partnershipId,
        action: 'mail-queued',
        entityType: 'mail',
        entityId: id,
        summary: `${choice === 'digest' ? 'Kept for the daily digest' : 'Queued'} “${message.content.subject}” to ${email}`,
        after: { kind: message.kind, recipient: email, state: choice === 'digest' ? 'digest' : 'queued' },
      });
      if (configured && choice !== 'digest')
        await jobs.send(trx as never, mailQueue, { partnershipId, messageId: id }, { singletonKey: id });
    }
    return ids;
  }

  return {
    configured,
    settings,
    url,
    queue,

    /** Writes messages in a transaction of their own (when no other change causes them). */
    async queueNow(actor: Actor, partnershipId: string, messages: OutgoingMail[]): Promise<string[]> {
      await this.ready();
      const ids = await db.transaction({ partnershipId, userId: actor.userId }, (trx) =>
        queue(trx, actor, partnershipId, messages),
      );
      this.notify();
      return ids;
    },

    /** Starts the background jobs when mail is configured: before a transaction that queues mail. */
    async ready(): Promise<void> {
      if (configured) await jobs.start();
    },

    /** Wakes this process's sender after a commit. */
    notify(): void {
      if (configured) jobs.notify(mailQueue);
    },

    /** Resolves when no message is waiting to be sent or retried (tests). */
    idle: (timeoutMs?: number) => jobs.idle(mailQueue, timeoutMs),

    /** The outbox of the caller's partnership, newest first, for its administrators. */
    outbox: (caller: Caller, filter: { state?: string | undefined; page: number }, pageSize = 50) => {
      assertCan(caller, 'audit.read');
      return db.read({ partnershipId: tenantIdOf(caller), userId: caller.userId }, async (trx) => ({
        ...(await mail.list(asMail(trx), {
          state: filter.state,
          limit: pageSize,
          offset: (filter.page - 1) * pageSize,
        })),
        counts: await mail.counts(asMail(trx)),
      }));
    },

    message: (caller: Caller, id: string): Promise<OutboxRow | undefined> => {
      assertCan(caller, 'audit.read');
      return db.read({ partnershipId: tenantIdOf(caller), userId: caller.userId }, (trx) =>
        mail.byId(asMail(trx), id),
      );
    },

    /**
     * Sends every waiting message of the caller's partnership (kept while mail was not
     * configured, or failed and worth another go): each gets a job, in one transaction.
     */
    async sendWaiting(caller: Caller, retryFailed = false): Promise<number> {
      assertCan(caller, 'users.manage');
      if (!configured)
        throw new RuleViolation([
          { path: 'send', message: 'Mail cannot be sent: no mail server is configured (SMTP_URL)' },
        ]);
      await jobs.start();
      const partnershipId = tenantIdOf(caller);
      const count = await db.transaction({ partnershipId, userId: caller.userId }, async (trx) => {
        const ids = await mail.waiting(asMail(trx));
        if (retryFailed) {
          const failed = await mail.list(asMail(trx), { state: 'failed', limit: 10_000, offset: 0 });
          for (const row of failed.rows) {
            await mail.setState(asMail(trx), row.id, { state: 'queued', attempts: 0 });
            ids.push(row.id);
          }
        }
        for (const id of ids)
          await jobs.send(trx as never, mailQueue, { partnershipId, messageId: id }, { singletonKey: id });
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'mail-send-waiting',
          entityType: 'mail',
          entityId: partnershipId,
          summary: `Asked for ${ids.length} waiting message${ids.length === 1 ? '' : 's'} to be sent`,
        });
        return ids.length;
      });
      jobs.notify(mailQueue);
      return count;
    },

    /** Each partnership's messages kept for a digest become one message a person. */
    async sendDigests(partnershipId: string, partnershipName: string): Promise<number> {
      await this.ready();
      const sent = await db.transaction({ partnershipId }, async (trx) => {
        const rows = await mail.digestRows(asMail(trx));
        const byRecipient = Map.groupBy(rows, (row) => row.recipient);
        for (const [recipient, held] of byRecipient) {
          await queue(trx, mailActor, partnershipId, [
            {
              kind: 'digest',
              to: { email: recipient, name: held[0]!.recipientName },
              content: {
                subject: `${partnershipName}: your daily digest (${held.length} message${held.length === 1 ? '' : 's'})`,
                blocks: [
                  { paragraph: `These are the messages from ${partnershipName} since your last digest.` },
                  ...held.flatMap((row) => [
                    { heading: row.subject },
                    ...(row.link ? [{ links: [{ text: 'Open the page', href: row.link }] }] : []),
                  ]),
                ],
              },
            },
          ]);
          await mail.markDigested(
            asMail(trx),
            held.map((row) => row.id),
          );
        }
        return byRecipient.size;
      });
      this.notify();
      return sent;
    },

    /** A person's choices, per kind (the default is immediately). */
    choices: (email: string) =>
      db.transaction({}, async (trx) => {
        const chosen = await mail.choices(asMail(trx), email);
        return (Object.keys(mailKinds) as MailKind[])
          .filter((kind) => kind !== 'digest')
          .map((kind) => ({
            kind,
            label: mailKinds[kind].label,
            optional: mailKinds[kind].optional,
            choice: (mailKinds[kind].optional ? chosen[kind] : undefined) ?? 'immediately',
          }));
      }),

    async setChoices(actor: Actor, email: string, choices: Record<string, string>): Promise<void> {
      const problems = Object.entries(choices)
        .filter(
          ([kind, choice]) =>
            !isMailKind(kind) ||
            !mailKinds[kind].optional ||
            !(mailChoices as readonly string[]).includes(choice),
        )
        .map(([kind]) => ({ path: kind, message: 'Select immediately, in a daily digest or not at all' }));
      if (problems.length) throw new RuleViolation(problems);
      await db.transaction({ userId: actor.userId }, async (trx) => {
        for (const [kind, choice] of Object.entries(choices))
          await mail.setChoice(asMail(trx), email, kind, choice);
        await recordChange(trx, actor, {
          partnershipId: null,
          action: 'update',
          entityType: 'mail-choices',
          entityId: actor.userId ?? email,
          summary: `Changed the e-mails ${email} receives`,
          after: choices,
        });
      });
    },

    /** What an unsubscribe link stops, if it can still be used. */
    unsubscribeLink: (token: string, now = new Date()) =>
      db.transaction({}, async (trx) => {
        const link = await mail.unsubscribeLink(asMail(trx), digestOf(token));
        if (!link) return { ok: false as const, reason: 'This link to stop e-mails is not valid.' };
        if (link.usedAt)
          return {
            ok: false as const,
            reason: 'This link has already been used: these e-mails are stopped.',
          };
        if (link.expiresAt <= now)
          return {
            ok: false as const,
            reason:
              'This link has expired. Use the link in a more recent e-mail, or sign in and change your choices.',
          };
        return {
          ok: true as const,
          email: link.email,
          kind: link.kind,
          label: isMailKind(link.kind) ? mailKinds[link.kind].label : link.kind,
        };
      }),

    /** One-click unsubscribe (RFC 8058): no sign-in; the link works once, until it expires. */
    unsubscribe: (token: string, now = new Date()) =>
      db.transaction({}, async (trx) => {
        const hash = digestOf(token);
        const link = await mail.unsubscribeLink(asMail(trx), hash);
        if (!link || !(await mail.useUnsubscribeLink(asMail(trx), hash, now))) return { ok: false as const };
        await mail.setChoice(asMail(trx), link.email, link.kind, 'off');
        await recordChange(
          trx,
          { userId: null, label: link.email },
          {
            partnershipId: null,
            action: 'unsubscribe',
            entityType: 'mail-choices',
            entityId: link.email,
            summary: `${link.email} stopped “${isMailKind(link.kind) ? mailKinds[link.kind].label : link.kind}” e-mails`,
          },
        );
        return { ok: true as const, kind: link.kind };
      }),
  };
}

export type MailService = ReturnType<typeof mailService>;
