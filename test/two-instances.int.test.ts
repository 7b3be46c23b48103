// Two instances on one PostgreSQL database behind a real proxy (issue 20 item 10; ADR 0050).
// Two servers start at the same moment on an empty database, and haproxy (Debian's package)
// balances between them round robin on loopback ports, as a council's load balancer would. What
// must hold: the migrations run once (the migrator's advisory lock), a session made through one
// instance works through the other, so does a CSRF token, an edit through one is read through the
// other at once (kept reads are keyed by the partnership's data version, ADR 0021, so a kept
// answer is never served past a change made elsewhere), and a board pack asked for through both
// is made once, by one instance. PostgreSQL only: the embedded database has one writer, its
// server (ADR 0039), so there is no second instance to test there.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';
import { PDFDocument } from 'pdf-lib';
import { startServer, type RunningServer } from '../src/server.ts';
import { systemCaller } from '../src/platform/http/auth.ts';
import { PdfPrinter } from '../src/platform/documents/pdf.ts';
import { migrations } from '../src/migrations/index.ts';
import { databaseUrl } from './support/template.ts';
import { testConfig, onPostgres } from './support/test-database.ts';
import { grant, makePartnership, makeUser, pageText } from './support/test-app.ts';
import { makeBoardMeeting } from './support/meetings.ts';
import { tokensIn, Visitor } from './support/http-client.ts';
import { formsIn } from './support/forms.ts';

const haproxy = ['/usr/sbin/haproxy', '/usr/bin/haproxy'].find((path) => existsSync(path));
const skip = onPostgres()
  ? false
  : 'PostgreSQL only: on the embedded database one server holds the data folder (ADR 0039), so there is no second instance';

async function admin(server: string, statement: string) {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    return await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A loopback port nothing listens on now. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const port = (probe.address() as { port: number }).port;
  await new Promise((done) => probe.close(done));
  return port;
}

/** Resolves once something accepts connections on the port (or fails after 10 seconds). */
async function listening(port: number, process: ChildProcess): Promise<void> {
  for (let tries = 0; tries < 200; tries++) {
    if (process.exitCode !== null) throw new Error(`haproxy exited (${process.exitCode})`);
    const ok = await new Promise<boolean>((done) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.end(), done(true)));
      socket.once('error', () => done(false));
    });
    if (ok) return;
    await delay(50);
  }
  throw new Error(`nothing listens on ${port}`);
}

