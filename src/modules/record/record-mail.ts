// The meeting messages of issue 18 that follow the record, each written to the outbox in the
// transaction of the change that causes it: a new action to its owner; the draft minutes for
// comment and the minutes approved to the members and substitutes of the meeting's bodies; the
// board pack ready to the meeting's clerks (and to the members once the agenda has gone). And
// the reminders of the daily mail: an action due in 7 days, and overdue, weekly until someone
// records an update. An exempt item (Schedule 12A) and what hangs on it are named only to
// those whose account here may see exempt items; no message names a young person.
import type { Actor } from '../../platform/http/auth.ts';
import type { MailBlock } from '../../platform/mail/compose.ts';
import type { Reminder, ReminderSource } from '../../platform/mail/daily.ts';
import type { MailService, OutgoingMail } from '../../platform/mail/outbox.ts';
import { formatDate } from '../../platform/views/nunjucks.ts';
import type { Trx } from '../../schema.ts';
import {
  agendaItemsOf,
  agendaRecipients,
  agendaSent,
  exemptItemsAmong,
  partnershipForMail,
} from '../agenda/index.ts';
import { type MeetingRow, londonParts } from '../meetings/index.ts';
import { clerksOfBodies } from '../membership/index.ts';
import { addressesSeeingExempt } from '../accounts/index.ts';
import { recordMailRepository as repo, type DueAction } from './record-mail.repository.ts';
import { recordRepository as records } from './record.repository.ts';

const dateOf = (meeting: { startsAt: Date }) => londonParts(meeting.startsAt).date;
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
const withheld = 'An action on an item not for publication (sign in to see it)';

async function partnershipOf(trx: Trx, partnershipId: string) {
  return partnershipForMail(trx, partnershipId);
}

/** A new action, to its owner (a person with an address); inside the action's transaction. */
export async function newActionMail(
  trx: Trx,
  mail: MailService,
  actor: Actor,
  partnershipId: string,
  actionId: string,
): Promise<void> {
  const [action] = await records.actions(trx, { ids: [actionId] });
  if (!action?.ownerPersonId) return;
  const owner = await repo.person(trx, action.ownerPersonId);
  if (!owner?.email) return;
  const exempt = action.agendaItemId
    ? (await exemptItemsAmong(trx, [action.agendaItemId])).length > 0
    : false;
  const shown = !exempt || (await addressesSeeingExempt(trx, [owner.email])).size > 0;
  const partnership = await partnershipOf(trx, partnershipId);
  const link = mail.url(`/partnerships/${partnership.slug}/actions/${action.id}/update`);
  const meeting = `${action.meetingTitle} on ${formatDate(dateOf({ startsAt: action.meetingStartsAt }))}`;
  await mail.queue(trx, actor, partnershipId, [
    {
      kind: 'action-new',
      to: { email: owner.email, name: owner.name },
      link,
      content: {
        subject: `A new action for you from ${action.meetingTitle}`,
        greeting: `Hello ${owner.name},`,
        blocks: [
          {
            paragraph: `${meeting} gave you an action${action.dueOn ? `, due on ${formatDate(action.dueOn)}` : ''}:`,
          },
          { inset: shown ? action.text : withheld },
          { paragraph: 'Record your progress on the action when you have some:' },
          { links: [{ text: 'Update the action', href: link }] },
        ],
      },
    },
  ]);
}

/** The members and substitutes of a meeting's bodies on its date, with what each may see. */
const membersOf = (trx: Trx, meeting: MeetingRow) =>
  agendaRecipients(
    trx,
    meeting.bodies.map((body) => body.id),
    dateOf(meeting),
  );

/** The draft minutes of a meeting, for comment: how many items have them, how many messages were written. */
export async function draftMinutesMail(
  trx: Trx,
  mail: MailService,
  actor: Actor,
  partnershipId: string,
  meeting: MeetingRow,
): Promise<{ drafts: number; recipients: number; sent: number }> {
  const items = await agendaItemsOf(trx, [meeting.id]);
  const drafts = new Set(
    (
      await records.minutes(
        trx,
        items.map((item) => item.id),
      )
    )
      .filter((minute) => minute.status === 'draft')
      .map((minute) => minute.agendaItemId),
  );
  const minuted = items.filter((item) => drafts.has(item.id));
  const partnership = await partnershipOf(trx, partnershipId);
  const link = mail.url(`/partnerships/${partnership.slug}/meetings/${meeting.id}`);
  const date = formatDate(dateOf(meeting));
  const clerks = await clerksOfBodies(
    trx,
    meeting.bodies.map((body) => body.id),
  );
  const messages: OutgoingMail[] = (await membersOf(trx, meeting)).map((member) => ({
    kind: 'minutes',
    to: { email: member.email, name: member.name },
    link,
    content: {
      subject: `Draft minutes for comment: ${meeting.title}, ${date}`,
      greeting: `Hello ${member.name},`,
      blocks: [
        {
          paragraph: `The draft minutes of ${meeting.title} on ${date} are ready for your comments. They cover:`,
        },
        {
          list: minuted.map((item) =>
            item.exempt && !member.seesExempt
              ? `Item ${item.number}: not for publication`
              : `Item ${item.number}: ${item.title}`,
          ),
        },
        { links: [{ text: 'Read the draft minutes', href: `${link}#agenda` }] },
        {
          inset: `Send any comments${clerks.length ? ` to ${clerks.map((clerk) => clerk.name).join(' or ')}` : ' to the clerk'} before the minutes are approved at the next meeting.`,
        },
      ],
    },
  }));
  if (!minuted.length || !messages.length)
    return { drafts: minuted.length, recipients: messages.length, sent: 0 };
  const sent = (await mail.queue(trx, actor, partnershipId, messages)).length;
  return { drafts: minuted.length, recipients: messages.length, sent };
}

