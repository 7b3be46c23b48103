// SQL for sending a meeting's agenda: who gets it (the members of its bodies on its date, those
// who hold a seat "in attendance" or take the notes, and the members' named substitutes, with what
// each may see; never an observer), and what the agenda was when last sent.
import type { Trx } from '../../schema.ts';
import { membershipsInForceOn, peopleToWrite, substitutesStandingOn } from '../membership/index.ts';

export interface AgendaRecipient {
  personId: string;
  name: string;
  email: string;
  youngPerson: boolean;
  /** The person's account here may see exempt items (member, editor, administrator). */
  seesExempt: boolean;
}

export interface SentItem {
  id: string;
  number: number;
  title: string;
  exempt: boolean;
  papers: { id: string; fileName: string }[];
}

export const agendaMailRepository = {
  /**
   * Who is sent the papers of a meeting of these bodies on `date` (a London day), with an e-mail:
   * the members, those in attendance (officers who present and advise), the note-taker, who
   * needs the papers to take the minutes, and the named substitutes. Observers are not: they are
   * no part of the meeting's business (issue 24, ADR 0041) and read the published agenda.
   */
  async recipients(trx: Trx, bodyIds: string[], date: string): Promise<AgendaRecipient[]> {
    const memberships = await membershipsInForceOn(trx, bodyIds, date, ['observer']);
    if (!memberships.length) return [];
    const substitutes = await substitutesStandingOn(
      trx,
      memberships.map((m) => m.id),
      date,
    );
    const ids = [...new Set([...memberships, ...substitutes].map((row) => row.personId))];
    return peopleToWrite(trx, ids);
  },

  async partnership(trx: Trx, id: string) {
    return trx
      .selectFrom('partnerships')
      .select(['slug', 'name'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  },

  async lastSent(trx: Trx, meetingId: string): Promise<{ sentAt: Date; items: SentItem[] } | undefined> {
    const row = await trx
      .selectFrom('agenda_dispatches')
      .select(['sent_at as sentAt', 'items'])
      .where('meeting_id', '=', meetingId)
      .executeTakeFirst();
    return row ? { sentAt: row.sentAt, items: row.items as SentItem[] } : undefined;
  },

  async recordSent(
    trx: Trx,
    partnershipId: string,
    meetingId: string,
    userId: string | null,
    items: SentItem[],
  ) {
    const values = { sent_at: new Date(), sent_by: userId, items: JSON.stringify(items) };
    await trx
      .insertInto('agenda_dispatches')
      .values({ partnership_id: partnershipId, meeting_id: meetingId, ...values })
      .onConflict((oc) => oc.column('meeting_id').doUpdateSet(values))
      .execute();
  },
};

// The reads other modules make of the agenda's mail (issue 16 item 3), named.

/** Who is sent the papers of a meeting of these bodies on `date` (see `recipients`). */
export const agendaRecipients = (trx: Trx, bodyIds: string[], date: string): Promise<AgendaRecipient[]> =>
  agendaMailRepository.recipients(trx, bodyIds, date);

/** The partnership's slug and name, for links and greetings in mail. */
export const partnershipForMail = (trx: Trx, id: string) => agendaMailRepository.partnership(trx, id);

/** Whether the meeting's agenda has been sent (members then hear that the pack is ready). */
export async function agendaSent(trx: Trx, meetingId: string): Promise<boolean> {
  const row = await trx
    .selectFrom('agenda_dispatches')
    .select('meeting_id')
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  return Boolean(row);
}
