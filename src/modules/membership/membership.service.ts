// Organisations, people, the seats a body defines and the people who fill them. The rules:
// a membership cannot end before it starts; a seat holds no more people at once than it has
// places; no seat is added to or filled on a body that has ended.
import { datedAt, today } from '../../platform/http/date-input.ts';
import { formatDate } from '../../platform/views/nunjucks.ts';
import type { Database } from '../../platform/db/database.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import { lockRow, lockVersion, withoutVersion } from '../../platform/db/row-version.ts';
import { assertCan, type Caller } from '../../platform/http/auth.ts';
import { notFound } from '../../platform/http/errors.ts';
import { RuleViolation } from '../../platform/http/validation.ts';
import { inTenant, tenantIdOf } from '../../platform/tenant.ts';
import type { DB, Trx } from '../../schema.ts';
import { youngPersonText, type ImportRow } from './membership.import.ts';
import {
  applyList,
  membershipListRows,
  type ImportPlan,
  type ListDeps,
  type ListOptions,
} from './membership.list-import.ts';
import { bodyRulesWithin, isExternal, placesOn, rulesOn, type BodiesService } from '../bodies/index.ts';
import {
  interestsRepository as interests,
  membershipsRepository as memberships,
  organisationsRepository as organisations,
  peopleRepository as people,
  seatsRepository as seats,
  type OrganisationValues,
  type PlacesRow,
  type PersonRow,
  seatExistsOn,
  type SeatValues,
} from './membership.repository.ts';
import { checkSuccession } from './organisations.succession.ts';
import { lastDayOf, meetingsNamed } from './appointments.words.ts';
import { organisationEndedBy } from './statutory-categories.ts';

export type { ImportPlan, PlannedRow } from './membership.list-import.ts';

export interface Appointment {
  seatId: string;
  personId: string;
  organisationId?: string | undefined;
  startsOn?: string | undefined;
  endsOn?: string | undefined;
  notes?: string | undefined;
  substituteIds?: string[] | undefined;
  /** The other organisations of a joint post, each counted for its category (issue 15). */
  jointOrganisationIds?: string[] | undefined;
}

const uuidLike = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const overlaps = (
  a: { startsOn: string | null; endsOn: string | null },
  b: { startsOn?: string | null | undefined; endsOn?: string | null | undefined },
) => (a.startsOn ?? '0000') <= (b.endsOn ?? '9999') && (b.startsOn ?? '0000') <= (a.endsOn ?? '9999');

const dayBefore = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * Who holds the seat at once, on the first day from `from` (until `until`, if given) that more
 * people hold it than `places`: the memberships are checked on `from` and on each later start.
 */
export function overfilled(
  held: { personName: string; youngPerson: boolean; startsOn: string | null; endsOn: string | null }[],
  places: number,
  from: string,
  until: string | null,
): { on: string; names: string[] } | null {
  const days = [from, ...held.map((m) => m.startsOn).filter((d): d is string => !!d && d > from)]
    .filter((day) => !until || day <= until)
    .sort();
  for (const day of days) {
    const then = held.filter((m) => (!m.startsOn || m.startsOn <= day) && (!m.endsOn || m.endsOn >= day));
    if (then.length > places)
      return { on: day, names: then.map((m) => (m.youngPerson ? 'a young person' : m.personName)) };
  }
  return null;
}

/** A membership must fall within its seat's dates: the message names both. */
export function seatPeriodProblem(
  seat: { label: string; startsOn: string | null; endsOn: string | null },
  held: { startsOn?: string | null | undefined; endsOn?: string | null | undefined },
): { path: string; message: string } | undefined {
  const seatDates = [seat.startsOn && `from ${seat.startsOn}`, seat.endsOn && `until ${seat.endsOn}`]
    .filter(Boolean)
    .join(' ');
  const message = (what: string) =>
    `“${seat.label}” exists ${seatDates}: ${what}. Change the seat’s dates first if they are wrong`;
  if (seat.startsOn && held.startsOn && held.startsOn < seat.startsOn)
    return { path: 'startsOn', message: message(`a membership cannot start on ${held.startsOn}`) };
  if (seat.endsOn && held.startsOn && held.startsOn > seat.endsOn)
    return { path: 'startsOn', message: message(`a membership cannot start on ${held.startsOn}`) };
  if (seat.endsOn && held.endsOn && held.endsOn > seat.endsOn)
    return { path: 'endsOn', message: message(`a membership cannot end on ${held.endsOn}`) };
  if (seat.startsOn && held.endsOn && held.endsOn < seat.startsOn)
    return { path: 'endsOn', message: message(`a membership cannot end on ${held.endsOn}`) };
  return undefined;
}

