// SQL for sending a meeting's agenda: who gets it (the members of its bodies on its date, those
// who hold a seat "in attendance" or take the notes, and the members' named substitutes, with what
// each may see; never an observer), and what the agenda was when last sent.
import { sql } from 'kysely';
import type { Trx } from '../../schema.ts';

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
    if (!bodyIds.length) return [];
    const memberships = await trx
      .selectFrom('memberships as m')
      .innerJoin('seats as s', 's.id', 'm.seat_id')
      .select(['m.id', 'm.person_id as personId'])
      .where('s.body_id', 'in', bodyIds)
      .where('s.role', '!=', 'observer')
      .where((eb) => eb.or([eb('m.starts_on', 'is', null), eb('m.starts_on', '<=', date)]))
      .where((eb) => eb.or([eb('m.ends_on', 'is', null), eb('m.ends_on', '>=', date)]))
      .execute();
    if (!memberships.length) return [];
    const substitutes = await trx
      .selectFrom('membership_substitutes')
      .select('person_id as personId')
      .where(
        'membership_id',
        'in',
        memberships.map((m) => m.id),
      )
      // standing substitutes of the meeting's date (they have dates of their own: issue 15)
      .where((eb) => eb.or([eb('starts_on', 'is', null), eb('starts_on', '<=', date)]))
      .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', date)]))
      .execute();
    const ids = [...new Set([...memberships, ...substitutes].map((row) => row.personId))];
    const rows = await trx
      .selectFrom('people as p')
      .leftJoin('users as u', (join) => join.on(sql`lower(u.email)`, '=', sql`lower(p.email)`))
      .leftJoin('partnership_members as pm', (join) =>
        join
          .onRef('pm.user_id', '=', 'u.id')
          .on('pm.partnership_id', '=', sql<string>`current_partnership_id()`),
      )
      .select([
        'p.id as personId',
        'p.name',
        'p.email',
        'p.young_person as youngPerson',
        sql<boolean>`coalesce(u.platform_admin, false) or coalesce(pm.role in ('member', 'editor', 'admin'), false)`.as(
          'seesExempt',
        ),
      ])
      .where('p.id', 'in', ids)
      .where('p.email', 'is not', null)
      .orderBy('p.name')
      .execute();
    return rows.map((row) => ({ ...row, email: row.email!, seesExempt: Boolean(row.seesExempt) }));
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

  async packReady(trx: Trx, meetingId: string): Promise<boolean> {
    const row = await trx
      .selectFrom('board_packs')
      .select('state')
      .where('meeting_id', '=', meetingId)
      .where('content', 'is not', null)
      .executeTakeFirst();
    return Boolean(row);
  },
};
