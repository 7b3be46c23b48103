// An indicator's performance from its rows: each period's overall value against that period's
// target, the RAG, and the latest position with its direction of travel. Pure, so the list,
// the indicator page, the API and the reports all say the same thing.
import type { Frequency, Polarity, ToleranceKind, Unit } from './indicators.vocabulary.ts';
import { parsePeriod, periodProblem } from './periods.ts';
import { directionOf, ragOf, type Direction, type Rag } from './rag.ts';

export interface TargetFact {
  period: string;
  periodStart: string;
  target: number;
  toleranceKind: ToleranceKind;
  tolerance: number;
}

export interface ValueFact {
  period: string;
  periodStart: string;
  breakdownKind: 'all' | 'group' | 'area';
  breakdown: string;
  value: number;
}

export interface PeriodPerformance {
  period: string;
  periodStart: string;
  value: number | null;
  target: TargetFact | null;
  rag: Rag | null;
}

export interface Performance {
  periods: PeriodPerformance[];
  latest: (PeriodPerformance & { value: number; direction: Direction | null }) | null;
}

export function performanceOf(polarity: Polarity, targets: TargetFact[], values: ValueFact[]): Performance {
  const overall = values.filter((value) => value.breakdownKind === 'all');
  const byPeriod = new Map<string, PeriodPerformance>();
  for (const target of targets)
    byPeriod.set(target.period, {
      period: target.period,
      periodStart: target.periodStart,
      value: null,
      target,
      rag: null,
    });
  for (const value of overall) {
    const entry = byPeriod.get(value.period) ?? {
      period: value.period,
      periodStart: value.periodStart,
      value: null,
      target: null,
      rag: null,
    };
    entry.value = value.value;
    byPeriod.set(value.period, entry);
  }
  const periods = [...byPeriod.values()].sort((a, b) => a.periodStart.localeCompare(b.periodStart));
  for (const entry of periods) {
    if (entry.value !== null && entry.target)
      entry.rag = ragOf(
        entry.value,
        entry.target.target,
        { kind: entry.target.toleranceKind, amount: entry.target.tolerance },
        polarity,
      );
  }
  const measured = periods.filter((entry) => entry.value !== null);
  const last = measured.at(-1);
  const previous = measured.at(-2);
  return {
    periods,
    latest: last
      ? {
          ...last,
          value: last.value!,
          direction: previous ? directionOf(previous.value!, last.value!, polarity) : null,
        }
      : null,
  };
}

export interface ValueProblem {
  path: string;
  message: string;
}

/** What is wrong with a value (or target, or comparator) for this indicator, if anything. */
export function valueProblems(
  indicator: { frequency: Frequency; unit: Unit },
  input: { period: string; value: number },
  label = 'Value',
): ValueProblem[] {
  const problems: ValueProblem[] = [];
  if (!parsePeriod(indicator.frequency, input.period))
    problems.push({ path: 'period', message: periodProblem(indicator.frequency, input.period) });
  if (indicator.unit === 'percentage' && (input.value < 0 || input.value > 100))
    problems.push({ path: 'value', message: `${label} is a percentage: it must be between 0 and 100` });
  if (indicator.unit === 'percentage points' && Math.abs(input.value) > 100)
    problems.push({
      path: 'value',
      message: `${label} is in percentage points: it must be between -100 and 100`,
    });
  return problems;
}
