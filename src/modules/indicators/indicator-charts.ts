// The charts of an indicator page, worked out from its rows: the trend (value, target and any
// comparators by period) and the gap (each group or area against everyone), each with the
// figures for its table and a sentence that says what it shows.
import { lineChartSvg } from './chart.ts';
import { comparatorKinds, units } from './indicators.vocabulary.ts';
import type { ComparatorRow, IndicatorRow, TargetRow, ValueRow } from './indicators.repository.ts';

export interface GapRow {
  period: string;
  breakdown: string;
  value: number;
  overall: number;
  gap: number;
}

const round = (value: number) => Math.round(value * 100) / 100;

function orderedPeriods(rows: { period: string; periodStart: string }[]): string[] {
  const starts = new Map<string, string>();
  for (const row of rows) starts.set(row.period, row.periodStart);
  return [...starts.entries()].sort((a, b) => a[1].localeCompare(b[1])).map(([period]) => period);
}

const figure = (indicator: IndicatorRow, value: number) =>
  indicator.unit === 'percentage' ? `${value}%` : indicator.unit === 'money' ? `£${value}` : `${value}`;

/** A group's or area's value, with everyone's in the same period and the gap where there is one. */
export interface BreakdownRow extends ValueRow {
  overall: number | null;
  gap: number | null;
}

/** Every value of a group or area, against everyone's value in the same period where known. */
export function breakdownsOf(values: ValueRow[]): BreakdownRow[] {
  const overall = new Map(values.filter((v) => v.breakdownKind === 'all').map((v) => [v.period, v.value]));
  return values
    .filter((value) => value.breakdownKind !== 'all')
    .map((value) => {
      const everyone = overall.get(value.period);
      return {
        ...value,
        overall: everyone ?? null,
        gap: everyone === undefined ? null : round(value.value - everyone),
      };
    });
}

/** Each group's or area's value against everyone's in the same period. */
export function gapsOf(values: ValueRow[]): GapRow[] {
  return breakdownsOf(values).flatMap(({ period, breakdown, value, overall, gap }) =>
    overall === null || gap === null ? [] : [{ period, breakdown, value, overall, gap }],
  );
}

interface ChartedDetail {
  indicator: IndicatorRow;
  targets: TargetRow[];
  values: ValueRow[];
  comparators: ComparatorRow[];
}

/** The indicator's charts, drawn from its detail. */
export function indicatorCharts(detail: ChartedDetail) {
  const { indicator, targets, values, comparators } = detail;
  const overall = values.filter((value) => value.breakdownKind === 'all');
  const periods = orderedPeriods([...targets, ...overall, ...comparators]);
  const at = <T extends { period: string }>(rows: T[], pick: (row: T) => number) =>
    periods.map((period) => {
      const row = rows.find((candidate) => candidate.period === period);
      return row ? pick(row) : null;
    });
  const comparatorSeries = Object.entries(comparatorKinds)
    .filter(([kind]) => comparators.some((row) => row.comparator === kind))
    .map(([kind, name]) => ({
      name,
      values: at(
        comparators.filter((row) => row.comparator === kind),
        (row) => row.value,
      ),
    }));
  const unit = indicator.unit === 'percentage' ? '%' : indicator.unitLabel || units[indicator.unit];
  const first = overall[0];
  const last = overall.at(-1);
  const trendSummary =
    first && last && first !== last
      ? `${indicator.code} went from ${figure(indicator, first.value)} in ${first.period} to ${figure(indicator, last.value)} in ${last.period}.`
      : last
        ? `${indicator.code} was ${figure(indicator, last.value)} in ${last.period}.`
        : `${indicator.code} has no values yet.`;
  const trend = lineChartSvg({
    id: 'trend',
    title: `${indicator.code} ${indicator.title}: value and target by period`,
    description: `${trendSummary} The table after the chart gives every figure.`,
    periods,
    series: [
      { name: 'Value', values: at(overall, (row) => row.value) },
      { name: 'Target', values: at(targets, (row) => row.target) },
      ...comparatorSeries,
    ],
    unit,
    percentage: indicator.unit === 'percentage',
  });

  const gaps = gapsOf(values);
  const breakdowns = [...new Set(gaps.map((gap) => gap.breakdown))];
  const gapPeriods = orderedPeriods(
    values.filter((value) => gaps.some((gap) => gap.period === value.period)),
  );
  const latestGap = gaps.at(-1);
  const gapSummary = latestGap
    ? `In ${latestGap.period}, ${latestGap.breakdown}: ${figure(indicator, latestGap.value)} against ${figure(indicator, latestGap.overall)} for everyone, a gap of ${Math.abs(latestGap.gap)} ${indicator.unit === 'percentage' ? 'percentage points' : unit} ${latestGap.gap < 0 ? 'below' : latestGap.gap > 0 ? 'above' : 'from'} everyone.`
    : '';
  const gap = gaps.length
    ? lineChartSvg({
        id: 'gap',
        title: `${indicator.code}: groups and areas against everyone`,
        description: `${gapSummary} The table after the chart gives every figure.`,
        periods: gapPeriods,
        series: [
          {
            name: 'Everyone',
            values: gapPeriods.map((period) => gaps.find((g) => g.period === period)?.overall ?? null),
          },
          ...breakdowns.map((breakdown) => ({
            name: breakdown,
            values: gapPeriods.map(
              (period) => gaps.find((g) => g.period === period && g.breakdown === breakdown)?.value ?? null,
            ),
          })),
        ],
        unit,
        percentage: indicator.unit === 'percentage',
      })
    : null;
  return { trend, trendSummary, gap, gaps, gapSummary };
}
