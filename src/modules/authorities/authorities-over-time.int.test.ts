import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { $, pageText, startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { authorityTypeOn, historyProblems } from './index.ts';

describe('councils over time', () => {
  let test: TestApp;
  before(async () => {
    test = await startTestApp();
  });
  after(() => test.close());

  const typeOn = (gssCode: string, date: string) =>
    test.db.transaction({}, (trx) => authorityTypeOn(trx, gssCode, date));

  it('gives a council’s type on a date', async () => {
    const cases: [string, string, string][] = [
      // Cornwall and Durham: county councils with districts until 31 March 2009, then unitary.
      ['E06000052', '2008-06-01', 'county council'],
      ['E06000052', '2009-03-31', 'county council'],
      ['E06000052', '2009-04-01', 'unitary authority'],
      ['E10000005', '2009-03-31', 'county council'],
      ['E10000005', '2012-01-01', 'county council'],
      ['E06000047', '2009-03-31', 'county council'],
      ['E06000047', '2009-04-01', 'unitary authority'],
      ['E10000010', '2005-01-01', 'county council'],
      // North Yorkshire and Somerset became unitary on 1 April 2023.
      ['E06000065', '2023-03-31', 'county council'],
      ['E06000065', '2023-04-01', 'unitary authority'],
      ['E10000023', '2023-04-01', 'county council'],
      ['E06000066', '2023-03-31', 'county council'],
      ['E06000066', '2023-04-01', 'unitary authority'],
      ['E10000027', '2022-01-01', 'county council'],
      // Northamptonshire ended on 31 March 2021, Cumbria on 31 March 2023: their type at the end.
      ['E10000021', '2021-03-31', 'county council'],
      ['E10000021', '2021-04-01', 'county council'],
      ['E06000061', '2021-04-01', 'unitary authority'],
      ['E06000061', '2015-01-01', 'unitary authority'],
      ['E10000006', '2023-03-31', 'county council'],
      ['E10000006', '2024-01-01', 'county council'],
      ['E06000063', '2023-04-01', 'unitary authority'],
      // A council that has always had one type.
      ['E08000027', '1990-01-01', 'metropolitan borough'],
      ['E10000016', '2025-01-01', 'county council'],
    ];
    for (const [code, date, type] of cases)
      assert.equal(await typeOn(code, date), type, `${code} on ${date}`);
    await assert.rejects(typeOn('E99999999', '2020-01-01'), /no authority with GSS code E99999999/);
  });

  it('holds sound history in the database: successors exist, types cover every life', async () => {
    const { authorities, periods, successions } = await test.db.transaction({}, async (trx) => ({
      authorities: await trx
        .selectFrom('authorities')
        .select(['gss_code as gssCode', 'type', 'valid_from as validFrom', 'valid_to as validTo'])
        .execute(),
      periods: await trx
        .selectFrom('authority_types')
        .select(['gss_code as gssCode', 'type', 'valid_from as validFrom', 'valid_to as validTo'])
        .execute(),
      successions: await trx
        .selectFrom('authority_successors')
        .select(['gss_code as gssCode', 'successor_gss_code as successorGssCode'])
        .execute(),
    }));
    assert.equal(authorities.filter((a) => a.validTo).length, 15);
    assert.deepEqual(historyProblems(authorities, periods, successions), []);
    const periodCodes = new Set(periods.map((p) => p.gssCode));
    assert.ok(authorities.every((a) => periodCodes.has(a.gssCode)));
  });

  it('lists former councils when asked, with when they ended and who succeeded them', async () => {
    const current = await test.request().get('/api/v1/authorities');
    assert.equal((current.body as { count: number }).count, 153);
    const all = await test.request().get('/api/v1/authorities?former=yes');
    assert.equal((all.body as { count: number }).count, 168);
    const page = await test.request().get('/authorities?q=Cheshire&former=yes');
    assert.equal(page.status, 200);
    const rows = $(page.text)('tbody tr')
      .map((_, el) => {
        const cell = $(page.text)(el).find('td').first();
        return [cell.find('a').first().text(), cell.find('span').text()].join(' ').trim();
      })
      .get();
    assert.deepEqual(rows, [
      'Cheshire Abolished on 1 April 2009; succeeded by Cheshire East and Cheshire West and Chester',
      'Cheshire East',
      'Cheshire West and Chester',
    ]);
    assert.equal($(page.text)('input[name=former]').attr('checked'), 'checked');
    const cornwall = await test.request().get('/authorities?q=Cornwall&former=yes');
    assert.match(pageText(cornwall.text), /Became a unitary authority on 1 April 2009 as Cornwall/);
    const csv = await test.request().get('/authorities?q=Northamptonshire&former=yes&format=csv');
    assert.match(
      csv.text,
      /E10000021,,Northamptonshire,county council,East Midlands,1974-04-01,2021-03-31,E06000061 E06000062/,
    );
    assert.equal((await test.request().get('/api/v1/authorities?former=perhaps')).status, 400);
  });

  it('shows a council’s history on its page', async () => {
    const cheshire = pageText((await test.request().get('/authorities/E10000004')).text).replace(/\s+/g, ' ');
    assert.match(cheshire, /1 April 1974 to 31 March 2009 County council \(with district councils\)/);
    assert.match(
      cheshire,
      /Abolished on 1 April 2009 Succeeded by Cheshire East \(E06000049\) and Cheshire West and Chester \(E06000050\)/,
    );
    const cornwall = pageText((await test.request().get('/authorities/E06000052')).text).replace(/\s+/g, ' ');
    assert.match(cornwall, /1 April 1974 to 31 March 2009 County council \(with district councils\)/);
    assert.match(cornwall, /From 1 April 2009 Unitary authority/);
    assert.match(
      cornwall,
      /Took over from Cornwall \(E10000005\), the same council under its former code, until 31 March 2009/,
    );
    const api = await test.request().get('/api/v1/authorities/E10000004');
    assert.deepEqual((api.body as { types: unknown }).types, [
      { type: 'county council', validFrom: '1974-04-01', validTo: '2009-03-31' },
    ]);
    assert.deepEqual(
      (api.body as { successors: { gssCode: string }[] }).successors.map((s) => s.gssCode),
      ['E06000049', 'E06000050'],
    );
    const dudley = await test.request().get('/authorities/E08000027');
    assert.equal($(dudley.text)('#history').length, 0);
  });
});
