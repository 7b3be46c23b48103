// Apologies sent by a member reach the meeting's clerk: the lead officer of each of its bodies
// (with an e-mail address), written to the outbox with the apologies themselves. A young
// person is not named in it.
import type { MailService } from '../../platform/mail/outbox.ts';
import type { Actor } from '../../platform/http/auth.ts';
import type { Trx } from '../../schema.ts';
import { type MeetingRow, londonParts } from '../meetings/index.ts';
import { formatDate } from '../../platform/dates.ts';
import { clerksOfBodies } from '../membership/index.ts';
import { partnershipForMail } from '../agenda/index.ts';

export async function apologiesToClerk(
  trx: Trx,
  mail: MailService,
  actor: Actor,
  partnershipId: string,
  meeting: MeetingRow,
  member: string,
  withSubstitute: boolean,
): Promise<void> {
  const bodyIds = meeting.bodies.map((body) => body.id);
  if (!bodyIds.length) return;
  const clerks = await clerksOfBodies(trx, bodyIds);
  const partnership = await partnershipForMail(trx, partnershipId);
  const link = mail.url(`/partnerships/${partnership.slug}/meetings/${meeting.id}`);
  const date = formatDate(londonParts(meeting.startsAt).date);
  const unique = [...new Map(clerks.map((clerk) => [clerk.email.toLowerCase(), clerk])).values()];
  await mail.queue(
    trx,
    actor,
    partnershipId,
    unique.map((clerk) => ({
      kind: 'apologies' as const,
      to: { email: clerk.email, name: clerk.name },
      link,
      content: {
        subject: `Apologies for ${meeting.title}, ${date}`,
        greeting: `Hello ${clerk.name},`,
        blocks: [
          {
            paragraph: `${member} sent apologies for ${meeting.title} on ${date}${withSubstitute ? ' and named a substitute' : ''}.`,
          },
          { links: [{ text: 'See the meeting’s attendance', href: `${link}#attendance` }] },
        ],
      },
    })),
  );
}
