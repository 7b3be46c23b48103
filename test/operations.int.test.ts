// Operations (ADR 0039; issue 20 items 3, 6 and 9, issue 24 item 8), on the engine the run
// uses: one writer for the embedded database (a command goes through the running server, a
// second server refuses, a stale lock is taken over), a board pack interrupted by a crash
// resumes soon after the restart, SIGTERM stops the server within 10 seconds with the request
// under way finished, and a backup restored (and a partnership moved) gives back every row.
// The data: Dudley Children's Trust's seed (data/seeds/000-dudley.yaml, from its public
// documents) and a partnership with a meeting, a PDF paper and its board pack.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, createHash } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';
import { PDFDocument } from 'pdf-lib';
import { databaseUrl } from './support/template.ts';
import { testConfig } from './support/test-database.ts';
import { makePartnership, makeUser, grant } from './support/test-app.ts';
import { makeBoardMeeting } from './support/meetings.ts';
import { cli, serve } from './support/processes.ts';
import { embeddedFolder, openRuntime, type Runtime } from '../src/runtime.ts';
import { startServer } from '../src/server.ts';
import { systemCaller } from '../src/platform/http/auth.ts';
import { lockHolder, lockPath } from '../src/platform/db/folder-lock.ts';
import { migrations } from '../src/migrations/index.ts';
import { migrateTo } from '../src/platform/db/migrator.ts';
import { Jobs } from '../src/platform/jobs/jobs.ts';
import type { Database } from '../src/platform/db/database.ts';
import {
  auditRow,
  BackupRefused,
  checkBackup,
  importPartnership,
  restoreBackup,
  writeBackup,
  writePartnership,
} from '../src/platform/db/backup.ts';
import { importSeeds } from '../src/seeds/seed.importer.ts';
import { readSeeds } from '../src/seeds/seed.reader.ts';

/** pg-boss's queue of board packs (the meetings module's). */
const boardPackQueue = 'board-pack';
const server = process.env.TEST_DATABASE_URL;
const onPostgres = Boolean(server && process.env.TEST_TEMPLATE_DATABASE);
const work = mkdtempSync(join(tmpdir(), 'cooperate-operations-'));
const databases: string[] = [];
/** Embedded: a migrated database to start a new folder from (the run's template), if any. */
const templateDump = onPostgres ? undefined : process.env.TEST_TEMPLATE_DUMP;

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  await client.query(statement);
  await client.end();
}

/**
 * Settings for a database of this file's own: a new PostgreSQL database, or on the embedded
 * engine a folder (the one the server holds) or one in memory (faster, for the copies).
 */
async function newDatabase(
  label: string,
  migrated: boolean,
  folder = false,
): Promise<Record<string, string>> {
  if (onPostgres) {
    const name = `cooperate_ops_${label}_${randomBytes(3).toString('hex')}`;
    await admin(
      `create database ${name}${migrated ? ` template ${process.env.TEST_TEMPLATE_DATABASE}` : ''}`,
    );
    databases.push(name);
    return { DATABASE_URL: databaseUrl(server!, name), DATA_DIR: join(work, label) };
  }
  return { DATA_DIR: folder ? join(work, label) : 'memory://' };
}

const settings = (env: Record<string, string>) => testConfig({ PORT: '0', ...env });

/** Every table's rows as text, in order: two databases with equal answers hold the same rows. */
async function everyRow(pool: pg.Pool): Promise<Map<string, string[]>> {
  const client = await pool.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    await client.query('set local row_security = off');
    const { rows: tables } = await client.query<{ name: string }>(
      `select relname as name from pg_class where relnamespace = 'public'::regnamespace and relkind in ('r', 'p') order by 1`,
    );
    const all = new Map<string, string[]>();
    for (const { name } of tables) {
      const { rows } = await client.query<{ row: string }>(
        `select row_to_json(t)::text as row from "${name}" t order by 1`,
      );
      all.set(
        name,
        rows.map(({ row }) => row),
      );
    }
    await client.query('commit');
    return all;
  } finally {
    client.release();
  }
}

