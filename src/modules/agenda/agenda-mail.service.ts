// "Send the agenda" (issue 18): every member and named substitute of the meeting's bodies on
// its date gets the agenda with links to the meeting page, each paper and the board pack; an
// exempt item (Schedule 12A) is named, with its papers, only to those whose account may see it,
// and papers are never attached. After that, "Send the changes" sends a short note listing
// what changed since the agenda was last sent. The messages are written to the outbox in the
// transaction that records the sending.
import type { Database } from '../../platform/db/database.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import type { Actor, Caller } from '../../platform/http/auth.ts';
import { notFound } from '../../platform/http/errors.ts';
import { RuleViolation } from '../../platform/http/validation.ts';
import type { MailBlock } from '../../platform/mail/compose.ts';
import type { MailService, OutgoingMail } from '../../platform/mail/outbox.ts';
import { inTenant } from '../../platform/tenant.ts';
import type { DB, Trx } from '../../schema.ts';
import { agendaRepository as agenda, type AgendaItemRow } from './agenda.repository.ts';
import {
  agendaMailRepository as repo,
  type AgendaRecipient,
  type SentItem,
} from './agenda-mail.repository.ts';
import { meetingById, type MeetingRow, hasHappened, londonParts } from '../meetings/index.ts';
import { formatDate, formatTime } from '../../platform/dates.ts';

const snapshotOf = (items: AgendaItemRow[]): SentItem[] =>
  items.map((item) => ({
    id: item.id,
    number: item.number,
    title: item.title,
    exempt: item.exempt,
    papers: item.papers.map((paper) => ({ id: paper.id, fileName: paper.fileName })),
  }));

const withheldLine = (item: { number: number; exemptParagraph?: number | null }) =>
  `Item ${item.number}: not for publication${item.exemptParagraph ? ` (paragraph ${item.exemptParagraph} of Schedule 12A)` : ''}`;

/** What changed between the agenda as sent and as it is now, as one reader may see it. */
export function agendaChanges(before: SentItem[], now: SentItem[], seesExempt: boolean): string[] {
  const lines: string[] = [];
  const label = (item: SentItem) =>
    item.exempt && !seesExempt
      ? `Item ${item.number} (not for publication)`
      : `Item ${item.number}: ${item.title}`;
  const was = new Map(before.map((item) => [item.id, item]));
  for (const item of now) {
    const old = was.get(item.id);
    if (!old) {
      lines.push(`${label(item)} was added`);
      continue;
    }
    if (old.title !== item.title || old.number !== item.number || old.exempt !== item.exempt)
      lines.push(`${label(item)} was changed`);
    if (item.exempt && !seesExempt) {
      if (JSON.stringify(old.papers) !== JSON.stringify(item.papers))
        lines.push(`${label(item)}: its papers changed`);
      continue;
    }
    const oldPapers = new Set(old.papers.map((paper) => paper.id));
    const newPapers = new Set(item.papers.map((paper) => paper.id));
    for (const paper of item.papers)
      if (!oldPapers.has(paper.id)) lines.push(`${label(item)}: the paper ${paper.fileName} was added`);
    for (const paper of old.papers)
      if (!newPapers.has(paper.id)) lines.push(`${label(item)}: the paper ${paper.fileName} was removed`);
  }
  const current = new Set(now.map((item) => item.id));
  for (const item of before)
    if (!current.has(item.id)) lines.push(`${label(item)} was removed from the agenda`);
  return lines;
}

/**
 * What the agenda's mail needs of the meetings' parts that come after the agenda (ADR 0057): the
 * board pack (documents) and the draft minutes (record), which themselves read the agenda.
 * The composition root passes them in, so the agenda imports neither.
 */
