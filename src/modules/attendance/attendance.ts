// The attendance register of one meeting and the attendance appendix of a body over a period,
// worked out from memberships and what was recorded. Pure, so each case is unit-tested.
import type { QuorumRule } from '../bodies/index.ts';
import { evaluateQuorum, quorumFromApologies, type QuorumResult } from './quorum.ts';

export interface ExpectedMember {
  membershipId: string;
  bodyId: string;
  seatLabel: string;
  voting: boolean;
  /** The seat's category, or its organisation's. */
  category: string | null;
  personId: string;
  personName: string;
  youngPerson: boolean;
  organisationId: string | null;
  organisationName: string | null;
  /** A joint post's other organisations: its attendance counts for each (issue 15). */
  jointOrganisations?: string[] | undefined;
  startsOn: string | null;
  endsOn: string | null;
  /**
   * Standing substitutes named in advance, with their periods when read from the record; a
   * meeting's register keeps those of its date (`onDate`, issue 15).
   */
  substitutes: { id: string; name: string; startsOn?: string | null; endsOn?: string | null }[];
}

export interface AttendanceRecord {
  meetingId: string;
  personId: string;
  personName: string;
  youngPerson: boolean;
  status: string;
  forMembershipId: string | null;
  /** This person chaired the meeting. */
  chaired: boolean;
  /** The agenda item a guest came for. */
  agendaItemId: string | null;
}

/** Attendees the minutes only count, by description ("3 young people", "about 29 present"). */
export interface AttendanceCount {
  description: string;
  count: number;
  approximate: boolean;
}

/** The statuses of people who are not members: kept apart from members' figures. */
export const othersStatuses = [
  'in-attendance',
  'other-apologies',
  'guest',
  'observer',
  'note-taker',
] as const;
/** The roles at a meeting of people who are not members (ADR 0041): never counted as members. */
export const meetingRoles = { observer: 'Observer', 'note-taker': 'Note-taker' } as const;
export type MeetingRole = keyof typeof meetingRoles;
const isOther = (status: string) => (othersStatuses as readonly string[]).includes(status);

export interface RegisterRow {
  member: ExpectedMember;
  /** present, apologies or absent; null when nothing is recorded yet. */
  status: string | null;
  /** Who attended for the member; named at the meeting when not a substitute named in advance. */
  substitute: { id: string; name: string; namedAtMeeting: boolean } | null;
  /** The member chaired the meeting. */
  chaired: boolean;
  /** The organisations the member sits for, as written ("X and Y" for a joint post). */
  organisations: string | null;
}

/**
 * What a register records (issue 24): everyone, apologies only or those present only, as the
 * minutes give it; null: no register yet (at most members' own apologies). In every register a
 * member it does not name is "not recorded", never absent.
 */
export const registerScopes = {
  all: 'Everyone: present, apologies and absent',
  apologies: 'Apologies only (the minutes list only apologies)',
  present: 'Those present only (the minutes list only who was there)',
} as const;
export type RegisterScope = keyof typeof registerScopes;

export interface Register {
  /** What the register records; null: no register yet. */
  scope: RegisterScope | null;
  rows: RegisterRow[];
  /** Who chaired: a member present or a substitute; null when not recorded. */
  chair: { id: string; name: string } | null;
  /** People who are not members, present. */
  inAttendance: { id: string; name: string }[];
  /** Apologies from people who are not members (officers, advisers). */
  otherApologies: { id: string; name: string }[];
  /** Guests who came for one agenda item. */
  guests: { id: string; name: string; agendaItemId: string }[];
  /** People who observed the meeting, and who took the notes: not members (ADR 0041). */
  observers: { id: string; name: string }[];
  noteTakers: { id: string; name: string }[];
  /** Attendees the minutes only count. */
  counts: AttendanceCount[];
  quorum: { bodyId: string; result: QuorumResult }[];
}

/**
 * Young people are not named in registers or exports; inside the partnership, editors and
 * administrators see their names on the register form and the attendance appendix (`reveal`).
 */
export const displayName = (person: { personName: string; youngPerson: boolean }, reveal = false) =>
  person.youngPerson && !reveal ? 'A young person' : person.personName;

