// One migrated database per test run, copied for each test file: migrating costs seconds,
// copying a template costs much less. Embedded: a dump file PGlite starts from. PostgreSQL:
// a template database that `CREATE DATABASE … TEMPLATE` copies.
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openEngine } from '../../src/platform/db/engine.ts';
import { Database } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrator.ts';
import { migrations } from '../../src/migrations/index.ts';

export interface Template {
  description: string;
  /** Environment for the test processes: where to find the template. */
  env: Record<string, string>;
  dispose(): Promise<void>;
}

export function databaseUrl(server: string, database: string): string {
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function prepareTemplate(work: string): Promise<Template> {
  const server = process.env.TEST_DATABASE_URL;
  if (server) {
    const name = `cooperate_template_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const db = new Database(
      await openEngine({ databaseUrl: databaseUrl(server, name), dataDir: 'memory://', poolSize: 1 }),
    );
    await migrateToLatest(db.owner, migrations);
    await db.close();
    return {
      description: `PostgreSQL template ${name}`,
      env: { TEST_DATABASE_URL: server, TEST_TEMPLATE_DATABASE: name },
      async dispose() {
        await admin.query(`drop database if exists ${name}`);
        await admin.end();
      },
    };
  }
  const dump = join(work, 'template.tar');
  const engine = await openEngine({ dataDir: 'memory://' });
  const db = new Database(engine);
  await migrateToLatest(db.owner, migrations);
  await engine.dump!(dump);
  await db.close();
  return {
    description: 'embedded PGlite',
    env: { TEST_TEMPLATE_DUMP: dump },
    dispose: async () => undefined,
  };
}
