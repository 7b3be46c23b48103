import type { Trx } from '../../schema.ts';
import { bodyRulesWithin, describeRule, placesOn, rulesOn, type QuorumRule } from '../bodies/index.ts';
import type { AttendanceCount, AttendanceRecord, ExpectedMember, RegisterScope } from './attendance.ts';

/** Seat roles whose holders are not members (membership's `nonMemberSeatRoles`). */
const nonMemberRoles = ['in-attendance', 'observer', 'note-taker'];

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
      // people in attendance, observers and note-takers are not members (ADR 0041)
      .where('s.role', 'not in', nonMemberRoles)
      .orderBy('s.position')
      .orderBy('m.starts_on')
      .execute();
    if (!rows.length) return [];
    const substitutes = await trx
      .selectFrom('membership_substitutes as ms')
      .innerJoin('people as p', 'p.id', 'ms.person_id')
      .select([
        'ms.membership_id as membershipId',
        'p.id',
        'p.name',
        'ms.starts_on as startsOn',
        'ms.ends_on as endsOn',
      ])
      .where(
        'ms.membership_id',
        'in',
        rows.map((row) => row.membershipId),
      )
      .orderBy('p.name')
      .execute();
    // a joint post's other organisations (issue 15)
    const joint = await trx
      .selectFrom('membership_organisations as mo')
      .innerJoin('organisations as o', 'o.id', 'mo.organisation_id')
      .select(['mo.membership_id as membershipId', 'o.name'])
      .where(
        'mo.membership_id',
        'in',
        rows.map((row) => row.membershipId),
      )
      .orderBy('o.name')
      .execute();
    return rows.map((row) => ({
      ...row,
      jointOrganisations: joint.filter((j) => j.membershipId === row.membershipId).map((j) => j.name),
      // each standing substitute with their period: a register takes those of its date (issue 15)
      substitutes: substitutes
        .filter((s) => s.membershipId === row.membershipId)
        .map(({ id, name, startsOn, endsOn }) => ({ id, name, startsOn, endsOn })),
    }));
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
      trx
        .selectFrom('seats')
        .select(['id', 'body_id as bodyId', 'capacity', 'starts_on as startsOn', 'ends_on as endsOn'])
        .where('body_id', 'in', bodyIds)
        .where('voting', '=', true)
        .where('role', 'not in', nonMemberRoles)
        .execute(),
      trx
        .selectFrom('seat_places as sp')
        .innerJoin('seats as s', 's.id', 'sp.seat_id')
        .select(['sp.seat_id as seatId', 'sp.holds_from as holdsFrom', 'sp.places'])
        .where('s.body_id', 'in', bodyIds)
        .execute(),
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

  /** What a meeting's register records (null: no register yet). */
  scope: async (trx: Trx, meetingId: string): Promise<RegisterScope | null> =>
    ((
      await trx.selectFrom('meetings').select('register_scope').where('id', '=', meetingId).executeTakeFirst()
    )?.register_scope ?? null) as RegisterScope | null,

  async setScope(trx: Trx, meetingId: string, scope: RegisterScope | null): Promise<void> {
    await trx.updateTable('meetings').set({ register_scope: scope }).where('id', '=', meetingId).execute();
  },

  /** The approval of a meeting's minutes, if any of its items' minutes are approved. */
  approval: (trx: Trx, meetingId: string) =>
    trx
      .selectFrom('minutes as mi')
      .innerJoin('agenda_items as i', 'i.id', 'mi.agenda_item_id')
      .leftJoin('meetings as at', 'at.id', 'mi.approved_at_meeting_id')
      .select(['mi.approved_on as approvedOn', 'at.title as atTitle'])
      .where('i.meeting_id', '=', meetingId)
      .where('mi.status', '=', 'approved')
      .orderBy('mi.approved_on')
      .executeTakeFirst(),

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
   * Held meetings of these bodies between two instants that have a whole register (issue 24):
   * one that records everyone, so that a member it does not name was not there as far as it
   * says. Partial registers (apologies only, present only) and meetings with only members' own
   * apologies are left out.
   */
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
      .where('m.register_scope', '=', 'all')
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