export const activeOn = (member: { startsOn: string | null; endsOn: string | null }, date: string) =>
  (!member.startsOn || member.startsOn <= date) && (!member.endsOn || member.endsOn >= date);

/**
 * The members of a date, each with the standing substitutes of that date only (a standing
 * substitute has dates of its own: one ended since still reads as one on an earlier register).
 */
export const membersOn = (members: ExpectedMember[], date: string): ExpectedMember[] =>
  members
    .filter((member) => activeOn(member, date))
    .map((member) => ({
      ...member,
      substitutes: member.substitutes
        .filter((sub) => activeOn({ startsOn: sub.startsOn ?? null, endsOn: sub.endsOn ?? null }, date))
        .map(({ id, name }) => ({ id, name })),
    }));

/** A member's organisations as written: "Dudley Council and NHS Dudley" for a joint post. */
export const organisationsOf = (member: {
  organisationName: string | null;
  jointOrganisations?: string[] | undefined;
}): string | null => {
  const names = [member.organisationName, ...(member.jointOrganisations ?? [])].filter(
    (name): name is string => !!name,
  );
  return names.length
    ? `${names.slice(0, -1).join(', ')}${names.length > 1 ? ' and ' : ''}${names.at(-1)}`
    : null;
};

export function buildRegister(
  expected: ExpectedMember[],
  records: AttendanceRecord[],
  bodies: { id: string; quorumRule: QuorumRule | null; votingPlaces: number }[],
  counts: AttendanceCount[] = [],
  reveal = false,
  scope: RegisterScope | null = null,
): Register {
  const byPerson = new Map(records.filter((r) => r.status !== 'substitute').map((r) => [r.personId, r]));
  const named = (r: AttendanceRecord) => ({ id: r.personId, name: displayName(r, reveal) });
  const rows = expected.map((member): RegisterRow => {
    const own = byPerson.get(member.personId);
    const sub = records.find((r) => r.status === 'substitute' && r.forMembershipId === member.membershipId);
    return {
      member,
      status: own && !isOther(own.status) ? own.status : null,
      substitute: sub
        ? { ...named(sub), namedAtMeeting: !member.substitutes.some((s) => s.id === sub.personId) }
        : null,
      chaired: Boolean(own?.chaired && own.status === 'present'),
      organisations: organisationsOf(member),
    };
  });
  const chair = records.find((r) => r.chaired);
  // a register of apologies only leaves who was present unknown (issue 24)
  const judge = scope === 'apologies' ? quorumFromApologies : evaluateQuorum;
  const quorum = bodies.map((body) => ({
    bodyId: body.id,
    result: judge(
      body.quorumRule,
      body.votingPlaces,
      rows
        .filter((row) => row.member.bodyId === body.id && row.member.voting)
        .filter((row) => row.status === 'present' || row.substitute)
        .map((row) => ({ category: row.member.category })),
    ),
  }));
  return {
    scope,
    rows,
    chair: chair ? named(chair) : null,
    inAttendance: records.filter((r) => r.status === 'in-attendance').map(named),
    otherApologies: records.filter((r) => r.status === 'other-apologies').map(named),
    guests: records
      .filter((r) => r.status === 'guest' && r.agendaItemId)
      .map((r) => ({ ...named(r), agendaItemId: r.agendaItemId! })),
    observers: records.filter((r) => r.status === 'observer').map(named),
    noteTakers: records.filter((r) => r.status === 'note-taker').map(named),
    counts,
    quorum,
  };
}

export interface AppendixCounts {
  expected: number;
  attended: number;
  apologies: number;
  substitutes: number;
  /** Recorded absent: never a member a register does not name. */
  absent: number;
  /** Expected meetings whose register does not say whether the member came (issue 24). */
  notRecorded: number;
  /**
   * Attended (for a member) or attended and substituted (for an organisation) over the expected
   * meetings at which the member's attendance is recorded; null with none recorded.
   */
  rate: number | null;
}

export interface AppendixMemberRow extends AppendixCounts {
  membershipId: string;
  /** Meetings the member chaired. */
  chaired: number;
  name: string;
  seatLabel: string;
  organisation: string | null;
  /** Each organisation the member sits for (a joint post has several). */
  organisations: string[];
}

