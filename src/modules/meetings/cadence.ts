// The cadence check: for each calendar year, how many meetings of each kind a body held
// against the least its rules ask for. Cancelled meetings do not count; a joint meeting counts
// as a meeting of each of its bodies. Pure, so every case is unit-tested.
import type { CadenceRule } from '../bodies/index.ts';
import { cadenceKindOf } from './meetings.vocabulary.ts';

export interface CadenceYear {
  year: number;
  /** The year has not ended yet on the date of the check: a shortfall is not yet a failure. */
  current: boolean;
  counts: { kind: string; required: number; held: number; short: number }[];
  fallsShort: boolean;
}

export function cadenceCheck(
  /** The rules, or the rules of each year (dated rules: ADR 0040). */
  rules: CadenceRule[] | ((year: number) => CadenceRule[]),
  meetings: { kind: string; startsOn: string; state: string }[],
  options: { from?: number; today: string },
): CadenceYear[] {
  const rulesOf = typeof rules === 'function' ? rules : () => rules;
  const counted = meetings.filter((meeting) => meeting.state !== 'cancelled');
  const thisYear = Number(options.today.slice(0, 4));
  const firstYear =
    options.from ??
    (counted.length ? Math.min(...counted.map((meeting) => Number(meeting.startsOn.slice(0, 4)))) : thisYear);
  const years: CadenceYear[] = [];
  for (let year = firstYear; year <= thisYear; year += 1) {
    const wanted = rulesOf(year).filter((rule) => rule.perYear > 0);
    if (!wanted.length) continue;
    const inYear = counted.filter((meeting) => meeting.startsOn.startsWith(`${year}-`));
    const counts = wanted.map((rule) => {
      const held = inYear.filter((meeting) => cadenceKindOf(meeting.kind) === rule.kind).length;
      return { kind: rule.kind, required: rule.perYear, held, short: Math.max(0, rule.perYear - held) };
    });
    years.push({
      year,
      current: year === thisYear,
      counts,
      fallsShort: counts.some((count) => count.short > 0),
    });
  }
  return years;
}
