import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { $, signedInAs, startTestApp, submit, type TestApp } from '../../../test/support/test-app.ts';

const cheshire = {
  authorityGssCode: 'E10000004',
  name: 'Cheshire Children’s Trust',
  slug: 'cheshire-trust',
  'established-day': '',
  'established-month': '4',
  'established-year': '2006',
  status: 'closed',
  published: 'no',
};

describe('a partnership for a former council', () => {
  let test: TestApp;
  before(async () => {
    test = await startTestApp();
  });
  after(() => test.close());

  it('offers former councils on the form, labelled with their years', async () => {
    const { agent } = await signedInAs(test, null, 'platform-admin');
    const page = await agent.get('/partnerships/new');
    const options = $(page.text)('#authorityGssCode option')
      .map((_, el) => [[$(page.text)(el).attr('value'), $(page.text)(el).text()]])
      .get() as unknown as [string, string][];
    assert.equal(options.length, 1 + 153 + 15);
    const labels = options.map(([, label]) => label);
    const at = labels.indexOf('Cheshire (1974 to 2009)');
    assert.deepEqual(labels.slice(at, at + 3), [
      'Cheshire (1974 to 2009)',
      'Cheshire East',
      'Cheshire West and Chester',
    ]);
    assert.ok(
      options.some(([code, label]) => code === 'E10000021' && label === 'Northamptonshire (1974 to 2021)'),
    );
    assert.ok(options.some(([code, label]) => code === 'E08000027' && label === 'Dudley'));
  });

  it('creates a partnership for Cheshire County Council through the form, and audits it', async () => {
    const { agent } = await signedInAs(test, null, 'platform-admin');
    const response = await submit(agent, '/partnerships/new', cheshire);
    assert.equal(response.status, 303);
    assert.equal(response.headers.location, '/partnerships/cheshire-trust');
    const created = (await test.services.partnerships.bySlug('cheshire-trust'))!;
    assert.equal(created.authorityGssCode, 'E10000004');
    assert.equal(created.authorityName, 'Cheshire');
    assert.equal(created.established, '2006-04');
    const audit = await test.db.transaction(
      { partnershipId: created.id },
      async (trx) =>
        (
          await sql<{ action: string; after: { authorityGssCode: string } }>`
            select action, after from audit_events where entity_type = 'partnership'`.execute(trx)
        ).rows,
    );
    assert.deepEqual(
      audit.map((row) => [row.action, row.after.authorityGssCode]),
      [['create', 'E10000004']],
    );
  });

  it('refuses a date established outside the council’s life, naming its dates, and changes nothing', async () => {
    const { agent } = await signedInAs(test, null, 'platform-admin');
    const late = await submit(agent, '/partnerships/new', {
      ...cheshire,
      slug: 'cheshire-late',
      'established-month': '',
      'established-year': '2010',
    });
    assert.equal(late.status, 400);
    const message =
      'Cheshire existed from 1 April 1974 to 31 March 2009: enter a date established between those dates, or choose the council of that time';
    assert.equal($(late.text)('.govuk-error-summary__list a').text().trim(), message);
    assert.equal($(late.text)('.govuk-error-summary__list a').attr('href'), '#established');
    assert.match($(late.text)('#established-error').text(), /existed from 1 April 1974 to 31 March 2009/);
    assert.equal($(late.text)('#authorityGssCode option:selected').attr('value'), 'E10000004');
    assert.equal(await test.services.partnerships.bySlug('cheshire-late'), undefined);

    const early = await submit(agent, '/partnerships/new', {
      ...cheshire,
      authorityGssCode: 'E06000049',
      slug: 'cheshire-east-early',
      'established-year': '2007',
    });
    assert.equal(early.status, 400);
    assert.match(
      $(early.text)('.govuk-error-summary__list').text(),
      /Cheshire East came into being on 1 April 2009: enter a date established on or after it/,
    );
    assert.equal(await test.services.partnerships.bySlug('cheshire-east-early'), undefined);

    // The year of the change is within both lives; no date at all is always accepted.
    for (const [code, slug] of [
      ['E10000004', 'cheshire-2009'],
      ['E06000049', 'cheshire-east-2009'],
    ] as const) {
      const response = await submit(agent, '/partnerships/new', {
        ...cheshire,
        authorityGssCode: code,
        slug,
        'established-month': '',
        'established-year': '2009',
      });
      assert.equal(response.status, 303, slug);
    }
    const undated = await submit(agent, '/partnerships/new', {
      ...cheshire,
      slug: 'cheshire-undated',
      'established-month': '',
      'established-year': '',
    });
    assert.equal(undated.status, 303);
  });
});
