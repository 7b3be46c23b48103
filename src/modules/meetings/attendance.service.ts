// The attendance register of a meeting, built from its bodies' memberships on its date;
// members' own apologies (with a named substitute); the quorum; the attendance appendix.
// The rules: only members expected at the meeting are recorded as members; a substitute must be
// one named for that membership, for a member who is not there; a person is recorded once;
// nothing but apologies before a meeting has happened; nothing on a cancelled meeting.
import type { Database } from '../../platform/db/database.ts';
import { acrossRequests } from '../../platform/db/request-reads.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import type { Caller } from '../../platform/http/auth.ts';
import { notFound } from '../../platform/http/errors.ts';
import { RuleViolation } from '../../platform/http/validation.ts';
import { inTenant, keptInTenant } from '../../platform/tenant.ts';
import type { DB, Trx } from '../../schema.ts';
import {
  activeOn,
  attendanceAppendix,
  buildRegister,
  displayName,
  type AttendanceRecord,
  type ExpectedMember,
} from './attendance.ts';
import {
  attendanceRepository as attendance,
  peopleOfCaller,
  type AttendanceEntry,
} from './attendance.repository.ts';
import { meetingsRepository as meetings } from './meetings.repository.ts';
import { hasHappened, londonParts, startOfDay, startOfNextDay } from './time.ts';

export interface RegisterInput {
  members: {
    membershipId: string;
    status: '' | 'present' | 'apologies' | 'absent';
    substituteId?: string | undefined;
  }[];
  inAttendance: string[];
}

/** A held meeting's register, as other modules read it (compliance: attendance beside a seat). */
export interface HeldRegister {
  meetingId: string;
  /** The meeting's day in London. */
  date: string;
  bodyIds: string[];
  entries: { personId: string; status: string; forMembershipId: string | null }[];
}

/**
 * The registers of the held meetings of these bodies from one day to another (both included),
 * inside a transaction the caller holds; meetings without a register are left out (not known).
 */
export async function registersWithin(
  trx: Trx,
  bodyIds: string[],
  from: string,
  to: string,
): Promise<HeldRegister[]> {
  const rows = await attendance.registered(trx, bodyIds, startOfDay(from), startOfNextDay(to));
  const byMeeting = Map.groupBy(rows, (row) => row.meetingId);
  const records = await attendance.records(trx, [...byMeeting.keys()]);
  const entriesOf = Map.groupBy(records, (record) => record.meetingId);
  return [...byMeeting].map(([meetingId, bodies]) => ({
    meetingId,
    date: londonParts(bodies[0]!.startsAt).date,
    bodyIds: bodies.map((row) => row.bodyId),
    entries: (entriesOf.get(meetingId) ?? []).map(({ personId, status, forMembershipId }) => ({
      personId,
      status,
      forMembershipId,
    })),
  }));
}

const refuse = (path: string, message: string) => new RuleViolation([{ path, message }]);

