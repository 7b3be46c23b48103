import { sql } from 'kysely';
import type { Trx } from '../../schema.ts';
import { membersOfBodies, seatPlacesOfBodies, votingMemberSeatsOf } from '../membership/index.ts';
import { bodyRulesWithin, describeRule, placesOn, rulesOn, type QuorumRule } from '../bodies/index.ts';
import type { AttendanceCount, AttendanceRecord, ExpectedMember } from './attendance.ts';

export interface AttendanceEntry {
  personId: string;
  status: string;
  forMembershipId: string | null;
  chaired?: boolean;
  agendaItemId?: string | null;
}

export const attendanceRepository = {
  /** Every membership of these bodies (at any time), with seat, organisation and named substitutes. */
  async members(trx: Trx, bodyIds: string[]): Promise<ExpectedMember[]> {
    return membersOfBodies(trx, bodyIds);
  },

  /**
   * Each body's quorum rule and how many voting places its seats have, as they held on the
   * meeting's date (ADR 0040): the rule of that date, the voting seats existing then with their
   * places then.
   */
  async quorumBasis(
    trx: Trx,
    bodyIds: string[],
    date: string,
  ): Promise<{ id: string; quorumRule: QuorumRule | null; votingPlaces: number; chairing: string | null }[]> {
    if (!bodyIds.length) return [];
    const [rules, seats, places] = await Promise.all([
      bodyRulesWithin(trx, bodyIds),
      votingMemberSeatsOf(trx, bodyIds),
      seatPlacesOfBodies(trx, bodyIds),
    ]);
    const placesOf = Map.groupBy(places, (row) => row.seatId);
    return bodyIds.map((id) => ({
      id,
      quorumRule: rulesOn(rules, id, date).quorum,
      /** Who chairs, by the rule of the date, in words. */
      chairing: rulesOn(rules, id, date).chairing
        ? describeRule('chairing', rulesOn(rules, id, date).chairing)
        : null,
      votingPlaces: seats
        .filter((seat) => seat.bodyId === id)
        .filter((seat) => (!seat.startsOn || seat.startsOn <= date) && (!seat.endsOn || seat.endsOn >= date))
        .reduce((sum, seat) => sum + placesOn(placesOf.get(seat.id) ?? [], date, seat.capacity), 0),
    }));
  },

  async records(trx: Trx, meetingIds: string[]): Promise<AttendanceRecord[]> {
    if (!meetingIds.length) return [];
    return trx
      .selectFrom('attendance as a')
      .innerJoin('people as p', 'p.id', 'a.person_id')
      .select([
        'a.meeting_id as meetingId',
        'a.person_id as personId',
        'p.name as personName',
        'p.young_person as youngPerson',
        'a.status',
        'a.for_membership_id as forMembershipId',
        'a.chaired',
        'a.agenda_item_id as agendaItemId',
      ])
      .where('a.meeting_id', 'in', meetingIds)
      .orderBy('p.name')
      .execute();
  },

  /**
   * Whether the meeting in `meetingIdColumn` has any register entry: the condition given to the
   * meetings module's read of held meetings, so it stays one statement.
   */
  hasEntries: (meetingIdColumn: string) =>
    sql<boolean>`exists (select 1 from attendance a where a.meeting_id = ${sql.ref(meetingIdColumn)})`,

  /** Replaces the whole register of a meeting. */
  async replace(
    trx: Trx,
    partnershipId: string,
    meetingId: string,
    entries: AttendanceEntry[],
  ): Promise<void> {
    await trx.deleteFrom('attendance').where('meeting_id', '=', meetingId).execute();
    if (!entries.length) return;
    await trx
      .insertInto('attendance')
      .values(
        entries.map((entry) => ({
          partnership_id: partnershipId,
          meeting_id: meetingId,
          person_id: entry.personId,
          status: entry.status,
          for_membership_id: entry.forMembershipId,
          chaired: entry.chaired ?? false,
          agenda_item_id: entry.agendaItemId ?? null,
        })),
      )
      .execute();
  },

  /** The attendees a meeting's minutes only count, in their order. */
  counts: (trx: Trx, meetingId: string): Promise<AttendanceCount[]> =>
    trx
      .selectFrom('attendance_counts')
      .select(['description', 'count', 'approximate'])
      .where('meeting_id', '=', meetingId)
      .orderBy('position')
      .execute(),

  /** Replaces the counted attendees of a meeting. */
  async replaceCounts(
    trx: Trx,
    partnershipId: string,
    meetingId: string,
    counts: AttendanceCount[],
  ): Promise<void> {
    await trx.deleteFrom('attendance_counts').where('meeting_id', '=', meetingId).execute();
    if (!counts.length) return;
    await trx
      .insertInto('attendance_counts')
      .values(
        counts.map((entry, position) => ({
          partnership_id: partnershipId,
          meeting_id: meetingId,
          position,
          description: entry.description,
          count: entry.count,
          approximate: entry.approximate,
        })),
      )
      .execute();
  },

  /** The partnership's people with this email address (how a user is matched to a person). */
  /** The partnership's people who are the user (the same email address), in one query. */
  peopleOfUser: async (trx: Trx, userId: string) =>
    (
      await trx
        .selectFrom('people as p')
        .innerJoin('users as u', (join) =>
          join.on((eb) => eb(eb.fn('lower', ['p.email']), '=', eb.fn('lower', ['u.email']))),
        )
        .select('p.id')
        .where('u.id', '=', userId)
        .execute()
    ).map((row) => row.id),

  people: (trx: Trx) =>
    trx.selectFrom('people').select(['id', 'name', 'young_person as youngPerson']).orderBy('name').execute(),
};

/** The partnership's people who are the signed-in caller (none for the system). */
/** What of the attendance points at an agenda item: its declarations of interest and its guests, counted. */
export async function attendanceOnItem(trx: Trx, itemId: string) {
  const { rows } = await sql<{ declarations: string; guests: string }>`
    select
      (select count(*) from interest_declarations where agenda_item_id = ${itemId}) as declarations,
      (select count(*) from attendance where agenda_item_id = ${itemId}) as guests`.execute(trx);
  const row = rows[0]!;
  return { declarations: Number(row.declarations), guests: Number(row.guests) };
}

export function peopleOfCaller(trx: Trx, caller: { userId: string | null }): Promise<string[]> {
  return caller.userId ? attendanceRepository.peopleOfUser(trx, caller.userId) : Promise.resolve([]);
}
