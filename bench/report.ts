// The record of one run: the machine, the database, the load and each route's numbers, as a
// JSON file in bench/results/ (compared across runs) and as a table on the terminal.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRoute } from './routes.ts';
import type { RouteStats } from './stats.ts';

export const resultsFolder = fileURLToPath(new URL('./results/', import.meta.url));

export interface RouteResult extends RouteStats {
  name: string;
  path: string;
  kind: BenchRoute['kind'];
  auth: BenchRoute['auth'];
  /** This route's p95 over /ping's p95 in the same run. */
  p95RatioToPing: number;
  maxP95Ratio: number | null;
  /** null when the route has no target; false also when any answer was not 2xx. */
  targetMet: boolean | null;
}

export function machineFacts() {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpus: cpus.length,
    availableParallelism: os.availableParallelism(),
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    freeMemoryGiB: Math.round((os.freemem() / 2 ** 30) * 10) / 10,
    // Other work on the machine skews every number: a load above the CPU count says so.
    loadAverage: os.loadavg().map((value) => Math.round(value * 100) / 100),
  };
}

export function gitFacts(): { commit: string | null; dirty: boolean | null } {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: fileURLToPath(new URL('..', import.meta.url)), encoding: 'utf8' });
  try {
    return { commit: git('rev-parse', 'HEAD').trim(), dirty: git('status', '--porcelain').trim() !== '' };
  } catch {
    return { commit: null, dirty: null };
  }
}

const versionOf = (name: string) =>
  (createRequire(import.meta.url)(`${name}/package.json`) as { version: string }).version;

/** What made the load: at a rate, requests sent at even intervals; otherwise autocannon. */
export const loadTool = (rate: number) =>
  rate > 0
    ? `requests at even intervals (bench/load.ts, undici ${versionOf('undici')})`
    : `autocannon ${versionOf('autocannon')}`;

/**
 * Writes the run to bench/results/[<kind>-]<ISO timestamp>.json; colons become hyphens for
 * Windows. The route runs have no kind; another benchmark names its own (`boardpack`).
 */
export function writeResults(startedAt: Date, record: object, kind?: string): string {
  mkdirSync(resultsFolder, { recursive: true });
  const stamp = startedAt.toISOString().replaceAll(':', '-');
  const file = join(resultsFolder, `${kind ? `${kind}-` : ''}${stamp}.json`);
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  return file;
}

export function formatTable(results: RouteResult[]): string {
  const header = ['route', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'p95/ping', 'non-2xx', 'target'];
  const rows = results.map((r) => [
    r.name,
    r.requestsPerSecond.toFixed(1),
    r.latencyMs.p50.toFixed(2),
    r.latencyMs.p95.toFixed(2),
    r.latencyMs.p99.toFixed(2),
    `${r.p95RatioToPing.toFixed(1)}×`,
    String(r.non2xx + r.errors),
    r.maxP95Ratio === null ? '' : `≤${r.maxP95Ratio}× ${r.targetMet ? 'met' : 'MISSED'}`,
  ]);
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) =>
        i === 0 || i === row.length - 1 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!),
      )
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
