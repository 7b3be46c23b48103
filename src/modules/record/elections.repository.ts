// Elections at meetings and their nominees (ADR 0037). The seat, its body and the people are
// read by join, for their names; appointing the person elected is the membership module's.
import type { Trx } from '../../schema.ts';

export interface NomineeRow {
  position: number;
  personId: string;
  name: string;
  youngPerson: boolean;
  proposedBy: string | null;
  secondedBy: string | null;
  votes: number | null;
}

export interface ElectionRow {
  id: string;
  meetingId: string;
  seatId: string;
  seatLabel: string;
  bodyId: string;
  bodyName: string;
  office: string;
  byAcclamation: boolean;
  electedPersonId: string | null;
  membershipId: string | null;
  notes: string | null;
  nominees: NomineeRow[];
}

export interface ElectionValues {
  meetingId: string;
  seatId: string;
  office: string;
  byAcclamation: boolean;
  electedPersonId: string | null;
  notes: string | null;
  nominees: Omit<NomineeRow, 'name' | 'youngPerson'>[];
}

export const electionsRepository = {
  async insert(trx: Trx, partnershipId: string, values: ElectionValues): Promise<string> {
    const { id } = await trx
      .insertInto('elections')
      .values({
        partnership_id: partnershipId,
        meeting_id: values.meetingId,
        seat_id: values.seatId,
        office: values.office,
        by_acclamation: values.byAcclamation,
        elected_person_id: values.electedPersonId,
        notes: values.notes,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('election_nominees')
      .values(
        values.nominees.map((nominee) => ({
          partnership_id: partnershipId,
          election_id: id,
          position: nominee.position,
          person_id: nominee.personId,
          proposed_by: nominee.proposedBy,
          seconded_by: nominee.secondedBy,
          votes: nominee.votes,
        })),
      )
      .execute();
    return id;
  },

  async setMembership(trx: Trx, id: string, membershipId: string): Promise<void> {
    await trx.updateTable('elections').set({ membership_id: membershipId }).where('id', '=', id).execute();
  },

  /** The elections at these meetings, in the order recorded, each with its nominees in order. */
  async ofMeetings(trx: Trx, meetingIds: string[]): Promise<ElectionRow[]> {
    if (!meetingIds.length) return [];
    const rows = await trx
      .selectFrom('elections as e')
      .innerJoin('seats as s', 's.id', 'e.seat_id')
      .innerJoin('bodies as b', 'b.id', 's.body_id')
      .select([
        'e.id',
        'e.meeting_id as meetingId',
        'e.seat_id as seatId',
        's.label as seatLabel',
        's.body_id as bodyId',
        'b.name as bodyName',
        'e.office',
        'e.by_acclamation as byAcclamation',
        'e.elected_person_id as electedPersonId',
        'e.membership_id as membershipId',
        'e.notes',
      ])
      .where('e.meeting_id', 'in', meetingIds)
      .orderBy('e.created_at')
      .orderBy('e.id')
      .execute();
    if (!rows.length) return [];
    const nominees = await trx
      .selectFrom('election_nominees as n')
      .innerJoin('people as p', 'p.id', 'n.person_id')
      .select([
        'n.election_id as electionId',
        'n.position',
        'n.person_id as personId',
        'p.name',
        'p.young_person as youngPerson',
        'n.proposed_by as proposedBy',
        'n.seconded_by as secondedBy',
        'n.votes',
      ])
      .where(
        'n.election_id',
        'in',
        rows.map((row) => row.id),
      )
      .orderBy('n.position')
      .execute();
    const byElection = Map.groupBy(nominees, (nominee) => nominee.electionId);
    return rows.map((row) => ({
      ...row,
      nominees: (byElection.get(row.id) ?? []).map(({ electionId: _, ...nominee }) => nominee),
    }));
  },
};
