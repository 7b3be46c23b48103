import { sql } from 'kysely';
import type { Trx } from '../../schema.ts';
import { versionColumn } from '../../platform/db/row-version.ts';
import { partialOf, today } from '../../platform/http/date-input.ts';
import { nonMemberSeatRoles, type SeatRule } from './membership.vocabulary.ts';
import { addressesSeeingExempt } from '../accounts/index.ts';

export interface OrganisationRow {
  id: string;
  name: string;
  sector: string;
  category: string | null;
  notes: string | null;
  /** Its last day, once it has ended. */
  endsOn: string | null;
  /** The organisation that succeeded it (same partnership). */
  successorId: string | null;
  /** The row's version, which an edit form carries (ADR 0044). */
  version?: string;
}

/** What an organisation is added or changed with; no end date or successor unless given. */
export type OrganisationValues = Omit<OrganisationRow, 'id' | 'endsOn' | 'successorId' | 'version'> & {
  endsOn?: string | null | undefined;
  successorId?: string | null | undefined;
};

/** A seat or membership held on behalf of an organisation, starting on a date. */
export interface Holding {
  kind: 'seat' | 'membership';
  label: string;
  bodyName: string;
  startsOn: string;
}

export interface PersonRow {
  id: string;
  name: string;
  jobTitle: string | null;
  email: string | null;
  phone: string | null;
  youngPerson: boolean;
  notes: string | null;
  /** Other names the person goes by ("Andy", "R. Smith"), matched by the import (0061). */
  otherNames?: string[] | undefined;
  /** The row's version, which an edit form carries (ADR 0044). */
  version?: string;
}

export interface SeatRow {
  id: string;
  bodyId: string;
  position: number;
  label: string;
  role: string;
  voting: boolean;
  howFilled: string;
  filledBy: string | null;
  organisationId: string | null;
  organisationName: string | null;
  /** The last day of the seat's organisation, and who succeeded it (to offer on the seats page). */
  organisationEndsOn: string | null;
  successorId: string | null;
  successorName: string | null;
  /** The seat's own category, or its organisation's. */
  category: string | null;
  capacity: number;
  /** Whether the holder is independent of the partners; null: not recorded. */
  independent: boolean | null;
  rule: SeatRule | null;
  notes: string | null;
  /** The days the seat exists between (null: open-ended). */
  startsOn: string | null;
  endsOn: string | null;
  /** Held ex officio by this office (membership vocabulary), of this body where it names one. */
  office: string | null;
  officeBodyId: string | null;
  officeBodyName: string | null;
  /** Recommended rather than constituted; awaiting a nomination; candidates named (ADR 0037). */
  recommended: boolean;
  nominationBy: string | null;
  nominationDue: string | null;
  candidates: string | null;
  /** The row's version, which an edit form carries (ADR 0044). */
  version?: string;
}

/** A standing substitute's dates as stored: the first and last day each can mean (ADR 0045). */
export interface SubstituteDates {
  startsOn: string | null;
  endsOn: string | null;
  startsPrecision?: string | undefined;
  endsPrecision?: string | undefined;
}

/** One period of a standing substitute (issue 15: ending one sets its end, the row stays). */
export interface SubstitutePeriod {
  /** The period's own id. */
  substitutionId: string;
  /** The person's id. */
  id: string;
  name: string;
  youngPerson: boolean;
  startsOn: string | null;
  endsOn: string | null;
  /** As the source gives them: '2010', '2010-04' or '2010-04-20' (for `| date`). */
  startsAs: string | null;
  endsAs: string | null;
  startsPrecision: string;
  endsPrecision: string;
}

/** Whether a standing substitute's period covers a day. */
export const substituteOn = (sub: { startsOn: string | null; endsOn: string | null }, date: string) =>
  (!sub.startsOn || sub.startsOn <= date) && (!sub.endsOn || sub.endsOn >= date);

export interface MembershipRow {
  id: string;
  seatId: string;
  seatLabel: string;
  bodyId: string;
  bodyName: string;
  bodySlug: string;
  personId: string;
  personName: string;
  youngPerson: boolean;
  organisationId: string | null;
  organisationName: string | null;
  startsOn: string | null;
  endsOn: string | null;
  /** How much of the start and end the source gives: 'day', 'month' or 'year'. */
  startsPrecision: string;
  endsPrecision: string;
  /** The start and end as the source gives them: '2010', '2010-04' or '2010-04-20' (for `| date`). */
  startsAs: string | null;
  endsAs: string | null;
  notes: string | null;
  /**
   * The standing substitutes: on the date asked about, or, with none asked about, those not
   * ended (issue 15: a standing substitute has dates of its own, migration 0063).
   */
  substitutes: { id: string; name: string }[];
  /** Every standing substitute's period, earliest first (ending one sets its end). */
  substitutePeriods: SubstitutePeriod[];
  /** The other organisations of a joint post (the first is `organisationId`). */
  jointOrganisations: { id: string; name: string; category: string | null }[];
  /** Its titles and roles over time, earliest first (each until the next). */
  terms: MembershipTerm[];
  /** With a date asked about: the title and role changed to by then. */
  titleOn?: string | null;
  roleOn?: string | null;
  /** The row's version, which an edit form carries (ADR 0044). */
  version?: string;
}

