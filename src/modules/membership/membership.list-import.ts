// A body's membership list as one table for export and import (issue 15 items 4 to 6): the
// list on a date is written in the columns of membership.import.ts, and a list read back is
// compared with the membership on its date: who joins, who leaves (on a date the user gives),
// whose seat, role or title changes, and who stays. The preview and the import take one path:
// `applyList` makes every change in the transaction it is given and reports each refusal with
// its row; the preview rolls that transaction back, the import commits it only with no
// problems. So the preview refuses exactly what the import refuses.
import { recordChange } from '../../platform/audit/audit.ts';
import type { Caller } from '../../platform/http/auth.ts';
import { RuleViolation } from '../../platform/http/validation.ts';
import type { Trx } from '../../schema.ts';
import { placesOn } from '../bodies/index.ts';
import { youngPersonText, type ImportRow, type ListColumn } from './membership.import.ts';
import { listRepository } from './membership-list.repository.ts';
import {
  membershipsRepository as memberships,
  organisationsRepository as organisations,
  peopleRepository as people,
  seatsRepository as seats,
  type MembershipRow,
  type PersonRow,
  type SeatRow,
} from './membership.repository.ts';
import { categories, seatRoles, type Category, type Sector } from './membership.vocabulary.ts';

const lower = (value: string) => value.trim().toLowerCase().replace(/\s+/g, ' ');
const dayBefore = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const yesNo = (value: boolean) => (value ? 'yes' : 'no');
/** How much of a date a list gives: '2008' a year, '2010-04' a month, otherwise a day. */
const precisionOf = (partial: string | null | undefined) =>
  partial?.length === 4 ? 'year' : partial?.length === 7 ? 'month' : 'day';

/** The list on a date as rows of the list's columns: a row a holder, a substitute or a vacant seat. */
export function membershipListRows(
  seatList: (SeatRow & { holders: MembershipRow[]; places: number })[],
  peopleById: Map<string, PersonRow>,
): Record<ListColumn, string | number>[] {
  return seatList.flatMap((seat) => {
    const common = {
      seat: seat.label,
      'seat role': seatRoles[seat.role as keyof typeof seatRoles] ?? seat.role,
      'statutory category': seat.category ? (categories[seat.category as Category] ?? seat.category) : '',
      voting: yesNo(seat.voting),
      places: seat.places,
      'seat from': seat.startsOn ?? '',
      'seat until': seat.endsOn ?? '',
    };
    if (!seat.holders.length)
      return [
        {
          ...common,
          organisation: seat.organisationName ?? '',
          holder: '',
          'job title': '',
          email: '',
          'young person': '',
          from: '',
          until: '',
          'substitute for': '',
        },
      ];
    return seat.holders.flatMap((holder) => {
      const person = peopleById.get(holder.personId);
      // young people are not named in a list that leaves the partnership (issue 15 item 8)
      const name = holder.youngPerson ? youngPersonText : holder.personName;
      const row = {
        ...common,
        organisation: holder.organisationName ?? seat.organisationName ?? '',
        holder: name,
        'job title': holder.youngPerson ? '' : (person?.jobTitle ?? ''),
        email: holder.youngPerson ? '' : (person?.email ?? ''),
        'young person': yesNo(holder.youngPerson),
        // as the record gives them: '2008', '2010-04' or a day (issue 15), read back the same
        from: holder.startsAs ?? '',
        until: holder.endsAs ?? '',
        'substitute for': '',
      };
      const substitutes = holder.substitutes.map((substitute) => {
        const found = peopleById.get(substitute.id);
        return {
          ...row,
          holder: found?.youngPerson ? youngPersonText : substitute.name,
          'job title': found?.youngPerson ? '' : (found?.jobTitle ?? ''),
          email: found?.youngPerson ? '' : (found?.email ?? ''),
          'young person': yesNo(!!found?.youngPerson),
          from: '',
          until: '',
          'substitute for': name,
        };
      });
      return [row, ...substitutes];
    });
  });
}

export interface ListOptions {
  /** The date the list gives the membership on. */
  on: string;
  /** The day the members not on the list leave; none: they stay. */
  leaveOn: string | null;
  /** A sector and category for each new organisation (by its name in lower case). */
  newOrganisations?: Record<string, { sector: Sector; category: Category | null }>;
}

export type Outcome = 'join' | 'stay' | 'move' | 'substitute';

export interface PlannedRow {
  line: number;
  outcome: Outcome;
  seat: {
    id: string | null;
    label: string;
    position: number | null;
    startsOn: string | null;
    endsOn: string | null;
  };
  person: { id: string | null; name: string; matchedAs: string | null };
  organisation: { id: string | null; name: string } | null;
  from: string | null;
  until: string | null;
  /** The start and end as given ('2008', '2010-04' or a day): stored with their precision. */
  fromAs?: string | null | undefined;
  untilAs?: string | null | undefined;
  youngPerson: boolean;
  /** For a stay or a move: what differs from the record ("job title: A to B"). */
  changes: string[];
  /** A move: the membership it ends and its seat. */
  leaving: { membershipId: string; seatLabel: string } | null;
  membershipId: string | null;
  substituteFor: string | null;
}

