// From the raw response times of one route to the numbers compared across runs.
import type { LoadOutcome } from './load.ts';

export interface RouteStats {
  requests: number;
  requestsPerSecond: number;
  latencyMs: { mean: number; p50: number; p95: number; p99: number; max: number };
  non2xx: number;
  statusCodes: Record<string, number>;
  errors: number;
  timeouts: number;
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: Float64Array, p: number): number {
  if (!sorted.length) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

const round = (value: number, places = 2) => Math.round(value * 10 ** places) / 10 ** places;

export function summarise(outcome: LoadOutcome): RouteStats {
  const sorted = outcome.latencies.slice().sort();
  const total = sorted.reduce((sum, value) => sum + value, 0);
  const non2xx = Object.entries(outcome.statusCodes)
    .filter(([code]) => !code.startsWith('2'))
    .reduce((sum, [, count]) => sum + count, 0);
  return {
    requests: sorted.length,
    requestsPerSecond: round(sorted.length / outcome.duration, 1),
    latencyMs: {
      mean: round(total / Math.max(1, sorted.length), 3),
      p50: round(percentile(sorted, 50), 3),
      p95: round(percentile(sorted, 95), 3),
      p99: round(percentile(sorted, 99), 3),
      max: round(sorted.at(-1) ?? Number.NaN, 3),
    },
    non2xx,
    statusCodes: outcome.statusCodes,
    errors: outcome.errors,
    timeouts: outcome.timeouts,
  };
}