/** A membership's title or role from a date (until the next). */
export interface MembershipTerm {
  id: string;
  membershipId: string;
  holdsFrom: string;
  title: string | null;
  role: string | null;
}

/** The title and role changed to by a date (the latest of each by then; null: none recorded). */
export function termOn(
  terms: MembershipTerm[],
  date: string,
): { titleOn: string | null; roleOn: string | null } {
  const by = terms.filter((term) => term.holdsFrom <= date);
  return {
    titleOn: by.findLast((term) => term.title)?.title ?? null,
    roleOn: by.findLast((term) => term.role)?.role ?? null,
  };
}

/** A meeting whose register counts a membership. */
export interface CountedAt {
  membershipId: string;
  meetingId: string;
  title: string;
  startsAt: Date;
}

export interface SeatValues {
  label: string;
  role: string;
  voting: boolean;
  howFilled: string;
  filledBy?: string | null | undefined;
  organisationId?: string | null | undefined;
  category?: string | null | undefined;
  capacity: number;
  independent?: boolean | null | undefined;
  rule?: SeatRule | null | undefined;
  notes?: string | null | undefined;
  startsOn?: string | null | undefined;
  endsOn?: string | null | undefined;
  office?: string | null | undefined;
  officeBodyId?: string | null | undefined;
  recommended?: boolean | undefined;
  nominationBy?: string | null | undefined;
  nominationDue?: string | null | undefined;
  candidates?: string | null | undefined;
  /** From when a change of places holds ('2010', '2010-04' or a day; ADR 0040)… */
  placesFrom?: string | undefined;
  /** …or the change corrects the latest places (their date kept). */
  placesCorrection?: boolean | undefined;
}

/** A seat's places from a date (null: from the start). */
export interface PlacesRow {
  id: string;
  seatId: string;
  holdsFrom: string | null;
  places: number;
}

const activeOn = (date: string) =>
  sql<boolean>`(m.starts_on is null or m.starts_on <= ${date}) and (m.ends_on is null or m.ends_on >= ${date})`;

const organisationColumns = [
  'id',
  'name',
  'sector',
  'category',
  'notes',
  'ends_on as endsOn',
  'successor_id as successorId',
  versionColumn(),
] as const;