export interface AgendaMailParts {
  /** Whether the meeting's board pack is ready to be linked to. */
  boardPackReady(trx: Trx, meetingId: string): Promise<boolean>;
  /** Writes the draft minutes' messages to the outbox in the caller's transaction. */
  draftMinutesMail(
    trx: Trx,
    mail: MailService,
    actor: Actor,
    partnershipId: string,
    meeting: MeetingRow,
  ): Promise<{ drafts: number; recipients: number; sent: number }>;
}

export function agendaMailService(db: Database<DB>, mail: MailService, parts: AgendaMailParts) {
  async function read(trx: Trx, meetingId: string, partnershipId: string) {
    const meeting = await meetingById(trx, meetingId);
    if (!meeting) throw notFound();
    const items = await agenda.list(trx, [meetingId]);
    const { date } = londonParts(meeting.startsAt);
    const recipients = await repo.recipients(
      trx,
      meeting.bodies.map((body) => body.id),
      date,
    );
    const partnership = await repo.partnership(trx, partnershipId);
    const lastSent = await repo.lastSent(trx, meetingId);
    const packReady = await parts.boardPackReady(trx, meetingId);
    return { meeting, items, recipients, partnership, lastSent, packReady };
  }

  function agendaFor(
    recipient: AgendaRecipient,
    meeting: MeetingRow,
    items: AgendaItemRow[],
    partnership: { slug: string; name: string },
    packReady: boolean,
  ): OutgoingMail {
    const base = mail.url(`/partnerships/${partnership.slug}/meetings/${meeting.id}`);
    const { date, time } = londonParts(meeting.startsAt);
    const visible = items.filter((item) => !item.exempt || recipient.seesExempt);
    const blocks: MailBlock[] = [
      {
        paragraph: `The agenda for ${meeting.title} on ${formatDate(date)} at ${formatTime(time)}${meeting.place ? `, ${meeting.place}` : ''} is ready. You get it as a member or named substitute of ${meeting.bodies.map((body) => body.name).join(' and ')}.`,
      },
      { heading: 'Agenda' },
      {
        list: items.map((item) =>
          item.exempt && !recipient.seesExempt ? withheldLine(item) : `Item ${item.number}: ${item.title}`,
        ),
      },
      { links: [{ text: 'Open the meeting page', href: base }] },
    ];
    const papers = visible.flatMap((item) =>
      item.papers.map((paper) => ({
        text: `Item ${item.number}: ${paper.fileName}`,
        href: `${base}/papers/${paper.id}`,
      })),
    );
    if (papers.length) blocks.push({ heading: 'Papers' }, { links: papers });
    if (packReady)
      blocks.push({ links: [{ text: 'Download the board pack (PDF)', href: `${base}/board-pack.pdf` }] });
    blocks.push({
      inset: `If you cannot attend, send your apologies on the meeting page: ${base}/apologies`,
    });
    return {
      kind: 'agenda',
      to: { email: recipient.email, name: recipient.name },
      link: base,
      content: {
        subject: `Agenda: ${meeting.title}, ${formatDate(date)}`,
        greeting: `Hello ${recipient.name},`,
        blocks,
      },
    };
  }

  return {
    /** Who would get the agenda, and whether it was sent before (the page before sending). */
    preview: (caller: Caller, meetingId: string) =>
      inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const found = await read(trx, meetingId, partnershipId);
        return {
          meeting: found.meeting,
          recipients: found.recipients.length,
          lastSentAt: found.lastSent?.sentAt ?? null,
          changes: found.lastSent ? agendaChanges(found.lastSent.items, snapshotOf(found.items), true) : [],
        };
      }),

    /**
     * Sends the agenda (the first time) or the changes since it was last sent; the messages
     * are written in the transaction that records it. Returns how many were written.
     */
    async send(
      caller: Caller,
      meetingId: string,
    ): Promise<{ sent: number; kind: 'agenda' | 'papers-updated' }> {
      await mail.ready();
      const result = await inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const { meeting, items, recipients, partnership, lastSent, packReady } = await read(
          trx,
          meetingId,
          partnershipId,
        );
        const refuse = (message: string) => new RuleViolation([{ path: 'send', message }]);
        if (meeting.state === 'cancelled')
          throw refuse('The meeting was cancelled: its agenda cannot be sent');
        if (hasHappened(meeting))
          throw refuse('The meeting has already started: its agenda can no longer be sent');
        if (!items.length) throw refuse('Add an item to the agenda before sending it');
        if (!recipients.length)
          throw refuse(
            'Nobody would get the agenda: no member or substitute of the meeting’s bodies has an e-mail address',
          );
        const now = snapshotOf(items);
        let messages: OutgoingMail[];
        if (!lastSent) {
          messages = recipients.map((recipient) =>
            agendaFor(recipient, meeting, items, partnership, packReady),
          );
        } else {
          if (!agendaChanges(lastSent.items, now, true).length)
            throw refuse('Nothing on the agenda has changed since it was sent');
          const base = mail.url(`/partnerships/${partnership.slug}/meetings/${meeting.id}`);
          messages = recipients.flatMap((recipient) => {
            const changes = agendaChanges(lastSent.items, now, recipient.seesExempt);
            if (!changes.length) return [];
            return [
              {
                kind: 'papers-updated' as const,
                to: { email: recipient.email, name: recipient.name },
                link: base,
                content: {
                  subject: `Papers updated: ${meeting.title}, ${formatDate(meeting.startsAt)}`,
                  greeting: `Hello ${recipient.name},`,
                  blocks: [
                    {
                      paragraph: `The agenda or papers for ${meeting.title} have changed since they were sent:`,
                    },
                    { list: changes },
                    { links: [{ text: 'Open the meeting page', href: base }] },
                  ],
                },
              },
            ];
          });
        }
        const ids = await mail.queue(trx, caller.actor, partnershipId, messages);
        await repo.recordSent(trx, partnershipId, meetingId, caller.userId, now);
        const kind = lastSent ? ('papers-updated' as const) : ('agenda' as const);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: kind === 'agenda' ? 'agenda-sent' : 'papers-updated-sent',
          entityType: 'meeting',
          entityId: meetingId,
          summary: `${kind === 'agenda' ? 'Sent the agenda' : 'Sent the changes to the papers'} of ${meeting.title} to ${ids.length} ${ids.length === 1 ? 'person' : 'people'}`,
          after: { messages: ids.length },
        });
        return { sent: ids.length, kind };
      });
      mail.notify();
      return result;
    },

    /**
     * Sends the meeting's draft minutes for comment to the members and substitutes of its
     * bodies on its date, written in the transaction that records it. Returns how many.
     */
    async sendDraftMinutes(caller: Caller, meetingId: string): Promise<number> {
      await mail.ready();
      const sent = await inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const meeting = await meetingById(trx, meetingId);
        if (!meeting) throw notFound();
        const refuse = (message: string) => new RuleViolation([{ path: 'send-minutes', message }]);
        if (meeting.state === 'cancelled') throw refuse('The meeting was cancelled: it has no minutes');
        if (!hasHappened(meeting))
          throw refuse('The meeting has not happened yet: its minutes are written after it');
        const { drafts, recipients, sent } = await parts.draftMinutesMail(
          trx,
          mail,
          caller.actor,
          partnershipId,
          meeting,
        );
        if (!drafts) throw refuse('The meeting has no draft minutes to send: write them first');
        if (!recipients)
          throw refuse(
            'Nobody would get the minutes: no member or substitute of the meeting’s bodies has an e-mail address',
          );
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'minutes-sent',
          entityType: 'meeting',
          entityId: meetingId,
          summary: `Sent the draft minutes of ${meeting.title} for comment to ${sent} ${sent === 1 ? 'person' : 'people'}`,
          after: { messages: sent, items: drafts },
        });
        return sent;
      });
      mail.notify();
      return sent;
    },
  };
}

export type AgendaMailService = ReturnType<typeof agendaMailService>;