export interface PlannedSeat {
  line: number;
  id: string | null;
  label: string;
  changes: string[];
  /** The organisation its rows name first (a new seat is held for it). */
  organisation?: { id: string | null; name: string } | null;
}

export interface LeavingMember {
  membershipId: string;
  name: string;
  seatLabel: string;
  startsOn: string | null;
}

export interface ImportPlan {
  on: string;
  leaveOn: string | null;
  rows: PlannedRow[];
  /** Members on the list's date whom the file does not name: leaving (with a date) or staying. */
  leavers: LeavingMember[];
  unlisted: LeavingMember[];
  seats: PlannedSeat[];
  newOrganisations: { line: number; name: string; category: Category | null }[];
  /** Each refusal with the row it is about; `href` and `where` for one not on a row (a leaver). */
  problems: { line: number; message: string; href?: string; where?: string }[];
  newSeats: number;
  newPeople: number;
  joins: number;
  moves: number;
  stays: number;
  /** Whether the file would change nothing at all. */
  unchanged: boolean;
}

/** What the membership service lends the list: its own checks, inside the same transaction. */
export interface ListDeps {
  appointWithin(
    trx: Trx,
    partnershipId: string,
    caller: Caller,
    appointment: {
      seatId: string;
      personId: string;
      organisationId?: string | undefined;
      startsOn?: string | undefined;
      endsOn?: string | undefined;
      substituteIds?: string[] | undefined;
    },
  ): Promise<string>;
  /** A seat the file adds: its dates within the body's life (throws RuleViolation). */
  assertNewSeat(
    trx: Trx,
    bodyId: string,
    dates: { startsOn: string | null; endsOn: string | null },
  ): Promise<void>;
  /** The body exists on the date (throws RuleViolation naming when it exists). */
  assertOpen(trx: Trx, bodyId: string, date: string): Promise<void>;
  seatPeriodProblem(
    seat: { label: string; startsOn: string | null; endsOn: string | null },
    held: { startsOn?: string | null; endsOn?: string | null },
  ): { message: string } | undefined;
  overfilled(
    held: { personName: string; youngPerson: boolean; startsOn: string | null; endsOn: string | null }[],
    places: number,
    from: string,
    until: string | null,
  ): { on: string; names: string[] } | null;
}

const activeOn = (m: { startsOn: string | null; endsOn: string | null }, on: string) =>
  (!m.startsOn || m.startsOn <= on) && (!m.endsOn || m.endsOn >= on);

