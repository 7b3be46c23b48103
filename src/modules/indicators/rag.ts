// Red, amber or green for a value against its target, and the direction of travel between two
// values: pure functions of the numbers, the tolerance and which way is better.
import type { Polarity, ToleranceKind } from './indicators.vocabulary.ts';

export type Rag = 'red' | 'amber' | 'green';

export const ragLabels: Record<Rag, string> = {
  green: 'Green: on or better than target',
  amber: 'Amber: short of target, within tolerance',
  red: 'Red: short of target, beyond tolerance',
};

export interface Tolerance {
  kind: ToleranceKind;
  /** In the indicator's units (absolute) or as a percentage of the target (relative). */
  amount: number;
}

// Values come from decimal text (45.3); a shortfall exactly at the tolerance must count as
// within it, whatever binary floating point makes of 45.3 - 43.3.
const epsilon = (a: number, b: number) => 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** How far the value falls short of the target (0 or less: met or beaten). */
export function shortfall(value: number, target: number, polarity: 'higher' | 'lower'): number {
  return polarity === 'higher' ? target - value : value - target;
}

/** The amber band's width: the absolute amount, or that percentage of the target. */
export function allowance(target: number, tolerance: Tolerance): number {
  return tolerance.kind === 'absolute' ? tolerance.amount : (Math.abs(target) * tolerance.amount) / 100;
}

/**
 * Green: the target is met or beaten. Amber: short of it by no more than the tolerance (the
 * edge is amber). Red: short by more. No rating for an indicator with no better direction.
 */
export function ragOf(value: number, target: number, tolerance: Tolerance, polarity: Polarity): Rag | null {
  if (polarity === 'none') return null;
  const gap = shortfall(value, target, polarity);
  const slack = epsilon(value, target);
  if (gap <= slack) return 'green';
  return gap <= allowance(target, tolerance) + slack ? 'amber' : 'red';
}

export type Direction = 'improving' | 'worsening' | 'no change' | 'up' | 'down';

export const directionLabels: Record<Direction, string> = {
  improving: 'Improving',
  worsening: 'Worsening',
  'no change': 'No change',
  up: 'Up',
  down: 'Down',
};

/** From the previous value to the latest: better or worse by the polarity, or just up or down. */
export function directionOf(previous: number, latest: number, polarity: Polarity): Direction {
  if (Math.abs(latest - previous) <= epsilon(latest, previous)) return 'no change';
  const up = latest > previous;
  if (polarity === 'none') return up ? 'up' : 'down';
  return up === (polarity === 'higher') ? 'improving' : 'worsening';
}
