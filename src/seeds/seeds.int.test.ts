import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { importSeeds } from './seed.importer.ts';
import { readSeeds, seedFiles, SeedFilesInvalid } from './seed.reader.ts';
import { firstRun, firstAdminEmail } from './first-run.ts';
import { importMeetings, seedMeetingSchema } from './seed.meetings.ts';
import { systemCaller } from '../platform/http/auth.ts';
import { openTestRuntime } from '../../test/support/test-database.ts';

type Runtime = Awaited<ReturnType<typeof openTestRuntime>>;

describe('seed partnerships', () => {
  let runtime: Runtime;
  before(async () => {
    runtime = await openTestRuntime();
  });
  after(() => runtime.close());

  it('loads the five source documents’ partnerships, each in its authority', async () => {
    const reports = await importSeeds(runtime.services, await readSeeds(await seedFiles()));
    assert.deepEqual(
      reports.map((report) => [report.partnership, report.outcome]),
      [
        ['dudley', 'created'],
        ['bolton', 'created'],
        ['nottinghamshire', 'created'],
        ['medway', 'created'],
        ['kent', 'created'],
      ],
    );
    const list = await runtime.services.partnerships.list();
    const summary = Object.fromEntries(
      list.map((p) => [p.slug, [p.name, p.authorityGssCode, p.established]]),
    );
    assert.deepEqual(summary, {
      dudley: ["Dudley Children's Trust", 'E08000027', '2007'],
      bolton: ["Bolton Children's Trust", 'E08000001', '2007-04'],
      nottinghamshire: ["Nottinghamshire Children and Young People's Partnership", 'E10000024', null],
      medway: ["Medway Children's Action Network", 'E06000035', '2008-11'],
      kent: ["Kent Children's Trust", 'E10000016', null],
    });
  });

  it('is idempotent: a second import changes nothing and audits nothing', async () => {
    const audits = () =>
      runtime.db.owner
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
    const before = Number((await audits()).n);
    const reports = await importSeeds(runtime.services, await readSeeds(await seedFiles()));
    assert.ok(reports.every((report) => report.outcome === 'unchanged'));
    assert.equal(Number((await audits()).n), before);
  });

  it('loads a meeting whose minutes give no start time by its date alone, as the form does', async () => {
    const dudley = (await runtime.services.partnerships.bySlug('dudley'))!;
    const caller = systemCaller('seed import (test)', dudley.id);
    const [body] = await runtime.services.bodies.list(caller);
    const seed = {
      title: 'Development session with no start time',
      kind: 'development-session',
      bodies: [body!.slug],
      date: '2009-07-14',
      state: 'held',
    };
    const meeting = seedMeetingSchema.parse(seed);
    const load = () =>
      importMeetings(runtime.services, caller, { meetings: [meeting], people: [], organisations: [] });
    assert.equal(await load(), 1);
    assert.equal(await load(), 0, 'loaded again, it is found and left as it is');
    const found = (await runtime.services.meetings.list(caller)).filter((m) => m.title === seed.title);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.startTimeKnown, false);
    // kept at midnight in England (British Summer Time) of its date
    assert.equal(found[0]!.startsAt.toISOString(), '2009-07-13T23:00:00.000Z');
    // an end time alone is refused, as the meeting form refuses it
    const endOnly = seedMeetingSchema.safeParse({ ...seed, endTime: '12:00' });
    assert.equal(endOnly.success, false);
    assert.deepEqual(
      endOnly.error!.issues.map((issue) => [issue.path.join('.'), issue.message]),
      [['endTime', 'An end time needs a start time: leave both out when the minutes give none']],
    );
  });

  it('reports every problem in every file with its line, and writes nothing', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'seeds-'));
    writeFileSync(
      join(folder, 'bad.yaml'),
      [
        'source:',
        '  document: x.txt',
        '  title: A title',
        '  date: 14 September 2009',
        'authority:',
        '  gssCode: W06000001',
        '  name: Cardiff',
        'partnership:',
        '  name: ""',
        '  slug: new-one',
        '  status: active',
        '  published: yes-please',
        '',
      ].join('\n'),
    );
    writeFileSync(join(folder, 'broken.yaml'), 'source: [unclosed\n');
    const error = await readSeeds([join(folder, 'bad.yaml'), join(folder, 'broken.yaml')]).catch(
      (caught: unknown) => caught,
    );
    assert.ok(error instanceof SeedFilesInvalid);
    const lines = error.problems.map((p) => `${p.file}:${p.line} ${p.path}`);
    assert.deepEqual(
      lines.filter((line) => line.startsWith('bad.yaml')),
      [
        'bad.yaml:4 source.date',
        'bad.yaml:6 authority.gssCode',
        'bad.yaml:9 partnership.name',
        'bad.yaml:12 partnership.published',
      ],
    );
    assert.ok(lines.some((line) => line.startsWith('broken.yaml:')));
    assert.match(error.message, /bad\.yaml:9 partnership\.name: Enter the partnership’s name/);
    assert.equal(await runtime.services.partnerships.bySlug('new-one'), undefined);
  });

  it('on the first run creates an administrator once, and never again', async () => {
    const fresh = await openTestRuntime();
    try {
      const message = await firstRun(fresh.services);
      assert.match(message!, new RegExp(`email: +${firstAdminEmail}`));
      const password = /password: (\S+)/.exec(message!)![1]!;
      assert.deepEqual(await fresh.services.accounts.signIn(firstAdminEmail, password), {
        outcome: 'signed-in',
        userId: await fresh.services.accounts.userIdByEmail(firstAdminEmail),
      });
      assert.equal((await fresh.services.partnerships.list()).length, 5);
      assert.equal(await firstRun(fresh.services), null);
      const admins = await fresh.db.transaction(
        {},
        async (trx) =>
          (await sql<{ n: number }>`select count(*)::int as n from users where platform_admin`.execute(trx))
            .rows[0]!.n,
      );
      assert.equal(admins, 1);
    } finally {
      await fresh.close();
    }
  });
});