/** The minutes of `previous` approved at `meeting`, to the members of `previous`. */
export async function minutesApprovedMail(
  trx: Trx,
  mail: MailService,
  actor: Actor,
  partnershipId: string,
  previous: MeetingRow,
  meeting: MeetingRow,
): Promise<void> {
  const partnership = await partnershipOf(trx, partnershipId);
  const link = mail.url(`/partnerships/${partnership.slug}/meetings/${previous.id}`);
  const date = formatDate(dateOf(previous));
  await mail.queue(
    trx,
    actor,
    partnershipId,
    (await membersOf(trx, previous)).map((member) => ({
      kind: 'minutes' as const,
      to: { email: member.email, name: member.name },
      link,
      content: {
        subject: `Minutes approved: ${previous.title}, ${date}`,
        greeting: `Hello ${member.name},`,
        blocks: [
          {
            paragraph: `The minutes of ${previous.title} on ${date} were approved at the meeting on ${formatDate(dateOf(meeting))}. They can no longer change.`,
          },
          { links: [{ text: 'Read the approved minutes', href: link }] },
        ],
      },
    })),
  );
}

/**
 * The board pack is ready: to the meeting's clerks, and to its members once the agenda has been
 * sent (before the meeting). Once a meeting and person: a later pack is in "papers updated".
 */
export async function boardPackReadyMail(
  trx: Trx,
  mail: MailService,
  partnershipId: string,
  meeting: MeetingRow,
): Promise<void> {
  const partnership = await partnershipOf(trx, partnershipId);
  const base = mail.url(`/partnerships/${partnership.slug}/meetings/${meeting.id}`);
  const date = formatDate(dateOf(meeting));
  const clerks = await clerksOfBodies(
    trx,
    meeting.bodies.map((body) => body.id),
  );
  const members =
    meeting.startsAt > new Date() && (await agendaSent(trx, meeting.id)) ? await membersOf(trx, meeting) : [];
  const people = [
    ...new Map([...clerks, ...members].map((each) => [each.email.toLowerCase(), each])).values(),
  ];
  const blocks: MailBlock[] = [
    {
      paragraph: `The board pack for ${meeting.title} on ${date} is ready: the agenda and its public papers in one PDF.`,
    },
    { links: [{ text: 'Download the board pack (PDF)', href: `${base}/board-pack.pdf` }] },
    { links: [{ text: 'Open the meeting page', href: base }] },
  ];
  await mail.queue(
    trx,
    { userId: null, label: 'Board pack' },
    partnershipId,
    people.map((person) => ({
      kind: 'board-pack' as const,
      to: { email: person.email, name: person.name },
      link: base,
      dedupeKey: `board-pack:${meeting.id}:${person.email.toLowerCase()}`,
      content: {
        subject: `Board pack ready: ${meeting.title}, ${date}`,
        greeting: `Hello ${person.name},`,
        blocks,
      },
    })),
  );
}

/** Whether an update was recorded on or after the action's due date (London). */
const updatedSinceDue = (action: DueAction) =>
  action.lastUpdateAt !== null && londonParts(action.lastUpdateAt).date >= action.dueOn;

/** The daily mail's reminders of the action log: due in 7 days; overdue, weekly until updated. */
export const meetingReminders: ReminderSource = async (unknownTrx, { asOf, partnership, url }) => {
  const trx = unknownTrx as Trx;
  const until = new Date(Date.parse(`${asOf}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
  const actions = await repo.dueActions(trx, until);
  const exemptOwners = await addressesSeeingExempt(trx, [
    ...new Set(actions.filter((action) => action.exempt).map((action) => action.ownerEmail)),
  ]);
  const reminders: Reminder[] = [];
  for (const action of actions) {
    const days = daysBetween(asOf, action.dueOn);
    const shown = !action.exempt || exemptOwners.has(action.ownerEmail.toLowerCase());
    const link = url(`/partnerships/${partnership.slug}/actions/${action.id}/update`);
    const meeting = `${action.meetingTitle} on ${formatDate(dateOf({ startsAt: action.meetingStartsAt }))}`;
    const message = (occasion: string, subject: string, opening: string): Reminder => ({
      occasion,
      kind: 'action-reminder',
      to: { email: action.ownerEmail, name: action.ownerName },
      link,
      content: {
        subject,
        greeting: `Hello ${action.ownerName},`,
        blocks: [
          { paragraph: opening },
          { inset: shown ? action.text : withheld },
          { links: [{ text: 'Update the action', href: link }] },
        ],
      },
    });
    if (days > 0 && days <= 7)
      reminders.push(
        message(
          `action-due:${action.id}:${action.dueOn}`,
          `Action due on ${formatDate(action.dueOn)}: ${action.meetingTitle}`,
          `Your action from ${meeting} is due on ${formatDate(action.dueOn)}, in ${days} day${days === 1 ? '' : 's'}.`,
        ),
      );
    else if (days < 0 && !updatedSinceDue(action)) {
      const week = Math.floor((-days - 1) / 7);
      reminders.push(
        message(
          `action-overdue:${action.id}:${action.dueOn}:${week}`,
          `Overdue action: ${action.meetingTitle}`,
          `Your action from ${meeting} was due on ${formatDate(action.dueOn)} and nobody has recorded an update since. You will be reminded each week until someone does.`,
        ),
      );
    }
  }
  return reminders;
};