describe('two instances on one PostgreSQL database behind haproxy', { skip }, () => {
  const work = mkdtempSync(join(tmpdir(), 'cooperate-two-'));
  const server = process.env.TEST_DATABASE_URL!;
  const name = `cooperate_two_${randomBytes(4).toString('hex')}`;
  const instances: Record<'a' | 'b', RunningServer> = {} as never;
  let proxy: ChildProcess | undefined;
  let proxyUrl = '';
  let partnershipId = '';
  let meetingId = '';
  let editor = { email: '', password: '' };
  const base = '/partnerships/twin';
  /** Every PDF printed in this process, by either instance. */
  let printed = 0;
  /** The printers (one an instance) that printed. */
  const printers = new Set<PdfPrinter>();
  const print = PdfPrinter.prototype.print;

  before(async () => {
    assert.ok(haproxy, 'haproxy is not installed: apt-get install haproxy (.ci/run installs it)');
    // an empty database, not copied from the run's template: both instances migrate it
    await admin(server, `create database ${name}`);
    const config = testConfig({ PORT: '0', DATA_DIR: work, DATABASE_URL: databaseUrl(server, name) });
    const [a, b] = await Promise.all([startServer(config), startServer(config)]);
    instances.a = a;
    instances.b = b;
    PdfPrinter.prototype.print = function (this: PdfPrinter, ...args: Parameters<PdfPrinter['print']>) {
      printed += 1;
      printers.add(this);
      return print.apply(this, args);
    };

    const port = await freePort();
    const file = join(work, 'haproxy.cfg');
    const backend = (key: 'a' | 'b') => `  server ${key} ${new URL(instances[key].url).host}`;
    writeFileSync(
      file,
      [
        'global',
        '  maxconn 200',
        'defaults',
        '  mode http',
        '  timeout connect 5s',
        '  timeout client 60s',
        '  timeout server 60s',
        'frontend cooperate',
        `  bind 127.0.0.1:${port}`,
        '  default_backend instances',
        'backend instances',
        '  balance roundrobin',
        // a test may ask for one instance; the answer says which one served it
        '  use-server a if { req.hdr(x-instance) -m str a }',
        '  use-server b if { req.hdr(x-instance) -m str b }',
        '  http-response set-header x-served-by %s',
        backend('a'),
        backend('b'),
        '',
      ].join('\n'),
    );
    proxy = spawn(haproxy!, ['-f', file, '-db'], { stdio: ['ignore', 'ignore', 'pipe'] });
    await listening(port, proxy);
    proxyUrl = `http://127.0.0.1:${port}`;

    // the data, written through instance a's services
    const { services } = a.runtime;
    partnershipId = (await makePartnership(services, 'twin')).id;
    const caller = systemCaller('test', partnershipId);
    const board = await makeBoardMeeting(services, caller, { state: 'scheduled' });
    meetingId = board.meetingId;
    await services.membership.addSeat(caller, board.boardId, {
      label: 'Director of Children’s Services',
      role: 'member',
      voting: true,
      howFilled: 'ex-officio',
      category: null,
      capacity: 1,
    });
    const document = await PDFDocument.create();
    document.addPage().drawText('The budget');
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
    const user = await makeUser(services);
    await grant(services, partnershipId, user.id, 'editor');
    editor = user;
  });

  after(async () => {
    PdfPrinter.prototype.print = print;
    proxy?.kill('SIGTERM');
    await Promise.all(Object.values(instances).map((instance) => instance.stop()));
    await admin(server, `drop database if exists ${name}`).catch(() => undefined);
    rmSync(work, { recursive: true, force: true });
  });

  const pinned = (key: 'a' | 'b') => ({ 'x-instance': key });

  it('ran the migrations once, though both instances started on the empty database at the same moment', async () => {
    const all = Object.keys(migrations).length;
    const applied = [instances.a.runtime.applied.length, instances.b.runtime.applied.length].sort();
    assert.deepEqual(applied, [0, all], 'one instance applied every migration, the other none');
    const rows = (await admin(databaseUrl(server, name), 'select name from kysely_migration')).rows;
    assert.equal(rows.length, all);
    process.stdout.write(`# migrations: ${all} applied once by one of two instances started together\n`);
  });

  it('balances round robin, and a session and a CSRF token made through one instance work through the other', async () => {
    const anonymous = new Visitor(proxyUrl);
    const served = [];
    for (let i = 0; i < 4; i++) served.push((await anonymous.get('/ping')).headers.get('x-served-by'));
    assert.deepEqual(served.sort(), ['a', 'a', 'b', 'b'], 'round robin over both instances');

    const visitor = new Visitor(proxyUrl);
    // the sign-in form from a, its CSRF token posted to b
    const form = await visitor.get('/sign-in', pinned('a'));
    assert.equal(form.headers.get('x-served-by'), 'a');
    const signedIn = await visitor.post(
      '/sign-in',
      { ...tokensIn(form.text), email: editor.email, password: editor.password },
      pinned('b'),
    );
    assert.equal(signedIn.headers.get('x-served-by'), 'b');
    assert.equal(signedIn.status, 303, 'a CSRF token of a, accepted by b');
    // the session b made, used through a
    const page = await visitor.get(`${base}/meetings/${meetingId}`, pinned('a'));
    assert.equal(page.headers.get('x-served-by'), 'a');
    assert.equal(page.status, 200);
    assert.match(pageText(page.text), /Make the board pack/);
    // a wrong token is refused by either
    const refused = await visitor.post(
      `${base}/meetings/${meetingId}/board-pack`,
      { _csrf: 'not-the-token' },
      pinned('b'),
    );
    assert.equal(refused.status, 403);
    // signed out through a: the session is gone for b too
    const out = await visitor.post('/sign-out', tokensIn(page.text), pinned('a'));
    assert.equal(out.status, 303);
    const after = await visitor.get(`${base}/meetings/${meetingId}`, pinned('b'));
    assert.equal(after.status, 303);
    assert.match(after.location ?? '', /\/sign-in/);
  });

  it('reads an edit made through one instance through the other at once, never a kept answer of before', async () => {
    const visitor = new Visitor(proxyUrl);
    await visitor.signIn(editor.email, editor.password);
    const seats = `${base}/bodies/board/seats`;
    const version = async () =>
      (
        await admin(
          databaseUrl(server, name),
          `select version::text from partnership_versions where partnership_id = '${partnershipId}'`,
        )
      ).rows[0]?.version as string;
    const label = async (key: 'a' | 'b') => {
      const page = await visitor.get(seats, pinned(key));
      assert.equal(page.headers.get('x-served-by'), key);
      assert.equal(page.status, 200);
      return pageText(page.text);
    };
    let rounds = 0;
    for (const [writer, reader] of [
      ['a', 'b'],
      ['b', 'a'],
      ['a', 'b'],
    ] as const) {
      rounds++;
      // both instances have the seats page kept under the version as it is now
      await label('a');
      await label('b');
      const kept = { a: instances.a.runtime.db.kept!.hits, b: instances.b.runtime.db.kept!.hits };
      assert.match(await label(reader), /Director|Head of Service/);
      assert.ok(
        instances[reader].runtime.db.kept!.hits > kept[reader],
        `${reader} answered from what it kept`,
      );

      const before = await version();
      const seatId = (
        await instances.a.runtime.services.membership.seats(
          systemCaller('test', partnershipId),
          (await instances.a.runtime.services.bodies.bySlug(systemCaller('test', partnershipId), 'board'))!
            .body.id,
        )
      )[0]!.id;
      const edit = `${seats}/${seatId}/edit`;
      const form = await visitor.get(edit, pinned(writer));
      const fields = formsIn(form.text, edit).find((each) => each.action === edit)!.fields;
      const newLabel = `Head of Service ${rounds}`;
      const saved = await visitor.post(edit, { ...fields, label: newLabel }, pinned(writer));
      assert.equal(saved.status, 303, pageText(saved.text).slice(0, 600));
      assert.notEqual(await version(), before, 'the data version moved on');
      // at once, through the other instance, which kept the page of the version before
      assert.match(await label(reader), new RegExp(newLabel));
    }
    process.stdout.write(
      `# kept reads: ${rounds} edits through one instance, each read at once through the other\n`,
    );
  });

  it('makes a board pack asked for through both instances at once once, by one instance', async () => {
    const visitors = { a: new Visitor(proxyUrl, pinned('a')), b: new Visitor(proxyUrl, pinned('b')) };
    await visitors.a.signIn(editor.email, editor.password);
    await visitors.b.signIn(editor.email, editor.password);
    const meeting = `${base}/meetings/${meetingId}`;
    const pages = { a: await visitors.a.get(meeting), b: await visitors.b.get(meeting) };
    printed = 0;
    printers.clear();
    const answers = await Promise.all(
      (['a', 'b'] as const).map((key) =>
        visitors[key].post(`${meeting}/board-pack`, tokensIn(pages[key].text)),
      ),
    );
    assert.deepEqual(
      answers.map((answer) => [answer.status, answer.headers.get('x-served-by')]),
      [
        [303, 'a'],
        [303, 'b'],
      ],
    );
    let state = '';
    for (let tries = 0; tries < 600 && state !== 'ready'; tries++) {
      await Promise.all([
        instances.a.runtime.services.boardPacks.idle(),
        instances.b.runtime.services.boardPacks.idle(),
      ]);
      state = (
        await admin(
          databaseUrl(server, name),
          `select state from board_packs where meeting_id = '${meetingId}'`,
        )
      ).rows[0]!.state as string;
      if (state !== 'ready') await delay(100);
    }
    assert.equal(state, 'ready');
    const jobs = (
      await admin(
        databaseUrl(server, name),
        `select state, retry_count from pgboss.job where name = 'board-pack' and data->>'meetingId' = '${meetingId}'`,
      )
    ).rows as { state: string; retry_count: number }[];
    // the requests took turns: the second found the pack waiting or being made, and is that pack
    assert.equal(jobs.length, 1, `${jobs.length} jobs`);
    assert.equal(jobs[0]!.state, 'completed');
    assert.equal(jobs[0]!.retry_count, 0);
    // one job, worked once (no retry), and only one instance's printer used for it (a pack may
    // print more than one document: its cover, its reports)
    assert.equal(printers.size, 1, `printed by ${printers.size} instances`);
    assert.ok(printed >= 1);
    const download = await visitors.b.get(`${meeting}/board-pack.pdf`);
    assert.equal(download.status, 200);
    process.stdout.write(
      `# board pack asked for through both instances at once: ${jobs.length} job(s), made by ${printers.size} instance(s)\n`,
    );
  });
});
