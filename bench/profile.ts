// Where a page's time goes, one request at a time: starts the server as the runner does, signs
// in as the measured partnership's administrator, requests each page several times in a row
// and prints, per route, the time a request takes, the queries it makes (counted at the `pg`
// client, sessions included), its transactions, and the time the database was busy for it.
//   DATA_DIR=./data/bench node bench/profile.ts [--repeat 20] [--only structure] [--partnership slug]
import { parseArgs } from 'node:util';
import pg from 'pg';
import { runCommand } from './command.ts';
import { benchPassword } from './identities.ts';
import { benchRoutes, baselineRoute } from './routes.ts';
import { chooseRouteTarget, serverConfig } from './target.ts';
import { signIn } from './sign-in.ts';
import { startServer } from '../src/server.ts';

interface Query {
  text: string;
  start: number;
  end: number;
}

/** Every query any `pg` client sends, with when it was sent and when its answer came. */
function recordQueries(): Query[] {
  const queries: Query[] = [];
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    const entry: Query = {
      text: typeof first === 'string' ? first : (first?.text ?? ''),
      start: performance.now(),
      end: Number.NaN,
    };
    queries.push(entry);
    const done = () => (entry.end = performance.now());
    const last = args.length - 1;
    if (typeof args[last] === 'function') {
      const callback = args[last] as (...a: unknown[]) => void;
      args[last] = (...a: unknown[]) => {
        done();
        callback(...a);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === 'function')
      (result as Promise<unknown>).then(done, done);
    return result;
  } as typeof pg.Client.prototype.query;
  return queries;
}

/** How long at least one query was under way (overlapping queries counted once). */
function busy(queries: Query[]): number {
  let total = 0;
  let until = -Infinity;
  for (const q of [...queries].sort((a, b) => a.start - b.start)) {
    const start = Math.max(q.start, until);
    if (q.end > start) total += q.end - start;
    until = Math.max(until, q.end);
  }
  return total;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (n: number) => Math.round(n * 10) / 10;

async function profile(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      repeat: { type: 'string', default: '20' },
      only: { type: 'string' },
      partnership: { type: 'string' },
      verbose: { type: 'boolean' },
    },
  });
  const repeat = Number(values.repeat);
  const queries = recordQueries();
  const running = await startServer(serverConfig());
  try {
    const routes = [baselineRoute, ...benchRoutes].filter(
      (r) => r.auth !== 'token' && (!values.only || r.name.includes(values.only)),
    );
    const { routeTarget, ...target } = await chooseRouteTarget(
      running.runtime.services,
      values.partnership,
      routes,
    );
    const cookie = await signIn(running.url, target.email, benchPassword);
    process.stdout.write(`${target.slug}, ${repeat} requests a route, one at a time (medians)\n`);
    process.stdout.write('route                                    ms  queries  transactions  db ms\n');
    for (const route of routes) {
      const samples: { ms: number; queries: Query[] }[] = [];
      for (let i = 0; i < repeat + 2; i++) {
        const from = queries.length;
        const start = performance.now();
        const response = await fetch(`${running.url}${route.path(routeTarget)}`, { headers: { cookie } });
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`${route.name} answered ${response.status}`);
        if (i >= 2) samples.push({ ms: performance.now() - start, queries: queries.slice(from) });
      }
      const count = (q: Query[]) => q.length;
      const transactions = (q: Query[]) =>
        q.filter((x) => /^(begin\b|start transaction)/i.test(x.text)).length;
      process.stdout.write(
        `${route.name.padEnd(38)} ${String(round(median(samples.map((s) => s.ms)))).padStart(6)}` +
          `  ${String(median(samples.map((s) => count(s.queries)))).padStart(7)}` +
          `  ${String(median(samples.map((s) => transactions(s.queries)))).padStart(12)}` +
          `  ${String(round(median(samples.map((s) => busy(s.queries))))).padStart(5)}\n`,
      );
      if (values.verbose)
        for (const q of samples.at(-1)!.queries)
          process.stdout.write(
            `    ${round(q.end - q.start)} ms  ${q.text.replace(/\s+/g, ' ').slice(0, 150)}\n`,
          );
    }
  } finally {
    await running.stop();
  }
}

if (import.meta.main) await runCommand(() => profile(process.argv.slice(2)));
