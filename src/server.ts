// The web server: configuration → database → migrations → (first run: seeds and an
// administrator) → app → listen. Stops cleanly on SIGINT/SIGTERM.
import type { Server } from 'node:http';
import { ConfigError, loadConfig, redactedConfig, type Config } from './platform/config.ts';
import { createLogger } from './platform/http/logging.ts';
import { createApp } from './app.ts';
import { PdfPrinter } from './platform/documents/pdf.ts';
import { openRuntime, sessionSecret, type Runtime } from './runtime.ts';
import { firstRun } from './seeds/first-run.ts';

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
  await runtime.jobs.resume();
  const printer = new PdfPrinter(config.CHROMIUM_PATH);
  const app = createApp({
    printer,
    config,
    db: runtime.db,
    services: runtime.services,
    logger,
    sessionSecret: sessionSecret(config),
  });
  const server = await new Promise<Server>((done) => {
    const listening = app.listen(config.PORT, config.HOST, () => done(listening));
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
      // Stop taking requests, let those under way finish (idle keep-alive sockets are closed),
      // and only then close the database.
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeIdleConnections();
      await closed;
      // Jobs under way finish (or, past a time limit, are left for pg-boss to retry at the next
      // start) while the printer and the database are still open.
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
    const stop = async () => {
      await running.stop();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    process.stderr.write(`${error instanceof ConfigError ? error.message : (error as Error).stack}\n`);
    process.exit(1);
  }
}
