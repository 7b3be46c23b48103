import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { $, startTestApp, type TestApp } from '../../../test/support/test-app.ts';

describe('the authorities directory', () => {
  let test: TestApp;
  before(async () => {
    test = await startTestApp();
  });
  after(() => test.close());

  it('holds all 153 English upper-tier authorities with their types', async () => {
    const response = await test.request().get('/api/v1/authorities');
    assert.equal(response.status, 200);
    const body = response.body as {
      count: number;
      items: { gssCode: string; name: string; type: string; region: string }[];
    };
    assert.equal(body.count, 153);
    const count = (type: string) => body.items.filter((item) => item.type === type).length;
    assert.deepEqual(
      [
        count('unitary authority'),
        count('metropolitan borough'),
        count('London borough') + count('City of London'),
        count('county council'),
      ],
      [63, 36, 33, 21],
    );
    assert.deepEqual(
      body.items.find((item) => item.gssCode === 'E08000027'),
      {
        gssCode: 'E08000027',
        dfeCode: '332',
        name: 'Dudley',
        type: 'metropolitan borough',
        region: 'West Midlands',
        validFrom: null,
        validTo: null,
      },
    );
    assert.equal(body.items.find((item) => item.gssCode === 'E09000001')!.type, 'City of London');
    assert.equal(body.items.find((item) => item.gssCode === 'E06000053')!.name, 'Isles of Scilly');
  });

  it('searches by name, code, region and type', async () => {
    const byName = await test.request().get('/api/v1/authorities?q=kent');
    assert.deepEqual(
      (byName.body as { items: { name: string }[] }).items.map((item) => item.name),
      ['Kent'],
    );
    const byRegion = await test
      .request()
      .get('/api/v1/authorities?region=North%20East&type=unitary%20authority');
    assert.ok(
      (byRegion.body as { items: { region: string; type: string }[] }).items.every(
        (item) => item.region === 'North East' && item.type === 'unitary authority',
      ),
    );
    const invalid = await test.request().get('/api/v1/authorities?type=parish');
    assert.equal(invalid.status, 400);
    assert.deepEqual((invalid.body as { errors: unknown }).errors, [
      { path: 'type', message: 'Select a type of authority from the list' },
    ]);
  });

  it('gives each authority its ten statistical neighbours in order', async () => {
    const response = await test.request().get('/api/v1/authorities/E10000016');
    const body = response.body as {
      statisticalNeighbours: { rank: number; name: string; closeness: string }[];
    };
    assert.equal(body.statisticalNeighbours.length, 10);
    assert.deepEqual(
      body.statisticalNeighbours.map((n) => n.rank),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    );
    assert.equal((await test.request().get('/api/v1/authorities/E99999999')).status, 404);
  });

  it('shows the directory to anyone, filterable and as CSV', async () => {
    const page = await test.request().get('/authorities?q=Dud');
    assert.equal(page.status, 200);
    assert.deepEqual(
      $(page.text)('tbody tr')
        .map((_, el) => $(page.text)(el).find('td,th').first().text().trim())
        .get(),
      ['Dudley'],
    );
    const table = $(page.text)('table.govuk-table');
    assert.equal(table.find('caption').text().trim(), '1 authority');
    assert.deepEqual(
      table
        .find('thead th[scope=col]')
        .map((_, el) => $(page.text)(el).text().trim())
        .get(),
      ['Name', 'GSS code', 'Type', 'Region'],
    );
    assert.equal(table.find('tbody td a').attr('href'), '/authorities/E08000027');
    assert.equal($(page.text)('tbody tr').first().find('td').eq(1).text(), 'E08000027');
    const all = await test.request().get('/authorities');
    assert.equal($(all.text)('caption').text().trim(), '153 authorities');
    assert.equal($(all.text)('tbody tr').length, 153);
    const csv = await test.request().get('/authorities?format=csv');
    assert.equal(csv.text.trim().split('\n').length, 154);
    const detail = await test.request().get('/authorities/E08000027');
    assert.match($(detail.text)('h1').text(), /Dudley/);
    assert.equal($(detail.text)('table tbody tr').length, 10);
  });
});
