// The server as `npm start` runs it: pg-boss is started only when a job is made, and a stop
// does not hang, even with a board pack being made (ADR 0013).
import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PDFDocument } from 'pdf-lib';
import { sql } from 'kysely';
import { startServer, type RunningServer } from '../src/server.ts';
import { systemCaller } from '../src/platform/http/auth.ts';
import { databaseUrl } from './support/template.ts';
import { testConfig } from './support/test-database.ts';
import { makePartnership } from './support/test-app.ts';
import { makeBoardMeeting } from './support/meetings.ts';

async function admin(server: string, statement: string) {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  await client.query(statement);
  await client.end();
}

/** A server on a database of its own, copied from the run's template. */
async function start(): Promise<{ running: RunningServer; drop: () => Promise<void> }> {
  const server = process.env.TEST_DATABASE_URL;
  const template = process.env.TEST_TEMPLATE_DATABASE;
  if (server && template) {
    const name = `cooperate_server_${randomBytes(4).toString('hex')}`;
    await admin(server, `create database ${name} template ${template}`);
    const running = await startServer(testConfig({ PORT: '0', DATABASE_URL: databaseUrl(server, name) }));
    return { running, drop: () => admin(server, `drop database if exists ${name}`) };
  }
  const running = await startServer(testConfig({ PORT: '0' }), { loadDump: process.env.TEST_TEMPLATE_DUMP });
  return { running, drop: async () => undefined };
}

/** Fails if `promise` takes longer than `seconds`. */
async function within<T>(seconds: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`took longer than ${seconds} s`)), seconds * 1000);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

const pgBossInstalled = async (running: RunningServer) =>
  (
    await sql<{ found: boolean }>`select to_regclass('pgboss.job') is not null as found`.execute(
      running.runtime.db.owner,
    )
  ).rows[0]!.found;

describe('the server', () => {
  let drop = async () => undefined as void;
  let running: RunningServer | undefined;
  afterEach(async () => {
    await running?.stop(); // a test that failed before stopping its server
    running = undefined;
    await drop();
  });
  /** Stops the server as SIGTERM does, failing if that takes longer than `seconds`. */
  const stop = async (seconds: number) => {
    const stopping = running!;
    running = undefined;
    await within(seconds, stopping.stop());
  };

  it('does not start pg-boss until a job is made, and stops at once', async () => {
    const started = await start();
    ({ drop } = started);
    running = started.running;
    const page = await fetch(`${started.running.url}/ping`);
    assert.equal(page.status, 200);
    assert.equal(await pgBossInstalled(started.running), false);
    assert.equal(started.running.runtime.jobs.started, false);
    await stop(10);
  });

  it('stops without hanging while a board pack is being made', async () => {
    const started = await start();
    ({ drop } = started);
    running = started.running;
    const { services } = started.running.runtime;
    const partnershipId = (await makePartnership(services, 'stopping')).id;
    const caller = systemCaller('test', partnershipId);
    const meetingId = (await makeBoardMeeting(services, caller, { state: 'scheduled' })).meetingId;
    const document = await PDFDocument.create();
    document.addPage().drawText('a paper');
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
    await services.boardPacks.request(caller, meetingId);
    assert.equal(await pgBossInstalled(started.running), true);
    // The job is under way or about to be: the stop waits for it or leaves it to pg-boss.
    await stop(20);
  });
});
