// Is a meeting quorate? From the body's rule (at least a number, or a fraction of the voting
// places, of voting members present, optionally including someone for each named category)
// and who was there for the voting seats (members present and substitutes). Pure.
import type { QuorumRule } from '../bodies/index.ts';

export interface QuorumResult {
  /** null: the body has no quorum rule. */
  met: boolean | null;
  /** Voting members needed, if the rule asks a number. */
  required: number | null;
  present: number;
  /** Categories the rule names with nobody there for them. */
  missing: string[];
  /**
   * The register records apologies only, so who was present is not known: `met` is then null
   * (not known) unless those known to be there (substitutes) already make the quorum (issue 24).
   */
  unknown?: true;
}

export function evaluateQuorum(
  rule: QuorumRule | null | undefined,
  votingPlaces: number,
  votingPresent: { category: string | null }[],
): QuorumResult {
  const present = votingPresent.length;
  if (!rule || (!rule.minimum && !rule.fraction && !rule.categories?.length))
    return { met: null, required: null, present, missing: [] };
  const fromFraction = rule.fraction ? Math.ceil(rule.fraction * votingPlaces - 1e-9) : 0;
  const required = rule.minimum || rule.fraction ? Math.max(rule.minimum ?? 0, fromFraction) : null;
  const there = new Set(votingPresent.map((member) => member.category).filter(Boolean));
  const missing = (rule.categories ?? []).filter((category) => !there.has(category));
  return { met: (required === null || present >= required) && !missing.length, required, present, missing };
}

/**
 * The quorum of a meeting whose minutes give apologies only: a member they do not name is not
 * recorded, never absent, so only those known to be there (substitutes) count, and a quorum they
 * do not make is not known rather than missed. The holders on record may not be every member the
 * body had (a seat left vacant in the record may have been filled), so no upper bound is drawn.
 */
export function quorumFromApologies(
  rule: QuorumRule | null | undefined,
  votingPlaces: number,
  knownPresent: { category: string | null }[],
): QuorumResult {
  const known = evaluateQuorum(rule, votingPlaces, knownPresent);
  return known.met === false ? { ...known, met: null, missing: [], unknown: true } : known;
}