/** Matches every row to seats, people and organisations and works out the differences. Writes nothing. */
async function planList(
  trx: Trx,
  bodyId: string,
  rows: ImportRow[],
  options: ListOptions,
): Promise<ImportPlan> {
  const { on } = options;
  const [seatList, organisationList, peopleList, held, placesRows] = await Promise.all([
    seats.list(trx, bodyId),
    organisations.list(trx),
    people.list(trx),
    memberships.list(trx, { bodyId }),
    seats.places(trx),
  ]);
  const problems: ImportPlan['problems'] = [];
  const problem = (line: number, message: string) => problems.push({ line, message });
  const current = held.filter((m) => activeOn(m, on));
  // the standing substitutes of the list's date (they have dates of their own: migration 0063)
  const substitutesOn = (m: MembershipRow) => m.substitutePeriods.filter((sub) => activeOn(sub, on));
  const placesOf = (seat: SeatRow) =>
    placesOn(
      placesRows.filter((row) => row.seatId === seat.id),
      on,
      seat.capacity,
    );

  // seats: by label or number; a seat's terms as its first row gives them, the same on every row
  // Two seats may share a label (Bolton's two "Youth MP" seats): a row goes to the one its holder
  // holds on the date, else to the one with a place its earlier rows have not taken.
  const claimed = new Set<string>();
  const rowsIn = new Map<string, number>();
  const resolved = new Map<ImportRow, SeatRow | undefined>();
  const resolve = (row: ImportRow): SeatRow | undefined => {
    if (/^\d+$/.test(row.seat)) return seatList.find((candidate) => candidate.position === Number(row.seat));
    const candidates = seatList.filter((candidate) => lower(candidate.label) === lower(row.seat));
    if (candidates.length < 2 || !row.name || row.substituteFor) return candidates[0];
    const holderOf = current.find(
      (m) =>
        !claimed.has(m.id) &&
        candidates.some((candidate) => candidate.id === m.seatId) &&
        (lower(row.name!) === lower(youngPersonText)
          ? m.youngPerson
          : lower(m.personName) === lower(row.name!)),
    );
    if (holderOf) {
      claimed.add(holderOf.id);
      return candidates.find((candidate) => candidate.id === holderOf.seatId);
    }
    return (
      candidates.find((candidate) => (rowsIn.get(candidate.id) ?? 0) < placesOf(candidate)) ?? candidates[0]
    );
  };
  const seatOf = (row: ImportRow) => {
    if (!resolved.has(row)) {
      const seat = resolve(row);
      if (seat && row.name && !row.substituteFor) rowsIn.set(seat.id, (rowsIn.get(seat.id) ?? 0) + 1);
      resolved.set(row, seat);
    }
    return resolved.get(row);
  };
  const plannedSeats = new Map<string, PlannedSeat & { rows: ImportRow[]; seat: SeatRow | undefined }>();
  for (const row of rows) {
    const seat = seatOf(row);
    if (!seat && /^\d+$/.test(row.seat)) {
      problem(row.line, `There is no seat number ${row.seat} on this body`);
      continue;
    }
    const key = seat ? seat.id : lower(row.seat);
    const entry = plannedSeats.get(key) ?? {
      line: row.line,
      id: seat?.id ?? null,
      label: seat?.label ?? row.seat,
      changes: [],
      rows: [],
      seat,
    };
    plannedSeats.set(key, entry);
    const first = entry.rows[0];
    entry.rows.push(row);
    for (const [field, name] of [
      ['seatRole', 'seat role'],
      ['category', 'statutory category'],
      ['voting', 'voting'],
      ['places', 'places'],
      ['seatFrom', 'seat from'],
      ['seatUntil', 'seat until'],
    ] as const)
      if (first && row[field] !== null && first[field] !== null && row[field] !== first[field])
        problem(
          row.line,
          `The ${name} of “${entry.label}” differs from row ${first.line}: give it once, the same on every row`,
        );
    if (seat?.rule) problem(row.line, `“${seat.label}” is filled by its rule, not by appointment`);
    if (
      seat &&
      (row.seatFrom || row.seatUntil) &&
      (row.seatFrom !== seat.startsOn || row.seatUntil !== seat.endsOn)
    )
      problem(
        row.line,
        `“${seat.label}” exists ${[seat.startsOn && `from ${seat.startsOn}`, seat.endsOn && `until ${seat.endsOn}`].filter(Boolean).join(' ') || 'with no dates'}, not as the file says: change the seat’s dates on its form`,
      );
  }
  const givenOf = <K extends 'seatRole' | 'category' | 'voting' | 'places' | 'seatFrom' | 'seatUntil'>(
    entry: { rows: ImportRow[] },
    field: K,
  ): ImportRow[K] | null => entry.rows.find((row) => row[field] !== null)?.[field] ?? null;
  for (const entry of plannedSeats.values()) {
    const seat = entry.seat;
    const role = givenOf(entry, 'seatRole');
    const voting = givenOf(entry, 'voting');
    const category = givenOf(entry, 'category');
    const places = givenOf(entry, 'places');
    if (!seat) continue;
    if (role && role !== seat.role)
      entry.changes.push(
        `role: ${seatRoles[seat.role as keyof typeof seatRoles] ?? seat.role} to ${seatRoles[role]}`,
      );
    if (voting !== null && voting !== seat.voting)
      entry.changes.push(`voting: ${yesNo(seat.voting)} to ${yesNo(voting)}`);
    if (category && category !== seat.category)
      entry.changes.push(
        `statutory category: ${seat.category ? (categories[seat.category as Category] ?? seat.category) : 'none'} to ${categories[category]}`,
      );
    if (places && places !== placesOf(seat))
      entry.changes.push(`places: ${placesOf(seat)} to ${places} from ${on}`);
  }

  // organisations: known by name, or offered for creation
  const newOrganisations = new Map<string, { line: number; name: string; category: Category | null }>();
  const organisationOf = (row: ImportRow) => {
    if (!row.organisation) return null;
    const found = organisationList.find((candidate) => lower(candidate.name) === lower(row.organisation!));
    if (found) return { id: found.id, name: found.name };
    if (!newOrganisations.has(lower(row.organisation)))
      newOrganisations.set(lower(row.organisation), {
        line: row.line,
        name: row.organisation.trim(),
        category: row.category,
      });
    return { id: null, name: newOrganisations.get(lower(row.organisation))!.name };
  };

  for (const entry of plannedSeats.values()) {
    const named = entry.rows.find((row) => row.organisation);
    entry.organisation = named ? organisationOf(named) : null;
  }

  // people: by name or another name, the email agreeing; a young person unnamed by the seat they hold
  const taken = new Set<string>();
  const personOf = (row: ImportRow, seat: SeatRow | undefined, standingFor?: MembershipRow) => {
    const name = row.name!;
    if (lower(name) === lower(youngPersonText)) {
      // "A young person" is matched when exactly one young person can be meant (issue 15): for
      // a member, the young holder of the seat on the list's date (of the row's start, if it
      // gives one); for a substitute, the young standing substitute of the member then
      if (row.substituteFor) {
        const young = (standingFor ? substitutesOn(standingFor) : []).filter((sub) => sub.youngPerson);
        if (young.length !== 1) {
          problem(
            row.line,
            `Enter the young person’s name: ${young.length ? `${young.length} young people are` : 'no young person is'} standing substitute for “${row.substituteFor}” on ${on} to match “${name}”`,
          );
          return null;
        }
        return {
          id: young[0]!.id,
          name: youngPersonText,
          matchedAs: null,
          person: peopleList.find((p) => p.id === young[0]!.id),
        };
      }
      const holders = current.filter((m) => m.youngPerson && m.seatId === seat?.id && !taken.has(m.id));
      const dated = row.from ? holders.filter((m) => m.startsOn === row.from) : holders;
      const candidates = dated.length ? dated : holders;
      // several alike on every column the list gives cannot differ in what it changes
      const alike =
        !row.until &&
        candidates.every(
          (m) =>
            m.startsOn === candidates[0]!.startsOn &&
            m.endsOn === candidates[0]!.endsOn &&
            m.organisationId === candidates[0]!.organisationId,
        );
      const young = candidates.length === 1 || (candidates.length > 1 && alike) ? candidates[0] : undefined;
      if (!young) {
        problem(
          row.line,
          candidates.length
            ? `Enter the young person’s name: ${candidates.length} young people hold “${seat?.label ?? row.seat}” on ${on}, so “${name}” could be either`
            : `Enter the young person’s name: no young person holds “${seat?.label ?? row.seat}” on ${on} to match “${name}”`,
        );
        return null;
      }
      taken.add(young.id);
      return {
        id: young.personId,
        name: youngPersonText,
        matchedAs: null,
        person: peopleList.find((p) => p.id === young.personId),
      };
    }
    const emailAgrees = (candidate: PersonRow) =>
      !row.email || !candidate.email || lower(candidate.email) === lower(row.email);
    const byName = peopleList.filter(
      (candidate) => lower(candidate.name) === lower(name) && emailAgrees(candidate),
    );
    const byOtherName = peopleList.filter(
      (candidate) =>
        !byName.includes(candidate) &&
        (candidate.otherNames ?? []).some((other) => lower(other) === lower(name)) &&
        emailAgrees(candidate),
    );
    const found = byName.length ? byName : byOtherName;
    if (found.length > 1) {
      problem(
        row.line,
        `“${name}” could be ${found.map((p) => p.name).join(' or ')}: give the email address, or the full name`,
      );
      return null;
    }
    const person = found[0];
    if (!person) return { id: null, name: name.trim(), matchedAs: null, person: undefined };
    return { id: person.id, name: person.name, matchedAs: byName.length ? null : name.trim(), person };
  };

  const planned: PlannedRow[] = [];
  const memberRows = rows.filter((row) => row.name && !row.substituteFor);
  for (const row of memberRows) {
    const entry = [...plannedSeats.values()].find((candidate) => candidate.rows.includes(row));
    if (!entry) continue;
    const seat = entry.seat;
    const found = personOf(row, seat);
    if (!found) continue;
    const organisation = organisationOf(row);
    // a row of the list's date is compared with the membership then; a row of another period is
    // a record of that period, added as it is
    const ofTheDate = activeOn({ startsOn: row.from, endsOn: row.until }, on);
    const mine = found.id && ofTheDate ? current.filter((m) => m.personId === found.id) : [];
    const here = mine.find((m) => m.seatId === seat?.id);
    const listedSeats = memberRows
      .filter((other) => other !== row && other.name && lower(other.name) === lower(row.name!))
      .map((other) => seatOf(other)?.id);
    const elsewhere = here
      ? undefined
      : mine.find((m) => m.seatId !== seat?.id && !listedSeats.includes(m.seatId));
    const changes: string[] = [];
    if (found.person && row.jobTitle && row.jobTitle !== found.person.jobTitle)
      changes.push(`job title: ${found.person.jobTitle ?? 'none'} to ${row.jobTitle}`);
    const kept = here;
    if (kept) {
      const effective = kept.organisationId ?? seat?.organisationId ?? null;
      if (organisation && organisation.id !== effective)
        changes.push(
          `organisation: ${kept.organisationName ?? seat?.organisationName ?? 'none'} to ${organisation.name}`,
        );
      if (row.until && row.until !== kept.endsOn)
        changes.push(`until: ${kept.endsOn ?? 'no end'} to ${row.until}`);
      if (row.from && row.from !== kept.startsOn)
        problem(
          row.line,
          `${found.person?.youngPerson ? 'The young person' : found.name} holds “${entry.label}” from ${kept.startsOn ?? 'the start'}, not ${row.from}: correct the appointment on its seat’s page`,
        );
    }
    planned.push({
      line: row.line,
      outcome: kept ? 'stay' : elsewhere ? 'move' : 'join',
      seat: {
        id: seat?.id ?? null,
        label: entry.label,
        position: seat?.position ?? null,
        startsOn: seat ? seat.startsOn : givenOf(entry, 'seatFrom'),
        endsOn: seat ? seat.endsOn : givenOf(entry, 'seatUntil'),
      },
      person: { id: found.id, name: found.name, matchedAs: found.matchedAs },
      organisation,
      // a member joining a body that has members starts on the list's date unless the row says
      from: kept ? kept.startsOn : (row.from ?? (current.length ? on : null)),
      until: kept ? (row.until ?? kept.endsOn) : row.until,
      fromAs: kept ? kept.startsAs : (row.fromAs ?? row.from ?? (current.length ? on : null)),
      untilAs: kept ? (row.untilAs ?? row.until ?? kept.endsAs) : (row.untilAs ?? row.until),
      youngPerson: found.person ? found.person.youngPerson : row.youngPerson,
      changes,
      leaving: !kept && elsewhere ? { membershipId: elsewhere.id, seatLabel: elsewhere.seatLabel } : null,
      membershipId: kept?.id ?? null,
      substituteFor: null,
    });
  }
  // the same person twice on the list
  const seen = new Map<string, number>();
  for (const row of planned) {
    const key = row.person.id ?? `new ${lower(row.person.name)}`;
    if (
      seen.has(key) &&
      (row.outcome === 'move' || planned.find((p) => p.line === seen.get(key))!.outcome === 'move')
    )
      problem(
        row.line,
        `${row.person.name} is on row ${seen.get(key)} too: a member moving seat is on the list once`,
      );
    if (!seen.has(key)) seen.set(key, row.line);
  }
  // substitutes: the member they stand in for is on this list, in the same seat
  for (const row of rows.filter((candidate) => candidate.name && candidate.substituteFor)) {
    const entry = [...plannedSeats.values()].find((candidate) => candidate.rows.includes(row));
    if (!entry) continue;
    const member = planned.find(
      (candidate) =>
        candidate.seat.label === entry.label &&
        (lower(candidate.person.name) === lower(row.substituteFor!) ||
          (candidate.person.matchedAs && lower(candidate.person.matchedAs) === lower(row.substituteFor!))),
    );
    if (!member) {
      problem(
        row.line,
        `“${row.substituteFor}” is not a member in “${entry.label}” on this list: a substitute stands in for a member on the list`,
      );
      continue;
    }
    const found = personOf(
      { ...row, seat: entry.label },
      entry.seat,
      member.membershipId ? held.find((m) => m.id === member.membershipId) : undefined,
    );
    if (!found) continue;
    planned.push({
      line: row.line,
      outcome: 'substitute',
      seat: member.seat,
      person: { id: found.id, name: found.name, matchedAs: found.matchedAs },
      organisation: null,
      from: null,
      until: null,
      youngPerson: found.person ? found.person.youngPerson : row.youngPerson,
      changes: [],
      leaving: null,
      membershipId: null,
      substituteFor: `${member.line}`,
    });
  }
  // standing substitutes of members who stay: a change when the list names others
  for (const member of planned.filter((row) => row.outcome === 'stay')) {
    const kept = held.find((m) => m.id === member.membershipId)!;
    const listed = planned.filter(
      (row) => row.outcome === 'substitute' && row.substituteFor === `${member.line}`,
    );
    const standing = substitutesOn(kept);
    const before = standing.map((s) => s.id).sort();
    const after = listed.map((row) => row.person.id ?? `new ${row.person.name}`).sort();
    if (before.join() !== after.join())
      member.changes.push(
        `substitutes: ${standing.map((s) => (s.youngPerson ? youngPersonText : s.name)).join(', ') || 'none'} to ${listed.map((row) => row.person.name).join(', ') || 'none'}`,
      );
  }
  // members on the date whom the file does not name
  const named = new Set(
    planned.flatMap((row) => [row.membershipId, row.leaving?.membershipId]).filter(Boolean),
  );
  const notNamed = current
    .filter((m) => !named.has(m.id))
    .map((m) => ({
      membershipId: m.id,
      name: m.youngPerson ? youngPersonText : m.personName,
      seatLabel: m.seatLabel,
      startsOn: m.startsOn,
    }));
  const newPeople = new Set(planned.filter((row) => !row.person.id).map((row) => lower(row.person.name)))
    .size;
  const memberRowsPlanned = planned.filter((row) => row.outcome !== 'substitute');
  const plan: ImportPlan = {
    on,
    leaveOn: options.leaveOn,
    rows: planned.sort((a, b) => a.line - b.line),
    leavers: options.leaveOn ? notNamed : [],
    unlisted: options.leaveOn ? [] : notNamed,
    seats: [...plannedSeats.values()]
      .filter((entry) => !entry.id || entry.changes.length)
      .map(({ line, id, label, changes, organisation }) => ({ line, id, label, changes, organisation })),
    newOrganisations: [...newOrganisations.values()],
    problems,
    newSeats: [...plannedSeats.values()].filter((entry) => !entry.id).length,
    newPeople,
    joins: memberRowsPlanned.filter((row) => row.outcome === 'join').length,
    moves: memberRowsPlanned.filter((row) => row.outcome === 'move').length,
    stays: memberRowsPlanned.filter((row) => row.outcome === 'stay').length,
    unchanged: false,
  };
  plan.unchanged =
    !plan.joins &&
    !plan.moves &&
    !plan.leavers.length &&
    !plan.seats.length &&
    !plan.newOrganisations.length &&
    !planned.some((row) => row.changes.length);
  // remembered for applyList: the rows of each seat
  seatRowsOf.set(plan, plannedSeats);
  return plan;
}

