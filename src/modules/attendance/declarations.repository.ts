import type { Trx } from '../../schema.ts';
import { itemIdsOfMeeting, itemNumberOf } from '../agenda/index.ts';
import { interestsStandingOn } from '../membership/index.ts';
import type { DeclarationInput } from './declarations.ts';

export interface DeclarationRow {
  id: string;
  agendaItemId: string;
  personId: string;
  personName: string;
  youngPerson: boolean;
  kind: string;
  nature: string;
  participation: string;
  interestId: string | null;
  interestDescription: string | null;
  createdAt: Date;
}

export const declarationsRepository = {
  /** The declarations on a meeting's items, in item order, then as recorded. */
  list: (trx: Trx, meetingId: string): Promise<DeclarationRow[]> =>
    trx
      .selectFrom('interest_declarations as d')
      .innerJoin('people as p', 'p.id', 'd.person_id')
      .leftJoin('interests as r', 'r.id', 'd.interest_id')
      .select([
        'd.id',
        'd.agenda_item_id as agendaItemId',
        'd.person_id as personId',
        'p.name as personName',
        'p.young_person as youngPerson',
        'd.kind',
        'd.nature',
        'd.participation',
        'd.interest_id as interestId',
        'r.description as interestDescription',
        'd.created_at as createdAt',
      ])
      .where('d.agenda_item_id', 'in', itemIdsOfMeeting(meetingId))
      .orderBy(itemNumberOf('d.agenda_item_id'))
      .orderBy('d.created_at')
      .orderBy('d.id')
      .execute(),

  /** The register of interests of these people, entries not ended before the date. */
  interests: (trx: Trx, personIds: string[], date: string) => interestsStandingOn(trx, personIds, date),

  youngPeople: async (trx: Trx) =>
    new Set(
      (await trx.selectFrom('people').select('id').where('young_person', '=', true).execute()).map(
        (p) => p.id,
      ),
    ),

  async insert(
    trx: Trx,
    partnershipId: string,
    input: DeclarationInput,
    recordedBy: string | null,
  ): Promise<string> {
    const row = await trx
      .insertInto('interest_declarations')
      .values({
        partnership_id: partnershipId,
        agenda_item_id: input.agendaItemId,
        person_id: input.personId,
        kind: input.kind,
        nature: input.nature.trim(),
        participation: input.participation,
        interest_id: input.interestId,
        recorded_by: recordedBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async delete(trx: Trx, id: string): Promise<void> {
    await trx.deleteFrom('interest_declarations').where('id', '=', id).execute();
  },
};
