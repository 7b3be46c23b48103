// Whether a partnership met the law and guidance as they stood on a date.
import { today } from '../../platform/http/date-input.ts';
import type { Database, Transaction } from '../../platform/db/database.ts';
import type { Caller } from '../../platform/http/auth.ts';
import { keptInTenant } from '../../platform/tenant.ts';
import type { DB } from '../../schema.ts';
import { isExternal, type BodiesService } from '../bodies/index.ts';
import { complianceRepository as repository } from './compliance.repository.ts';
import { evaluate, inForce, type RuleResult, type Snapshot } from './evaluate.ts';
import { shippedRuleSets } from './rulesets.ts';
import type { RuleSet } from './ruleset.schema.ts';

export interface Evaluation {
  date: string;
  ruleSets: RuleSet[];
  results: RuleResult[];
  counts: Record<RuleResult['status'], number>;
}

export function complianceService(db: Database<DB>, bodies: BodiesService) {
  /** What the rules are checked against: the bodies, seats and links on the date. */
  async function readSnapshot(trx: Transaction<DB>, partnershipId: string, date: string): Promise<Snapshot> {
    const [structure, authorityType, seats] = await Promise.all([
      bodies.structureWithin(trx, date),
      repository.authorityType(trx, partnershipId),
      repository.seats(trx, date),
    ]);
    const present = new Set(structure.bodies.map((entry) => entry.body.id));
    return {
      date,
      authorityType,
      bodies: structure.bodies.map((entry) => ({
        id: entry.body.id,
        slug: entry.body.slug,
        name: entry.name,
        kind: entry.body.kind,
        external: isExternal(entry.body.kind),
      })),
      seats: seats.filter((seat) => present.has(seat.bodyId)),
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
      // the evaluation follows from the partnership's rows and the shipped rule sets alone, so
      // it is kept between requests while the data does not change (ADR 0021)
      const key = `compliance ${date} ${chosen.map((set) => set.id).join(',')}`;
      return keptInTenant(db, caller, 'partnership.read', key, async (trx, partnershipId) => {
        const snapshot = await readSnapshot(trx, partnershipId, date);
        const results = evaluate(chosen, snapshot);
        const counts = { met: 0, 'not-met': 0, 'not-applicable': 0 };
        for (const result of results) counts[result.status] += 1;
        return { date, ruleSets: chosen, results, counts };
      });
    },
  };
}

export type ComplianceService = ReturnType<typeof complianceService>;
