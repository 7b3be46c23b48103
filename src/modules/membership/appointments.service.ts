// Correcting an appointment (issue 15, ADR 0045): its dates (a year, a month or a day, as the
// source gives them), the organisations it is held for (a joint post counts for each), its
// title or role from a date (a dated fact of the same membership), its standing substitutes,
// and removing an appointment or a seat made in error. Whatever a meeting's register counts is
// never removed: the refusal names the meetings.
import { datedAt } from '../../platform/http/date-input.ts';
import { formatDate, formatDatedPhrase } from '../../platform/dates.ts';
import { lastDayOf, londonDay, meetingsNamed } from './appointments.words.ts';
import type { Database } from '../../platform/db/database.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import { lockRow, lockVersion, withoutVersion } from '../../platform/db/row-version.ts';
import type { Caller } from '../../platform/http/auth.ts';
import { notFound } from '../../platform/http/errors.ts';
import { RuleViolation } from '../../platform/http/validation.ts';
import { inTenant } from '../../platform/tenant.ts';
import type { DB, Trx } from '../../schema.ts';
import { placesOn, type BodiesService } from '../bodies/index.ts';
import {
  membershipsRepository as memberships,
  organisationsRepository as organisations,
  peopleRepository as people,
  seatsRepository as seats,
  type MembershipRow,
} from './membership.repository.ts';
import { seatPeriodProblem } from './membership.service.ts';
import { organisationEndedBy } from './statutory-categories.ts';
import { seatRoles } from './membership.vocabulary.ts';

const uuidLike = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const named = (row: { youngPerson: boolean; personName: string }) =>
  row.youngPerson ? 'a young person' : row.personName;

const inPeriod = (row: { startsOn: string | null; endsOn: string | null }, date: string) =>
  (!row.startsOn || row.startsOn <= date) && (!row.endsOn || row.endsOn >= date);

const overlaps = (
  a: { startsOn: string | null; endsOn: string | null },
  b: { startsOn: string | null; endsOn: string | null },
) => (a.startsOn ?? '0000') <= (b.endsOn ?? '9999') && (b.startsOn ?? '0000') <= (a.endsOn ?? '9999');

export interface Correction {
  /** As the source gives them: '2010', '2010-04' or '2010-04-20'; undefined: not known. */
  startsOn?: string | undefined;
  endsOn?: string | undefined;
  /** On whose behalf (null: as the seat says), and the other organisations of a joint post. */
  organisationId: string | null;
  jointOrganisationIds: string[];
  notes: string | null;
}

/** A standing substitute as a form gives it: dates as the source gives them ('2010', '2010-04'). */
export interface SubstituteValues {
  personId: string;
  startsOn?: string | undefined;
  endsOn?: string | undefined;
}