export const organisationsRepository = {
  list: (trx: Trx): Promise<OrganisationRow[]> =>
    trx.selectFrom('organisations').select(organisationColumns).orderBy('name').execute(),
  byId: (trx: Trx, id: string): Promise<OrganisationRow | undefined> =>
    trx.selectFrom('organisations').select(organisationColumns).where('id', '=', id).executeTakeFirst(),
  byName: (trx: Trx, name: string): Promise<OrganisationRow | undefined> =>
    trx
      .selectFrom('organisations')
      .select(organisationColumns)
      .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
      .executeTakeFirst(),
  /** The organisations it succeeded (whose successor it is). */
  predecessors: (trx: Trx, id: string): Promise<OrganisationRow[]> =>
    trx
      .selectFrom('organisations')
      .select(organisationColumns)
      .where('successor_id', '=', id)
      .orderBy('name')
      .execute(),
  /**
   * Seats held on behalf of the organisation (seats.organisation_id) and memberships held on
   * its behalf (memberships.organisation_id) that start after a date, earliest first.
   */
  async heldAfter(trx: Trx, id: string, date: string): Promise<Holding[]> {
    const [seatRows, membershipRows] = await Promise.all([
      trx
        .selectFrom('seats as s')
        .innerJoin('bodies as b', 'b.id', 's.body_id')
        .select(['s.label', 'b.name as bodyName', 's.starts_on as startsOn'])
        .where('s.organisation_id', '=', id)
        .where('s.starts_on', '>', date)
        .execute(),
      trx
        .selectFrom('memberships as m')
        .innerJoin('seats as s', 's.id', 'm.seat_id')
        .innerJoin('bodies as b', 'b.id', 's.body_id')
        .select(['s.label', 'b.name as bodyName', 'm.starts_on as startsOn'])
        .where('m.organisation_id', '=', id)
        .where('m.starts_on', '>', date)
        .execute(),
    ]);
    return [
      ...seatRows.map((row) => ({ kind: 'seat' as const, ...row, startsOn: row.startsOn! })),
      ...membershipRows.map((row) => ({ kind: 'membership' as const, ...row, startsOn: row.startsOn! })),
    ].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  },
  async insert(trx: Trx, partnershipId: string, values: OrganisationValues): Promise<string> {
    const row = await trx
      .insertInto('organisations')
      .values({
        partnership_id: partnershipId,
        name: values.name,
        sector: values.sector,
        category: values.category,
        notes: values.notes,
        ends_on: values.endsOn ?? null,
        successor_id: values.successorId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },
  async update(trx: Trx, id: string, values: Omit<OrganisationRow, 'id'>): Promise<void> {
    await trx
      .updateTable('organisations')
      .set({
        name: values.name,
        sector: values.sector,
        category: values.category,
        notes: values.notes,
        ends_on: values.endsOn,
        successor_id: values.successorId,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
  },
};

const personColumns = [
  'id',
  'name',
  'job_title as jobTitle',
  'email',
  'phone',
  'young_person as youngPerson',
  'notes',
  'other_names as otherNames',
  versionColumn(),
] as const;

export const peopleRepository = {
  list: (trx: Trx): Promise<PersonRow[]> =>
    trx.selectFrom('people').select(personColumns).orderBy('name').execute(),
  byId: (trx: Trx, id: string): Promise<PersonRow | undefined> =>
    trx.selectFrom('people').select(personColumns).where('id', '=', id).executeTakeFirst(),
  byName: (trx: Trx, name: string): Promise<PersonRow | undefined> =>
    trx
      .selectFrom('people')
      .select(personColumns)
      .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
      .executeTakeFirst(),
  async insert(trx: Trx, partnershipId: string, values: Omit<PersonRow, 'id'>): Promise<string> {
    const row = await trx
      .insertInto('people')
      .values({
        partnership_id: partnershipId,
        name: values.name,
        job_title: values.jobTitle,
        email: values.email,
        phone: values.phone,
        young_person: values.youngPerson,
        notes: values.notes,
        other_names: values.otherNames ?? [],
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },
  async update(trx: Trx, id: string, values: Omit<PersonRow, 'id'>): Promise<void> {
    await trx
      .updateTable('people')
      .set({
        name: values.name,
        job_title: values.jobTitle,
        email: values.email,
        phone: values.phone,
        young_person: values.youngPerson,
        notes: values.notes,
        ...(values.otherNames ? { other_names: values.otherNames } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
  },
};

/** Seats with their organisation, its successor and the body whose office holds them, in seat order. */
const seatsJoined = (trx: Trx) =>
  trx
    .selectFrom('seats as s')
    .leftJoin('organisations as o', 'o.id', 's.organisation_id')
    .leftJoin('bodies as ob', 'ob.id', 's.office_body_id')
    .leftJoin('organisations as successor', 'successor.id', 'o.successor_id')
    .orderBy('s.body_id')
    .orderBy('s.position');

function seatQuery(trx: Trx) {
  return seatsJoined(trx).select([
    's.id',
    's.body_id as bodyId',
    's.position',
    's.label',
    's.role',
    's.voting',
    's.how_filled as howFilled',
    's.filled_by as filledBy',
    's.organisation_id as organisationId',
    'o.name as organisationName',
    'o.ends_on as organisationEndsOn',
    'successor.id as successorId',
    'successor.name as successorName',
    (eb) => eb.fn.coalesce('s.category', 'o.category').as('category'),
    's.capacity',
    's.independent',
    's.rule',
    's.notes',
    's.starts_on as startsOn',
    's.ends_on as endsOn',
    's.office',
    's.office_body_id as officeBodyId',
    'ob.name as officeBodyName',
    's.recommended',
    's.nomination_by as nominationBy',
    's.nomination_due as nominationDue',
    's.candidates',
    versionColumn('s'),
  ]);
}

const seatColumns = (values: SeatValues) => ({
  label: values.label,
  role: values.role,
  voting: values.voting,
  how_filled: values.howFilled,
  filled_by: values.filledBy ?? null,
  organisation_id: values.organisationId ?? null,
  category: values.category ?? null,
  capacity: values.capacity,
  independent: values.independent ?? null,
  rule: values.rule ? JSON.stringify(values.rule) : null,
  notes: values.notes ?? null,
  starts_on: values.startsOn ?? null,
  ends_on: values.endsOn ?? null,
  office: values.office ?? null,
  office_body_id: values.office && values.officeBodyId ? values.officeBodyId : null,
  recommended: values.recommended ?? false,
  nomination_by: values.nominationBy ?? null,
  nomination_due: values.nominationDue ?? null,
  candidates: values.candidates ?? null,
});

/** Seats that exist on the date (no dates: always, within their body's life). */
export const seatExistsOn = (seat: { startsOn: string | null; endsOn: string | null }, date: string) =>
  (!seat.startsOn || seat.startsOn <= date) && (!seat.endsOn || seat.endsOn >= date);

export const seatsRepository = {
  /** Seats of one body, or of every body, in order. */
  list: (trx: Trx, bodyId?: string): Promise<SeatRow[]> => {
    const query = seatQuery(trx);
    return (bodyId ? query.where('s.body_id', '=', bodyId) : query).execute() as Promise<SeatRow[]>;
  },
  byId: (trx: Trx, id: string): Promise<SeatRow | undefined> =>
    seatQuery(trx).where('s.id', '=', id).executeTakeFirst() as Promise<SeatRow | undefined>,

  /** Adds a seat at the end of the body's list. */
  async insert(trx: Trx, partnershipId: string, bodyId: string, values: SeatValues): Promise<string> {
    const last = await trx
      .selectFrom('seats')
      .select((eb) => eb.fn.coalesce(eb.fn.max('position'), eb.lit(0)).as('position'))
      .where('body_id', '=', bodyId)
      .executeTakeFirstOrThrow();
    const row = await trx
      .insertInto('seats')
      .values({
        partnership_id: partnershipId,
        body_id: bodyId,
        position: Number(last.position) + 1,
        ...seatColumns(values),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('seat_places')
      .values({ partnership_id: partnershipId, seat_id: row.id, holds_from: null, places: values.capacity })
      .execute();
    return row.id;
  },
  async update(trx: Trx, id: string, values: SeatValues): Promise<void> {
    await trx
      .updateTable('seats')
      .set({ ...seatColumns(values), updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  },

  /** The places of these seats (every seat when none are named) over time, oldest first. */
  async places(trx: Trx, seatIds?: string[]): Promise<PlacesRow[]> {
    if (seatIds && !seatIds.length) return [];
    let query = trx
      .selectFrom('seat_places')
      .select(['id', 'seat_id as seatId', 'holds_from as holdsFrom', 'places'])
      .orderBy('holds_from', (ob) => ob.asc().nullsFirst());
    if (seatIds) query = query.where('seat_id', 'in', seatIds);
    return query.execute();
  },

  /** A seat's places from a date (null: from the start), replacing a row of the same date. */
  async putPlaces(trx: Trx, partnershipId: string, seatId: string, holdsFrom: string | null, places: number) {
    let old = trx.deleteFrom('seat_places').where('seat_id', '=', seatId);
    old = holdsFrom === null ? old.where('holds_from', 'is', null) : old.where('holds_from', '=', holdsFrom);
    await old.execute();
    await trx
      .insertInto('seat_places')
      .values({ partnership_id: partnershipId, seat_id: seatId, holds_from: holdsFrom, places })
      .execute();
  },
  /**
   * Moves a seat to a new place in its body's list (1 = first), shifting the others; without a
   * seat, numbers the body's seats 1, 2, 3… again (after one is removed).
   */
  async move(trx: Trx, id: string | null, bodyId: string, to = 0): Promise<void> {
    const ids = (
      await trx.selectFrom('seats').select('id').where('body_id', '=', bodyId).orderBy('position').execute()
    )
      .map((row) => row.id)
      .filter((other) => other !== id);
    if (id) ids.splice(Math.max(0, Math.min(ids.length, to - 1)), 0, id);
    for (const [index, seatId] of ids.entries())
      await trx
        .updateTable('seats')
        .set({ position: index + 1 })
        .where('id', '=', seatId)
        .execute();
  },
  async delete(trx: Trx, id: string): Promise<void> {
    await trx.deleteFrom('seats').where('id', '=', id).execute();
  },
};

export const membershipsRepository = {
  /** Memberships, with person and substitutes: of one seat, one body, or all; on a date or at any time. */
  async list(
    trx: Trx,
    filter: { id?: string; seatId?: string; bodyId?: string; personId?: string; on?: string },
  ): Promise<MembershipRow[]> {
    let query = trx
      .selectFrom('memberships as m')
      .innerJoin('seats as s', 's.id', 'm.seat_id')
      .innerJoin('bodies as b', 'b.id', 's.body_id')
      .innerJoin('people as p', 'p.id', 'm.person_id')
      // on whose behalf: the membership's organisation, else the seat's (two plain joins: a
      // join on coalesce(…) cannot use the organisations' key)
      .leftJoin('organisations as mo', 'mo.id', 'm.organisation_id')
      .leftJoin('organisations as so', 'so.id', 's.organisation_id')
      .select([
        'm.id',
        'm.seat_id as seatId',
        's.label as seatLabel',
        's.body_id as bodyId',
        'b.name as bodyName',
        'b.slug as bodySlug',
        'm.person_id as personId',
        'p.name as personName',
        'p.young_person as youngPerson',
        (eb) => eb.fn.coalesce('mo.id', 'so.id').as('organisationId'),
        (eb) => eb.fn.coalesce('mo.name', 'so.name').as('organisationName'),
        'm.starts_on as startsOn',
        'm.ends_on as endsOn',
        'm.starts_precision as startsPrecision',
        'm.ends_precision as endsPrecision',
        'm.notes',
        versionColumn('m'),
      ])
      .orderBy('s.position')
      .orderBy('m.starts_on');
    if (filter.id) query = query.where('m.id', '=', filter.id);
    if (filter.seatId) query = query.where('m.seat_id', '=', filter.seatId);
    if (filter.bodyId) query = query.where('s.body_id', '=', filter.bodyId);
    if (filter.personId) query = query.where('m.person_id', '=', filter.personId);
    if (filter.on) query = query.where(activeOn(filter.on));
    const rows = await query.execute();
    if (!rows.length) return [];
    const substitutes = await trx
      .selectFrom('membership_substitutes as ms')
      .innerJoin('people as p', 'p.id', 'ms.person_id')
      .select([
        'ms.membership_id as membershipId',
        'ms.id as substitutionId',
        'p.id',
        'p.name',
        'p.young_person as youngPerson',
        'ms.starts_on as startsOn',
        'ms.ends_on as endsOn',
        'ms.starts_precision as startsPrecision',
        'ms.ends_precision as endsPrecision',
      ])
      // one array parameter, not one parameter a membership (hundreds on a big page)
      .where(sql<boolean>`ms.membership_id = any(${rows.map((row) => row.id)}::uuid[])`)
      .orderBy(sql`ms.starts_on nulls first`)
      .orderBy('p.name')
      .execute();
    const standingNow = (sub: { endsOn: string | null }) => !sub.endsOn || sub.endsOn >= today();
    const byMembership = Map.groupBy(substitutes, (sub) => sub.membershipId);
    const ids = rows.map((row) => row.id);
    const [joint, terms] = await Promise.all([
      trx
        .selectFrom('membership_organisations as mo')
        .innerJoin('organisations as o', 'o.id', 'mo.organisation_id')
        .select(['mo.membership_id as membershipId', 'o.id', 'o.name', 'o.category'])
        .where(sql<boolean>`mo.membership_id = any(${ids}::uuid[])`)
        .orderBy('o.name')
        .execute(),
      membershipsRepository.terms(trx, ids),
    ]);
    const jointOf = Map.groupBy(joint, (row) => row.membershipId);
    const termsOf = Map.groupBy(terms, (row) => row.membershipId);
    return rows.map((row) => ({
      ...row,
      substitutes: (byMembership.get(row.id) ?? [])
        .filter((sub) => (filter.on ? substituteOn(sub, filter.on) : standingNow(sub)))
        .map(({ id, name }) => ({ id, name })),
      substitutePeriods: (byMembership.get(row.id) ?? []).map((sub) => ({
        substitutionId: sub.substitutionId,
        id: sub.id,
        name: sub.name,
        youngPerson: sub.youngPerson,
        startsOn: sub.startsOn,
        endsOn: sub.endsOn,
        startsAs: sub.startsOn && partialOf(sub.startsOn, sub.startsPrecision),
        endsAs: sub.endsOn && partialOf(sub.endsOn, sub.endsPrecision),
        startsPrecision: sub.startsPrecision,
        endsPrecision: sub.endsPrecision,
      })),
      jointOrganisations: (jointOf.get(row.id) ?? []).map(({ id, name, category }) => ({
        id,
        name,
        category,
      })),
      terms: termsOf.get(row.id) ?? [],
      startsAs: row.startsOn && partialOf(row.startsOn, row.startsPrecision),
      endsAs: row.endsOn && partialOf(row.endsOn, row.endsPrecision),
      // the title and role recorded for the date asked about (the latest change by then)
      ...(filter.on ? termOn(termsOf.get(row.id) ?? [], filter.on) : {}),
    }));
  },

  /** Titles and roles over time of these memberships, earliest first. */
  async terms(trx: Trx, membershipIds: string[]): Promise<MembershipTerm[]> {
    if (!membershipIds.length) return [];
    return trx
      .selectFrom('membership_terms')
      .select(['id', 'membership_id as membershipId', 'holds_from as holdsFrom', 'title', 'role'])
      .where(sql<boolean>`membership_id = any(${membershipIds}::uuid[])`)
      .orderBy('holds_from')
      .execute();
  },

  /** A title or role from a date, replacing one of the same date. */
  async putTerm(
    trx: Trx,
    partnershipId: string,
    values: { membershipId: string; holdsFrom: string; title: string | null; role: string | null },
  ): Promise<string> {
    await trx
      .deleteFrom('membership_terms')
      .where('membership_id', '=', values.membershipId)
      .where('holds_from', '=', values.holdsFrom)
      .execute();
    const row = await trx
      .insertInto('membership_terms')
      .values({
        partnership_id: partnershipId,
        membership_id: values.membershipId,
        holds_from: values.holdsFrom,
        title: values.title,
        role: values.role,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async deleteTerm(trx: Trx, membershipId: string, termId: string): Promise<number> {
    const result = await trx
      .deleteFrom('membership_terms')
      .where('id', '=', termId)
      .where('membership_id', '=', membershipId)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },

  /** A membership's dates (with their precision), notes and organisations, as corrected. */
  async update(
    trx: Trx,
    partnershipId: string,
    id: string,
    values: {
      organisationId: string | null;
      jointOrganisationIds: string[];
      startsOn: string | null;
      startsPrecision: string;
      endsOn: string | null;
      endsPrecision: string;
      notes: string | null;
    },
  ): Promise<void> {
    await trx
      .updateTable('memberships')
      .set({
        organisation_id: values.organisationId,
        starts_on: values.startsOn,
        starts_precision: values.startsPrecision,
        ends_on: values.endsOn,
        ends_precision: values.endsPrecision,
        notes: values.notes,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await membershipsRepository.setJointOrganisations(trx, partnershipId, id, values.jointOrganisationIds);
  },

  async setJointOrganisations(trx: Trx, partnershipId: string, id: string, organisationIds: string[]) {
    await trx.deleteFrom('membership_organisations').where('membership_id', '=', id).execute();
    if (organisationIds.length)
      await trx
        .insertInto('membership_organisations')
        .values(
          organisationIds.map((organisationId) => ({
            partnership_id: partnershipId,
            membership_id: id,
            organisation_id: organisationId,
          })),
        )
        .execute();
  },

  /** A standing substitute from a date until a date (each null: not known, or open). */
  async addSubstitute(
    trx: Trx,
    partnershipId: string,
    id: string,
    personId: string,
    period: SubstituteDates = { startsOn: null, endsOn: null },
  ): Promise<void> {
    await trx
      .insertInto('membership_substitutes')
      .values({
        partnership_id: partnershipId,
        membership_id: id,
        person_id: personId,
        starts_on: period.startsOn,
        ends_on: period.endsOn,
        starts_precision: period.startsPrecision ?? 'day',
        ends_precision: period.endsPrecision ?? 'day',
      })
      .execute();
  },

  /** Ends a standing substitute's period: its end date set, the row kept (past registers read it). */
  async endSubstitute(
    trx: Trx,
    substitutionId: string,
    endsOn: string,
    endsPrecision: string = 'day',
  ): Promise<void> {
    await trx
      .updateTable('membership_substitutes')
      .set({ ends_on: endsOn, ends_precision: endsPrecision })
      .where('id', '=', substitutionId)
      .execute();
  },

  /** Removes a standing substitute's period that never held (it would end before it starts). */
  async deleteSubstitute(trx: Trx, substitutionId: string): Promise<void> {
    await trx.deleteFrom('membership_substitutes').where('id', '=', substitutionId).execute();
  },

  /**
   * The meetings whose register counts these memberships: meetings of the seat's body, on a day
   * the membership covers, whose register names its holder as a member (present, apologies,
   * absent or chairing), and any meeting where someone substituted for it.
   */
  async countedAt(trx: Trx, membershipIds: string[]): Promise<CountedAt[]> {
    if (!membershipIds.length) return [];
    const { rows } = await sql<CountedAt>`
      select distinct m.id as "membershipId", mt.id as "meetingId", mt.title, mt.starts_at as "startsAt"
        from memberships m
        join seats s on s.id = m.seat_id
        join meeting_bodies mb on mb.body_id = s.body_id
        join meetings mt on mt.id = mb.meeting_id
        join attendance a on a.meeting_id = mt.id
       where m.id = any(${membershipIds}::uuid[])
         and ((a.person_id = m.person_id and a.status in ('present', 'apologies', 'absent')
               and (m.starts_on is null or m.starts_on <= (mt.starts_at at time zone 'Europe/London')::date)
               and (m.ends_on is null or m.ends_on >= (mt.starts_at at time zone 'Europe/London')::date))
              or a.for_membership_id = m.id)
       order by mt.starts_at`.execute(trx);
    return rows;
  },

  async delete(trx: Trx, id: string): Promise<void> {
    await trx.deleteFrom('memberships').where('id', '=', id).execute();
  },

  async insert(
    trx: Trx,
    partnershipId: string,
    values: {
      seatId: string;
      personId: string;
      organisationId: string | null;
      startsOn: string | null;
      endsOn: string | null;
      notes: string | null;
      substituteIds: string[];
      startsPrecision?: string | undefined;
      endsPrecision?: string | undefined;
      jointOrganisationIds?: string[] | undefined;
    },
  ): Promise<string> {
    const row = await trx
      .insertInto('memberships')
      .values({
        partnership_id: partnershipId,
        seat_id: values.seatId,
        person_id: values.personId,
        organisation_id: values.organisationId,
        starts_on: values.startsOn,
        ends_on: values.endsOn,
        starts_precision: values.startsPrecision ?? 'day',
        ends_precision: values.endsPrecision ?? 'day',
        notes: values.notes,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (values.substituteIds.length) {
      // named with the appointment: standing substitutes from its start, open-ended
      await trx
        .insertInto('membership_substitutes')
        .values(
          values.substituteIds.map((personId) => ({
            partnership_id: partnershipId,
            membership_id: row.id,
            person_id: personId,
            starts_on: values.startsOn,
            starts_precision: values.startsPrecision ?? 'day',
          })),
        )
        .execute();
    }
    if (values.jointOrganisationIds?.length)
      await membershipsRepository.setJointOrganisations(
        trx,
        partnershipId,
        row.id,
        values.jointOrganisationIds,
      );
    return row.id;
  },

  async end(trx: Trx, id: string, endsOn: string, endsPrecision: string = 'day'): Promise<void> {
    await trx
      .updateTable('memberships')
      .set({ ends_on: endsOn, ends_precision: endsPrecision, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  },
};

export interface InterestRow {
  id: string;
  personId: string;
  description: string;
  declaredOn: string;
  endsOn: string | null;
}

export const interestsRepository = {
  list: (trx: Trx, personId?: string): Promise<InterestRow[]> => {
    const query = trx
      .selectFrom('interests')
      .select([
        'id',
        'person_id as personId',
        'description',
        'declared_on as declaredOn',
        'ends_on as endsOn',
      ])
      .orderBy('declared_on', 'desc');
    return (personId ? query.where('person_id', '=', personId) : query).execute();
  },
  async insert(trx: Trx, partnershipId: string, values: Omit<InterestRow, 'id'>): Promise<string> {
    const row = await trx
      .insertInto('interests')
      .values({
        partnership_id: partnershipId,
        person_id: values.personId,
        description: values.description,
        declared_on: values.declaredOn,
        ends_on: values.endsOn,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },
};

// Reads the meetings' parts make of membership through its index.ts (issue 16 item 3): who sits
// in bodies on a date and the substitutes standing then, the people to write to, the members a
// register expects, voting seats and their places, interests, and a person's seats by address.

/** A row of `table` (a membership or a standing substitute) whose dates, either open, include `date`. */
export const inForceOn = (table: 'm' | 'membership_substitutes', date: string) => {
  const [starts, ends] = [sql.ref(`${table}.starts_on`), sql.ref(`${table}.ends_on`)];
  return sql<boolean>`(${starts} is null or ${starts} <= ${date}) and (${ends} is null or ${ends} >= ${date})`;
};

/** The memberships of these bodies in force on `date` (a London day), except in seats of these roles. */
export async function membershipsInForceOn(
  trx: Trx,
  bodyIds: string[],
  date: string,
  exceptRoles: string[],
): Promise<{ id: string; personId: string }[]> {
  if (!bodyIds.length) return [];
  let query = trx
    .selectFrom('memberships as m')
    .innerJoin('seats as s', 's.id', 'm.seat_id')
    .select(['m.id', 'm.person_id as personId'])
    .where('s.body_id', 'in', bodyIds);
  for (const role of exceptRoles) query = query.where('s.role', '!=', role);
  return query.where(inForceOn('m', date)).execute();
}

/** The people standing as substitutes for these memberships on `date` (standing substitutes have dates of their own: issue 15). */
export async function substitutesStandingOn(
  trx: Trx,
  membershipIds: string[],
  date: string,
): Promise<{ personId: string }[]> {
  if (!membershipIds.length) return [];
  return trx
    .selectFrom('membership_substitutes')
    .select('person_id as personId')
    .where('membership_id', 'in', membershipIds)
    .where(inForceOn('membership_substitutes', date))
    .execute();
}

/**
 * These people who have an e-mail address, by name, each with whether the account with that
 * address may see exempt items here (a platform admin, or member and up in this partnership:
 * the accounts module's `addressesSeeingExempt`).
 */
export async function peopleToWrite(
  trx: Trx,
  personIds: string[],
): Promise<{ personId: string; name: string; email: string; youngPerson: boolean; seesExempt: boolean }[]> {
  if (!personIds.length) return [];
  const rows = await trx
    .selectFrom('people as p')
    .select(['p.id as personId', 'p.name', 'p.email', 'p.young_person as youngPerson'])
    .where('p.id', 'in', personIds)
    .where('p.email', 'is not', null)
    .orderBy('p.name')
    .execute();
  const seeing = await addressesSeeingExempt(
    trx,
    rows.map((row) => row.email!),
  );
  return rows.map((row) => ({ ...row, email: row.email!, seesExempt: seeing.has(row.email!.toLowerCase()) }));
}

/**
 * Every membership of these bodies (at any time) except in seats whose holders are not members,
 * with seat, organisation, a joint post's other organisations and the named substitutes with
 * their periods (a register keeps those of its date): who a meeting's register expects.
 */
export async function membersOfBodies(trx: Trx, bodyIds: string[]) {
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
    .where('s.role', 'not in', [...nonMemberSeatRoles])
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
}

/** The voting seats of these bodies held by members (at any time), with their places and dates. */
export const votingMemberSeatsOf = (trx: Trx, bodyIds: string[]) =>
  trx
    .selectFrom('seats')
    .select(['id', 'body_id as bodyId', 'capacity', 'starts_on as startsOn', 'ends_on as endsOn'])
    .where('body_id', 'in', bodyIds)
    .where('voting', '=', true)
    .where('role', 'not in', [...nonMemberSeatRoles])
    .execute();

/** The dated numbers of places of the seats of these bodies. */
export const seatPlacesOfBodies = (trx: Trx, bodyIds: string[]) =>
  trx
    .selectFrom('seat_places as sp')
    .innerJoin('seats as s', 's.id', 'sp.seat_id')
    .select(['sp.seat_id as seatId', 'sp.holds_from as holdsFrom', 'sp.places'])
    .where('s.body_id', 'in', bodyIds)
    .execute();

/** The register of interests of these people, entries not ended before the date, latest declared first. */
export const interestsStandingOn = async (trx: Trx, personIds: string[], date: string) =>
  personIds.length
    ? trx
        .selectFrom('interests')
        .select(['id', 'person_id as personId', 'description'])
        .where('person_id', 'in', personIds)
        .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', date)]))
        .orderBy('declared_on', 'desc')
        .execute()
    : [];

/** The bodies where the person with this address holds a seat, or is a named substitute, at some time; with the periods. */
export async function seatPeriodsOfEmail(trx: Trx, email: string) {
  return trx
    .selectFrom('memberships as m')
    .innerJoin('seats as s', 's.id', 'm.seat_id')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .leftJoin('membership_substitutes as ms', 'ms.membership_id', 'm.id')
    .leftJoin('people as sp', 'sp.id', 'ms.person_id')
    .select(['s.body_id as bodyId', 'm.starts_on as startsOn', 'm.ends_on as endsOn'])
    .where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['p.email']), '=', email.toLowerCase()),
        eb(eb.fn('lower', ['sp.email']), '=', email.toLowerCase()),
      ]),
    )
    .execute();
}

// What compliance evaluates a partnership against (ADR 0026), read in few statements for
// speed: every seat of its bodies with its dates, office and organisation, and every
// membership of them with its dates (the caller keeps those of the date, and of each
// meeting's date). The office's body is joined for its slug, as the seats' lists do.
export interface SeatRecord {
  id: string;
  bodyId: string;
  position: number;
  label: string;
  role: string;
  voting: boolean;
  /** The seat's own category, else its organisation's. */
  category: string | null;
  independent: boolean | null;
  startsOn: string | null;
  endsOn: string | null;
  office: string | null;
  officeBodySlug: string | null;
  organisationId: string | null;
  organisationName: string | null;
  /** The organisation's last day, and who succeeded it. */
  organisationEndsOn: string | null;
  successorName: string | null;
  chairOf: { kinds: string[]; slugs: string[] } | null;
  /** Recommended rather than constituted: never counts towards a rule (ADR 0037). */
  recommended: boolean;
}

export interface MembershipRecord {
  id: string;
  seatId: string;
  personId: string;
  name: string;
  youngPerson: boolean;
  /** The category of the organisation the member sits for, where the membership names one. */
  category: string | null;
  organisationId: string | null;
  organisationEndsOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  /** A joint post's other organisations (issue 15), each with its category and last day. */
  joint: { category: string | null; endsOn: string | null }[];
}

export const seatHoldersRepository = {
  async seats(trx: Trx): Promise<SeatRecord[]> {
    const rows = await seatsJoined(trx)
      .select([
        's.id',
        's.body_id as bodyId',
        's.position',
        's.label',
        's.role',
        's.voting',
        (eb) => eb.fn.coalesce('s.category', 'o.category').as('category'),
        's.independent',
        's.starts_on as startsOn',
        's.ends_on as endsOn',
        's.office',
        'ob.slug as officeBodySlug',
        's.organisation_id as organisationId',
        'o.name as organisationName',
        'o.ends_on as organisationEndsOn',
        'successor.name as successorName',
        's.rule',
        's.recommended',
      ])
      // observers and note-takers are not members: they meet no rule (ADR 0041)
      .where('s.role', 'not in', ['observer', 'note-taker'])
      .execute();
    return rows.map(({ rule: stored, ...seat }) => {
      const rule = stored as SeatRule | null;
      const chairOf =
        rule?.kind === 'chairs-of'
          ? { kinds: rule.bodyKinds ?? [], slugs: rule.bodies ?? [] }
          : seat.office === 'chair' && seat.officeBodySlug
            ? { kinds: [], slugs: [seat.officeBodySlug] }
            : null;
      return { ...seat, chairOf };
    });
  },

  async memberships(trx: Trx): Promise<MembershipRecord[]> {
    const [rows, joint] = await Promise.all([
      seatHoldersRepository.membershipRows(trx),
      trx
        .selectFrom('membership_organisations as mo')
        .innerJoin('organisations as o', 'o.id', 'mo.organisation_id')
        .select(['mo.membership_id as membershipId', 'o.category', 'o.ends_on as endsOn'])
        .execute(),
    ]);
    const jointOf = Map.groupBy(joint, (row) => row.membershipId);
    return rows.map((row) => ({
      ...row,
      joint: (jointOf.get(row.id) ?? []).map(({ category, endsOn }) => ({ category, endsOn })),
    }));
  },

  membershipRows(trx: Trx) {
    return trx
      .selectFrom('memberships as m')
      .innerJoin('people as p', 'p.id', 'm.person_id')
      .leftJoin('organisations as o', 'o.id', 'm.organisation_id')
      .select([
        'm.id',
        'm.seat_id as seatId',
        'p.id as personId',
        'p.name',
        'p.young_person as youngPerson',
        'o.category',
        'm.organisation_id as organisationId',
        'o.ends_on as organisationEndsOn',
        'm.starts_on as startsOn',
        'm.ends_on as endsOn',
      ])
      .orderBy('m.starts_on')
      .execute();
  },
};

/** The lead officers of these bodies with an e-mail address: their meetings' clerks (for mail). */
export const clerksOfBodies = (trx: Trx, bodyIds: string[]): Promise<{ name: string; email: string }[]> =>
  bodyIds.length
    ? trx
        .selectFrom('bodies as b')
        .innerJoin('people as p', 'p.id', 'b.lead_officer_person_id')
        .select(['p.name', 'p.email as email'])
        .where('b.id', 'in', bodyIds)
        .where('p.email', 'is not', null)
        .execute()
        .then((rows) => rows.map((row) => ({ name: row.name, email: row.email! })))
    : Promise.resolve([]);
