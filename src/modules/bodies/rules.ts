// A body's rules with their dates (ADR 0040): quorum, cadence, membership cap and chairing rule
// each hold from a date (null: from the start) until the next row of the same rule, so a past
// meeting is judged by the rule of its date. Pure, so each case is unit-tested.
import type { CadenceRule, QuorumRule } from './bodies.tables.ts';
import { cadenceCounts } from './bodies.vocabulary.ts';

export const bodyRuleKinds = {
  quorum: 'Quorum',
  cadence: 'How often it meets',
  'membership-cap': 'Most members allowed',
  chairing: 'Who chairs',
} as const;
export type BodyRuleKind = keyof typeof bodyRuleKinds;

/** How the chair is chosen, as terms of reference say it. */
export const chairingKinds = {
  elected: 'Elected by the members from among themselves',
  office: 'The holder of an office (for example the Lead Member for Children’s Services)',
  independent: 'An independent chair, appointed',
  rotating: 'Rotates among the members',
} as const;
export type ChairingKind = keyof typeof chairingKinds;
export const chairingKindValues = Object.keys(chairingKinds) as [ChairingKind, ...ChairingKind[]];

export interface ChairingRule {
  kind: ChairingKind;
  /** As the terms of reference word it ("the Lead Portfolio Holder for Children’s Services"). */
  detail?: string;
}

/** The rules of one body as they hold on one date (or as the form edits them). */
export interface BodyRules {
  quorum: QuorumRule | null;
  cadence: CadenceRule[] | null;
  'membership-cap': number | null;
  chairing: ChairingRule | null;
}

export interface DatedRule {
  bodyId: string;
  rule: BodyRuleKind;
  /** The first day it holds; null: from the start. */
  holdsFrom: string | null;
  precision: string;
  /** null: no rule of this kind from that date. */
  value: unknown;
}

const emptyRules = (): BodyRules => ({ quorum: null, cadence: null, 'membership-cap': null, chairing: null });

const byDate = (a: { holdsFrom: string | null }, b: { holdsFrom: string | null }) =>
  (a.holdsFrom ?? '').localeCompare(b.holdsFrom ?? '');

/** The row of each rule that holds on the date: the latest from on or before it. */
export function rulesOn(rows: DatedRule[], bodyId: string, date: string): BodyRules {
  const rules = emptyRules();
  for (const row of rows.filter((r) => r.bodyId === bodyId).sort(byDate))
    if (row.holdsFrom === null || row.holdsFrom <= date)
      (rules as unknown as Record<string, unknown>)[row.rule] = row.value ?? null;
  return rules;
}

/** The rules as the latest rows give them (what the body form shows and the body's columns keep). */
export function latestRules(rows: DatedRule[], bodyId: string): BodyRules {
  return rulesOn(rows, bodyId, '9999-12-31');
}

/** The latest row of one rule of a body, if any. */
export function latestRow(rows: DatedRule[], bodyId: string, rule: BodyRuleKind): DatedRule | undefined {
  return rows
    .filter((r) => r.bodyId === bodyId && r.rule === rule)
    .sort(byDate)
    .at(-1);
}

/** A rule's value as stored, so two values compare equal when they say the same. */
export function normalRule(rule: BodyRuleKind, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (rule === 'quorum') {
    const quorum = value as QuorumRule;
    const categories = [...(quorum.categories ?? [])];
    const normal = {
      ...(quorum.minimum ? { minimum: quorum.minimum } : {}),
      ...(quorum.fraction ? { fraction: quorum.fraction } : {}),
      ...(categories.length ? { categories } : {}),
    };
    return Object.keys(normal).length ? normal : null;
  }
  if (rule === 'cadence') {
    const cadence = (value as CadenceRule[])
      .filter((entry) => entry.perYear > 0)
      .map(({ kind, perYear }) => ({ kind, perYear }));
    return cadence.length ? cadence : null;
  }
  if (rule === 'chairing') {
    const chairing = value as ChairingRule;
    return { kind: chairing.kind, ...(chairing.detail ? { detail: chairing.detail } : {}) };
  }
  return value;
}

/** A rule's value as compared: the same whatever the order of its categories or cadence. */
function comparable(rule: BodyRuleKind, value: unknown): string {
  const normal = normalRule(rule, value);
  if (rule === 'quorum' && normal)
    return JSON.stringify({ ...normal, categories: [...((normal as QuorumRule).categories ?? [])].sort() });
  if (rule === 'cadence' && normal)
    return JSON.stringify([...(normal as CadenceRule[])].sort((a, b) => a.kind.localeCompare(b.kind)));
  return JSON.stringify(normal);
}

/** The rules the form gives that differ from those the latest rows give. */
export function changedRules(current: BodyRules, proposed: BodyRules): BodyRuleKind[] {
  return (Object.keys(bodyRuleKinds) as BodyRuleKind[]).filter(
    (rule) => comparable(rule, current[rule]) !== comparable(rule, proposed[rule]),
  );
}

/** One rule in words, for the body's page and its history. */
export function describeRule(
  rule: BodyRuleKind,
  value: unknown,
  categories: Record<string, string> = {},
): string {
  if (value === null || value === undefined) return 'None';
  if (rule === 'quorum') {
    const quorum = value as QuorumRule;
    const named = (quorum.categories ?? []).map((category) => categories[category] ?? category);
    const parts = [
      quorum.minimum ? `${quorum.minimum} voting members present` : '',
      quorum.fraction ? `${Math.round(quorum.fraction * 100)}% of the voting places` : '',
    ].filter(Boolean);
    const including = named.length ? `including ${named.join(', ')}` : '';
    return [parts.join(' or '), including]
      .filter(Boolean)
      .join(', ')
      .replace(/^./, (c) => c.toUpperCase());
  }
  if (rule === 'cadence') return `At least ${cadenceCounts(value as CadenceRule[])} a year`;
  if (rule === 'membership-cap') return `${String(value)} members at most`;
  const chairing = value as ChairingRule;
  return [chairingKinds[chairing.kind] ?? chairing.kind, chairing.detail].filter(Boolean).join(': ');
}

/** A seat's places on a date from its dated rows (ADR 0040); `fallback` when none holds then. */
export function placesOn(
  rows: { holdsFrom: string | null; places: number }[],
  date: string,
  fallback: number,
): number {
  const holding = rows.filter((row) => row.holdsFrom === null || row.holdsFrom <= date).sort(byDate);
  return holding.at(-1)?.places ?? rows.sort(byDate)[0]?.places ?? fallback;
}