export function appointmentsService(db: Database<DB>, bodies: BodiesService) {
  /** The membership, its seat locked (appointments to one seat take turns: ADR 0044). */
  async function lockedMembership(trx: Trx, id: string): Promise<MembershipRow> {
    if (!uuidLike.test(id)) throw notFound();
    const [found] = await memberships.list(trx, { id });
    if (!found) throw notFound();
    await lockRow(trx, 'seats', found.seatId);
    return found;
  }

  async function assertOrganisations(trx: Trx, values: Correction, date: string): Promise<void> {
    const ids = [...(values.organisationId ? [values.organisationId] : []), ...values.jointOrganisationIds];
    if (new Set(ids).size !== ids.length)
      throw new RuleViolation([
        {
          path: 'jointOrganisationIds',
          message: 'An organisation of a joint post is named once: choose each organisation only once',
        },
      ]);
    if (values.jointOrganisationIds.length && !values.organisationId)
      throw new RuleViolation([
        {
          path: 'organisationId',
          message: 'Select the first organisation the post is held for before naming the others',
        },
      ]);
    for (const [index, id] of ids.entries()) {
      const path = index === 0 && values.organisationId ? 'organisationId' : 'jointOrganisationIds';
      const organisation = await organisations.byId(trx, id);
      if (!organisation)
        throw new RuleViolation([{ path, message: 'Select an organisation of this partnership' }]);
      if (organisationEndedBy(organisation, date))
        throw new RuleViolation([
          {
            path,
            message: `${organisation.name} ended on ${formatDate(organisation.endsOn)}: a membership beginning on ${formatDate(date)} cannot be held on its behalf`,
          },
        ]);
    }
  }

  return {
    /** One appointment, with its version, titles over time and organisations. */
    appointment: (caller: Caller, id: string) =>
      inTenant(db, caller, 'partnership.read', async (trx) => {
        if (!uuidLike.test(id)) return undefined;
        const [found] = await memberships.list(trx, { id });
        return found;
      }),

    /** The meetings whose register counts the appointment. */
    countedAt: (caller: Caller, id: string) =>
      inTenant(db, caller, 'partnership.read', (trx) => memberships.countedAt(trx, [id])),

    /**
     * Corrects an appointment's dates, organisations and notes (a versioned edit: ADR 0044).
     * Refused where the new dates fall outside the seat's, overfill it, leave out a meeting the
     * register counts the member at, or begin when the body or an organisation did not exist.
     */
    async correct(caller: Caller, id: string, values: Correction, version?: string): Promise<void> {
      await inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const found = await lockedMembership(trx, id);
        await lockVersion(
          trx,
          { table: 'memberships', id, entityType: 'membership', what: 'this appointment' },
          version,
        );
        const before = withoutVersion(found);
        const start = values.startsOn ? datedAt(values.startsOn) : null;
        const end = values.endsOn ? lastDayOf(values.endsOn) : null;
        const period = { startsOn: start?.date ?? null, endsOn: end?.date ?? null };
        if (period.startsOn && period.endsOn && period.endsOn < period.startsOn)
          throw new RuleViolation([
            { path: 'endsOn.day', message: 'The membership must end on or after the day it starts' },
          ]);
        const seat = (await seats.byId(trx, found.seatId))!;
        const outside = seatPeriodProblem(seat, period);
        if (outside) throw new RuleViolation([{ ...outside, path: `${outside.path}.day` }]);
        const life = await bodies.lifeWithin(trx, seat.bodyId);
        if (period.startsOn && life.startsOn && period.startsOn < life.startsOn)
          throw new RuleViolation([
            {
              path: 'startsOn.day',
              message: `${found.bodyName} exists from ${formatDate(life.startsOn)}: a membership of it cannot start on ${formatDate(period.startsOn)}`,
            },
          ]);
        const others = (await memberships.list(trx, { seatId: seat.id })).filter(
          (other) => other.id !== id && overlaps(other, period),
        );
        if (others.some((other) => other.personId === found.personId))
          throw new RuleViolation([
            {
              path: 'startsOn.day',
              message: `${named(found)} already holds this seat then, in another appointment`,
            },
          ]);
        const date = period.startsOn ?? seat.startsOn ?? '0001-01-01';
        const places = placesOn(await seats.places(trx, [seat.id]), date, seat.capacity);
        if (others.length >= places)
          throw new RuleViolation([
            {
              path: 'startsOn.day',
              message: `“${seat.label}” is already held by ${others.map(named).join(', ')} then: it has ${places} ${places === 1 ? 'place' : 'places'}`,
            },
          ]);
        await assertOrganisations(trx, values, period.startsOn ?? date);
        const left = (await memberships.countedAt(trx, [id])).filter((row) => {
          return !inPeriod(period, londonDay(row.startsAt));
        });
        if (left.length)
          throw new RuleViolation([
            {
              path: 'startsOn.day',
              message: `The register counts ${named(found)} as a member at ${meetingsNamed(left)}: the appointment’s dates must cover ${left.length === 1 ? 'that meeting' : 'those meetings'}. Correct the register first if it is wrong`,
            },
          ]);
        const outsideTerm = found.terms.find((term) => !inPeriod(period, term.holdsFrom));
        if (outsideTerm)
          throw new RuleViolation([
            {
              path: 'startsOn.day',
              message: `A change of title or role is recorded from ${formatDate(outsideTerm.holdsFrom)}: the appointment’s dates must cover it. Remove that change first`,
            },
          ]);
        const after = {
          organisationId: values.organisationId,
          jointOrganisationIds: values.jointOrganisationIds,
          startsOn: period.startsOn,
          startsPrecision: start?.precision ?? 'day',
          endsOn: period.endsOn,
          endsPrecision: end?.precision ?? 'day',
          notes: values.notes,
        };
        await memberships.update(trx, partnershipId, id, after);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'membership',
          entityId: id,
          summary: `Corrected the appointment of ${named(found)} to “${found.seatLabel}”`,
          before: {
            organisationId: before.organisationId,
            jointOrganisationIds: before.jointOrganisations.map((o) => o.id),
            startsOn: before.startsOn,
            startsPrecision: before.startsPrecision,
            endsOn: before.endsOn,
            endsPrecision: before.endsPrecision,
            notes: before.notes,
          },
          after,
        });
      });
    },

    /**
     * A title or role the member holds from a date (until the next change): the same
     * membership, not a new one. A date already recorded is replaced.
     */
    async changeTerm(
      caller: Caller,
      id: string,
      values: { holdsFrom: string; title: string | null; role: string | null },
    ): Promise<string> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const found = await lockedMembership(trx, id);
        if (!values.title && !values.role)
          throw new RuleViolation([
            { path: 'title', message: 'Enter the new title, or select the new role' },
          ]);
        if (values.role && !(values.role in seatRoles))
          throw new RuleViolation([{ path: 'role', message: 'Select a role from the list' }]);
        const holdsFrom = datedAt(values.holdsFrom).date;
        if (!inPeriod(found, holdsFrom))
          throw new RuleViolation([
            {
              path: 'holdsFrom.day',
              message: `${named(found)} holds “${found.seatLabel}” ${[found.startsOn && `from ${formatDate(found.startsAs)}`, found.endsOn && `until ${formatDate(found.endsAs)}`].filter(Boolean).join(' ')}: a change of title or role must fall within the appointment`,
            },
          ]);
        const termId = await memberships.putTerm(trx, partnershipId, {
          membershipId: id,
          holdsFrom,
          title: values.title,
          role: values.role,
        });
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'membership',
          entityId: id,
          summary: `Recorded a change of ${values.title && values.role ? 'title and role' : values.title ? 'title' : 'role'} for ${named(found)} on “${found.seatLabel}” from ${formatDate(holdsFrom)}`,
          after: {
            termId,
            holdsFrom,
            title: found.youngPerson ? undefined : values.title,
            role: values.role,
          },
        });
        return termId;
      });
    },

    /** Removes a change of title or role recorded in error. */
    async removeTerm(caller: Caller, id: string, termId: string): Promise<void> {
      await inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const found = await lockedMembership(trx, id);
        const term = found.terms.find((candidate) => candidate.id === termId);
        if (!uuidLike.test(termId) || !term) throw notFound();
        await memberships.deleteTerm(trx, id, termId);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'delete',
          entityType: 'membership',
          entityId: id,
          summary: `Removed the change of title or role of ${named(found)} from ${formatDate(term.holdsFrom)}`,
          before: found.youngPerson ? { holdsFrom: term.holdsFrom, role: term.role } : term,
        });
      });
    },

    /**
     * Adds a standing substitute from a date (as the source gives it; none: from the
     * appointment's start) until a date (none: open-ended): another person of the partnership,
     * within the appointment, in one period at a time.
     */
    async addSubstitute(caller: Caller, id: string, values: SubstituteValues): Promise<void> {
      await inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const found = await lockedMembership(trx, id);
        const person = uuidLike.test(values.personId) ? await people.byId(trx, values.personId) : undefined;
        if (!person)
          throw new RuleViolation([{ path: 'personId', message: 'Select a person of this partnership' }]);
        if (person.id === found.personId)
          throw new RuleViolation([
            {
              path: 'personId',
              message: `${named(found)} holds the seat: a substitute must be someone else`,
            },
          ]);
        const start = values.startsOn
          ? datedAt(values.startsOn)
          : found.startsOn
            ? { date: found.startsOn, precision: found.startsPrecision }
            : null;
        const end = values.endsOn ? lastDayOf(values.endsOn) : null;
        const period = { startsOn: start?.date ?? null, endsOn: end?.date ?? null };
        if (period.startsOn && period.endsOn && period.endsOn < period.startsOn)
          throw new RuleViolation([
            {
              path: 'endsOn.day',
              message: 'The substitute’s until date must be the same as or after the from date',
            },
          ]);
        if (period.startsOn && found.startsOn && period.startsOn < found.startsOn)
          throw new RuleViolation([
            {
              path: 'startsOn.day',
              message: `The appointment starts ${formatDatedPhrase('on', found.startsOn, found.startsPrecision)}: a standing substitute for it cannot start before`,
            },
          ]);
        if (found.endsOn && period.endsOn && period.endsOn > found.endsOn)
          throw new RuleViolation([
            {
              path: 'endsOn.day',
              message: `The appointment ends ${formatDatedPhrase('on', found.endsOn, found.endsPrecision)}: a standing substitute for it cannot stay after`,
            },
          ]);
        if (found.endsOn && period.startsOn && period.startsOn > found.endsOn)
          throw new RuleViolation([
            {
              path: 'startsOn.day',
              message: `The appointment ends ${formatDatedPhrase('on', found.endsOn, found.endsPrecision)}: a standing substitute for it cannot start after`,
            },
          ]);
        const clash = found.substitutePeriods.find((sub) => sub.id === person.id && overlaps(sub, period));
        if (clash)
          throw new RuleViolation([
            {
              path: 'personId',
              message: `${person.youngPerson ? 'The young person' : person.name} is already a standing substitute for ${named(found)} ${clash.endsOn ? `until ${formatDate(clash.endsOn)}` : 'with no end date'}: end that first, or choose dates after it`,
            },
          ]);
        await memberships.addSubstitute(trx, partnershipId, id, person.id, {
          startsOn: period.startsOn,
          endsOn: period.endsOn,
          startsPrecision: start?.precision,
          endsPrecision: end?.precision,
        });
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'membership',
          entityId: id,
          summary: `Added ${person.youngPerson ? 'a young person' : person.name} as a standing substitute for ${named(found)}${period.startsOn ? ` from ${formatDate(period.startsOn)}` : ''}${period.endsOn ? ` until ${formatDate(period.endsOn)}` : ''}`,
          after: { substituteId: person.id, ...period },
        });
      });
    },

    /**
     * Ends a standing substitute on a date (as the source gives it): their period gets its end,
     * so a register of a meeting before then still reads them as the standing substitute; after
     * it they are not named in advance (a meeting may still name them there).
     */
    async endSubstitute(caller: Caller, id: string, personId: string, endsOn: string): Promise<void> {
      await inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const found = await lockedMembership(trx, id);
        const standing = found.substitutePeriods.find((sub) => sub.id === personId && !sub.endsOn);
        if (!standing)
          throw new RuleViolation([
            {
              path: 'personId',
              message: `That person is not a standing substitute for ${named(found)} with no end date`,
            },
          ]);
        const end = lastDayOf(endsOn);
        if (standing.startsOn && end.date < standing.startsOn)
          throw new RuleViolation([
            {
              path: 'endsOn.day',
              message: `${standing.youngPerson ? 'The young person' : standing.name} is a standing substitute ${formatDatedPhrase('from', standing.startsOn, standing.startsPrecision)}: the end date must be the same as or after it`,
            },
          ]);
        if (found.endsOn && end.date > found.endsOn)
          throw new RuleViolation([
            {
              path: 'endsOn.day',
              message: `The appointment ends ${formatDatedPhrase('on', found.endsOn, found.endsPrecision)}: a standing substitute for it ends by then`,
            },
          ]);
        await memberships.endSubstitute(trx, standing.substitutionId, end.date, end.precision);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'membership',
          entityId: id,
          summary: `Ended ${standing.youngPerson ? 'a young person' : standing.name} as a standing substitute for ${named(found)} on ${formatDate(end.date)}`,
          before: { substituteId: personId, startsOn: standing.startsOn, endsOn: null },
          after: { substituteId: personId, startsOn: standing.startsOn, endsOn: end.date },
        });
      });
    },

    /** Removes an appointment made in error; refused where a meeting's register counts it. */
    async remove(caller: Caller, id: string): Promise<void> {
      await inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const found = await lockedMembership(trx, id);
        const counted = await memberships.countedAt(trx, [id]);
        if (counted.length)
          throw new RuleViolation([
            {
              path: 'membership',
              message: `The register counts this appointment at ${meetingsNamed(counted)}: it cannot be removed. End the membership instead, or correct those registers first`,
            },
          ]);
        await memberships.delete(trx, id);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'delete',
          entityType: 'membership',
          entityId: id,
          summary: `Removed the appointment of ${named(found)} to “${found.seatLabel}”, made in error`,
          before: found.youngPerson ? { seatId: found.seatId } : withoutVersion(found),
        });
      });
    },
  };
}

export type AppointmentsService = ReturnType<typeof appointmentsService>;
