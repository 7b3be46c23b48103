// The survey messages of issue 18: a response link to the named contact it is made for,
// written with the link (its token is in the message and nowhere else but the page that made
// it); and the daily mail's reminders, 7 days and 1 day before the close, to the contacts of
// invited authorities that have not answered. A reminder cannot carry the link (only its digest
// is kept): it points to the first message.
import type { Actor } from '../../platform/http/auth.ts';
import type { Reminder, ReminderSource } from '../../platform/mail/daily.ts';
import type { MailService } from '../../platform/mail/outbox.ts';
import { formatDate } from '../../platform/views/nunjucks.ts';
import type { Trx } from '../../schema.ts';
import { surveysMailRepository as repo } from './surveys.mail.repository.ts';

const shiftDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export const linkSubject = (title: string) => `Please answer the survey “${title}”`;

/** The response link, to its contact; inside the transaction that makes the link. */
export async function surveyLinkMail(
  trx: Trx,
  mail: MailService,
  actor: Actor,
  partnershipId: string,
  values: {
    survey: { title: string; purpose: string | null; closesOn: string | null };
    authority: string;
    name: string;
    email: string;
    token: string;
    expiresAt: Date;
  },
): Promise<void> {
  const owner = await repo.owner(trx, partnershipId);
  const link = mail.url(`/respond/${owner.slug}/${values.token}`);
  await mail.queue(trx, actor, partnershipId, [
    {
      kind: 'survey-link',
      to: { email: values.email, name: values.name },
      link,
      content: {
        subject: linkSubject(values.survey.title),
        greeting: `Hello ${values.name},`,
        blocks: [
          {
            paragraph: `${owner.name} asks ${values.authority} to answer the survey “${values.survey.title}”. You do not need an account.`,
          },
          ...(values.survey.purpose ? [{ paragraph: values.survey.purpose }] : []),
          { links: [{ text: 'Answer the survey', href: link }] },
          {
            inset: `The link is for you alone. It works until ${formatDate(values.expiresAt.toISOString().slice(0, 10))}${values.survey.closesOn ? `; the survey closes on ${formatDate(values.survey.closesOn)}` : ''}. You can save your answers and come back before you send them.`,
          },
        ],
      },
    },
  ]);
}

/** The daily mail's survey reminders: 7 days and 1 day before the close. */
export const surveyReminders: ReminderSource = async (unknownTrx, { asOf, partnership }) => {
  const trx = unknownTrx as Trx;
  const contacts = await repo.unanswered(trx, asOf, shiftDays(asOf, 7));
  const reminders: Reminder[] = [];
  for (const contact of contacts) {
    const left = daysBetween(asOf, contact.closesOn);
    const stage = left <= 1 ? 1 : 7;
    if (contact.expiresAt.getTime() <= Date.parse(`${asOf}T00:00:00Z`)) continue;
    reminders.push({
      occasion: `survey-reminder:${contact.surveyId}:${contact.closesOn}:${stage}`,
      kind: 'survey-reminder',
      to: { email: contact.email, name: contact.name },
      content: {
        subject: `Reminder: the survey “${contact.title}” closes ${left === 0 ? 'today' : left === 1 ? 'tomorrow' : `in ${left} days`}`,
        greeting: `Hello ${contact.name},`,
        blocks: [
          {
            paragraph: `${partnership.name} asked ${contact.authority} to answer the survey “${contact.title}”, and has no answer yet. The survey closes on ${formatDate(contact.closesOn)}.`,
          },
          {
            inset: `Use the link in the e-mail “${linkSubject(contact.title)}” sent to you on ${formatDate(contact.createdAt)}. If you cannot find it, ask ${partnership.name} for a new one.`,
          },
        ],
      },
    });
  }
  return reminders;
};
