import type { Trx } from '../../schema.ts';
import type { QuorumRule } from '../bodies/index.ts';
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
    if (!bodyIds.length) return [];
    const rows = await trx
      .selectFrom('memberships as m')
      .innerJoin('seats as s', 's.id', 'm.seat_id')
      .innerJoin('people as p', 'p.id', 'm.person_id')
      .leftJoin('organisations as o', (join) =>
        join.on((eb) => eb('o.id', '=', eb.fn.coalesce('m.organisation_id', 's.organisation_id'))),
      )
      .select((eb) => [
        'm.id as membershipId',
        's.body_id as bodyId',
        's.label as seatLabel',
        's.voting',
        eb.fn.coalesce('s.category', 'o.category').as('category'),
        'p.id as personId',
        'p.name as personName',
        'p.young_person as youngPerson',
        'o.id as organisationId',
        'o.name as organisationName',
        'm.starts_on as startsOn',
        'm.ends_on as endsOn',
      ])
      .where('s.body_id', 'in', bodyIds)
      .where('s.role', '!=', 'in-attendance')
      .orderBy('s.position')
      .orderBy('m.starts_on')
      .execute();
    if (!rows.length) return [];
    const substitutes = await trx
      .selectFrom('membership_substitutes as ms')
      .innerJoin('people as p', 'p.id', 'ms.person_id')
      .select(['ms.membership_id as membershipId', 'p.id', 'p.name'])
      .where(
        'ms.membership_id',
        'in',
        rows.map((row) => row.membershipId),
      )
      .orderBy('p.name')
      .execute();
    return rows.map((row) => ({
      ...row,
      substitutes: substitutes
        .filter((s) => s.membershipId === row.membershipId)
        .map(({ id, name }) => ({ id, name })),
    }));
  },

  /** Each body's quorum rule and how many voting places its seats have. */
  async quorumBasis(trx: Trx, bodyIds: string[]) {
    if (!bodyIds.length) return [];
    const [bodies, places] = await Promise.all([
      trx
        .selectFrom('bodies')
        .select(['id', 'quorum_rule as quorumRule'])
        .where('id', 'in', bodyIds)
        .execute(),
      trx
        .selectFrom('seats')
        .select((eb) => ['body_id as bodyId', eb.fn.sum<number>('capacity').as('places')])
        .where('body_id', 'in', bodyIds)
        .where('voting', '=', true)
        .groupBy('body_id')
        .execute(),
    ]);
    return bodies.map((body) => ({
      id: body.id,
      quorumRule: body.quorumRule as QuorumRule | null,
      votingPlaces: Number(places.find((p) => p.bodyId === body.id)?.places ?? 0),
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

  /** Held meetings of these bodies between two instants that have a register (any entry). */
  async registered(trx: Trx, bodyIds: string[], from: Date, before: Date) {
    if (!bodyIds.length) return [];
    return trx
      .selectFrom('meetings as m')
      .innerJoin('meeting_bodies as mb', 'mb.meeting_id', 'm.id')
      .select(['m.id as meetingId', 'm.starts_at as startsAt', 'mb.body_id as bodyId'])
      .where('mb.body_id', 'in', bodyIds)
      .where('m.state', '=', 'held')
      .where('m.starts_at', '>=', from)
      .where('m.starts_at', '<', before)
      .where((eb) =>
        eb.exists(eb.selectFrom('attendance as a').select('a.id').whereRef('a.meeting_id', '=', 'm.id')),
      )
      .orderBy('m.starts_at')
      .execute();
  },

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

  /** A meeting's agenda items (for guests who came for one). */
  items: (trx: Trx, meetingId: string) =>
    trx
      .selectFrom('agenda_items')
      .select(['id', 'number', 'title', 'exempt'])
      .where('meeting_id', '=', meetingId)
      .orderBy('number')
      .execute(),

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
export function peopleOfCaller(trx: Trx, caller: { userId: string | null }): Promise<string[]> {
  return caller.userId ? attendanceRepository.peopleOfUser(trx, caller.userId) : Promise.resolve([]);
}
