// The web server: configuration → database → migrations → (first run: seeds and an
// administrator) → app → listen. Stops cleanly on SIGINT/SIGTERM.
import type { Server } from 'node:http';
import { ConfigError, loadConfig, redactedConfig, type Config } from './platform/config.ts';
import { createLogger } from './platform/http/logging.ts';
import { createApp } from './app.ts';
import { PdfPrinter } from './platform/documents/pdf.ts';
import { openRuntime, sessionSecret, type Runtime } from './runtime.ts';
import { firstRun } from './seeds/first-run.ts';
import { FolderRefusal } from './platform/db/folder-lock.ts';

/** How long a stop lets requests under way finish before closing their connections. */
const requestsGraceMs = 4_000;
/** A stop that has not finished by then (something hung) ends the process anyway. */
const stopDeadlineMs = 9_500;

/**
 * Serves until SIGINT or SIGTERM, then stops cleanly (`stop`); if that has not finished within
 * the deadline, the process exits anyway with status 1 (ADR 0039). Resolves once stopped.
 */
export async function serveUntilSignalled(running: RunningServer): Promise<void> {
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  setTimeout(() => {
    process.stderr.write('The server did not stop within 10 seconds of the signal: exiting anyway\n');
    process.exit(1);
  }, stopDeadlineMs).unref();
  await running.stop();
}

export interface RunningServer {
  url: string;
  server: Server;
  runtime: Runtime;
  stop(): Promise<void>;
}

export async function startServer(
  config: Config,
  options: { seedOnFirstRun?: boolean; /** Embedded: start from a dump (tests). */ loadDump?: string } = {},
): Promise<RunningServer> {
  const logger = createLogger(config.LOG_LEVEL);
  logger.info({ config: redactedConfig(config) }, 'starting');
  if (config.NODE_ENV === 'production' && config.COOKIE_SECURE === false)
    logger.warn(
      'INSECURE: production with COOKIE_SECURE=false (INSECURE_COOKIES_IN_PRODUCTION=true): session and sign-in cookies are sent over plain HTTP. Only for a server reached on this machine alone.',
    );
  const runtime = await openRuntime(config, { loadDump: options.loadDump });
  if (runtime.applied.length) logger.info({ migrations: runtime.applied }, 'database migrated');
  // The embedded engine has no autovacuum: statistics for its planner, once a start.
  if (runtime.db.engine.kind === 'pglite') await runtime.db.analyze();
  if (options.seedOnFirstRun) {
    const welcome = await firstRun(runtime.services);
    if (welcome) process.stdout.write(welcome);
  }
  // Background jobs: pg-boss starts now if it was ever used here (jobs may be waiting),
  // otherwise on the first job.
  runtime.jobs.useLogger(logger);
  // A server runs pg-boss's clock (the daily reminders and digests, ADR 0034); with a mail
  // server configured it starts the jobs now, so that the daily mail runs.
  runtime.jobs.useClock();
  await runtime.jobs.resume();
  await runtime.services.mail.ready();
  const printer = new PdfPrinter(config.CHROMIUM_PATH);
  const app = createApp({
    printer,
    config,
    db: runtime.db,
    services: runtime.services,
    logger,
    sessionSecret: sessionSecret(config),
  });
  // Express hands a listen error (the port in use) to this callback: the start fails with it,
  // rather than reporting "listening" on a server that is not (issue 24).
  const server = await new Promise<Server>((done, fail) => {
    const listening = app.listen(config.PORT, config.HOST, (error?: Error) =>
      error ? fail(error) : done(listening),
    );
  }).catch(async (error: NodeJS.ErrnoException) => {
    await runtime.jobs.stop();
    await printer.close();
    await runtime.close();
    if (error.code === 'EADDRINUSE')
      throw new ConfigError([
        `Port ${config.PORT} on ${config.HOST} is in use by another program (another Cooperate server?): set PORT, or stop that program`,
      ]);
    throw error;
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}`;
  logger.info({ url }, 'listening');
  return {
    url,
    server,
    runtime,
    async stop() {
      // Within 10 seconds in all (ADR 0039). Stop taking requests, let those under way finish
      // (idle keep-alive sockets are closed) for up to requestsGraceMs, then close the rest,
      // and only then close the database.
      const closed = new Promise<void>((done) => server.close(() => done()));
      // a keep-alive connection whose request finishes becomes idle: closed as soon as it is
      const idle = setInterval(() => server.closeIdleConnections(), 100);
      server.closeIdleConnections();
      const late = setTimeout(() => server.closeAllConnections(), requestsGraceMs);
      await closed;
      clearInterval(idle);
      clearTimeout(late);
      // Jobs under way finish, or, past a few seconds, are handed back to pg-boss, which
      // tries them again at the next start; the printer and the database are still open.
      await runtime.jobs.stop();
      await printer.close();
      await runtime.close();
    },
  };
}

if (import.meta.main) {
  try {
    const running = await startServer(loadConfig(), { seedOnFirstRun: true });
    process.stdout.write(`Cooperate is running at ${running.url}\n`);
    await serveUntilSignalled(running);
    process.exit(0);
  } catch (error) {
    process.stderr.write(
      `${error instanceof ConfigError || error instanceof FolderRefusal ? error.message : (error as Error).stack}\n`,
    );
    process.exit(1);
  }
}
