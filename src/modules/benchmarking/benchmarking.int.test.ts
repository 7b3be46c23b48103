// Benchmarking across partnerships: a published neighbour's values for everyone appear beside
// the partnership's own, England's and the neighbours' average; a neighbour that does not
// publish, a published group breakdown, an illustrative figure and a partnership that is not a
// statistical neighbour never do: on the page, in the CSV, through the API or a raw query.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import {
  makePartnership,
  signedInAs,
  startTestApp,
  submit,
  textsOf,
  type Agent,
  type TestApp,
  pageText,
} from '../../../test/support/test-app.ts';
import { systemCaller } from '../../platform/http/auth.ts';

const kent = 'E10000016';
const home = '/partnerships/garden';
const benchmarkPage = `${home}/indicators/NI%2073/benchmark`;

describe('benchmarking: published values of statistical neighbours, nothing else', () => {
  let test: TestApp;
  const ids: Record<string, string> = {};
  let admin: Agent;
  let viewer: Agent;
  let token: string;

  async function furnish(slug: string, authority: string, overall: Record<string, number>) {
    const partnership = await makePartnership(test.services, slug, authority);
    ids[slug] = partnership.id;
    const caller = systemCaller('test', partnership.id);
    const indicator = await test.services.indicators.track(caller, 'NI 73');
    for (const [period, value] of Object.entries(overall))
      await test.services.indicators.recordValue(caller, 'NI 73', { period, value, breakdownKind: 'all' });
    return { caller, indicator };
  }

  before(async () => {
    test = await startTestApp();
    const neighbours = (await test.services.authorities.get(kent))!.neighbours;
    assert.ok(!neighbours.some((n) => n.gssCode === 'E08000001'), 'Bolton is not one of Kent’s neighbours');
    const own = await furnish('garden', kent, { '2008/09': 70, '2009/10': 74 });
    await test.services.indicators.recordComparator(own.caller, 'NI 73', {
      period: '2009/10',
      comparator: 'england',
      value: 73,
    });
    // a neighbour that publishes: its group value, target and illustrative figure stay home
    const first = await furnish('first-neighbour', neighbours[0]!.gssCode, { '2009/10': 76 });
    await test.services.indicators.recordValue(first.caller, 'NI 73', {
      period: '2009/10',
      value: 41.3,
      breakdownKind: 'group',
      breakdown: 'Looked-after children',
    });
    await test.services.indicators.recordValue(first.caller, 'NI 73', {
      period: '2010/11',
      value: 99.1,
      breakdownKind: 'all',
      illustrative: true,
    });
    await test.services.indicators.setTarget(first.caller, 'NI 73', {
      period: '2009/10',
      target: 88.8,
      toleranceKind: 'absolute',
      tolerance: 1,
    });
    await test.services.benchmarking.setPublished(first.caller, [first.indicator.id]);
    // a neighbour that does not publish
    await furnish('second-neighbour', neighbours[1]!.gssCode, { '2009/10': 61.7 });
    // a partnership that publishes but is not a statistical neighbour
    const far = await furnish('far-away', 'E08000001', { '2009/10': 55.5 });
    await test.services.benchmarking.setPublished(far.caller, [far.indicator.id]);

    admin = (await signedInAs(test, ids.garden!, 'admin')).agent;
    const signedViewer = await signedInAs(test, ids.garden!, 'viewer');
    viewer = signedViewer.agent;
    token = (await test.services.tokens.create(systemCaller('test'), signedViewer.user.id, 'benchmark'))
      .token;
  });
  after(() => test.close());

  const hidden = [
    'Partnership second-neighbour',
    '61.7',
    'Partnership far-away',
    '55.5',
    '41.3',
    '99.1',
    '88.8',
  ];
  const assertNothingHidden = (text: string, where: string) => {
    for (const secret of hidden) assert.ok(!text.includes(secret), `${secret} appears in ${where}`);
  };

  it('shows a published neighbour beside the partnership, the neighbours’ average, England and the rank', async () => {
    const page = await viewer.get(benchmarkPage);
    assert.equal(page.status, 200);
    assert.deepEqual(textsOf(page.text, '#neighbours li'), [
      `Partnership first-neighbour (${(await test.services.authorities.get(kent))!.neighbours[0]!.name}, neighbour 1)`,
    ]);
    assert.deepEqual(textsOf(page.text, '#benchmark thead th'), [
      'Period',
      'Partnership garden',
      'Partnership first-neighbour',
      'Statistical neighbours’ average',
      'England',
      'Rank',
    ]);
    assert.deepEqual(textsOf(page.text, '#benchmark tbody tr:nth-child(2) td'), [
      '74%',
      '76%',
      '76% (of 1)',
      '73%',
      '2 of 2',
    ]);
    assert.match(page.text, /<svg class="app-chart"[^>]*role="img"/);
    assert.match(textsOf(page.text, '#summary')[0]!, /In 2009\/10, Partnership garden: 74%.*Ranked 2 of 2/);
    assertNothingHidden(page.text, 'the page');
  });

  it('gives the same table as CSV and through the API', async () => {
    const csv = await viewer.get(`${benchmarkPage}.csv`);
    assert.equal(csv.status, 200);
    assert.match(csv.headers['content-type']!, /text\/csv/);
    assert.ok(csv.text.startsWith('\uFEFF'), 'a byte-order mark');
    const lines = csv.text.trim().split('\r\n');
    assert.equal(
      lines[0],
      'Period,Partnership garden,Partnership first-neighbour,Statistical neighbours’ average,Neighbours averaged,England,Rank,Ranked among',
    );
    assert.equal(lines[2], '2009/10,74,76,76,1,73,2,2');
    assertNothingHidden(csv.text, 'the CSV');

    const api = await test
      .request()
      .get('/api/v1/partnerships/garden/indicators/NI%2073/benchmark')
      .set('Authorization', `Bearer ${token}`);
    assert.equal(api.status, 200);
    const body = api.body as {
      neighbours: { name: string }[];
      periods: { period: string; value: number; neighbourAverage: number; england: number; rank: number }[];
    };
    assert.deepEqual(
      body.neighbours.map((n) => n.name),
      ['Partnership first-neighbour'],
    );
    assert.deepEqual(
      body.periods.map((p) => [p.period, p.value, p.neighbourAverage, p.england, p.rank]),
      [
        ['2008/09', 70, null, null, null],
        ['2009/10', 74, 76, 73, 2],
      ],
    );
    assertNothingHidden(api.text, 'the API');
    const missing = await test
      .request()
      .get('/api/v1/partnerships/garden/indicators/NI%2099/benchmark')
      .set('Authorization', `Bearer ${token}`);
    assert.equal(missing.status, 404);
  });

  it('lets a raw query under the tenant read only published values for everyone, and only when benchmarking', async () => {
    const valuesSeen = (on: boolean) =>
      test.db.transaction({ partnershipId: ids.garden }, async (trx) => {
        if (on) await sql`select set_config('app.benchmark', 'on', true)`.execute(trx);
        return (
          await sql<{
            partnership_id: string;
            value: number;
            breakdown_kind: string;
            illustrative: boolean;
          }>`select partnership_id, value, breakdown_kind, illustrative from indicator_values`.execute(trx)
        ).rows;
      });
    const off = await valuesSeen(false);
    assert.ok(off.every((row) => row.partnership_id === ids.garden));
    const on = await valuesSeen(true);
    const foreign = on.filter((row) => row.partnership_id !== ids.garden);
    assert.deepEqual(foreign.map((row) => row.value).sort(), [55.5, 76]);
    assert.ok(foreign.every((row) => row.breakdown_kind === 'all' && !row.illustrative));
    await test.db.transaction({ partnershipId: ids.garden }, async (trx) => {
      await sql`select set_config('app.benchmark', 'on', true)`.execute(trx);
      for (const table of ['indicator_targets', 'indicator_comparators']) {
        const rows = (
          await sql<{ partnership_id: string }>`select partnership_id from ${sql.table(table)}`.execute(trx)
        ).rows;
        assert.ok(
          rows.every((row) => row.partnership_id === ids.garden),
          `${table} crossed`,
        );
      }
      const updated =
        await sql`update indicator_values set value = 1 where partnership_id <> ${ids.garden}`.execute(trx);
      assert.equal(Number(updated.numAffectedRows ?? 0), 0, 'a published value could be changed');
    });
    // the indicators module's own pages go on seeing only the partnership's rows
    const list = await viewer.get(`${home}/indicators/NI%2073`);
    assertNothingHidden(list.text, 'the indicator page');
    assert.ok(!list.text.includes('76%'));
    // and link a library indicator to its benchmark
    assert.match(
      list.text,
      /href="[^"]*\/indicators\/NI%2073\/benchmark">Compare with statistical neighbours</,
    );
  });

  it('leaves nothing crossing for the reads after it when a request shares one read transaction', async () => {
    const caller = systemCaller('test', ids.garden!);
    const { reads, result } = test.db.requestScope(async () => {
      const benchmark = await test.services.benchmarking.benchmark(caller, 'NI 73');
      const seen = await test.db.read({ partnershipId: ids.garden }, (trx) =>
        trx.selectFrom('indicator_values').select('partnership_id').execute(),
      );
      return { benchmark, seen };
    });
    const { benchmark, seen } = await result;
    await reads.end();
    assert.ok(benchmark?.neighbours.length, 'the benchmark saw its published neighbour');
    assert.ok(seen.length > 0);
    assert.ok(
      seen.every((row) => row.partnership_id === ids.garden),
      'a read after the benchmark saw another partnership’s values',
    );
  });

  it('lets only an administrator choose what is published, audits it, and refuses what cannot be published', async () => {
    assert.equal((await viewer.get(`${home}/benchmarking/publish`)).status, 403);
    const list = await admin.get(`${home}/benchmarking`);
    assert.equal(list.status, 200);
    assert.deepEqual(textsOf(list.text, '#benchmarking tbody td:nth-child(2)'), ['No']);
    const local = await test.services.indicators.createLocal(systemCaller('test', ids.garden), {
      code: 'LOCAL 1',
      title: 'A local measure',
      definition: 'Local',
      unit: 'number',
      polarity: 'higher',
      frequency: 'calendar year',
      source: 'Local',
    });
    const refused = await submit(admin, `${home}/benchmarking/publish`, { indicatorIds: [local.id] });
    assert.equal(refused.status, 400);
    assert.match(refused.text, /only indicators from the library can be published/);
    const junk = await submit(admin, `${home}/benchmarking/publish`, { indicatorIds: 'not-an-id' });
    assert.equal(junk.status, 400);
    assert.match(junk.text, /Select indicators from the list/);
    const tracked = (await test.services.indicators.byCode(systemCaller('test', ids.garden), 'NI 73'))!;
    const saved = await submit(admin, `${home}/benchmarking/publish`, { indicatorIds: tracked.indicator.id });
    assert.equal(saved.status, 303);
    const audit = await test.db.owner
      .selectFrom('audit_events')
      .select(['summary', 'partnership_id'])
      .where('entity_type', '=', 'indicator publication')
      .where('partnership_id', '=', ids.garden!)
      .execute();
    assert.deepEqual(
      audit.map((row) => row.summary),
      [
        'Published NI 73 Achievement at level 4 or above in both English and Maths at Key Stage 2 for benchmarking',
      ],
    );
    // the neighbour now sees the garden's values on its own benchmark page
    const neighbourViewer = (await signedInAs(test, ids['first-neighbour']!, 'viewer')).agent;
    const theirs = await neighbourViewer.get('/partnerships/first-neighbour/indicators/NI%2073/benchmark');
    assert.ok(textsOf(theirs.text, '#benchmark thead th').includes('Partnership garden'));
  });

  it('withdraws a neighbour’s values everywhere once it stops publishing', async () => {
    await test.services.benchmarking.setPublished(systemCaller('test', ids['first-neighbour']), []);
    const withdrawn = await test.db.owner
      .selectFrom('audit_events')
      .select('summary')
      .where('entity_type', '=', 'indicator publication')
      .where('partnership_id', '=', ids['first-neighbour']!)
      .orderBy('id')
      .execute();
    assert.deepEqual(withdrawn.map((row) => row.summary).at(-1), 'Stopped publishing NI 73 for benchmarking');
    const page = await viewer.get(benchmarkPage);
    assert.ok(!page.text.includes('Partnership first-neighbour'));
    assert.match(pageText(page.text), /None of the partnership’s statistical neighbours publishes NI 73/);
    const csv = await viewer.get(`${benchmarkPage}.csv`);
    assert.ok(!csv.text.includes('first-neighbour'));
    assert.ok(!csv.text.includes('76'));
  });
});
