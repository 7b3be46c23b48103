// What the page, the CSV and the API make of a benchmark: the chart (this partnership, the
// neighbours' average, England) and the table's columns.
import { toCsv, type CsvFile } from '../../platform/documents/csv.ts';
import { lineChartSvg, units } from '../indicators/index.ts';
import type { Benchmark } from './benchmarking.service.ts';
import type { BenchmarkJson } from './benchmarking.api.schemas.ts';

export function benchmarkChart(benchmark: Benchmark): string | null {
  const { indicator, rows } = benchmark;
  return lineChartSvg({
    id: 'benchmark',
    title: `${indicator.code} ${indicator.title}: ${benchmark.partnership} against its statistical neighbours and England`,
    description: `${benchmark.summary} The table after the chart gives every figure.`,
    periods: rows.map((row) => row.period),
    series: [
      { name: 'This partnership', values: rows.map((row) => row.own) },
      { name: 'Neighbours’ average', values: rows.map((row) => row.average) },
      { name: 'England', values: rows.map((row) => row.england) },
    ],
    unit: indicator.unit === 'percentage' ? '%' : indicator.unitLabel || units[indicator.unit],
    percentage: indicator.unit === 'percentage',
  });
}

export function benchmarkCsv(benchmark: Benchmark): CsvFile {
  const header = [
    'Period',
    benchmark.partnership,
    ...benchmark.neighbours.map((n) => n.name),
    'Statistical neighbours’ average',
    'Neighbours averaged',
    'England',
    'Rank',
    'Ranked among',
  ];
  const figure = (value: number | null) => (value === null ? '' : value);
  return toCsv(
    header,
    benchmark.rows.map((row) => [
      row.period,
      figure(row.own),
      ...row.neighbours.map(figure),
      figure(row.average),
      row.averaged,
      figure(row.england),
      figure(row.rank),
      row.rankedAmong,
    ]),
  );
}

export function benchmarkJson(benchmark: Benchmark): BenchmarkJson {
  const { indicator } = benchmark;
  return {
    indicator: {
      code: indicator.code,
      title: indicator.title,
      unit: indicator.unit,
      polarity: indicator.polarity,
      frequency: indicator.frequency,
      libraryKey: indicator.libraryKey,
    },
    partnership: { name: benchmark.partnership, publishes: benchmark.published },
    neighbours: benchmark.neighbours,
    summary: benchmark.summary,
    periods: benchmark.rows.map((row) => ({
      period: row.period,
      value: row.own,
      neighbours: benchmark.neighbours.map((n, index) => ({
        name: n.name,
        value: row.neighbours[index] ?? null,
      })),
      neighbourAverage: row.average,
      neighboursAveraged: row.averaged,
      england: row.england,
      rank: row.rank,
      rankedAmong: row.rankedAmong,
    })),
  };
}
