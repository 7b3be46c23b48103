// The attendance register of a meeting, built from its bodies' memberships on its date;
// members' own apologies (with a named substitute); the quorum; the attendance appendix.
// The rules: only members expected at the meeting are recorded as members; a substitute is one
// named for that membership or a person named at the meeting (ADR 0033), never the member, nor
// someone holding a seat at the meeting, for a member who is not there; whoever chaired was
// there; people who are not members (in attendance, apologies, guests for an item) are kept
// apart from members' figures; a person is recorded once; nothing but apologies before a
// meeting has happened; nothing on a cancelled meeting.
import type { Database } from '../../platform/db/database.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import type { Caller } from '../../platform/http/auth.ts';
import { notFound } from '../../platform/http/errors.ts';
import { can } from '../../platform/http/permissions.ts';
import { RuleViolation } from '../../platform/http/validation.ts';
import { inTenant } from '../../platform/tenant.ts';
import type { DB, Trx } from '../../schema.ts';
import {
  membersOn,
  attendanceAppendix,
  buildRegister,
  displayName,
  registerScopes,
  type AttendanceCount,
  type AttendanceRecord,
  type ExpectedMember,
  type RegisterScope,
} from './attendance.ts';
import {
  attendanceStatuses,
  meetingById,
  meetingsWhere,
  heldMeetingsWithWholeRegister,
  registerScopeOf,
  setRegisterScope,
  hasHappened,
  londonParts,
  startOfDay,
  startOfNextDay,
} from '../meetings/index.ts';
import { countOf } from '../../platform/http/confirm-deletion.ts';
import {
  attendanceRepository as attendance,
  attendanceOnItem,
  peopleOfCaller,
  type AttendanceEntry,
} from './attendance.repository.ts';
import type { MailService } from '../../platform/mail/outbox.ts';
import { apologiesToClerk } from './apologies-mail.ts';
import { itemHeadingsOf, type ItemDependants } from '../agenda/index.ts';
import { formatDate } from '../../platform/dates.ts';

