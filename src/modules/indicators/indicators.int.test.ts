import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  $,
  makePartnership,
  signedInAs,
  startTestApp,
  submit,
  textsOf,
  type Agent,
  type TestApp,
  auditCount as auditEvents,
} from '../../../test/support/test-app.ts';
import { systemCaller } from '../../platform/http/auth.ts';

const base = '/partnerships/measures';
const ks2 = `${base}/indicators/NI%2073`;

describe('indicators: the library, targets, values and RAG', () => {
  let test: TestApp;
  let partnershipId: string;
  let editor: Agent;
  before(async () => {
    test = await startTestApp();
    partnershipId = (await makePartnership(test.services, 'measures')).id;
    editor = (await signedInAs(test, partnershipId, 'editor')).agent;
  });
  after(() => test.close());

  const auditCount = () => auditEvents(test);

  it('ships the 2008 National Indicator Set’s children’s indicators and the DfE LAIT measures', async () => {
    const page = await editor.get(`${base}/indicators/library?set=nis2008`);
    assert.equal(page.status, 200);
    const codes = textsOf(page.text, '#library tbody th');
    assert.equal(codes.length, 58);
    assert.deepEqual(codes.slice(0, 3), ['NI 19', 'NI 43', 'NI 45']);
    assert.equal(codes.at(-1), 'NI 148');
    const search = await editor.get(`${base}/indicators/library?set=lait&q=infant+mortality`);
    assert.deepEqual(textsOf(search.text, '#library tbody th'), ['LAIT InfMort']);
    const healthy = await editor.get(`${base}/indicators/library?outcome=BH`);
    assert.ok(textsOf(healthy.text, '#library tbody th').includes('NI 112'));
    assert.ok(!textsOf(healthy.text, '#library tbody th').includes('NI 19'));
  });

  it('tracks a library indicator, sets a target with tolerance and records values, and rates them', async () => {
    const tracked = await submit(
      editor,
      `${base}/indicators/library`,
      { key: 'NI 73' },
      `${base}/indicators/library`,
    );
    assert.equal(tracked.status, 303);
    assert.equal(tracked.headers.location, ks2);

    const target = (period: string, value: string) =>
      submit(editor, `${ks2}/targets/new`, {
        period,
        target: value,
        toleranceKind: 'absolute',
        tolerance: '2',
        source: 'Local Area Agreement 2008-11',
      });
    assert.equal((await target('2008/09', '72')).status, 303);
    assert.equal((await target('2009/10', '75')).status, 303);
    const value = (period: string, amount: string, extra: Record<string, string> = {}) =>
      submit(editor, `${ks2}/values/new`, { period, value: amount, breakdownKind: 'all', ...extra });
    assert.equal((await value('2008-09', '72.5')).status, 303);
    assert.equal((await value('2009/10', '73')).status, 303);
    assert.equal(
      (await value('2009/10', '41', { breakdownKind: 'group', breakdown: 'Looked-after children' })).status,
      303,
    );
    assert.equal(
      (
        await submit(editor, `${ks2}/comparators/new`, {
          period: '2009/10',
          comparator: 'england',
          value: '72',
        })
      ).status,
      303,
    );

    const page = await editor.get(ks2);
    const html = $(page.text);
    assert.deepEqual(
      html('#performance tbody tr')
        .map((_, row) =>
          [html(row).find('th').text().trim()]
            .concat(
              html(row)
                .find('td')
                .map((__, cell) => html(cell).text().trim())
                .get(),
            )
            .join(' | '),
        )
        .get(),
      [
        '2008/09 | 72.5% | 72% | 2 percentage points | Green',
        '2009/10 | 73% | 75% | 2 percentage points | Amber',
      ],
    );
    assert.match(html('#summary').text(), /In 2009\/10 the value was 73% against a target of 75%: amber/);
    assert.match(html('#summary').text(), /direction of travel: improving/);
    assert.deepEqual(textsOf(page.text, '#breakdowns tbody th'), ['Group: Looked-after children']);
    assert.equal(
      html('#trend svg title').text(),
      'NI 73 Achievement at level 4 or above in both English and Maths at Key Stage 2: value and target by period',
    );
    assert.equal(html('#trend svg .app-chart__series').length, 3, 'value, target and the England average');
    assert.match(html('#trend figcaption').text(), /NI 73 went from 72.5% in 2008\/09 to 73% in 2009\/10/);
    assert.deepEqual(textsOf(page.text, '#breakdowns tbody td'), ['2009/10', '41%', '73%', '-32']);
    assert.match(html('#gap-summary').text(), /a gap of 32 percentage points below everyone/);
    assert.equal(html('#gap-chart svg').attr('role'), 'img');
    assert.deepEqual(textsOf(page.text, '#comparators tbody td'), ['2009/10', '72%']);

    const list = await editor.get(`${base}/indicators`);
    assert.deepEqual(textsOf(list.text, '#indicators tbody td'), [
      'Enjoy and achieve',
      '2009/10',
      '73%',
      '75%',
      'Amber',
      'Improving',
    ]);
    const library = await editor.get(`${base}/indicators/library?q=NI+73`);
    assert.match($(library.text)('#library tbody td').last().text(), /Tracked/);
  });

  it('refuses a value for a period the indicator is not measured in, or a percentage over 100, and writes nothing', async () => {
    const before = await auditCount();
    const response = await submit(editor, `${ks2}/values/new`, {
      period: '2010',
      value: '100.5',
      breakdownKind: 'all',
    });
    assert.equal(response.status, 400);
    assert.deepEqual(textsOf(response.text, '.govuk-error-summary a'), [
      '“2010” is not an academic year, which this indicator is measured in: write it like 2008/09',
      'Value is a percentage: it must be between 0 and 100',
    ]);
    assert.equal($(response.text)('#value').val(), '100.5');
    assert.equal(await auditCount(), before);
    const detail = await test.services.indicators.byCode(systemCaller('test', partnershipId), 'NI 73');
    assert.equal(detail?.values.length, 3);
  });

  it('refuses a target without a tolerance rule, and a value for an unknown indicator', async () => {
    const before = await auditCount();
    const response = await submit(editor, `${ks2}/targets/new`, {
      period: '2010/11',
      target: '78',
      tolerance: '',
    });
    assert.equal(response.status, 400);
    assert.deepEqual(textsOf(response.text, '.govuk-error-summary a'), [
      'Select how the tolerance is measured: a target needs a tolerance rule',
      'Enter the tolerance: how far short of the target is still amber (0 for none)',
    ]);
    const unknown = await editor.get(`${base}/indicators/NI%20999/values/new`);
    assert.equal(unknown.status, 404);
    await assert.rejects(
      test.services.indicators.recordValue(systemCaller('test', partnershipId), 'NI 999', {
        period: '2009/10',
        value: 1,
        breakdownKind: 'all',
        illustrative: false,
      }),
      /Not Found|not found/i,
    );
    assert.equal(await auditCount(), before);
  });

  it('adds a local indicator, but not under a code of the library', async () => {
    const fields = {
      code: 'NI 19',
      title: 'Families supported by the Family Intervention Project',
      definition: 'Families with a key worker at the end of the quarter.',
      unit: 'number',
      polarity: 'higher',
      frequency: 'quarter',
      source: 'Family Intervention Project returns',
      outcome: 'SS',
    };
    const clash = await submit(editor, `${base}/indicators/new`, fields);
    assert.equal(clash.status, 400);
    assert.match(
      textsOf(clash.text, '.govuk-error-summary a')[0]!,
      /NI 19 is the library’s “Rate of proven re-offending/,
    );
    const added = await submit(editor, `${base}/indicators/new`, { ...fields, code: 'FIP 1' });
    assert.equal(added.status, 303);
    assert.equal(added.headers.location, `${base}/indicators/FIP%201`);
    const value = await submit(editor, `${base}/indicators/FIP%201/values/new`, {
      period: '2009-10 Q2',
      value: '14',
      breakdownKind: 'area',
      breakdown: 'North district',
    });
    assert.equal(value.status, 303);
    const page = await editor.get(`${base}/indicators/FIP%201`);
    assert.deepEqual(textsOf(page.text, '#breakdowns tbody th'), ['Area: North district']);
    assert.match($(page.text)('.govuk-summary-list').text(), /Local indicator/);
  });

  it('lets a viewer read but not change indicators', async () => {
    const { agent } = await signedInAs(test, partnershipId, 'viewer');
    assert.equal((await agent.get(ks2)).status, 200);
    assert.equal((await agent.get(`${ks2}/values/new`)).status, 403);
    const page = await agent.get(`${base}/indicators/library`);
    assert.equal($(page.text)('#library form').length, 0);
  });
});