export function attendanceService(db: Database<DB>) {
  /** A meeting's expected members, register and quorum basis (kept: ADR 0021). */
  async function context(trx: Trx, meetingId: string) {
    const meeting = await meetings.byId(trx, meetingId);
    if (!meeting) throw notFound();
    return acrossRequests(trx, `attendance ${meetingId}`, async () => {
      const date = londonParts(meeting.startsAt).date;
      const bodyIds = meeting.bodies.map((body) => body.id);
      const [all, records, basis] = await Promise.all([
        attendance.members(trx, bodyIds),
        attendance.records(trx, [meeting.id]),
        attendance.quorumBasis(trx, bodyIds),
      ]);
      const expected = all.filter((member) => activeOn(member, date));
      return { meeting, date, expected, records, basis };
    });
  }

  function checkSubstitute(member: ExpectedMember, substituteId: string, path: string) {
    if (!member.substitutes.some((s) => s.id === substituteId))
      throw refuse(
        path,
        `The substitute is not eligible: only ${member.substitutes.length ? member.substitutes.map((s) => s.name).join(', ') : 'named substitutes'} may attend for ${displayName(member)}`,
      );
  }

  /** Records the whole register inside a transaction already open (also used by the seeds). */
  async function recordWithin(
    trx: Trx,
    partnershipId: string,
    caller: Caller,
    meetingId: string,
    input: RegisterInput,
  ) {
    const { meeting, expected } = await context(trx, meetingId);
    if (meeting.state === 'cancelled')
      throw refuse('members', 'The meeting was cancelled: there is no register');
    const entries = new Map<string, AttendanceEntry>();
    const add = (entry: AttendanceEntry, name: string, path: string) => {
      const already = entries.get(entry.personId);
      if (already && (already.status !== entry.status || already.forMembershipId !== entry.forMembershipId))
        throw refuse(path, `${name} is recorded twice: as ${already.status} and as ${entry.status}`);
      entries.set(entry.personId, entry);
    };
    input.members.forEach((row, index) => {
      const member = expected.find((candidate) => candidate.membershipId === row.membershipId);
      if (!member)
        throw refuse(`members.${index}`, 'Record only members of the meeting’s bodies on its date');
      const status = row.substituteId && !row.status ? 'apologies' : row.status;
      if (row.substituteId) {
        if (status === 'present')
          throw refuse(
            `members.${index}.substituteId`,
            `${displayName(member)} was present: nobody substitutes for them`,
          );
        checkSubstitute(member, row.substituteId, `members.${index}.substituteId`);
        add(
          { personId: row.substituteId, status: 'substitute', forMembershipId: member.membershipId },
          member.substitutes.find((s) => s.id === row.substituteId)!.name,
          `members.${index}.substituteId`,
        );
      }
      if (status)
        add(
          { personId: member.personId, status, forMembershipId: null },
          displayName(member),
          `members.${index}`,
        );
    });
    const people = await attendance.people(trx);
    for (const personId of input.inAttendance) {
      const person = people.find((candidate) => candidate.id === personId);
      if (!person) throw refuse('inAttendance', 'Select people of this partnership');
      add({ personId, status: 'in-attendance', forMembershipId: null }, person.name, 'inAttendance');
    }
    if (
      !hasHappened(meeting) &&
      [...entries.values()].some((entry) => entry.status !== 'apologies' && entry.status !== 'substitute')
    )
      throw refuse(
        'members',
        'The meeting has not happened yet: only apologies and substitutes can be recorded',
      );
    await attendance.replace(trx, partnershipId, meetingId, [...entries.values()]);
    await recordChange(trx, caller.actor, {
      partnershipId,
      action: 'update',
      entityType: 'attendance',
      entityId: meetingId,
      summary: `Recorded the attendance at ${meeting.title} on ${londonParts(meeting.startsAt).date}`,
      after: { entries: [...entries.values()] },
    });
  }

  return {
    recordWithin,

    /** The register of a meeting, its quorum per body, and the caller's own places on it. */
    register: async (caller: Caller, meetingId: string) => {
      const { meeting, expected, register } = await keptInTenant(
        db,
        caller,
        'partnership.read',
        `register ${meetingId}`,
        async (trx) => {
          const { meeting, expected, records, basis } = await context(trx, meetingId);
          return { meeting, expected, register: buildRegister(expected, records, basis) };
        },
      );
      // who the caller is among the people: their id and email decide it (the email in the key)
      const mine = new Set(
        await keptInTenant(
          db,
          caller,
          'partnership.read',
          `people of ${caller.userId} ${caller.actor.label}`,
          (trx) => peopleOfCaller(trx, caller),
        ),
      );
      return {
        meeting,
        register,
        mine: expected.filter((member) => mine.has(member.personId)),
        happened: hasHappened(meeting),
      };
    },

    /** Everyone of the partnership, for "in attendance". */
    people: (caller: Caller) => inTenant(db, caller, 'partnership.read', (trx) => attendance.people(trx)),

    record: (caller: Caller, meetingId: string, input: RegisterInput) =>
      inTenant(db, caller, 'partnership.edit', (trx, partnershipId) =>
        recordWithin(trx, partnershipId, caller, meetingId, input),
      ),

    /** A member sends their own apologies before the meeting, optionally naming a substitute. */
    sendApologies: (
      caller: Caller,
      meetingId: string,
      input: { membershipId: string; substituteId?: string | undefined },
    ) =>
      inTenant(db, caller, 'partnership.contribute', async (trx, partnershipId) => {
        const { meeting, expected, records } = await context(trx, meetingId);
        const mine = new Set(await peopleOfCaller(trx, caller));
        const member = expected.find((m) => m.membershipId === input.membershipId && mine.has(m.personId));
        if (!member)
          throw refuse('membershipId', 'You can send apologies only for your own seat at this meeting');
        if (meeting.state === 'cancelled') throw refuse('membershipId', 'The meeting was cancelled');
        if (hasHappened(meeting))
          throw refuse(
            'membershipId',
            'The meeting has already started: ask the clerk to record your apologies',
          );
        if (input.substituteId) checkSubstitute(member, input.substituteId, 'substituteId');
        const kept = records
          .filter((r) => r.personId !== member.personId && r.forMembershipId !== member.membershipId)
          .filter((r) => r.personId !== input.substituteId)
          .map((r) => ({ personId: r.personId, status: r.status, forMembershipId: r.forMembershipId }));
        kept.push({ personId: member.personId, status: 'apologies', forMembershipId: null });
        if (input.substituteId)
          kept.push({
            personId: input.substituteId,
            status: 'substitute',
            forMembershipId: member.membershipId,
          });
        await attendance.replace(trx, partnershipId, meetingId, kept);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'attendance',
          entityId: meetingId,
          summary: `${displayName(member)} sent apologies for ${meeting.title}${input.substituteId ? ', with a substitute' : ''}`,
          after: input,
        });
      }),

    /** The attendance appendix of a body over a period (London dates), from its held meetings. */
    appendix: (caller: Caller, bodyId: string, from: string, to: string) =>
      keptInTenant(db, caller, 'partnership.read', `appendix ${bodyId} ${from} ${to}`, async (trx) => {
        const end = startOfNextDay(to);
        const held = (await meetings.list(trx, { bodyId, from: startOfDay(from), to: end })).filter(
          (meeting) => meeting.state === 'held',
        );
        const members = (await attendance.members(trx, [bodyId])).filter(
          (member) =>
            (!member.startsOn || member.startsOn <= to) && (!member.endsOn || member.endsOn >= from),
        );
        const records: AttendanceRecord[] = await attendance.records(
          trx,
          held.map((meeting) => meeting.id),
        );
        return attendanceAppendix(
          held.map((meeting) => ({ id: meeting.id, date: londonParts(meeting.startsAt).date })),
          members,
          records,
        );
      }),
  };
}

export type AttendanceService = ReturnType<typeof attendanceService>;
