// An indicator's benchmark, worked out from figures already read: per period, this
// partnership's value, each publishing neighbour's, the neighbours' average (of those that
// published a value for that period), England's, and this partnership's rank among itself and
// those neighbours, in the indicator's better direction. Pure, so it is unit-tested alone.
import type { Polarity } from '../indicators/index.ts';

export interface PeriodValue {
  period: string;
  periodStart: string;
  value: number;
}

export interface NeighbourSeries {
  name: string;
  values: PeriodValue[];
}

export interface BenchmarkInput {
  polarity: Polarity;
  own: PeriodValue[];
  neighbours: NeighbourSeries[];
  england: PeriodValue[];
}

export interface BenchmarkRow {
  period: string;
  own: number | null;
  /** In the order of `neighbours`, null where that neighbour has no value. */
  neighbours: (number | null)[];
  average: number | null;
  /** How many neighbours' values the average is of. */
  averaged: number;
  england: number | null;
  /** 1 is best; null with no value of our own, none of the neighbours', or no better direction. */
  rank: number | null;
  rankedAmong: number;
}

const round = (value: number) => Math.round(value * 100) / 100;

export function averageOf(values: number[]): number | null {
  if (!values.length) return null;
  return round(values.reduce((sum, value) => sum + value, 0) / values.length);
}

/** Competition ranking ("1, 2, 2, 4"): one more than the number of values strictly better. */
export function rankOf(value: number, among: number[], polarity: Polarity): number | null {
  if (polarity === 'none') return null;
  const better = among.filter((other) => (polarity === 'higher' ? other > value : other < value));
  return better.length + 1;
}

export function benchmarkRows(input: BenchmarkInput): BenchmarkRow[] {
  const starts = new Map<string, string>();
  for (const row of [...input.own, ...input.neighbours.flatMap((n) => n.values), ...input.england])
    if (!starts.has(row.period)) starts.set(row.period, row.periodStart);
  const periods = [...starts.entries()].sort((a, b) => a[1].localeCompare(b[1])).map(([period]) => period);
  const at = (rows: PeriodValue[], period: string) =>
    rows.find((row) => row.period === period)?.value ?? null;
  return periods.map((period) => {
    const own = at(input.own, period);
    const neighbours = input.neighbours.map((neighbour) => at(neighbour.values, period));
    const present = neighbours.filter((value): value is number => value !== null);
    return {
      period,
      own,
      neighbours,
      average: averageOf(present),
      averaged: present.length,
      england: at(input.england, period),
      rank: own === null || !present.length ? null : rankOf(own, present, input.polarity),
      rankedAmong: own === null ? present.length : present.length + 1,
    };
  });
}

const figure = (value: number, unit: string) =>
  unit === 'percentage' ? `${value}%` : unit === 'money' ? `£${value}` : `${value}`;

/** One sentence on the latest period with a value of our own. */
export function benchmarkSummary(
  rows: BenchmarkRow[],
  subject: { partnership: string; code: string; unit: string; polarity: Polarity },
): string {
  const latest = rows.filter((row) => row.own !== null).at(-1);
  if (!latest) return `${subject.partnership} has no values of ${subject.code} to compare yet.`;
  const parts = [`In ${latest.period}, ${subject.partnership}: ${figure(latest.own!, subject.unit)}`];
  if (latest.averaged)
    parts.push(
      `the average of ${latest.averaged} statistical neighbour${latest.averaged === 1 ? '' : 's'} publishing it: ${figure(latest.average!, subject.unit)}`,
    );
  else parts.push('no statistical neighbour published a value');
  if (latest.england !== null) parts.push(`England: ${figure(latest.england, subject.unit)}`);
  const rank =
    latest.rank !== null
      ? ` Ranked ${latest.rank} of ${latest.rankedAmong} (${subject.polarity} is better).`
      : '';
  return `${parts.join('; ')}.${rank}`;
}
