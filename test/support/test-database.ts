// A database of its own for one test file, copied from one of the run's templates: migrated, or
// migrated with the seeds loaded (test/support/template.ts).
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import pg from 'pg';
import { loadConfig, type Config } from '../../src/platform/config.ts';
import { embeddedFolder, openRuntime, type Runtime } from '../../src/runtime.ts';

export function databaseUrl(server: string, database: string): string {
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: 'memory://',
    SESSION_SECRET: 'a test secret that is long enough to sign cookies',
    SIGN_IN_RATE_LIMIT: '1000',
    // the suite signs hundreds of people in: it tests behaviour, not a hash's strength
    PASSWORD_HASH_COST: 'low',
    ...overrides,
  });
}

/** Copies an embedded template's folder (its server stopped: its process file is not copied). */
export function copyTemplateFolder(from: string, to: string): void {
  cpSync(from, to, { recursive: true, filter: (source) => basename(source) !== 'postmaster.pid' });
}

/** Opens a runtime on `config`; closing it also removes the database it was given. */
async function openRemoving(
  config: Config,
  remove: () => Promise<void> | void,
): Promise<Runtime & { config: Config }> {
  const runtime = await openRuntime(config);
  return {
    ...runtime,
    config,
    async close() {
      await runtime.close();
      await remove();
    },
  };
}

export const onPostgres = () => Boolean(process.env.TEST_TEMPLATE_DATABASE);

/**
 * Opens (and migrates, a no-op on a template copy) a fresh database for this file; `seeded`:
 * with the five seed partnerships and the surveys already loaded, as `npm start` loads them.
 */
export async function openTestRuntime(
  overrides: Record<string, string> = {},
  options: { seeded?: boolean } = {},
): Promise<Runtime & { config: Config }> {
  const server = process.env.TEST_DATABASE_URL;
  const template = options.seeded
    ? process.env.TEST_SEEDED_TEMPLATE_DATABASE
    : process.env.TEST_TEMPLATE_DATABASE;
  const missing = 'No seeded template: run the tests with `npm test` (test/run.ts makes it)';
  if (server && process.env.TEST_TEMPLATE_DATABASE) {
    if (!template) throw new Error(missing);
    const name = `cooperate_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`create database ${name} template ${template}`);
    await admin.end();
    // A pool of one, as on the embedded database: a query outside the open transaction
    // would wait for ever and fail the test instead of passing by luck.
    const config = testConfig({
      DATABASE_URL: databaseUrl(server, name),
      DATABASE_POOL_SIZE: '1',
      ...overrides,
    });
    return openRemoving(config, async () => {
      const cleanup = new pg.Client({ connectionString: server });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name}`);
      await cleanup.end();
    });
  }
  // Embedded: a copy of the template's folder, opened as the server opens DATA_DIR (the
  // operating system copies it; unpacking a dump in the database's thread cost twice as much).
  const folder = options.seeded ? process.env.TEST_SEEDED_TEMPLATE_FOLDER : process.env.TEST_TEMPLATE_FOLDER;
  if (folder && !overrides.DATA_DIR) {
    const dataDir = mkdtempSync(join(tmpdir(), 'cooperate-test-data-'));
    copyTemplateFolder(folder, embeddedFolder(dataDir));
    const config = testConfig({ DATA_DIR: dataDir, ...overrides });
    return openRemoving(config, () => rmSync(dataDir, { recursive: true, force: true }));
  }
  if (options.seeded) throw new Error(missing);
  const config = testConfig(overrides);
  const runtime = await openRuntime(config, { loadDump: process.env.TEST_TEMPLATE_DUMP });
  return { ...runtime, config };
}
