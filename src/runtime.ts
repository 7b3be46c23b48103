// Starting the product's back end, shared by the server, the command line and the tests:
// open the database the configuration names, bring it up to date, build the services.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from './platform/config.ts';
import { openEngine } from './platform/db/engine.ts';
import { Database } from './platform/db/database.ts';
import { migrateToLatest, pendingMigrations } from './platform/db/migrator.ts';
import { FolderRefusal, type HolderRole } from './platform/db/folder-lock.ts';
import { migrations } from './migrations/index.ts';
import { Jobs } from './platform/jobs/jobs.ts';
import { createServices, type Services } from './services.ts';
import type { DB } from './schema.ts';

export interface Runtime {
  db: Database<DB>;
  services: Services;
  /** Background jobs (pg-boss), started on first use; stopped by `close`. */
  jobs: Jobs;
  applied: string[];
  close(): Promise<void>;
}

/** Where the embedded database keeps its files inside DATA_DIR. */
export const embeddedFolder = (dataDir: string) =>
  dataDir === 'memory://' ? 'memory://' : join(resolve(dataDir), 'db');

export async function openRuntime(
  config: Config,
  options: {
    migrate?: boolean;
    loadDump?: string | undefined;
    /** Embedded folder: a command goes through a running server; a server refuses (ADR 0039). */
    role?: HolderRole;
  } = {},
): Promise<Runtime> {
  const engine = await openEngine({
    databaseUrl: config.DATABASE_URL,
    dataDir: embeddedFolder(config.DATA_DIR),
    loadDump: options.loadDump,
    poolSize: config.DATABASE_POOL_SIZE,
    role: options.role ?? 'server',
  });
  const db = new Database<DB>(engine, {
    entries: config.READ_CACHE_ENTRIES,
    // tests freeze what is kept, so that code changing a shared answer fails there
    freeze: config.NODE_ENV !== 'production',
  });
  try {
    let applied: string[] = [];
    if (engine.throughServer) {
      // the server migrated its database when it started: a command only checks
      const pending = await pendingMigrations(db.owner, migrations);
      if (pending.length && options.migrate !== false)
        throw new FolderRefusal(
          `The running server (process ${engine.throughServer.pid}) has not applied ${pending.length} migration(s) of this version (${pending.join(', ')}). Nothing was done: stop the server, then run migrate.`,
        );
    } else if (options.migrate !== false) applied = await migrateToLatest(db.owner, migrations);
    const jobs = new Jobs(db as Database<unknown>);
    return {
      db,
      services: createServices(db, config, jobs),
      jobs,
      applied,
      async close() {
        await jobs.stop();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}

/**
 * The secret that signs session cookies: SESSION_SECRET when set (required in production);
 * otherwise one generated once and kept in DATA_DIR, so that restarts keep people signed in.
 */
export function sessionSecret(config: Config): string {
  if (config.SESSION_SECRET) return config.SESSION_SECRET;
  if (config.DATA_DIR === 'memory://') return randomBytes(32).toString('hex');
  const file = join(resolve(config.DATA_DIR), 'session.secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(resolve(config.DATA_DIR), { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
