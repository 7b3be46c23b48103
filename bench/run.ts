// The benchmark runner: starts the real server in this process on a free port of 127.0.0.1,
// against the database the environment names (DATA_DIR or DATABASE_URL, generated first with
// `npm run bench -- generate`), measures /ping and each route one after another (at a rate,
// requests sent at even intervals; otherwise autocannon as fast as answered: bench/load.ts),
// then writes bench/results/<timestamp>.json and prints a table.
//   npm run bench [-- --duration 10 --connections 10 --only audit]   (all flags: --help)
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { sql } from 'kysely';
import type pg from 'pg';
import { systemCaller } from '../src/platform/http/auth.ts';
import { startServer, type RunningServer } from '../src/server.ts';
import type { Services } from '../src/services.ts';
import { runCommand, SetupProblem } from './command.ts';
import { benchAdminEmail, benchPassword } from './identities.ts';
import type { LoadJob, LoadOutcome } from './load.ts';
import { formatTable, loadTool, gitFacts, machineFacts, writeResults, type RouteResult } from './report.ts';
import { baselineRoute, benchRoutes, type BenchRoute } from './routes.ts';
import { signIn } from './sign-in.ts';
import { chooseRouteTarget, serverConfig } from './target.ts';
import { summarise } from './stats.ts';

const say = (line: string) => process.stdout.write(`${line}\n`);

const usage = `Usage (DATA_DIR or DATABASE_URL names the database, as for the server):
  npm run bench -- generate [--seed S] [--users-per-partnership N] [--people-per-partnership N]
                           [--meeting-years N] [--partnerships N]
                                                make the data set (idempotent)
  npm run bench -- boardpack [--runs N --papers N --pages N --partnership SLUG]
                                                time making a board pack of about 100 pages
  npm run bench [-- --duration S --warmup S --connections N --rate R --only TEXT --partnership SLUG]
See bench/README.md.`;

function whole(name: string, value: string, min: number, max: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max)
    throw new SetupProblem(`--${name} must be a whole number from ${min} to ${max}`);
  return number;
}

function options(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      duration: { type: 'string', default: process.env.BENCH_DURATION ?? '10' },
      warmup: { type: 'string', default: process.env.BENCH_WARMUP ?? '2' },
      connections: { type: 'string', default: process.env.BENCH_CONNECTIONS ?? '10' },
      rate: { type: 'string', default: process.env.BENCH_RATE ?? '0' },
      only: { type: 'string' },
      partnership: { type: 'string' },
    },
  });
  return {
    duration: whole('duration', values.duration, 1, 120),
    warmup: whole('warmup', values.warmup, 0, 30),
    connections: whole('connections', values.connections, 1, 100),
    rate: whole('rate', values.rate, 0, 100_000),
    only: values.only,
    partnership: values.partnership,
  };
}

/**
 * The data set's size: people and memberships over every partnership, and the measured
 * partnership's bodies, seats, people and memberships (its pages' work grows with these).
 */
async function dataSetFacts(services: Services, slug: string) {
  let people = 0;
  let memberships = 0;
  let measured = null;
  for (const partnership of await services.partnerships.list()) {
    const caller = systemCaller('bench run', partnership.id);
    const [who, held] = await Promise.all([
      services.membership.people(caller),
      services.membership.memberships(caller, {}),
    ]);
    people += who.length;
    memberships += held.length;
    if (partnership.slug === slug) {
      const bodies = await services.bodies.list(caller);
      let seats = 0;
      for (const body of bodies) seats += (await services.membership.seats(caller, body.id)).length;
      measured = { slug, bodies: bodies.length, seats, people: who.length, memberships: held.length };
    }
  }
  return { people, memberships, measured };
}

function load(job: LoadJob): Promise<LoadOutcome> {
  return new Promise((done, fail) => {
    const worker = new Worker(new URL('./load.worker.ts', import.meta.url), { workerData: job });
    let outcome: LoadOutcome | undefined;
    worker.once('message', (message: LoadOutcome) => (outcome = message));
    worker.once('error', fail);
    worker.once('exit', (code) =>
      outcome ? done(outcome) : fail(new Error(`The load worker stopped (exit code ${code})`)),
    );
  });
}

/**
 * Waits (10 s at most) until the database pool has been idle for 200 ms. When a load stops,
 * autocannon hangs up on the requests still queued for the database; they run on, and must
 * finish before the next route is measured or the server stops and closes the pool.
 */
async function settle(pool: pg.Pool): Promise<void> {
  let quiet = 0;
  for (let tick = 0; tick < 500 && quiet < 10; tick++) {
    await sleep(20);
    quiet = pool.waitingCount === 0 && pool.idleCount === pool.totalCount ? quiet + 1 : 0;
  }
}

