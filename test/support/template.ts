// The run's databases that each test file copies: migrating costs seconds, and loading the
// seeds many more, while copying a template costs much less. Two templates: migrated, and
// migrated with the seeds loaded (the browser tests and the seeds' acceptance tests start
// from that one). Embedded: dump files PGlite starts from. PostgreSQL: template databases that
// `CREATE DATABASE … TEMPLATE` copies.
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openEngine, type Engine } from '../../src/platform/db/engine.ts';
import { Database } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrator.ts';
import { migrations } from '../../src/migrations/index.ts';
import { Jobs } from '../../src/platform/jobs/jobs.ts';
import { createServices } from '../../src/services.ts';
import type { DB } from '../../src/schema.ts';
import { importSeeds } from '../../src/seeds/seed.importer.ts';
import { importSurveys, readSurveys } from '../../src/seeds/seed.surveys.ts';
import { readSeeds, seedFiles } from '../../src/seeds/seed.reader.ts';
import { copyTemplateFolder, databaseUrl, testConfig } from './test-database.ts';

export { databaseUrl };

export interface Template {
  description: string;
  /** Environment for the test processes: where to find the templates. */
  env: Record<string, string>;
  dispose(): Promise<void>;
}

/** Loads the five seed partnerships and the surveys into a migrated database, as `npm start` does. */
async function seed(engine: Engine): Promise<void> {
  const db = new Database<DB>(engine);
  const jobs = new Jobs(db as Database<unknown>);
  const services = createServices(db, testConfig(), jobs);
  await importSeeds(services, await readSeeds(await seedFiles()));
  await importSurveys(services, await readSurveys());
  // loading sends no job: a copy starts with none waiting
  if (await jobs.pending('board-pack')) throw new Error('Loading the seeds made a job');
  await jobs.stop();
}

export async function prepareTemplate(work: string): Promise<Template> {
  const server = process.env.TEST_DATABASE_URL;
  if (server) {
    const name = `cooperate_template_${randomBytes(4).toString('hex')}`;
    const seeded = `${name}_seeded`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const db = new Database(
      await openEngine({ databaseUrl: databaseUrl(server, name), dataDir: 'memory://', poolSize: 1 }),
    );
    await migrateToLatest(db.owner, migrations);
    await db.close();
    await admin.query(`create database ${seeded} template ${name}`);
    const engine = await openEngine({
      databaseUrl: databaseUrl(server, seeded),
      dataDir: 'memory://',
      poolSize: 2,
    });
    try {
      await seed(engine);
    } finally {
      await engine.close();
    }
    return {
      description: `PostgreSQL templates ${name} and ${seeded}`,
      env: { TEST_DATABASE_URL: server, TEST_TEMPLATE_DATABASE: name, TEST_SEEDED_TEMPLATE_DATABASE: seeded },
      async dispose() {
        await admin.query(`drop database if exists ${seeded}`);
        await admin.query(`drop database if exists ${name}`);
        await admin.end();
      },
    };
  }
  // Folders, which a test file copies (test-database.ts), and a dump of the migrated one for the
  // tests that start a server or a runtime of their own from one.
  const folders = { plain: join(work, 'template-db'), seeded: join(work, 'seeded-db') };
  const dump = join(work, 'template.tar');
  const plain = await openEngine({ dataDir: folders.plain });
  try {
    await migrateToLatest(new Database(plain).owner, migrations);
    await plain.dump!(dump);
  } finally {
    await plain.close();
  }
  copyTemplateFolder(folders.plain, folders.seeded);
  const seeded = await openEngine({ dataDir: folders.seeded });
  try {
    await seed(seeded);
  } finally {
    await seeded.close();
  }
  return {
    description: 'embedded PGlite',
    env: {
      TEST_TEMPLATE_DUMP: dump,
      TEST_TEMPLATE_FOLDER: folders.plain,
      TEST_SEEDED_TEMPLATE_FOLDER: folders.seeded,
    },
    dispose: async () => undefined,
  };
}
