// Whether a partnership met the law and guidance as they stood on a date.
import { today } from '../../platform/http/date-input.ts';
import type { Database, Transaction } from '../../platform/db/database.ts';
import type { Caller } from '../../platform/http/auth.ts';
import { inTenant } from '../../platform/tenant.ts';
import type { DB } from '../../schema.ts';
import { isExternal, type BodiesService } from '../bodies/index.ts';
import { registersWithin } from '../attendance/index.ts';
import { authorityTypeOn } from '../authorities/index.ts';
import {
  categories,
  categoryInForce,
  organisationEndedBy,
  type MembershipRecord,
  type SeatRecord,
} from '../membership/index.ts';
import { complianceRepository as repository } from './compliance.repository.ts';
import {
  countOutcomes,
  evaluate,
  inForce,
  recommendedSeats,
  type Outcome,
  type RuleResult,
  type SeatAttendance,
  type Snapshot,
} from './evaluate.ts';
import { shippedRuleSets } from './rulesets.ts';
import type { RuleSet } from './ruleset.schema.ts';

export interface Evaluation {
  date: string;
  ruleSets: RuleSet[];
  results: RuleResult[];
  counts: Record<Outcome, number>;
  /** Rules met by seats whose holders came to fewer of the year's meetings than the threshold. */
  rarelyAttended: number;
  /** The first day of the twelve months whose meetings the attendance counts. */
  attendanceFrom: string;
  /** Seats recommended rather than constituted on the date: counted apart, never meeting a rule. */
  recommended: { body: string; label: string }[];
}

/** Between its dates on the day (no date: open-ended). */
const on = (item: { startsOn: string | null; endsOn: string | null }, date: string) =>
  (!item.startsOn || item.startsOn <= date) && (!item.endsOn || item.endsOn >= date);