const digest = (rows: string[]) => createHash('sha256').update(rows.join('\n')).digest('hex');

describe(`operations (${onPostgres ? 'PostgreSQL' : 'embedded'})`, () => {
  let source: Record<string, string>;
  let partnershipId: string;
  let meetingId: string;
  let member: { id: string; email: string };

  before(async () => {
    source = await newDatabase('source', true, true);
    const runtime = await openRuntime(settings(source), { loadDump: templateDump });
    try {
      const { services } = runtime;
      await importSeeds(
        services,
        await readSeeds([new URL('../data/seeds/000-dudley.yaml', import.meta.url).pathname]),
      );
      partnershipId = (await makePartnership(services, 'moving')).id;
      const caller = systemCaller('test', partnershipId);
      meetingId = (await makeBoardMeeting(services, caller, { state: 'scheduled' })).meetingId;
      const document = await PDFDocument.create();
      document.addPage().drawText('The budget for 2009-10');
      await services.agenda.addItem(
        caller,
        meetingId,
        {
          number: 1,
          title: 'Budget',
          purpose: 'decision',
          presenter: null,
          exempt: false,
          exemptParagraph: null,
          exemptReason: null,
        },
        { fileName: 'budget.pdf', content: Buffer.from(await document.save()) },
      );
      member = await makeUser(services);
      await grant(services, partnershipId, member.id, 'editor');
    } finally {
      await runtime.close();
    }
  });

  after(async () => {
    for (const name of databases) await admin(`drop database if exists ${name}`);
    rmSync(work, { recursive: true, force: true });
  });

  it('has one writer, resumes a pack after a SIGKILL, and stops within 10 seconds of SIGTERM', async () => {
    const env = { ...source, SESSION_SECRET: 'a test secret that is long enough to sign cookies' };
    const folder = embeddedFolder(source.DATA_DIR!);
    /** The database as the server has it: directly, or through its socket (embedded). */
    const connect = async () => {
      const client = new pg.Client(
        onPostgres
          ? { connectionString: source.DATABASE_URL }
          : { host: '127.0.0.1', port: lockHolder(folder)!.port!, user: 'postgres', database: 'postgres' },
      );
      client.on('error', () => undefined); // the server it went through may be killed
      await client.connect();
      return client;
    };
    const children: ChildProcess[] = [];
    try {
      // A board pack is asked for; the server takes its job and is killed while making it.
      const asking = await openRuntime(settings(source));
      try {
        asking.jobs.sendOnly();
        await asking.services.boardPacks.request(systemCaller('test', partnershipId), meetingId);
      } finally {
        await asking.close();
      }
      const crashed = await serve(env);
      children.push(crashed.child);
      let watching = await connect();
      let job: { state: string; expire: number } | undefined;
      for (let tries = 0; tries < 600 && job?.state !== 'active'; tries++) {
        // the worker takes its lease (30 seconds from now) before it starts (the queue allows 300)
        job = (
          await watching.query<{ state: string; expire: number }>(
            `select state, expire_seconds as expire from pgboss.job where name = $1 and expire_seconds <= 31`,
            [boardPackQueue],
          )
        ).rows[0];
        if (job?.state !== 'active') await delay(20);
      }
      assert.equal(job?.state, 'active', 'the job under way, with its lease');
      crashed.child.kill('SIGKILL');
      await crashed.exited.catch(() => undefined);
      await watching.end().catch(() => undefined);
      if (!onPostgres)
        assert.equal(JSON.parse(readFileSync(lockPath(folder), 'utf8')).pid, crashed.child.pid);
      else {
        // PostgreSQL: the pack waits for its lease to run out; as if the restart came later
        const admin = new pg.Client({ connectionString: source.DATABASE_URL });
        await admin.connect();
        await admin.query(
          `update pgboss.job set started_on = started_on - interval '30 seconds' where name = $1`,
          [boardPackQueue],
        );
        await admin.end();
      }

      // The restart: the stale lock is taken over and the pack made well within a minute.
      const restarting = Date.now();
      const first = await serve(env);
      children.push(first.child);
      if (!onPostgres) {
        const holder = lockHolder(folder);
        assert.equal(holder?.pid, first.child.pid);
        assert.equal(holder?.role, 'server');
      }
      watching = await connect();
      let state = '';
      while (Date.now() - restarting < 60_000) {
        state = (await watching.query<{ state: string }>('select state from board_packs')).rows[0]!.state;
        if (state === 'ready' || state === 'failed') break;
        await delay(250);
      }
      await watching.end();
      const resumed = (Date.now() - restarting) / 1000;
      process.stdout.write(`# board pack made ${resumed.toFixed(1)} s after the restart (SIGKILL mid-job)\n`);
      assert.equal(state, 'ready');
      assert.ok(resumed < 60, `made after ${resumed} s`);

      if (!onPostgres) {
        // a second server on the same folder refuses instead of appearing to listen
        const second = await cli(env, 'serve');
        assert.equal(second.code, 3);
        assert.match(
          second.stderr,
          new RegExp(`in use by the Cooperate server \\(process ${first.child.pid} `),
        );
        assert.doesNotMatch(second.stdout, /running at/);
      } else {
        // on PostgreSQL several servers may share the database, but not a port: the second
        // fails to start instead of reporting "listening" (issue 24)
        const port = new URL(first.url).port;
        await assert.rejects(
          startServer(settings({ ...source, PORT: port })),
          /Port \d+ on 127\.0\.0\.1 is in use/,
        );
      }

      // Writes by commands while the server runs are the server's: the token works at once.
      const added = await cli(
        env,
        'users',
        'add',
        '--email',
        'clerk@moving.example',
        '--password',
        'a very long password',
        '--partnership',
        'moving',
        '--role',
        'editor',
      );
      assert.equal(added.code, 0, added.stderr);
      assert.match(added.stderr, /clerk@moving\.example is editor of Partnership moving/);
      const token = await cli(env, 'tokens', 'create', '--email', 'clerk@moving.example');
      assert.equal(token.code, 0, token.stderr);
      const api = await fetch(`${first.url}/api/v1/partnerships`, {
        headers: { authorization: `Bearer ${token.stdout.trim()}` },
      });
      assert.equal(api.status, 200);
      assert.match(await api.text(), /"slug":"moving"/);

      // A backup while the server runs (through it, on the embedded database).
      const file = join(work, 'running.backup.gz');
      const backup = await cli(env, 'backup', file);
      assert.equal(backup.code, 0, backup.stderr);
      const checked = await checkBackup(file);
      assert.ok(checked.rows > 100, `${checked.rows} rows`);
      if (!onPostgres)
        // what needs the database to itself (restore, migrate --down) refuses while the server
        // holds it, as a second server does
        await assert.rejects(openRuntime(settings(source)), /in use by the Cooperate server.*Stop it first/);

      // SIGTERM while a request waits for the database: it finishes, and the server is gone
      // within 10 seconds, taking no new connection meanwhile.
      const blocker = await connect();
      await blocker.query('begin');
      await blocker.query(onPostgres ? 'lock table kysely_migration in access exclusive mode' : 'select 1');
      let answered = false;
      const slow = fetch(`${first.url}/health`).then(async (response) => {
        answered = true;
        return { status: response.status, body: await response.text() };
      });
      await delay(300);
      assert.equal(answered, false, 'the request waits for the database');
      const signalled = Date.now();
      first.child.kill('SIGTERM');
      await delay(700);
      await assert.rejects(fetch(`${first.url}/ping`), 'no new connection once stopping');
      await blocker.query('commit');
      await blocker.end();
      const response = await slow;
      assert.equal(response.status, 200, response.body);
      const code = await first.exited;
      const seconds = (Date.now() - signalled) / 1000;
      process.stdout.write(`# stopped ${seconds.toFixed(1)} s after SIGTERM\n`);
      assert.equal(code, 0);
      assert.ok(seconds < 10, `stopped after ${seconds} s`);
      if (!onPostgres) assert.equal(existsSync(lockPath(folder)), false, 'the lock is gone');
    } finally {
      for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('restores a backup with every table identical, and moves one partnership into another installation', async () => {
    const opened: Runtime[] = [];
    const open = async (env: Record<string, string>, migrate = true, loadDump?: string) => {
      const runtime = await openRuntime(settings(env), { migrate, loadDump });
      opened.push(runtime);
      return runtime;
    };
    try {
      if (!onPostgres) {
        // the lock of a process that is gone (SIGKILL) is taken over
        const gone = spawnSync(process.execPath, ['-e', '']).pid;
        const stale = {
          pid: gone,
          started: null,
          host: hostname(),
          role: 'server',
          since: '2026-01-01',
          port: 1,
        };
        writeFileSync(lockPath(embeddedFolder(source.DATA_DIR!)), JSON.stringify(stale));
      }
      const original = await open(source);
      if (!onPostgres) assert.equal(lockHolder(embeddedFolder(source.DATA_DIR!))?.pid, process.pid);
      // a pack asked for again and not yet made: its job is in the backup, to be sent again
      original.jobs.sendOnly();
      await original.services.boardPacks.request(systemCaller('test', partnershipId), meetingId);
      await original.jobs.stop();
      const file = join(work, 'full.backup.gz');
      const written = await writeBackup(original.db.engine.pool, original.db.engine.kind, file);
      const rowsBefore = await everyRow(original.db.engine.pool);
      assert.equal(rowsBefore.get('papers')!.length, 1);
      assert.match(rowsBefore.get('board_packs')![0]!, /"content":"\\\\x255044462d/, 'the pack with its PDF');
      assert.equal(written.jobs, 1);

      // into an empty database (not even migrated): the schema is brought to the backup's
      const target = await open(await newDatabase('restored', false), false);
      const header = await checkBackup(file);
      const restoring = {
        force: false,
        knownMigrations: Object.keys(migrations),
        plan: {
          migrateTo: async (name: string) => void (await migrateTo(target.db.owner, migrations, name)),
        },
        audit: (client: pg.PoolClient) =>
          auditRow(client, {
            partnershipId: null,
            action: 'restore',
            entityType: 'database',
            entityId: 'database',
            summary: 'Restored',
          }),
      };
      const restored = await restoreBackup(target.db.engine.pool, file, header, restoring);
      assert.equal(restored.rows, written.rows);
      assert.deepEqual(
        restored.jobList.map((job) => [
          job.name,
          (job.data as { meetingId: string }).meetingId,
          job.singletonKey,
        ]),
        [[boardPackQueue, meetingId, meetingId]],
      );
      const rowsAfter = await everyRow(target.db.engine.pool);
      let compared = 0;
      for (const [table, rows] of rowsBefore) {
        const again = rowsAfter.get(table)!;
        const kept =
          table === 'audit_events' ? again.filter((row) => !row.includes('"action":"restore"')) : again;
        assert.equal(kept.length, rows.length, `${table}: ${kept.length} rows, not ${rows.length}`);
        assert.equal(digest(kept), digest(rows), `${table} differs`);
        compared += rows.length;
      }
      process.stdout.write(
        `# backup round trip: ${rowsBefore.size} tables, ${compared} rows identical, ${written.jobs} job(s)\n`,
      );
      // the restore is in the audit trail; a second restore is refused on a database in use
      assert.equal(rowsAfter.get('audit_events')!.length, rowsBefore.get('audit_events')!.length + 1);
      await assert.rejects(
        restoreBackup(target.db.engine.pool, file, header, restoring),
        /not empty.*--force/,
      );

      if (onPostgres) {
        // a role that row-level security holds back is refused, not given a partial backup
        const role = `cooperate_ops_${randomBytes(3).toString('hex')}`;
        await admin(`create role ${role} login; grant cooperate_app to ${role}`);
        const url = new URL(source.DATABASE_URL!);
        url.username = role;
        const limited = new pg.Pool({ connectionString: url.toString(), max: 1 });
        try {
          await assert.rejects(
            writeBackup(limited, 'postgres', join(work, 'refused.gz')),
            /keeps from the role cooperate_ops_\w+\. Run it as a role that bypasses row-level security/,
          );
          assert.equal(existsSync(join(work, 'refused.gz')), false);
        } finally {
          await limited.end();
          await admin(`drop role ${role}`);
        }
      }

      // A damaged file is refused before anything is written.
      const damaged = join(work, 'damaged.gz');
      const bytes = readFileSync(file);
      writeFileSync(damaged, bytes.subarray(0, bytes.length - 200));
      await assert.rejects(checkBackup(damaged), BackupRefused);

      // One partnership into another installation that has one of its users already.
      const moved = join(work, 'moving.export.gz');
      const exported = await writePartnership(
        original.db.engine.pool,
        original.db.engine.kind,
        'moving',
        moved,
      );
      const other = await open(await newDatabase('other', true), true, templateDump);
      const existing = await other.services.accounts.createUser(systemCaller('test'), {
        email: member.email,
        name: 'Already here',
        password: 'correct horse battery staple',
        platformAdmin: false,
      });
      const exportHeader = await checkBackup(moved);
      const imported = await importPartnership(other.db.engine.pool, moved, exportHeader, {
        audit: (client, partnership) =>
          auditRow(client, {
            partnershipId: partnership.id,
            action: 'import',
            entityType: 'partnership',
            entityId: partnership.id,
            summary: 'Imported',
          }),
      });
      assert.equal(imported.users.matched, 1);
      // all but the data version (made afresh) and the user matched by e-mail address
      assert.equal(imported.rows, exported.rows - 1 - imported.users.matched);
      const there = await other.services.partnerships.bySlug('moving');
      assert.equal(there?.id, partnershipId, 'the same ids');
      assert.equal(
        await other.services.members.roleOf(partnershipId, existing),
        'editor',
        'matched by e-mail',
      );
      const movedRows = await everyRow(other.db.engine.pool);
      for (const table of ['papers', 'board_packs', 'meetings', 'agenda_items', 'bodies'])
        assert.deepEqual(
          movedRows.get(table),
          rowsBefore.get(table)!.filter((row) => row.includes(partnershipId)),
          `${table} moved as it was`,
        );
      // its slug is there now: a second import is refused, and so is one into the restored copy
      await assert.rejects(
        importPartnership(other.db.engine.pool, moved, exportHeader, { audit: async () => {} }),
        /already a partnership moving/,
      );
      await assert.rejects(
        importPartnership(target.db.engine.pool, moved, exportHeader, { audit: async () => {} }),
        /already a partnership moving/,
      );

      // --force replaces everything in a database in use (here the one the partnership moved
      // into, with a user of its own): every table is the backup's again
      await restoreBackup(other.db.engine.pool, file, header, { ...restoring, force: true });
      const replaced = await everyRow(other.db.engine.pool);
      for (const [table, rows] of rowsBefore) {
        const again = replaced.get(table)!.filter((row) => !row.includes('"action":"restore"'));
        assert.equal(digest(again), digest(rows), `${table} differs after --force`);
      }

      // A job that runs longer than its lease is not handed to another worker: its process
      // renews the lease (here 2 seconds, renewed every second, the supervision every second).
      const jobs = new Jobs(original.db as Database<unknown>, {
        leaseSeconds: 2,
        superviseIntervalSeconds: 1,
        pollingIntervalSeconds: 1,
      });
      let runs = 0;
      jobs.define({
        name: 'lease-test',
        options: { retryLimit: 3, retryDelay: 1, expireInSeconds: 60 },
        work: async () => {
          runs++;
          await delay(4500);
        },
      });
      await jobs.start();
      await original.db.owner.transaction().execute((trx) => jobs.send(trx, 'lease-test', {}));
      jobs.notify('lease-test');
      await jobs.idle('lease-test', 30_000);
      await jobs.stop();
      assert.equal(runs, 1, 'worked once, its lease renewed');
    } finally {
      for (const runtime of opened.reverse()) await runtime.close();
    }
  });
});
