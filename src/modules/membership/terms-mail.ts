// The daily mail's terms-of-office reminders (issue 18): a membership ending within 90 days is
// told, once, to each of the partnership's administrators, who manage its seats. A young
// person is not named: the message says "A young person".
import type { Reminder, ReminderSource } from '../../platform/mail/daily.ts';
import { formatDate } from '../../platform/views/nunjucks.ts';
import type { Trx } from '../../schema.ts';
import { administratorsWithin } from '../accounts/index.ts';
import { termsMailRepository as repo } from './terms-mail.repository.ts';

/** How far ahead a term's end is told. */
export const termNoticeDays = 90;

const shiftDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export const termReminders: ReminderSource = async (unknownTrx, { asOf, partnership, url }) => {
  const trx = unknownTrx as Trx;
  const terms = await repo.ending(trx, asOf, shiftDays(asOf, termNoticeDays));
  if (!terms.length) return [];
  const administrators = await administratorsWithin(trx, partnership.id);
  const reminders: Reminder[] = [];
  for (const term of terms) {
    const who = term.youngPerson ? 'A young person' : term.personName;
    const link = url(`/partnerships/${partnership.slug}/bodies/${term.bodySlug}/seats`);
    for (const administrator of administrators)
      reminders.push({
        occasion: `term-ending:${term.membershipId}:${term.endsOn}`,
        kind: 'term-ending',
        to: { email: administrator.email, name: administrator.name },
        link,
        content: {
          subject: `A term of office ends on ${formatDate(term.endsOn)}: ${term.bodyName}`,
          greeting: `Hello ${administrator.name},`,
          blocks: [
            {
              paragraph: `${who}’s term in the seat “${term.seatLabel}” on ${term.bodyName} ends on ${formatDate(term.endsOn)}.`,
            },
            { paragraph: 'Reappoint them, or find someone for the seat before then.' },
            { links: [{ text: `See the seats of ${term.bodyName}`, href: link }] },
          ],
        },
      });
  }
  return reminders;
};
