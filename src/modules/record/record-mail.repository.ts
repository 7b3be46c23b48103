// SQL for the meeting messages of issue 18 that follow the record: who a meeting's clerks are,
// and the open actions with a due date for reminders. Whose account may see exempt items is
// the accounts module's read (`addressesSeeingExempt`).
import { sql } from 'kysely';
import type { Trx } from '../../schema.ts';

export interface DueAction {
  id: string;
  text: string;
  dueOn: string;
  meetingId: string;
  meetingTitle: string;
  meetingStartsAt: Date;
  /** On an exempt item (Schedule 12A). */
  exempt: boolean;
  ownerName: string;
  ownerEmail: string;
  /** When the last update was recorded, if any. */
  lastUpdateAt: Date | null;
}

export const recordMailRepository = {
  /** A person's name and address (an action's owner). */
  person: (trx: Trx, id: string) =>
    trx
      .selectFrom('people')
      .select(['name', 'email', 'young_person as youngPerson'])
      .where('id', '=', id)
      .executeTakeFirst(),

  /** Open actions owned by a person with an address and due on or before `until`. */
  async dueActions(trx: Trx, until: string): Promise<DueAction[]> {
    const rows = await trx
      .selectFrom('actions as a')
      .innerJoin('meetings as m', 'm.id', 'a.meeting_id')
      .innerJoin('people as p', 'p.id', 'a.owner_person_id')
      .leftJoin('agenda_items as i', 'i.id', 'a.agenda_item_id')
      .select((eb) => [
        'a.id',
        'a.text',
        'a.due_on as dueOn',
        'a.meeting_id as meetingId',
        'm.title as meetingTitle',
        'm.starts_at as meetingStartsAt',
        sql<boolean>`coalesce(i.exempt, false)`.as('exempt'),
        'p.name as ownerName',
        'p.email as ownerEmail',
        eb
          .selectFrom('action_updates as u')
          .select((inner) => inner.fn.max('u.created_at').as('at'))
          .whereRef('u.action_id', '=', 'a.id')
          .as('lastUpdateAt'),
      ])
      .where('a.status', '=', 'open')
      .where('a.due_on', 'is not', null)
      .where('a.due_on', '<=', until)
      .where('p.email', 'is not', null)
      .orderBy('a.due_on')
      .execute();
    return rows.map((row) => ({
      ...row,
      dueOn: row.dueOn!,
      ownerEmail: row.ownerEmail!,
      exempt: Boolean(row.exempt),
      lastUpdateAt: row.lastUpdateAt ? new Date(row.lastUpdateAt as unknown as string) : null,
    }));
  },
};