async function measure(running: RunningServer, settings: ReturnType<typeof options>, startedAt: Date) {
  const { services, db } = running.runtime;
  const routes = [
    baselineRoute,
    ...benchRoutes.filter((r) => !settings.only || r.name.includes(settings.only)),
  ];
  const { routeTarget, ...target } = await chooseRouteTarget(services, settings.partnership, routes);
  const adminId = await services.accounts.userIdByEmail(benchAdminEmail);
  if (!adminId)
    throw new SetupProblem(`${benchAdminEmail} is missing: run \`npm run bench -- generate\` first`);
  // A token of the run's own: the generator's was shown once and only its digest is stored.
  const { id: tokenId, token } = await services.tokens.create(
    systemCaller('bench run'),
    adminId,
    `Bench run ${startedAt.toISOString()}`,
  );
  const owner = { ...systemCaller('bench run'), userId: adminId };
  try {
    const dataSet = await dataSetFacts(services, target.slug);
    if (dataSet.measured)
      say(
        `Measuring ${target.slug}: ${dataSet.measured.bodies} bodies, ${dataSet.measured.seats} seats, ` +
          `${dataSet.measured.people} people, ${dataSet.measured.memberships} memberships ` +
          `(all partnerships: ${dataSet.people} people, ${dataSet.memberships} memberships)`,
      );
    const cookie = await signIn(running.url, target.email, benchPassword);
    const headers: Record<BenchRoute['auth'], Record<string, string>> = {
      none: {},
      session: { cookie },
      token: { authorization: `Bearer ${token}` },
    };
    // Every route must answer 2xx before it is worth timing.
    for (const route of routes) {
      const response = await fetch(`${running.url}${route.path(routeTarget)}`, {
        headers: headers[route.auth],
        redirect: 'manual',
      });
      await response.arrayBuffer();
      if (!response.ok) throw new SetupProblem(`${route.name} answered ${response.status} before measuring`);
    }
    const measured = [];
    for (const route of routes) {
      await settle(db.engine.pool);
      process.stdout.write(`- ${route.name}: ${settings.warmup} s warm-up, ${settings.duration} s… `);
      const stats = summarise(
        await load({
          url: `${running.url}${route.path(routeTarget)}`,
          headers: headers[route.auth],
          connections: settings.connections,
          rate: settings.rate,
          duration: settings.duration,
          warmup: settings.warmup,
        }),
      );
      say(`${stats.requestsPerSecond} req/s, p95 ${stats.latencyMs.p95} ms`);
      measured.push({ route, stats });
    }
    await settle(db.engine.pool);
    const [version] = (await sql<{ version: string }>`select version()`.execute(db.owner)).rows;
    const database = {
      engine: db.engine.kind,
      version: version?.version ?? null,
      partnerships: (await services.partnerships.list()).length,
      users: await services.accounts.countUsers(),
      ...dataSet,
    };
    return { target: { ...target, meetingId: routeTarget.meetingId || null }, database, measured };
  } finally {
    await services.tokens.revoke(owner, tokenId);
  }
}

function compare(measured: Awaited<ReturnType<typeof measure>>['measured']): RouteResult[] {
  const pingP95 = measured[0]!.stats.latencyMs.p95;
  return measured.map(({ route, stats }) => {
    const ratio = Math.round((stats.latencyMs.p95 / pingP95) * 100) / 100;
    const clean = stats.non2xx === 0 && stats.errors === 0;
    return {
      name: route.name,
      path: route.path({ slug: ':slug', meetingId: ':meeting' }),
      kind: route.kind,
      auth: route.auth,
      ...stats,
      p95RatioToPing: ratio,
      maxP95Ratio: route.maxP95Ratio ?? null,
      targetMet: route.maxP95Ratio === undefined ? null : clean && ratio <= route.maxP95Ratio,
    };
  });
}

export async function run(argv: string[]): Promise<void> {
  const settings = options(argv);
  const config = serverConfig();
  const startedAt = new Date();
  const machine = machineFacts();
  const running = await startServer(config);
  try {
    if (!running.url.startsWith('http://127.0.0.1:')) throw new Error(`Refusing to load ${running.url}`);
    say(
      `Cooperate at ${running.url} (${running.runtime.db.engine.kind}, NODE_ENV=${config.NODE_ENV}), ` +
        `${settings.connections} connections${settings.rate ? ` ${settings.rate} req/s at even intervals` : ''}, load average ${machine.loadAverage.join(' ')} on ${machine.cpus} CPUs`,
    );
    const { target, database, measured } = await measure(running, settings, startedAt);
    const results = compare(measured);
    const file = writeResults(startedAt, {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      git: gitFacts(),
      machine,
      loadAverageAfter: machineFacts().loadAverage,
      database,
      server: { NODE_ENV: config.NODE_ENV, LOG_LEVEL: config.LOG_LEVEL, inProcess: true },
      load: {
        tool: loadTool(settings.rate),
        connections: settings.connections,
        ratePerSecond: settings.rate || null,
        durationSeconds: settings.duration,
        warmupSeconds: settings.warmup,
        partnership: target.slug,
        meeting: target.meetingId,
        signedInAs: target.email,
      },
      results,
    });
    say(`\n${formatTable(results)}\n\nWritten to ${file}`);
  } finally {
    await running.stop();
  }
}

if (import.meta.main) {
  const [command, ...rest] = process.argv.slice(2);
  await runCommand(async () => {
    if (command === 'help' || command === '--help' || command === '-h') say(usage);
    else if (command === 'generate') await (await import('./generate.ts')).generate(rest);
    else if (command === 'boardpack') await (await import('./boardpack.ts')).boardPackBench(rest);
    else await run(process.argv.slice(2));
  });
}