export interface Appendix {
  meetings: number;
  members: AppendixMemberRow[];
  organisations: (AppendixCounts & { organisation: string })[];
  /** Observers and note-takers: the meetings each came to in that role, apart from members. */
  others: { personId: string; name: string; role: MeetingRole; attended: number }[];
}

const rate = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 1000 : null);

/**
 * Per membership: the held meetings during the membership (expected), and how many the member
 * attended, sent apologies for, had a substitute at, was recorded absent from, or whose
 * register does not say (not recorded: a partial register, a row left blank, no register).
 * The rate is over the recorded meetings only. Cancelled and scheduled meetings are not passed
 * in, so they never count.
 */
export function attendanceAppendix(
  held: { id: string; date: string }[],
  members: ExpectedMember[],
  records: AttendanceRecord[],
  reveal = false,
): Appendix {
  const memberRows = members.map((member): AppendixMemberRow => {
    const expected = held.filter((meeting) => activeOn(member, meeting.date));
    const statusAt = (meetingId: string) =>
      records.find(
        (r) => r.meetingId === meetingId && r.personId === member.personId && r.status !== 'substitute',
      )?.status;
    const substituted = (meetingId: string) =>
      records.some(
        (r) =>
          r.meetingId === meetingId && r.status === 'substitute' && r.forMembershipId === member.membershipId,
      );
    const attended = expected.filter((m) => statusAt(m.id) === 'present').length;
    const chaired = expected.filter((m) =>
      records.some(
        (r) => r.meetingId === m.id && r.personId === member.personId && r.status === 'present' && r.chaired,
      ),
    ).length;
    const apologies = expected.filter((m) => statusAt(m.id) === 'apologies').length;
    const substitutes = expected.filter((m) => substituted(m.id)).length;
    const absent = expected.filter((m) => statusAt(m.id) === 'absent' && !substituted(m.id)).length;
    const notRecorded = expected.filter(
      (m) => !['present', 'apologies', 'absent'].includes(statusAt(m.id) ?? '') && !substituted(m.id),
    ).length;
    const recorded = expected.length - notRecorded;
    return {
      membershipId: member.membershipId,
      chaired,
      name: displayName(member, reveal),
      seatLabel: member.seatLabel,
      organisation: organisationsOf(member),
      organisations: [member.organisationName, ...(member.jointOrganisations ?? [])].filter(
        (name): name is string => !!name,
      ),
      expected: expected.length,
      attended,
      apologies,
      substitutes,
      absent,
      notRecorded,
      rate: rate(attended, recorded),
    };
  });
  const organisations = new Map<string, AppendixCounts & { organisation: string }>();
  // a joint post counts for each of its organisations
  for (const row of memberRows)
    for (const name of row.organisations.length ? row.organisations : ['No organisation recorded']) {
      const total = organisations.get(name) ?? {
        organisation: name,
        expected: 0,
        attended: 0,
        apologies: 0,
        substitutes: 0,
        absent: 0,
        notRecorded: 0,
        rate: null,
      };
      for (const key of [
        'expected',
        'attended',
        'apologies',
        'substitutes',
        'absent',
        'notRecorded',
      ] as const)
        total[key] += row[key];
      total.rate = rate(total.attended + total.substitutes, total.expected - total.notRecorded);
      organisations.set(name, total);
    }
  const others = new Map<string, Appendix['others'][number]>();
  const heldIds = new Set(held.map((meeting) => meeting.id));
  for (const record of records) {
    if (!heldIds.has(record.meetingId) || !(record.status in meetingRoles)) continue;
    const key = `${record.personId} ${record.status}`;
    const row = others.get(key) ?? {
      personId: record.personId,
      name: displayName(record, reveal),
      role: record.status as MeetingRole,
      attended: 0,
    };
    row.attended += 1;
    others.set(key, row);
  }
  return {
    others: [...others.values()].sort((a, b) => a.role.localeCompare(b.role) || a.name.localeCompare(b.name)),
    meetings: held.length,
    members: memberRows,
    organisations: [...organisations.values()].sort((a, b) => a.organisation.localeCompare(b.organisation)),
  };
}