/**
 * "A young person" is how lists, registers and exports that leave the partnership write a young
 * person (issue 15): as a name it would tell nobody apart, so a person is given their own name.
 */
export function refuseUnnamed(name: string, path = 'name'): void {
  if (name.trim().toLowerCase().replace(/\s+/g, ' ') === youngPersonText.toLowerCase())
    throw new RuleViolation([
      {
        path,
        message: `Enter the young person’s own name: “${youngPersonText}” is how lists and registers that leave the partnership write it, so it cannot tell two young people apart`,
      },
    ]);
}

export function membershipService(db: Database<DB>, bodies: BodiesService) {
  /** A body must exist on the date (not dissolved, merged or replaced) to gain seats or members. */
  async function assertBodyOpen(trx: Trx, caller: Caller, bodyId: string, date: string, path: string) {
    return (await openChecker(trx))(bodyId, date, path);
  }

  interface OpenBody {
    id: string;
    name: string;
    slug: string;
    startsOn: string | null;
    endsOn: string | null;
  }
  type OpenCheck = ((bodyId: string, date: string, path: string) => Promise<OpenBody>) & {
    /** The body as recorded, whether or not it exists on a date. */
    body(bodyId: string): Promise<OpenBody>;
    /** The days its life runs between, from its record and its history. */
    life(bodyId: string): Promise<{ startsOn: string | null; endsOn: string | null }>;
  };

  /**
   * The check above, reading the body and the structure's records once for many checks (an
   * import checks every row's start date): nothing in them changes while the checks run.
   */
  async function openChecker(trx: Trx): Promise<OpenCheck> {
    // the body as the checks use it (its whole record has more)
    const openBody = ({ id, name, slug, startsOn, endsOn }: OpenBody): OpenBody => ({
      id,
      name,
      slug,
      startsOn,
      endsOn,
    });
    const found = new Map<string, Promise<OpenBody | undefined>>();
    let structureOn: Promise<(date: string) => { bodies: { body: { id: string } }[] }> | undefined;
    const body = async (bodyId: string) => {
      if (!found.has(bodyId))
        found.set(
          bodyId,
          bodies.byIdWithin(trx, bodyId).then((row) => row && openBody(row)),
        );
      const row = await found.get(bodyId);
      if (!row) throw notFound();
      return row;
    };
    const check = async (bodyId: string, date: string, path: string) => {
      const row = await body(bodyId);
      structureOn ??= bodies.structureReader(trx);
      if (!(await structureOn)(date).bodies.some((entry) => entry.body.id === bodyId)) {
        // before its life began is not "dissolved": say when it exists (issue 15)
        const life = await bodies.lifeWithin(trx, bodyId);
        if (life.startsOn && date < life.startsOn)
          throw new RuleViolation([
            {
              path,
              message: `${row.name} does not exist on ${date} (it exists from ${life.startsOn}): its seats cannot change then`,
            },
          ]);
        throw new RuleViolation([
          { path, message: `${row.name} has been dissolved or replaced by then: its seats cannot change` },
        ]);
      }
      return row;
    };
    return Object.assign(check, { body, life: (bodyId: string) => bodies.lifeWithin(trx, bodyId) });
  }

  /**
   * A seat's dates must fall within its body's life: the body exists on the day the seat starts
   * and on the day it ends. Without dates, the seat is checked on today (a seat is not added to
   * a body that has ended unless its dates say when it was held).
   */
  async function assertSeatWithinBody(
    check: OpenCheck,
    bodyId: string,
    dates: { startsOn?: string | null | undefined; endsOn?: string | null | undefined },
  ): Promise<OpenBody> {
    const days = [
      ...(dates.startsOn ? [{ date: dates.startsOn, path: 'startsOn' }] : []),
      ...(dates.endsOn ? [{ date: dates.endsOn, path: 'endsOn' }] : []),
    ];
    if (!days.length) return check(bodyId, today(), 'label');
    let body: OpenBody | undefined;
    for (const { date, path } of days) {
      try {
        body = await check(bodyId, date, path);
      } catch (error) {
        if (!(error instanceof RuleViolation)) throw error;
        const life = { ...(await check.body(bodyId)), ...(await check.life(bodyId)) };
        const between = [life.startsOn && `from ${life.startsOn}`, life.endsOn && `until ${life.endsOn}`]
          .filter(Boolean)
          .join(' ');
        throw new RuleViolation([
          {
            path: `${path}.day`,
            message: `${life.name} does not exist on ${date}${between ? ` (it exists ${between})` : ' (it has been dissolved or replaced by then)'}: a seat’s dates must fall within its body’s life`,
          },
        ]);
      }
    }
    return body!;
  }

  /** The organisation and the office's body a seat names must be the partnership's own. */
  async function assertSeatReferences(trx: Trx, values: SeatValues): Promise<void> {
    const organisation = values.organisationId ? await organisations.byId(trx, values.organisationId) : null;
    if (values.organisationId && !organisation) {
      throw new RuleViolation([
        { path: 'organisationId', message: 'Select an organisation of this partnership' },
      ]);
    }
    if (organisation?.endsOn && values.startsOn && values.startsOn > organisation.endsOn) {
      const successor = organisation.successorId
        ? await organisations.byId(trx, organisation.successorId)
        : undefined;
      throw new RuleViolation([
        {
          path: 'organisationId',
          message: `${organisation.name} ended on ${organisation.endsOn}, before the seat was created on ${values.startsOn}${successor ? `: choose its successor, ${successor.name}` : ''}`,
        },
      ]);
    }
    if (values.officeBodyId && !(await bodies.byIdWithin(trx, values.officeBodyId))) {
      throw new RuleViolation([{ path: 'officeBodyId', message: 'Select a body of this partnership' }]);
    }
  }

  /**
   * A change of a seat's places holds from a date (or corrects the latest places, ADR 0040);
   * never fewer places than the people holding the seat at once from then. Gives the latest places.
   */
  async function changePlaces(
    trx: Trx,
    partnershipId: string,
    seat: { id: string; label: string; capacity: number },
    values: SeatValues,
    history: PlacesRow[],
  ): Promise<number> {
    const latest = history.at(-1);
    if (values.capacity === (latest?.places ?? seat.capacity)) return seat.capacity;
    if (!values.placesFrom && !values.placesCorrection)
      throw new RuleViolation([
        {
          path: 'placesFrom',
          message: `Enter the date from which “${seat.label}” has ${values.capacity} ${values.capacity === 1 ? 'place' : 'places'}, or choose to correct the record`,
        },
      ]);
    if (values.placesFrom && values.placesCorrection)
      throw new RuleViolation([
        { path: 'placesFrom', message: 'Enter a date, or select to correct the record: not both' },
      ]);
    const from = values.placesCorrection ? (latest?.holdsFrom ?? null) : datedAt(values.placesFrom!).date;
    const next = history.find((row) => row.holdsFrom !== null && (from === null || row.holdsFrom > from));
    const held = await memberships.list(trx, { seatId: seat.id });
    const over = overfilled(
      held,
      values.capacity,
      from ?? '0000-01-01',
      next?.holdsFrom ? dayBefore(next.holdsFrom) : null,
    );
    if (over)
      throw new RuleViolation([
        {
          path: 'capacity',
          message: `“${seat.label}” is held by ${over.names.join(' and ')} ${over.on === '0000-01-01' ? 'from the start' : `on ${formatDate(over.on)}`}: it cannot have fewer places than that. End a membership first, or give a later date`,
        },
      ]);
    await seats.putPlaces(trx, partnershipId, seat.id, from, values.capacity);
    return (await seats.places(trx, [seat.id])).at(-1)!.places;
  }

  /** Puts a person in a seat, inside a transaction already open (also used by the import). */
  async function appointWithin(
    trx: Trx,
    partnershipId: string,
    caller: Caller,
    appointment: Appointment,
    assertOpen?: OpenCheck,
  ): Promise<string> {
    // A start or end given as a year or a month ("from April 2010") is kept with its precision:
    // the first day the start can mean, the last day the end can (issue 15).
    const start = appointment.startsOn ? datedAt(appointment.startsOn) : undefined;
    const end = appointment.endsOn ? lastDayOf(appointment.endsOn) : undefined;
    appointment = { ...appointment, startsOn: start?.date, endsOn: end?.date };
    // The seat's row is locked until the appointment commits: appointments to one seat take
    // turns, so its holders are counted as they are, never as a concurrent one left them
    // (places, and one person once a period; ADR 0044).
    if (!uuidLike.test(appointment.seatId) || !(await lockRow(trx, 'seats', appointment.seatId)))
      throw notFound();
    const seat = await seats.byId(trx, appointment.seatId);
    if (!seat) throw notFound();
    const person = await people.byId(trx, appointment.personId);
    if (!person)
      throw new RuleViolation([{ path: 'personId', message: 'Select a person of this partnership' }]);
    if (appointment.startsOn && appointment.endsOn && appointment.endsOn < appointment.startsOn) {
      throw new RuleViolation([
        { path: 'endsOn', message: 'The membership must end on or after the day it starts' },
      ]);
    }
    const outside = seatPeriodProblem(seat, appointment);
    if (outside) throw new RuleViolation([outside]);
    const date = appointment.startsOn ?? seat.startsOn ?? today();
    await (assertOpen
      ? assertOpen(seat.bodyId, date, 'startsOn')
      : assertBodyOpen(trx, caller, seat.bodyId, date, 'startsOn'));
    const current = (await memberships.list(trx, { seatId: seat.id })).filter((held) =>
      overlaps(held, appointment),
    );
    if (current.some((held) => held.personId === person.id)) {
      throw new RuleViolation([{ path: 'personId', message: `${person.name} already holds this seat then` }]);
    }
    const places = placesOn(await seats.places(trx, [seat.id]), date, seat.capacity);
    if (current.length >= places) {
      const who = current.map((held) => held.personName).join(', ');
      throw new RuleViolation([
        {
          path: 'personId',
          message: `“${seat.label}” is already held by ${who} then: end that membership first`,
        },
      ]);
    }
    if (appointment.organisationId && !(await organisations.byId(trx, appointment.organisationId))) {
      throw new RuleViolation([
        { path: 'organisationId', message: 'Select an organisation of this partnership' },
      ]);
    }
    const onBehalfOf = appointment.organisationId
      ? await organisations.byId(trx, appointment.organisationId)
      : undefined;
    if (onBehalfOf && organisationEndedBy(onBehalfOf, date)) {
      const successor = onBehalfOf.successorId && (await organisations.byId(trx, onBehalfOf.successorId));
      throw new RuleViolation([
        {
          path: 'organisationId',
          message: `${onBehalfOf.name} ended on ${formatDate(onBehalfOf.endsOn)}: a membership beginning on ${formatDate(date)} cannot be held on its behalf${successor ? `; choose its successor, ${successor.name}` : ''}`,
        },
      ]);
    }
    for (const jointId of appointment.jointOrganisationIds ?? []) {
      const joint = await organisations.byId(trx, jointId);
      if (!joint || jointId === appointment.organisationId || !appointment.organisationId)
        throw new RuleViolation([
          {
            path: 'jointOrganisationIds',
            message: joint
              ? 'Select the first organisation the post is held for, and each other organisation once'
              : 'Select an organisation of this partnership',
          },
        ]);
    }
    for (const substituteId of appointment.substituteIds ?? []) {
      if (substituteId === person.id || !(await people.byId(trx, substituteId))) {
        throw new RuleViolation([
          { path: 'substituteIds', message: 'A substitute must be another person of this partnership' },
        ]);
      }
    }
    const id = await memberships.insert(trx, partnershipId, {
      seatId: seat.id,
      personId: person.id,
      organisationId: appointment.organisationId ?? null,
      startsOn: appointment.startsOn ?? null,
      endsOn: appointment.endsOn ?? null,
      notes: appointment.notes ?? null,
      substituteIds: appointment.substituteIds ?? [],
      startsPrecision: start?.precision,
      endsPrecision: end?.precision,
      jointOrganisationIds: appointment.jointOrganisationIds,
    });
    await recordChange(trx, caller.actor, {
      partnershipId,
      action: 'create',
      entityType: 'membership',
      entityId: id,
      summary: `Appointed ${person.youngPerson ? 'a young person' : person.name} to “${seat.label}”`,
      after: { ...appointment, person: person.youngPerson ? undefined : person.name },
    });
    return id;
  }

  /** The service's own checks, lent to the membership list (one path for preview and import). */
  const checkers = new WeakMap<Trx, Promise<OpenCheck>>();
  const checkerOf = (trx: Trx) => {
    if (!checkers.has(trx)) checkers.set(trx, openChecker(trx));
    return checkers.get(trx)!;
  };
  const listDeps: ListDeps = {
    appointWithin: async (trx, partnershipId, caller, appointment) =>
      appointWithin(trx, partnershipId, caller, appointment, await checkerOf(trx)),
    assertNewSeat: async (trx, bodyId, dates) => {
      await assertSeatWithinBody(await checkerOf(trx), bodyId, dates);
    },
    assertOpen: async (trx, bodyId, date) => {
      const check = await checkerOf(trx);
      await check(bodyId, date, 'from');
    },
    seatPeriodProblem,
    overfilled,
  };
  const listDefaults = (options?: Partial<ListOptions>): ListOptions => ({
    on: options?.on ?? today(),
    leaveOn: options?.leaveOn ?? null,
    newOrganisations: options?.newOrganisations ?? {},
  });

  return {
    organisations: (caller: Caller) =>
      inTenant(db, caller, 'partnership.read', (trx) => organisations.list(trx)),
    people: (caller: Caller) => inTenant(db, caller, 'partnership.read', (trx) => people.list(trx)),

    async addOrganisation(caller: Caller, values: OrganisationValues): Promise<string> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        if (await organisations.byName(trx, values.name))
          throw new RuleViolation([
            { path: 'name', message: 'An organisation with this name already exists' },
          ]);
        await checkSuccession(trx, null, {
          name: values.name,
          endsOn: values.endsOn ?? null,
          successorId: values.successorId ?? null,
        });
        const id = await organisations.insert(trx, partnershipId, values);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'create',
          entityType: 'organisation',
          entityId: id,
          summary: `Added organisation ${values.name}`,
          after: values,
        });
        return id;
      });
    },

    /** Changes an organisation; an end date or successor left out (undefined) stays as it was. */
    async updateOrganisation(
      caller: Caller,
      id: string,
      changes: OrganisationValues,
      version?: string,
    ): Promise<void> {
      await inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        // the row locked, and still the version the change was based on (ADR 0044)
        await lockVersion(
          trx,
          { table: 'organisations', id, entityType: 'organisation', what: 'this organisation' },
          version,
        );
        const found = await organisations.byId(trx, id);
        if (!found) throw notFound();
        const before = withoutVersion(found);
        const clash = await organisations.byName(trx, changes.name);
        if (clash && clash.id !== id)
          throw new RuleViolation([
            { path: 'name', message: 'An organisation with this name already exists' },
          ]);
        const values = {
          ...changes,
          endsOn: changes.endsOn === undefined ? before.endsOn : changes.endsOn,
          successorId: changes.successorId === undefined ? before.successorId : changes.successorId,
        };
        await checkSuccession(trx, id, values);
        await organisations.update(trx, id, values);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'organisation',
          entityId: id,
          summary: `Changed organisation ${values.name}`,
          before,
          after: values,
        });
      });
    },

    async addPerson(caller: Caller, values: Omit<PersonRow, 'id'>): Promise<string> {
      refuseUnnamed(values.name);
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const id = await people.insert(trx, partnershipId, values);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'create',
          entityType: 'person',
          entityId: id,
          summary: `Added ${values.youngPerson ? 'a young person' : values.name}`,
          // a young person's details stay out of the audit trail's summary and after-image
          after: values.youngPerson ? { youngPerson: true } : values,
        });
        return id;
      });
    },

    async updatePerson(
      caller: Caller,
      id: string,
      values: Omit<PersonRow, 'id' | 'version'>,
      version?: string,
    ): Promise<void> {
      refuseUnnamed(values.name);
      await inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        await lockVersion(trx, { table: 'people', id, entityType: 'person', what: 'this person' }, version);
        const found = await people.byId(trx, id);
        if (!found) throw notFound();
        const before = withoutVersion(found); // the row as it is, locked
        await people.update(trx, id, values);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'person',
          entityId: id,
          summary: `Changed ${values.youngPerson ? 'a young person' : values.name}`,
          before: values.youngPerson ? undefined : before,
          after: values.youngPerson ? undefined : values,
        });
      });
    },

    /**
     * A body's seats that exist on the date, in order, each with the people holding it then
     * with `all`, every seat the body has ever had.
     */
    seats(caller: Caller, bodyId: string, on = today(), options: { all?: boolean } = {}) {
      return inTenant(db, caller, 'partnership.read', async (trx) => {
        const [list, holders] = await Promise.all([
          seats.list(trx, bodyId),
          memberships.list(trx, { bodyId, on }),
        ]);
        const bySeat = Map.groupBy(holders, (holder) => holder.seatId);
        return list
          .filter((seat) => options.all || seatExistsOn(seat, on))
          .map((seat) => ({
            ...seat,
            organisationEnded: organisationEndedBy({ endsOn: seat.organisationEndsOn }, on),
            holders: bySeat.get(seat.id) ?? [],
          }));
      });
    },

    async addSeat(caller: Caller, bodyId: string, values: SeatValues): Promise<string> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const body = await assertSeatWithinBody(await openChecker(trx), bodyId, values);
        await assertSeatReferences(trx, values);
        const id = await seats.insert(trx, partnershipId, bodyId, values);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'create',
          entityType: 'seat',
          entityId: id,
          summary: `Added the seat “${values.label}” to ${body.name}`,
          after: values,
        });
        return id;
      });
    },

    async updateSeat(
      caller: Caller,
      seatId: string,
      values: SeatValues & { position?: number | undefined },
      version?: string,
    ): Promise<void> {
      await inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        // locked: appointments to the seat wait, and its version is the one the form had (ADR 0044)
        await lockVersion(
          trx,
          { table: 'seats', id: seatId, entityType: 'seat', what: 'this seat' },
          version,
        );
        const found = await seats.byId(trx, seatId);
        if (!found) throw notFound();
        const before = withoutVersion(found);
        if (values.startsOn !== before.startsOn || values.endsOn !== before.endsOn) {
          await assertSeatWithinBody(await openChecker(trx), before.bodyId, values);
          const changed = {
            label: values.label,
            startsOn: values.startsOn ?? null,
            endsOn: values.endsOn ?? null,
          };
          for (const held of await memberships.list(trx, { seatId })) {
            const problem = seatPeriodProblem(changed, held);
            if (problem)
              throw new RuleViolation([
                {
                  path: `${problem.path}.day`,
                  message: `${held.youngPerson ? 'A young person' : held.personName} holds this seat ${[held.startsOn && `from ${held.startsOn}`, held.endsOn && `until ${held.endsOn}`].filter(Boolean).join(' ') || 'with no dates'}: the seat’s dates must cover every membership of it`,
                },
              ]);
          }
        }
        await assertSeatReferences(trx, values);
        const placesBefore = await seats.places(trx, [seatId]);
        const capacity = await changePlaces(trx, partnershipId, before, values, placesBefore);
        await seats.update(trx, seatId, { ...values, capacity });
        if (values.position && values.position !== before.position)
          await seats.move(trx, seatId, before.bodyId, values.position);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'seat',
          entityId: seatId,
          summary: `Changed the seat “${values.label}”`,
          before: { ...before, places: placesBefore },
          after: { ...values, capacity, places: await seats.places(trx, [seatId]) },
        });
      });
    },

    async removeSeat(caller: Caller, seatId: string): Promise<void> {
      await inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        // locked: no appointment lands on it while it goes (ADR 0044)
        if (!uuidLike.test(seatId) || !(await lockRow(trx, 'seats', seatId))) throw notFound();
        const before = await seats.byId(trx, seatId);
        if (!before) throw notFound();
        // a seat the register counts is not removed with its memberships (issue 15)
        const held = await memberships.list(trx, { seatId });
        const counted = await memberships.countedAt(
          trx,
          held.map((m) => m.id),
        );
        if (counted.length)
          throw new RuleViolation([
            {
              path: 'seat',
              message: `The register counts members of “${before.label}” at ${meetingsNamed(counted)}: the seat cannot be removed. Give it an end date instead, or correct those registers first`,
            },
          ]);
        await seats.delete(trx, seatId);
        await seats.move(trx, null, before.bodyId); // number the rest 1, 2, 3… again
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'delete',
          entityType: 'seat',
          entityId: seatId,
          summary: `Removed the seat “${before.label}”`,
          before: { ...withoutVersion(before), memberships: held.map((m) => m.id) },
        });
      });
    },

    /** The body's membership list on a date, in the columns it is imported with (issue 15). */
    listOn(caller: Caller, bodyId: string, on = today()) {
      return inTenant(db, caller, 'partnership.read', async (trx) => {
        const [list, holders, places, everyone] = await Promise.all([
          seats.list(trx, bodyId),
          memberships.list(trx, { bodyId, on }),
          seats.places(trx),
          people.list(trx),
        ]);
        const bySeat = Map.groupBy(holders, (holder) => holder.seatId);
        const placesBySeat = Map.groupBy(places, (row) => row.seatId);
        return membershipListRows(
          list
            .filter((seat) => seatExistsOn(seat, on) && !seat.rule)
            .map((seat) => ({
              ...seat,
              holders: bySeat.get(seat.id) ?? [],
              places: placesOn(placesBySeat.get(seat.id) ?? [], on, seat.capacity),
            })),
          new Map(everyone.map((person) => [person.id, person])),
        );
      });
    },

    /**
     * What importing this list would do, and every problem with it: the import's own changes,
     * made in a transaction that is then rolled back, so the preview refuses what the import
     * refuses (issue 15). Writes nothing.
     */
    async previewImport(
      caller: Caller,
      bodyId: string,
      rows: ImportRow[],
      options?: Partial<ListOptions>,
      fileName = 'the file',
    ): Promise<ImportPlan> {
      const rolledBack = Symbol('preview');
      let plan: ImportPlan | undefined;
      try {
        await inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
          const list = listDefaults(options);
          plan = await applyList(trx, partnershipId, caller, bodyId, rows, list, listDeps, fileName);
          throw rolledBack;
        });
      } catch (error) {
        if (error !== rolledBack) throw error;
      }
      return plan!;
    },

    /** Imports a membership list in one transaction: all of it, or (on any problem) none of it. */
    async importMembers(
      caller: Caller,
      bodyId: string,
      rows: ImportRow[],
      fileName: string,
      options?: Partial<ListOptions>,
    ): Promise<ImportPlan> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const list = listDefaults(options);
        const plan = await applyList(trx, partnershipId, caller, bodyId, rows, list, listDeps, fileName);
        if (plan.problems.length)
          throw new RuleViolation(
            plan.problems.map((p) => ({
              path: p.line ? `row-${p.line}` : 'file',
              message: `${p.where ?? `Row ${p.line}`}: ${p.message}`,
            })),
          );
        return plan;
      });
    },

    /** Puts a person in a seat for a period. */
    async appoint(caller: Caller, appointment: Appointment): Promise<string> {
      return inTenant(db, caller, 'partnership.edit', (trx, partnershipId) =>
        appointWithin(trx, partnershipId, caller, appointment),
      );
    },

    /**
     * Puts a person in a seat inside a transaction another module's service has open for the
     * caller's partnership (an election's result: ADR 0037), with every rule of `appoint`.
     */
    appointIn(trx: Trx, caller: Caller, appointment: Appointment): Promise<string> {
      assertCan(caller, 'partnership.edit');
      return appointWithin(trx, tenantIdOf(caller), caller, appointment);
    },

    async endMembership(caller: Caller, membershipId: string, endsOn: string): Promise<void> {
      await inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const [before] = (await memberships.list(trx, {})).filter((row) => row.id === membershipId);
        if (!before) throw notFound();
        if (before.startsOn && endsOn < before.startsOn)
          throw new RuleViolation([
            { path: 'endsOn', message: 'The membership must end on or after the day it starts' },
          ]);
        await memberships.end(trx, membershipId, endsOn);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'membership',
          entityId: membershipId,
          summary: `Ended a membership of “${before.personName}” on ${formatDate(endsOn)}`,
          before: { endsOn: before.endsOn },
          after: { endsOn },
        });
      });
    },

    memberships: (caller: Caller, filter: { bodyId?: string; personId?: string; on?: string }) =>
      inTenant(db, caller, 'partnership.read', (trx) => memberships.list(trx, filter)),

    interests: (caller: Caller, personId?: string) =>
      inTenant(db, caller, 'partnership.read', (trx) => interests.list(trx, personId)),

    async declareInterest(
      caller: Caller,
      values: { personId: string; description: string; declaredOn: string; endsOn?: string | undefined },
    ): Promise<string> {
      return inTenant(db, caller, 'partnership.contribute', async (trx, partnershipId) => {
        if (!(await people.byId(trx, values.personId))) throw notFound();
        const id = await interests.insert(trx, partnershipId, { ...values, endsOn: values.endsOn ?? null });
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'create',
          entityType: 'interest',
          entityId: id,
          summary: 'Declared an interest',
          after: values,
        });
        return id;
      });
    },

    /**
     * What needs attention on a date: empty places, terms ending within 90 days, bodies over
     * their cap.
     */
    attention(caller: Caller, on = today()) {
      return inTenant(db, caller, 'partnership.read', async (trx) => {
        const soon = new Date(Date.parse(`${on}T00:00:00Z`) + 90 * 86_400_000).toISOString().slice(0, 10);
        const structure = await bodies.structureWithin(trx, on);
        const open = new Map(
          structure.bodies
            .filter((entry) => !isExternal(entry.body.kind))
            .map((entry) => [entry.body.id, entry]),
        );
        const [allSeats, current, rules, places] = await Promise.all([
          seats.list(trx),
          memberships.list(trx, { on }),
          bodyRulesWithin(trx, [...open.keys()]),
          seats.places(trx),
        ]);
        // the cap and each seat's places as they hold on the date (ADR 0040)
        const bodyRows = [...open.keys()].map((id) => ({
          id,
          cap: rulesOn(rules, id, on)['membership-cap'] as number | null,
        }));
        const placesBySeat = Map.groupBy(places, (row) => row.seatId);
        for (const seat of allSeats)
          seat.capacity = placesOn(placesBySeat.get(seat.id) ?? [], on, seat.capacity);
        const heldBySeat = Map.groupBy(current, (m) => m.seatId);
        const heldByBody = Map.groupBy(current, (m) => m.bodyId);
        const seatsByBody = Map.groupBy(allSeats, (seat) => seat.bodyId);
        const vacancies = allSeats
          .filter((seat) => open.has(seat.bodyId) && !seat.rule)
          .map((seat) => ({
            seat,
            body: open.get(seat.bodyId)!.name,
            empty: seat.capacity - (heldBySeat.get(seat.id)?.length ?? 0),
          }))
          .filter((entry) => entry.empty > 0);
        const ending = current
          .filter((m) => m.endsOn && m.endsOn >= on && m.endsOn <= soon)
          .map((m) => ({ ...m, body: open.get(m.bodyId)?.name ?? '' }));
        const overCap = bodyRows
          .filter((body) => body.cap && open.has(body.id))
          .map((body) => {
            const members = new Set((heldByBody.get(body.id) ?? []).map((m) => m.personId)).size;
            const places = (seatsByBody.get(body.id) ?? []).reduce((sum, seat) => sum + seat.capacity, 0);
            return { bodyId: body.id, body: open.get(body.id)!.name, cap: body.cap!, members, places };
          })
          .filter((entry) => entry.members > entry.cap || entry.places > entry.cap);
        return { on, vacancies, ending, overCap };
      });
    },
  };
}

export type MembershipService = ReturnType<typeof membershipService>;