export interface RegisterInput {
  /**
   * What the minutes record (issue 24): everyone (the default), apologies only or those present
   * only. A member a register does not name is "not recorded", never absent.
   */
  scope?: RegisterScope | undefined;
  members: {
    membershipId: string;
    status: '' | 'present' | 'apologies' | 'absent';
    /** The row of the form, when it differs from the position (messages name it). */
    row?: number | undefined;
    substituteId?: string | undefined;
  }[];
  inAttendance: string[];
  /** The person who chaired (a member present or a substitute). */
  chairId?: string | undefined;
  /** Apologies from people who are not members. */
  otherApologies?: string[] | undefined;
  /** Guests, each for one agenda item of the meeting. */
  guests?: { personId: string; agendaItemId: string }[] | undefined;
  /** People who observed, and who took the notes: not members (ADR 0041). */
  observers?: string[] | undefined;
  noteTakers?: string[] | undefined;
  /** Attendees the minutes only count. */
  counts?: AttendanceCount[] | undefined;
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
 * inside a transaction the caller holds; meetings without a whole register are left out (not
 * known): no register, only members' own apologies, or a partial register that records
 * apologies only or those present only (issue 24), whose silence about a member is no absence.
 */
export async function registersWithin(
  trx: Trx,
  bodyIds: string[],
  from: string,
  to: string,
): Promise<HeldRegister[]> {
  const rows = await heldMeetingsWithWholeRegister(
    trx,
    bodyIds,
    startOfDay(from),
    startOfNextDay(to),
    attendance.hasEntries,
  );
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

/**
 * When a meeting's minutes were approved (and at which meeting), which locks its register: the
 * record's read (ADR 0057), passed in by the composition root since the record reads attendance.
 */
export type MinutesApprovalOf = (
  trx: Trx,
  meetingId: string,
) => Promise<{ approvedOn: string | null; atTitle: string | null } | undefined>;

export function attendanceService(
  db: Database<DB>,
  minutesApprovalOf: MinutesApprovalOf,
  mail?: MailService,
) {
  /** A meeting's expected members, register and quorum basis. */
  async function context(trx: Trx, meetingId: string) {
    const meeting = await meetingById(trx, meetingId);
    if (!meeting) throw notFound();
    const date = londonParts(meeting.startsAt).date;
    const bodyIds = meeting.bodies.map((body) => body.id);
    const [all, records, basis, counts, scope] = await Promise.all([
      attendance.members(trx, bodyIds),
      attendance.records(trx, [meeting.id]),
      // the quorum and voting places of the meeting's date (ADR 0040)
      attendance.quorumBasis(trx, bodyIds, date),
      attendance.counts(trx, meeting.id),
      registerScopeOf(trx, meeting.id) as Promise<RegisterScope | null>,
    ]);
    // the members of the meeting's date, with the standing substitutes of that date
    const expected = membersOn(all, date);
    return { meeting, date, expected, records, basis, counts, scope };
  }

  function checkSubstitute(member: ExpectedMember, substituteId: string, path: string) {
    if (!member.substitutes.some((s) => s.id === substituteId))
      throw refuse(
        path,
        `The substitute is not eligible: only ${member.substitutes.length ? member.substitutes.map((s) => s.name).join(', ') : 'named substitutes'} may attend for ${displayName(member)}`,
      );
  }

  /**
   * A substitute named at the meeting: a person of the partnership, not the member, and holding
   * no seat at the meeting themselves (they would be recorded on it).
   */
  function checkSubstituteAtMeeting(
    member: ExpectedMember,
    substitute: { id: string; name: string } | undefined,
    expected: ExpectedMember[],
    path: string,
  ) {
    if (!substitute) throw refuse(path, 'The substitute must be a person of this partnership');
    if (substitute.id === member.personId)
      throw refuse(path, `${displayName(member)} cannot substitute for themselves`);
    const seat = expected.find((other) => other.personId === substitute.id);
    if (seat)
      throw refuse(
        path,
        `${substitute.name} holds a seat at this meeting (${seat.seatLabel}): they cannot also substitute for ${displayName(member)}`,
      );
  }

  const statusWord = (status: string) =>
    status === 'other-apologies'
      ? 'apologies (not a member)'
      : status === 'guest'
        ? 'a guest for an item'
        : status === 'observer'
          ? 'an observer'
          : status === 'note-taker'
            ? 'the note-taker'
            : (attendanceStatuses[status as keyof typeof attendanceStatuses] ?? status).toLowerCase();

  /**
   * Once the minutes of the meeting are approved, its register is part of the approved record
   * and is locked like them (issue 24); there is no correction route for either.
   */
  async function assertUnlocked(trx: Trx, meetingId: string) {
    const approval = await minutesApprovalOf(trx, meetingId);
    if (approval)
      throw refuse(
        'members',
        `The minutes of this meeting were approved on ${formatDate(approval.approvedOn)}${approval.atTitle ? ` (${approval.atTitle})` : ''}: its register is part of the approved record and can no longer change`,
      );
  }

  /** What a partial register may record of a member: apologies only, or presence only (and the chair). */
  const allowedIn = (scope: RegisterScope, status: string, chaired: boolean) =>
    scope === 'all' ||
    (scope === 'apologies' && (status === 'apologies' || (status === 'present' && chaired))) ||
    (scope === 'present' && status === 'present');

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
    await assertUnlocked(trx, meeting.id);
    const scope: RegisterScope = hasHappened(meeting) ? (input.scope ?? 'all') : 'apologies';
    const people = await attendance.people(trx);
    const personOf = (id: string) => {
      const found = people.find((candidate) => candidate.id === id);
      return found && { id: found.id, personName: found.name, youngPerson: found.youngPerson };
    };
    const entries = new Map<string, AttendanceEntry>();
    const add = (entry: AttendanceEntry, name: string, path: string) => {
      const already = entries.get(entry.personId);
      if (
        already &&
        (already.status !== entry.status ||
          already.forMembershipId !== entry.forMembershipId ||
          (already.agendaItemId ?? null) !== (entry.agendaItemId ?? null))
      )
        throw refuse(
          path,
          `${name} is recorded twice: as ${statusWord(already.status)} and as ${statusWord(entry.status)}`,
        );
      entries.set(entry.personId, entry);
    };
    input.members.forEach((row, position) => {
      const index = row.row ?? position;
      const member = expected.find((candidate) => candidate.membershipId === row.membershipId);
      if (!member)
        throw refuse(`members.${index}`, 'Record only members of the meeting’s bodies on its date');
      // a substitute implies apologies, unless the minutes list only those present
      const status = row.substituteId && !row.status && scope !== 'present' ? 'apologies' : row.status;
      if (status && hasHappened(meeting) && !allowedIn(scope, status, member.personId === input.chairId))
        throw refuse(
          `members.${index}`,
          `${displayName(member)} is recorded ${statusWord(status)}, but the register records ${scope === 'apologies' ? 'apologies only' : 'those present only'}: choose “${registerScopes.all.split(':')[0]}” if the minutes give the whole register`,
        );
      if (row.substituteId) {
        if (status === 'present')
          throw refuse(
            `members.${index}.substituteId`,
            `${displayName(member)} was present: nobody substitutes for them`,
          );
        const substitute = personOf(row.substituteId);
        if (!member.substitutes.some((s) => s.id === row.substituteId))
          checkSubstituteAtMeeting(
            member,
            substitute && { id: substitute.id, name: displayName(substitute, true) },
            expected,
            `members.${index}.substituteId`,
          );
        add(
          { personId: row.substituteId, status: 'substitute', forMembershipId: member.membershipId },
          displayName(substitute!, true),
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
    const others: [string, string, string[]][] = [
      ['inAttendance', 'in-attendance', input.inAttendance],
      ['otherApologies', 'other-apologies', input.otherApologies ?? []],
      ['observers', 'observer', input.observers ?? []],
      ['noteTakers', 'note-taker', input.noteTakers ?? []],
    ];
    for (const [field, status, ids] of others)
      for (const personId of ids) {
        const person = personOf(personId);
        if (!person) throw refuse(field, 'Select people of this partnership');
        const seat = expected.find((member) => member.personId === personId);
        // a member is recorded on their seat; observers and note-takers are not members (ADR 0041)
        if (seat && status !== 'other-apologies')
          throw refuse(
            field,
            `${displayName(person, true)} holds a seat at this meeting (${seat.seatLabel}): record them on their seat, not ${status === 'in-attendance' ? '“in attendance”' : `as ${statusWord(status)}`}`,
          );
        add({ personId, status, forMembershipId: null }, displayName(person, true), field);
      }
    const items = await itemHeadingsOf(trx, meetingId);
    (input.guests ?? []).forEach((guest, index) => {
      const person = personOf(guest.personId);
      if (!person) throw refuse(`guests.${index}.personId`, 'Select a person of this partnership');
      const item = items.find((candidate) => candidate.id === guest.agendaItemId);
      if (!item) throw refuse(`guests.${index}.agendaItemId`, 'Select an agenda item of this meeting');
      const seat = expected.find((member) => member.personId === person.id);
      if (seat)
        throw refuse(
          `guests.${index}.personId`,
          `${displayName(person, true)} holds a seat at this meeting (${seat.seatLabel}): record them on their seat`,
        );
      add(
        { personId: person.id, status: 'guest', forMembershipId: null, agendaItemId: item.id },
        displayName(person, true),
        `guests.${index}.personId`,
      );
    });
    if (input.chairId) {
      const chair = entries.get(input.chairId);
      if (!chair || (chair.status !== 'present' && chair.status !== 'substitute')) {
        const person = personOf(input.chairId);
        throw refuse(
          'chairId',
          `${person ? displayName(person, true) : 'The person chosen'} chaired but is not recorded as present or as a substitute`,
        );
      }
      chair.chaired = true;
    }
    const counts = input.counts ?? [];
    if (
      !hasHappened(meeting) &&
      ([...entries.values()].some(
        (entry) => !['apologies', 'substitute', 'other-apologies'].includes(entry.status),
      ) ||
        counts.length)
    )
      throw refuse(
        'members',
        'The meeting has not happened yet: only apologies and substitutes can be recorded',
      );
    await attendance.replace(trx, partnershipId, meetingId, [...entries.values()]);
    await attendance.replaceCounts(trx, partnershipId, meetingId, counts);
    await setRegisterScope(trx, meetingId, scope);
    await recordChange(trx, caller.actor, {
      partnershipId,
      action: 'update',
      entityType: 'attendance',
      entityId: meetingId,
      summary: `Recorded the attendance at ${meeting.title} on ${formatDate(meeting.startsAt)}${scope === 'all' ? '' : ` (${scope === 'apologies' ? 'apologies only' : 'those present only'})`}`,
      after: { scope, entries: [...entries.values()], counts },
    });
  }

  return {
    recordWithin,

    /** The register of a meeting, its quorum per body, and the caller's own places on it. */
    /**
     * `names`: young people's names, asked for by pages inside the partnership (the register
     * form, the appendix); given only to editors and administrators (ADR 0033).
     */
    register: async (caller: Caller, meetingId: string, names = false) => {
      const reveal = names && can(caller, 'partnership.edit');
      const { meeting, expected, register, chairing } = await inTenant(
        db,
        caller,
        'partnership.read',
        async (trx) => {
          const { meeting, expected, records, basis, counts, scope } = await context(trx, meetingId);
          return {
            meeting,
            expected,
            register: buildRegister(expected, records, basis, counts, reveal, scope),
            chairing: basis.flatMap((body) =>
              body.chairing ? [{ bodyId: body.id, rule: body.chairing }] : [],
            ),
          };
        },
      );
      // who the caller is among the people: their id and email decide it
      const mine = new Set(
        await inTenant(db, caller, 'partnership.read', (trx) => peopleOfCaller(trx, caller)),
      );
      return {
        meeting,
        register,
        mine: expected.filter((member) => mine.has(member.personId)),
        happened: hasHappened(meeting),
        /** Who chairs each body by the rule of the meeting's date (ADR 0040). */
        chairing,
      };
    },

    /** The meeting's agenda items, for guests who came for one. */
    items: (caller: Caller, meetingId: string) =>
      inTenant(db, caller, 'partnership.read', (trx) => itemHeadingsOf(trx, meetingId)),

    /** Everyone of the partnership, for "in attendance". */
    people: (caller: Caller) => inTenant(db, caller, 'partnership.read', (trx) => attendance.people(trx)),

    record: (caller: Caller, meetingId: string, input: RegisterInput) =>
      inTenant(db, caller, 'partnership.edit', (trx, partnershipId) =>
        recordWithin(trx, partnershipId, caller, meetingId, input),
      ),

    /** A member sends their own apologies before the meeting, optionally naming a substitute. */
    sendApologies: async (
      caller: Caller,
      meetingId: string,
      input: { membershipId: string; substituteId?: string | undefined },
    ) => {
      await mail?.ready();
      await inTenant(db, caller, 'partnership.contribute', async (trx, partnershipId) => {
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
          .map((r): AttendanceEntry => ({
            personId: r.personId,
            status: r.status,
            forMembershipId: r.forMembershipId,
            chaired: r.chaired,
            agendaItemId: r.agendaItemId,
          }));
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
        if (mail)
          await apologiesToClerk(
            trx,
            mail,
            caller.actor,
            partnershipId,
            meeting,
            displayName(member),
            Boolean(input.substituteId),
          );
      });
      mail?.notify();
    },

    /** The attendance appendix of a body over a period (London dates), from its held meetings. */
    appendix: (caller: Caller, bodyId: string, from: string, to: string, names = false) => {
      const reveal = names && can(caller, 'partnership.edit');
      return inTenant(db, caller, 'partnership.read', async (trx) => {
        const end = startOfNextDay(to);
        const held = (await meetingsWhere(trx, { bodyId, from: startOfDay(from), to: end })).filter(
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
          reveal,
        );
      });
    },
  };
}

export type AttendanceService = ReturnType<typeof attendanceService>;

/** The declarations of interest made on an agenda item and its guests, which go with it. */
export const attendanceOnAgendaItem: ItemDependants = async (trx, itemId) => {
  const { declarations, guests } = await attendanceOnItem(trx, itemId);
  const declared = countOf(declarations, 'declaration of interest', 'declarations of interest');
  const came = countOf(guests, 'guest recorded for it', 'guests recorded for it');
  return [
    { count: declarations, named: declared, line: declared, goes: true },
    { count: guests, named: came, line: came, goes: true },
  ];
};