/** The day a year before the date, plus one: the twelve months up to it. */
function yearBefore(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCFullYear(day.getUTCFullYear() - 1);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/**
 * Why a seat counts for no statutory category on the date though it once did: its organisation
 * has ended, or the category itself no longer exists (the Learning and Skills Council).
 */
function lapsedOn(seat: SeatRecord, date: string): { category: string; reason: string } | null {
  if (!seat.category) return null;
  if (seat.organisationEndsOn && organisationEndedBy({ endsOn: seat.organisationEndsOn }, date))
    return {
      category: seat.category,
      reason: `its organisation, ${seat.organisationName}, ended on ${seat.organisationEndsOn}${seat.successorName ? ` and was succeeded by ${seat.successorName}` : ''}: the seat counts for no partner after that`,
    };
  if (!categoryInForce(seat.category, date))
    return {
      category: seat.category,
      reason: `${categories[seat.category as keyof typeof categories] ?? seat.category} no longer exists on this date`,
    };
  return null;
}

/** The category a member sits for on the date: none once their organisation has ended. */
const memberCategoryOn = (membership: MembershipRecord, date: string) =>
  membership.category &&
  !(membership.organisationEndsOn && organisationEndedBy({ endsOn: membership.organisationEndsOn }, date)) &&
  categoryInForce(membership.category, date)
    ? membership.category
    : null;

export function complianceService(db: Database<DB>, bodies: BodiesService) {
  /** What the rules are checked against: the bodies, seats, holders and links on the date. */
  async function readSnapshot(trx: Transaction<DB>, partnershipId: string, date: string): Promise<Snapshot> {
    const [structure, authority, seatRecords, memberships] = await Promise.all([
      bodies.structureWithin(trx, date),
      repository.authority(trx, partnershipId),
      repository.seats(trx),
      repository.memberships(trx),
    ]);
    const present = new Set(structure.bodies.map((entry) => entry.body.id));
    const seats = seatRecords.filter((seat) => present.has(seat.bodyId) && on(seat, date));
    const bySeat = Map.groupBy(memberships, (membership) => membership.seatId);
    const heldSeats = seats.filter((seat) => (bySeat.get(seat.id) ?? []).some((m) => on(m, date)));
    const registers = await registersWithin(
      trx,
      [...new Set(heldSeats.map((seat) => seat.bodyId))],
      yearBefore(date),
      date,
    );
    /**
     * The held meetings of the seat's body while the seat existed, those its holders came to in
     * person or by a named substitute, and those they came to in person.
     */
    function attendanceOf(seat: (typeof seats)[number], held: MembershipRecord[]): SeatAttendance {
      const meetings = registers.filter((r) => r.bodyIds.includes(seat.bodyId) && on(seat, r.date));
      let attended = 0;
      let inPerson = 0;
      for (const register of meetings) {
        const then = held.filter((m) => on(m, register.date));
        const people = new Set(then.map((m) => m.personId));
        const ids = new Set(then.map((m) => m.id));
        const present = register.entries.some(
          (entry) => entry.status === 'present' && people.has(entry.personId),
        );
        const substituted = register.entries.some(
          (entry) =>
            entry.status === 'substitute' && entry.forMembershipId !== null && ids.has(entry.forMembershipId),
        );
        if (present) inPerson += 1;
        if (present || substituted) attended += 1;
      }
      return { held: meetings.length, attended, inPerson };
    }
    return {
      date,
      // a county that became unitary is judged with its type on the date
      authorityType: await authorityTypeOn(trx, authority.gssCode, date),
      bodies: structure.bodies.map((entry) => ({
        id: entry.body.id,
        slug: entry.body.slug,
        name: entry.name,
        kind: entry.body.kind,
        external: isExternal(entry.body.kind),
        // the structure's bodies are the bodies' whole records
        attendanceThreshold: entry.body.attendanceThreshold,
      })),
      seats: seats.map((seat) => {
        const all = bySeat.get(seat.id) ?? [];
        const holders = all.filter((m) => on(m, date));
        const lapsed = lapsedOn(seat, date);
        return {
          id: seat.id,
          bodyId: seat.bodyId,
          position: seat.position,
          label: seat.label,
          role: seat.role,
          voting: seat.voting,
          category: lapsed ? null : seat.category,
          lapsed,
          independent: seat.independent,
          chairOf: seat.chairOf,
          office: seat.office,
          startsOn: seat.startsOn,
          endsOn: seat.endsOn,
          holders: holders.map((m) => ({
            name: m.name,
            youngPerson: m.youngPerson,
            category: memberCategoryOn(m, date),
            // a joint post counts for each organisation's category (issue 15)
            jointCategories: m.joint
              .map((joint) =>
                memberCategoryOn({ ...m, category: joint.category, organisationEndsOn: joint.endsOn }, date),
              )
              .filter((category): category is string => !!category),
            startsOn: m.startsOn,
            endsOn: m.endsOn,
          })),
          attendance: holders.length ? attendanceOf(seat, all) : null,
          recommended: seat.recommended,
        };
      }),
      links: structure.relationships,
    };
  }

  return {
    ruleSets: () => shippedRuleSets(),

    /** The rule sets in force on the date (or those named), evaluated against the partnership then. */
    async evaluate(
      caller: Caller,
      options: { date?: string | undefined; ruleSetIds?: string[] | undefined } = {},
    ): Promise<Evaluation> {
      const date = options.date ?? today();
      const all = await shippedRuleSets();
      const chosen = options.ruleSetIds?.length
        ? all.filter((set) => options.ruleSetIds!.includes(set.id))
        : all.filter((set) => inForce(set, date));
      return inTenant(db, caller, 'partnership.read', async (trx, partnershipId) => {
        const snapshot = await readSnapshot(trx, partnershipId, date);
        const results = evaluate(chosen, snapshot);
        const rarelyAttended = results.filter((result) => result.rarelyAttended).length;
        return {
          date,
          ruleSets: chosen,
          results,
          counts: countOutcomes(results),
          rarelyAttended,
          attendanceFrom: yearBefore(date),
          recommended: recommendedSeats(snapshot),
        };
      });
    },
  };
}

export type ComplianceService = ReturnType<typeof complianceService>;
