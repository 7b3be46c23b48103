import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import {
  $,
  csrfTokenIn,
  makePartnership,
  signedInAs,
  startTestApp,
  textsOf,
  upload,
  type TestApp,
  auditCount as auditEvents,
} from '../../../test/support/test-app.ts';
import { systemCaller, type Caller } from '../../platform/http/auth.ts';

const csv = (lines: string[]) => Buffer.from(lines.join('\n'));
const path = '/partnerships/figures/indicators/import';

describe('importing indicator values and targets', () => {
  let test: TestApp;
  let caller: Caller;
  let partnershipId: string;
  before(async () => {
    test = await startTestApp();
    partnershipId = (await makePartnership(test.services, 'figures')).id;
    caller = systemCaller('test', partnershipId);
    await test.services.indicators.track(caller, 'NI 73');
    await test.services.indicators.track(caller, 'NI 112');
  });
  after(() => test.close());

  const auditCount = () => auditEvents(test);

  it('refuses a file with one bad row, reports every problem by row, and writes nothing', async () => {
    const { agent } = await signedInAs(test, partnershipId, 'editor');
    const before = await auditCount();
    const response = await upload(
      agent,
      path,
      csv([
        'indicator,period,value,group,target,tolerance',
        'NI 73,2008/09,72.5,,72,2',
        'NI 73,2009/10,101,,75,',
        'NI 999,2009/10,5,,,',
        'NI 112,2009,40.1,,,',
      ]),
      'values.csv',
    );
    assert.equal(response.status, 400);
    assert.deepEqual(textsOf(response.text, '.govuk-error-summary a'), [
      'Row 3: tolerance: A target needs a tolerance rule: a number in the indicator’s units (like 2, or 0 for none) or a percentage of the target (like 5%)',
      'Row 4: indicator: The partnership does not track “NI 999”: add it from the library or as a local indicator first',
      'Row 5: period: “2009” is not a financial year, which this indicator is measured in: write it like 2008-09',
    ]);
    assert.equal($(response.text)('button:contains("Import these")').length, 0);
    assert.equal(await auditCount(), before);
    const detail = await test.services.indicators.byCode(caller, 'NI 73');
    assert.equal(detail?.values.length, 0);
    assert.equal(detail?.targets.length, 0);
  });

  it('refuses a percentage over 100 in a file whose rows are otherwise readable', async () => {
    const { agent } = await signedInAs(test, partnershipId, 'editor');
    const response = await upload(
      agent,
      path,
      csv(['indicator,period,value', 'NI 73,2009/10,101']),
      'values.csv',
    );
    assert.equal(response.status, 400);
    assert.deepEqual(textsOf(response.text, '.govuk-error-summary a'), [
      'Row 2: value: Value is a percentage: it must be between 0 and 100',
    ]);
  });

  it('previews a good file row by row, then imports it all on confirmation', async () => {
    const { agent } = await signedInAs(test, partnershipId, 'editor');
    const preview = await upload(
      agent,
      path,
      csv([
        'Indicator,Period,Value,Group,Area,Target,Tolerance,Illustrative',
        'NI 73,2008-2009,72.5,,,72,2,yes',
        'ni 73,2009/10,73,,,75,5%,yes',
        'NI 73,2009/10,41,Looked-after children,,,,yes',
        'NI 112,2008-09,45.2,,North district,,,yes',
      ]),
      'values.csv',
    );
    assert.equal(preview.status, 200);
    assert.match($(preview.text)('main').text(), /4 rows ready to import/);
    assert.deepEqual(textsOf(preview.text, '#preview tbody tr td:nth-child(3)').slice(0, 2), [
      '2008/09',
      '2009/10',
    ]);
    assert.equal(
      (await test.services.indicators.byCode(caller, 'NI 73'))?.values.length,
      0,
      'the preview writes nothing',
    );
    const confirmed = await agent
      .post(`${path}/confirm`)
      .type('form')
      .send({ _csrf: csrfTokenIn(preview.text) });
    assert.equal(confirmed.status, 303);
    const detail = (await test.services.indicators.byCode(caller, 'NI 73'))!;
    assert.deepEqual(
      detail.performance.periods.map((entry) => [entry.period, entry.value, entry.target?.target, entry.rag]),
      [
        ['2008/09', 72.5, 72, 'green'],
        ['2009/10', 73, 75, 'amber'],
      ],
    );
    assert.deepEqual(detail.targets[1]?.toleranceKind, 'relative');
    assert.ok(detail.values.every((value) => value.illustrative));
    const area = (await test.services.indicators.byCode(caller, 'NI 112'))!.values[0]!;
    assert.deepEqual([area.breakdownKind, area.breakdown, area.value], ['area', 'North district', 45.2]);
    const again = await agent
      .post(`${path}/confirm`)
      .type('form')
      .send({ _csrf: csrfTokenIn(preview.text) });
    assert.equal(again.status, 400, 'a preview is imported once');
  });

  it('reads Excel files too, and refuses a viewer', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Values');
    sheet.addRow(['indicator', 'period', 'value']);
    sheet.addRow(['NI 112', '2009-10', 40.1]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const { agent } = await signedInAs(test, partnershipId, 'editor');
    const preview = await upload(agent, path, file, 'values.xlsx');
    assert.equal(preview.status, 200);
    assert.deepEqual(textsOf(preview.text, '#preview tbody td').slice(0, 4), [
      '2',
      'NI 112',
      '2009-10',
      '40.1',
    ]);
    const { agent: viewer } = await signedInAs(test, partnershipId, 'viewer');
    assert.equal((await viewer.get(path)).status, 403);
  });

  it('refuses a comparators file with one bad row, reporting it by row, and writes nothing', async () => {
    const { agent } = await signedInAs(test, partnershipId, 'editor');
    const before = await auditCount();
    const response = await upload(
      agent,
      path,
      csv([
        'indicator,period,value,group,target,tolerance,comparator',
        'NI 73,2007/08,70.1,,,,England',
        'NI 73,2007/08,69.5,,,,Statistical neighbours’ average',
        'NI 73,2007/08,,,,,region',
        'NI 73,2007/08,68,,70,1,Wales',
        'NI 73,2007/08,71,Looked-after children,,,England',
        'NI 73,2007/08,70.3,,,,england',
      ]),
      'comparators.csv',
    );
    assert.equal(response.status, 400);
    assert.deepEqual(textsOf(response.text, '.govuk-error-summary a'), [
      'Row 4: value: A comparator row needs the comparator’s value',
      'Row 5: comparator: Comparator must be England, statistical neighbours or region, or empty for the partnership’s own figure',
      'Row 6: comparator: A comparator row has no group or area',
      'Row 7: The same indicator, period and comparator as row 2',
    ]);
    assert.equal($(response.text)('button:contains("Import these")').length, 0);
    assert.equal(await auditCount(), before);
    assert.equal((await test.services.indicators.byCode(caller, 'NI 73'))!.comparators.length, 0);
  });

  it('imports comparators beside values and targets from one file, after the preview', async () => {
    const { agent } = await signedInAs(test, partnershipId, 'editor');
    const preview = await upload(
      agent,
      path,
      csv([
        'indicator,period,value,target,tolerance,comparator',
        'NI 112,2010-11,39.5,40,1,',
        'NI 112,2010-11,41.2,,,England',
        'NI 112,2010-11,40.6,,,statistical neighbours',
        'NI 112,2010-11,42,,,Regional average',
      ]),
      'comparators.csv',
    );
    assert.equal(preview.status, 200);
    assert.match($(preview.text)('main').text(), /4 rows ready to import/);
    assert.deepEqual(textsOf(preview.text, '#preview tbody td:nth-child(3)').slice(1), [
      '2010-11Comparator: England average',
      '2010-11Comparator: Statistical neighbours’ average',
      '2010-11Comparator: Regional average',
    ]);
    assert.equal((await test.services.indicators.byCode(caller, 'NI 112'))!.comparators.length, 0);
    const confirmed = await agent
      .post(`${path}/confirm`)
      .type('form')
      .send({ _csrf: csrfTokenIn(preview.text) });
    assert.equal(confirmed.status, 303);
    const detail = (await test.services.indicators.byCode(caller, 'NI 112'))!;
    assert.deepEqual(
      detail.comparators.map(({ period, comparator, value }) => [period, comparator, value]),
      [
        ['2010-11', 'england', 41.2],
        ['2010-11', 'region', 42],
        ['2010-11', 'statistical neighbours', 40.6],
      ],
    );
    assert.deepEqual(
      detail.values.filter((value) => value.period === '2010-11').map((value) => value.value),
      [39.5],
      'the comparators are not the partnership’s own values',
    );
    const audit = await test.db.owner
      .selectFrom('audit_events')
      .select('summary')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(
      audit.summary,
      'Imported 4 rows of indicator values, targets and comparators from comparators.csv',
    );
  });

  it('says what is wrong with a file it cannot use', async () => {
    const { agent } = await signedInAs(test, partnershipId, 'editor');
    const noHeader = await upload(agent, path, csv(['code,when', 'NI 73,2009/10']), 'values.csv');
    assert.equal(noHeader.status, 400);
    assert.match(
      textsOf(noHeader.text, '.govuk-error-summary a')[0]!,
      /these are missing: indicator, period/,
    );
    const wrongKind = await upload(agent, path, Buffer.from('x'), 'values.pdf');
    assert.deepEqual(textsOf(wrongKind.text, '.govuk-error-summary a'), [
      'The file must be a CSV or an Excel (.xlsx) file',
    ]);
  });
});