const seatRowsOf = new WeakMap<
  ImportPlan,
  Map<string, PlannedSeat & { rows: ImportRow[]; seat: SeatRow | undefined }>
>();

/**
 * Makes every change the list asks for in `trx`, each refusal kept with its row; the caller
 * commits (the import, with no problems) or rolls back (the preview). Gives the plan with them.
 */
export async function applyList(
  trx: Trx,
  partnershipId: string,
  caller: Caller,
  bodyId: string,
  rows: ImportRow[],
  options: ListOptions,
  deps: ListDeps,
  fileName: string,
): Promise<ImportPlan> {
  const plan = await planList(trx, bodyId, rows, options);
  if (plan.problems.length) return plan;
  const seatEntries = seatRowsOf.get(plan)!;
  const problems = plan.problems;
  const attempt = async (
    where: { line: number; href?: string; where?: string },
    work: () => Promise<void>,
  ) => {
    try {
      await work();
    } catch (error) {
      if (!(error instanceof RuleViolation)) throw error;
      for (const p of error.problems) problems.push({ ...where, message: p.message });
    }
  };
  const { on } = options;

  // 1. new organisations, as chosen in the preview (the preview itself tries them as "other")
  const organisationIds = new Map<string, string>();
  for (const organisation of plan.newOrganisations) {
    const chosen = options.newOrganisations?.[lower(organisation.name)];
    const values = {
      name: organisation.name,
      sector: chosen?.sector ?? ('other' as const),
      category: chosen ? chosen.category : organisation.category,
      notes: null,
    };
    const id = await organisations.insert(trx, partnershipId, values);
    organisationIds.set(lower(organisation.name), id);
    await recordChange(trx, caller.actor, {
      partnershipId,
      action: 'create',
      entityType: 'organisation',
      entityId: id,
      summary: `Added organisation ${organisation.name} from a membership list`,
      after: values,
    });
  }
  const organisationIdOf = (row: PlannedRow) =>
    row.organisation ? (row.organisation.id ?? organisationIds.get(lower(row.organisation.name))) : undefined;

  // 2. leavers end on the day given; members moving seat end the day before their new seat
  for (const leaver of plan.leavers)
    await attempt(
      {
        line: 0,
        href: `#leave-${leaver.membershipId}`,
        where: `Leaving: ${leaver.name}, ${leaver.seatLabel}`,
      },
      async () => {
        if (leaver.startsOn && options.leaveOn! < leaver.startsOn)
          throw new RuleViolation([
            {
              path: 'leaveOn',
              message: `holds the seat from ${leaver.startsOn}, so cannot leave on ${options.leaveOn}`,
            },
          ]);
        await memberships.end(trx, leaver.membershipId, options.leaveOn!);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'membership',
          entityId: leaver.membershipId,
          summary: `Ended a membership of ${leaver.name} in “${leaver.seatLabel}” on ${options.leaveOn}: not on the list of ${on}`,
          after: { endsOn: options.leaveOn },
        });
      },
    );
  for (const row of plan.rows.filter((candidate) => candidate.outcome === 'move'))
    await attempt(row, async () => {
      const start = row.from ?? on;
      const old = (await memberships.list(trx, { personId: row.person.id! })).find(
        (m) => m.id === row.leaving!.membershipId,
      )!;
      if (old.startsOn && dayBefore(start) < old.startsOn)
        throw new RuleViolation([
          {
            path: 'from',
            message: `${row.person.name} holds “${old.seatLabel}” from ${old.startsOn}: the new seat cannot start before then`,
          },
        ]);
      await memberships.end(trx, old.id, dayBefore(start));
      await recordChange(trx, caller.actor, {
        partnershipId,
        action: 'update',
        entityType: 'membership',
        entityId: old.id,
        summary: `Ended a membership of ${row.youngPerson ? 'a young person' : row.person.name} in “${old.seatLabel}” on ${dayBefore(start)}: moved to “${row.seat.label}”`,
        after: { endsOn: dayBefore(start) },
      });
    });

  // 3. seats: new ones, and the role, voting, category and places the list gives
  const seatIds = new Map<string, string>();
  for (const entry of seatEntries.values()) {
    const given = <K extends 'seatRole' | 'category' | 'voting' | 'places' | 'seatFrom' | 'seatUntil'>(
      field: K,
    ) => entry.rows.find((row) => row[field] !== null)?.[field] ?? null;
    await attempt(entry, async () => {
      if (!entry.seat) {
        const dates = { startsOn: given('seatFrom'), endsOn: given('seatUntil') };
        await deps.assertNewSeat(trx, bodyId, dates);
        // the most holders the list gives the seat at once, not its rows over all time
        const held = entry.rows.filter((row) => row.name && !row.substituteFor);
        const holders = Math.max(
          0,
          ...held.map(
            (row) =>
              held.filter((other) =>
                activeOn({ startsOn: other.from, endsOn: other.until }, row.from ?? '0000-01-01'),
              ).length,
          ),
        );
        const seatOrganisation = entry.organisation;
        const values = {
          label: entry.label,
          role: given('seatRole') ?? 'member',
          voting: given('voting') ?? true,
          howFilled: 'appointed',
          // places come from the list: its column, or the holders it names (issue 15)
          capacity: given('places') ?? Math.max(1, holders),
          category: given('category'),
          organisationId: seatOrganisation
            ? (seatOrganisation.id ?? organisationIds.get(lower(seatOrganisation.name)) ?? null)
            : null,
          startsOn: dates.startsOn,
          endsOn: dates.endsOn,
        };
        const id = await seats.insert(trx, partnershipId, bodyId, values);
        seatIds.set(entry.label, id);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'create',
          entityType: 'seat',
          entityId: id,
          summary: `Added the seat “${entry.label}” from a membership list`,
          after: values,
        });
        return;
      }
      const seat = entry.seat;
      seatIds.set(entry.label, seat.id);
      if (!entry.changes.length) return;
      const terms = {
        role: given('seatRole') ?? seat.role,
        voting: given('voting') ?? seat.voting,
        category: given('category') ?? seat.category,
      };
      await listRepository.setSeatTerms(trx, seat.id, terms);
      const places = given('places');
      const history = await seats.places(trx, [seat.id]);
      if (places && places !== placesOn(history, on, seat.capacity)) {
        const later = history.find((row) => row.holdsFrom && row.holdsFrom > on);
        const over = deps.overfilled(
          await memberships.list(trx, { seatId: seat.id }),
          places,
          on,
          later?.holdsFrom ? dayBefore(later.holdsFrom) : null,
        );
        if (over)
          throw new RuleViolation([
            {
              path: 'places',
              message: `“${seat.label}” is held by ${over.names.join(' and ')} on ${over.on}: it cannot have ${places} ${places === 1 ? 'place' : 'places'} then`,
            },
          ]);
        await seats.putPlaces(trx, partnershipId, seat.id, on, places);
      }
      await recordChange(trx, caller.actor, {
        partnershipId,
        action: 'update',
        entityType: 'seat',
        entityId: seat.id,
        summary: `Changed the seat “${seat.label}” from a membership list: ${entry.changes.join('; ')}`,
        before: { role: seat.role, voting: seat.voting, category: seat.category },
        after: { ...terms, places },
      });
    });
  }

  // 4. people the list names for the first time, and job titles
  const personIds = new Map<string, string>();
  const personIdOf = async (row: PlannedRow) => {
    if (row.person.id) return row.person.id;
    const key = lower(row.person.name);
    if (!personIds.has(key)) {
      const source = rows.find((candidate) => candidate.line === row.line)!;
      const values = {
        name: row.person.name,
        jobTitle: source.jobTitle,
        email: source.email,
        phone: null,
        youngPerson: source.youngPerson,
        notes: null,
      };
      const id = await people.insert(trx, partnershipId, values);
      personIds.set(key, id);
      await recordChange(trx, caller.actor, {
        partnershipId,
        action: 'create',
        entityType: 'person',
        entityId: id,
        summary: `Added ${values.youngPerson ? 'a young person' : values.name} from a membership list`,
        after: values.youngPerson ? { youngPerson: true } : values,
      });
    }
    return personIds.get(key)!;
  };
  for (const row of plan.rows.filter(
    (candidate) => candidate.person.id && candidate.changes.some((c) => c.startsWith('job title')),
  ))
    await attempt(row, async () => {
      const title = rows.find((candidate) => candidate.line === row.line)!.jobTitle;
      await listRepository.setJobTitle(trx, row.person.id!, title);
      await recordChange(trx, caller.actor, {
        partnershipId,
        action: 'update',
        entityType: 'person',
        entityId: row.person.id!,
        summary: `Changed the job title of ${row.youngPerson ? 'a young person' : row.person.name} from a membership list`,
        after: row.youngPerson ? undefined : { jobTitle: title },
      });
    });

  // 5. memberships: joins and moves appointed by the service's own checks; stays changed
  const membershipOf = new Map<number, string>();
  for (const row of plan.rows.filter(
    (candidate) => candidate.outcome === 'join' || candidate.outcome === 'move',
  ))
    await attempt(row, async () => {
      const seatId = row.seat.id ?? seatIds.get(row.seat.label);
      if (!seatId) return; // the seat itself was refused, on its own row
      const date = row.from ?? row.seat.startsOn;
      if (date) await deps.assertOpen(trx, bodyId, date);
      const outside = deps.seatPeriodProblem(
        { label: row.seat.label, startsOn: row.seat.startsOn, endsOn: row.seat.endsOn },
        { startsOn: row.from, endsOn: row.until },
      );
      if (outside) throw new RuleViolation([{ path: 'from', message: outside.message }]);
      const id = await deps.appointWithin(trx, partnershipId, caller, {
        seatId,
        personId: await personIdOf(row),
        organisationId: organisationIdOf(row),
        startsOn: row.fromAs ?? row.from ?? undefined,
        endsOn: row.untilAs ?? row.until ?? undefined,
      });
      membershipOf.set(row.line, id);
    });
  for (const row of plan.rows.filter((candidate) => candidate.outcome === 'stay')) {
    membershipOf.set(row.line, row.membershipId!);
    if (!row.changes.length) continue;
    await attempt(row, async () => {
      if (row.changes.some((c) => c.startsWith('organisation:')))
        await listRepository.setMembershipOrganisation(trx, row.membershipId!, organisationIdOf(row) ?? null);
      if (row.changes.some((c) => c.startsWith('until:'))) {
        const outside = deps.seatPeriodProblem(
          { label: row.seat.label, startsOn: row.seat.startsOn, endsOn: row.seat.endsOn },
          { startsOn: row.from, endsOn: row.until },
        );
        if (outside) throw new RuleViolation([{ path: 'until', message: outside.message }]);
        await memberships.end(trx, row.membershipId!, row.until!, precisionOf(row.untilAs));
      }
      await recordChange(trx, caller.actor, {
        partnershipId,
        action: 'update',
        entityType: 'membership',
        entityId: row.membershipId!,
        summary: `Changed a membership of ${row.youngPerson ? 'a young person' : row.person.name} from a membership list: ${row.changes.join('; ')}`,
      });
    });
  }

  // 6. standing substitutes, for the members the list gives them
  const substitutesOf = Map.groupBy(
    plan.rows.filter((row) => row.outcome === 'substitute'),
    (row) => Number(row.substituteFor),
  );
  for (const member of plan.rows.filter((row) => row.outcome !== 'substitute')) {
    const listed = substitutesOf.get(member.line) ?? [];
    const membershipId = membershipOf.get(member.line);
    if (!membershipId) continue;
    if (member.outcome === 'stay' && !member.changes.some((c) => c.startsWith('substitutes:'))) continue;
    if (!listed.length && member.outcome !== 'stay') continue;
    for (const substitute of listed)
      await attempt(substitute, async () => {
        if (substitute.person.id && substitute.person.id === member.person.id)
          throw new RuleViolation([{ path: 'holder', message: 'A substitute must be another person' }]);
      });
    const ids = [...new Set(await Promise.all(listed.map((row) => personIdOf(row))))];
    // a member who joins has them from their start; one who stays, from the list's date
    const from =
      member.outcome === 'stay'
        ? { date: on, precision: 'day' }
        : member.fromAs
          ? { date: member.from, precision: precisionOf(member.fromAs) }
          : { date: member.from, precision: 'day' };
    await listRepository.setSubstitutes(trx, partnershipId, membershipId, ids, on, from);
    await recordChange(trx, caller.actor, {
      partnershipId,
      action: 'update',
      entityType: 'membership',
      entityId: membershipId,
      summary: `Standing substitutes from a membership list: ${listed.map((row) => (row.youngPerson ? 'a young person' : row.person.name)).join(', ') || 'none'}`,
    });
  }

  problems.sort((a, b) => a.line - b.line);
  // a list that matches the record changes nothing, and so leaves nothing in the audit trail
  if (!problems.length && !plan.unchanged)
    await recordChange(trx, caller.actor, {
      partnershipId,
      action: 'import',
      entityType: 'membership',
      entityId: bodyId,
      summary: `Imported the membership list of ${on} from ${fileName}: ${plan.joins} joining, ${plan.moves} changing seat, ${plan.leavers.length} leaving, ${plan.stays} staying (${plan.newSeats} new seats, ${plan.newPeople} new people, ${plan.newOrganisations.length} new organisations)`,
    });
  return plan;
}
