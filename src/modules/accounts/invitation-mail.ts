// The invitation e-mail: the link to join a partnership, written with the invitation.
import type { Caller } from '../../platform/http/auth.ts';
import type { MailService } from '../../platform/mail/outbox.ts';
import type { Trx } from '../../schema.ts';
import { invitationsRepository } from './accounts.repository.ts';

export async function invitationMail(
  trx: Trx,
  mail: MailService,
  caller: Caller,
  partnershipId: string,
  email: string,
  role: string,
  token: string,
  expiresAt: Date,
): Promise<void> {
  const partnership = await invitationsRepository.partnershipOf(trx, partnershipId);
  const link = mail.url(`/join/${partnership.slug}/${token}`);
  await mail.queue(trx, caller.actor, partnershipId, [
    {
      kind: 'invitation',
      to: { email },
      link,
      content: {
        subject: `You have been invited to ${partnership.name}`,
        blocks: [
          {
            paragraph: `${caller.actor.label} has invited you to ${partnership.name} on Cooperate as ${role === 'admin' ? 'an' : 'a'} ${role}.`,
          },
          { paragraph: 'Use this link to set up your account:' },
          { links: [{ text: `Join ${partnership.name}`, href: link }] },
          {
            inset: `The link works once, until ${expiresAt.toISOString().slice(0, 10)}. If you were not expecting this, you can ignore this e-mail.`,
          },
        ],
      },
    },
  ]);
}
