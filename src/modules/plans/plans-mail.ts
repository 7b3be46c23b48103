// The plan messages of issue 18. A new action goes to its lead (the lead person, the lead
// body's lead officer, or else the priority's lead person) in the transaction that adds it. The
// daily mail reminds the lead of an action with a date 7 days before it, and weekly once it is
// overdue until an update reports on a day since; and of a recurring action's update due for a
// period that has ended without one (once a period; the latest only, so a first run does not
// send a plan's whole history).
import type { Actor } from '../../platform/http/auth.ts';
import type { Reminder, ReminderSource } from '../../platform/mail/daily.ts';
import type { MailService } from '../../platform/mail/outbox.ts';
import { formatDate } from '../../platform/views/nunjucks.ts';
import type { Trx } from '../../schema.ts';
import { plansMailRepository as repo, type RemindedAction } from './plans-mail.repository.ts';
import { describeRecurrence, overduePeriods } from './recurrence.ts';

const shiftDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

const when = (action: Pick<RemindedAction, 'dueOn' | 'recurrence' | 'recursFrom'>) =>
  action.dueOn
    ? `, due on ${formatDate(action.dueOn)}`
    : action.recurrence && action.recursFrom
      ? `, with an update ${describeRecurrence(action.recurrence, action.recursFrom).replace(/^./, (first) => first.toLowerCase())}`
      : '';

/** A new plan action, to its lead; inside the transaction that adds it. */
export async function newPlanActionMail(
  trx: Trx,
  mail: MailService,
  actor: Actor,
  partnershipId: string,
  actionId: string,
): Promise<void> {
  const action = await repo.action(trx, actionId);
  if (!action?.leadEmail) return;
  const link = mail.url(
    `/partnerships/${await repo.slugOf(trx, partnershipId)}/plans/${action.planSlug}/actions/${action.id}`,
  );
  const name = action.leadName ?? undefined;
  await mail.queue(trx, actor, partnershipId, [
    {
      kind: 'action-new',
      to: { email: action.leadEmail, name },
      link,
      content: {
        subject: `A new action for you in ${action.planTitle}`,
        ...(name ? { greeting: `Hello ${name},` } : {}),
        blocks: [
          { paragraph: `You lead a new action in ${action.planTitle}${when(action)}:` },
          { inset: action.text },
          { links: [{ text: 'See the action and post updates', href: link }] },
        ],
      },
    },
  ]);
}

/** The daily mail's reminders of the plans in force. */
export const planReminders: ReminderSource = async (unknownTrx, { asOf, partnership, url }) => {
  const trx = unknownTrx as Trx;
  // a recurring action's last period ends with its plan: its update is still asked for a while
  const actions = await repo.remindable(trx, asOf, shiftDays(asOf, -92));
  const reminders: Reminder[] = [];
  for (const action of actions) {
    const link = url(`/partnerships/${partnership.slug}/plans/${action.planSlug}/actions/${action.id}`);
    const message = (occasion: string, subject: string, opening: string): Reminder => ({
      occasion,
      kind: 'action-reminder',
      to: { email: action.leadEmail!, name: action.leadName },
      link,
      content: {
        subject,
        ...(action.leadName ? { greeting: `Hello ${action.leadName},` } : {}),
        blocks: [
          { paragraph: opening },
          { inset: action.text },
          { links: [{ text: 'Post an update', href: `${link}/updates/new` }] },
        ],
      },
    });
    if (action.recurrence && action.recursFrom) {
      const period = overduePeriods(
        action.recurrence,
        action.recursFrom,
        action.updates,
        asOf,
        action.recursUntil ?? action.planEndsOn,
      ).at(-1);
      if (period)
        reminders.push(
          message(
            `plan-update-due:${action.id}:${period.start}`,
            `Update due for ${period.label}: ${action.planTitle}`,
            `An update on this action of ${action.planTitle} is due for ${period.label}, and none has been posted.`,
          ),
        );
      continue;
    }
    if (!action.dueOn) continue;
    const days = daysBetween(asOf, action.dueOn);
    if (days > 0 && days <= 7)
      reminders.push(
        message(
          `plan-action-due:${action.id}:${action.dueOn}`,
          `Action due on ${formatDate(action.dueOn)}: ${action.planTitle}`,
          `Your action in ${action.planTitle} is due on ${formatDate(action.dueOn)}, in ${days} day${days === 1 ? '' : 's'}.`,
        ),
      );
    else if (days < 0 && !action.updates.some((date) => date >= action.dueOn!))
      reminders.push(
        message(
          `plan-action-overdue:${action.id}:${action.dueOn}:${Math.floor((-days - 1) / 7)}`,
          `Overdue action: ${action.planTitle}`,
          `Your action in ${action.planTitle} was due on ${formatDate(action.dueOn)} and no update has been posted since. You will be reminded each week until one is.`,
        ),
      );
  }
  return reminders;
};
