// Resources against a database: a pooled fund over a year with many partners (totals, balance
// and variance exact to the penny), every refusal of bad input (nothing written), the forms'
// error summaries, the import (all or nothing), the report's CSV (formulas neutralised), the
// exceptions and the API.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  $,
  makePartnership,
  signedInAs,
  startTestApp,
  submit,
  upload,
  type TestApp,
} from '../../../test/support/test-app.ts';
import { systemCaller, type Caller } from '../../platform/http/auth.ts';
import { RuleViolation } from '../../platform/http/validation.ts';

const csv = (lines: string[]) => Buffer.from(lines.join('\n'));

describe('resources: funds, contributions, spending, pledges', () => {
  let test: TestApp;
  let caller: Caller;
  let partnershipId: string;
  const partners: string[] = [];
  let priorities: string[] = [];
  let unserved: string;
  let ended: string;
  const base = '/partnerships/money/resources';

  const countRows = async () =>
    test.db.transaction({ partnershipId }, async (trx) => {
      const count = async (table: 'fund_contributions' | 'fund_spending' | 'pledges' | 'funds') =>
        Number(
          (await trx
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirst())!.n,
        );
      return {
        contributions: await count('fund_contributions'),
        spending: await count('fund_spending'),
        pledges: await count('pledges'),
        funds: await count('funds'),
      };
    });

  before(async () => {
    test = await startTestApp();
    partnershipId = (await makePartnership(test.services, 'money')).id;
    caller = systemCaller('test', partnershipId);
    for (let index = 1; index <= 12; index++)
      partners.push(
        await test.services.membership.addOrganisation(caller, {
          name: `Partner ${String(index).padStart(2, '0')}`,
          sector: 'other',
          category: null,
          notes: null,
        }),
      );
    ended = await test.services.membership.addOrganisation(caller, {
      name: 'Ended Primary Care Trust',
      sector: 'health',
      category: 'health-commissioner',
      notes: null,
      endsOn: '2009-03-31',
    });
    await test.services.plans.create(caller, {
      slug: 'cypp',
      title: 'CYPP 2009-2011',
      kind: "children and young people's plan",
      startsOn: '2009-04-01',
      endsOn: '2011-03-31',
      vision: null,
      status: 'agreed',
      resourcing: null,
    });
    for (const title of ['Early help', 'Children in care', 'Health and wellbeing'])
      priorities.push(
        await test.services.plans.addPriority(caller, 'cypp', { title, outcomeIds: [], indicatorIds: [] }),
      );
    unserved = priorities[2]!;
    priorities = priorities.slice(0, 2);
    await test.services.resources.createFund(caller, {
      slug: 'pool',
      name: 'Children’s Trust pooled fund',
      kind: 'pooled-s10',
      hostOrganisationId: partners[0]!,
      purpose: 'Integrated services',
      agreementDocument: 'Section 10 agreement',
      agreementStartsOn: '2009-04-01',
      agreementEndsOn: '2011-03-31',
      reviewOn: '2010-03-01',
      priorityIds: priorities,
    });
  });
  after(() => test.close());

  it('adds a year of many partners’ contributions and spending exactly, to the penny', async () => {
    // Twelve partners each plan, agree and receive an amount with pence that floating point
    // cannot add exactly (0.1 + 0.2); 36 spending entries with odd pence.
    let planned = 0;
    let agreed = 0;
    let received = 0;
    for (const [index, organisationId] of partners.entries()) {
      const pence = 10_000_010 + index * 20; // £100,000.10, £100,000.30, ...
      await test.services.resources.addContribution(caller, 'pool', {
        organisationId,
        year: 2009,
        form: index % 3 === 0 ? 'staff time' : 'cash',
        description: null,
        planned: pence + 1,
        agreed: pence,
        received: index === 11 ? null : pence - 3,
      });
      planned += pence + 1;
      agreed += pence;
      received += index === 11 ? 0 : pence - 3;
    }
    let spentPlanned = 0;
    let spentActual = 0;
    let committed = 0;
    for (let index = 0; index < 36; index++) {
      const pence = 3_333_333 + index; // £33,333.33 and up
      await test.services.resources.addSpending(caller, 'pool', {
        year: 2009,
        priorityId: priorities[index % 2]!,
        actionId: null,
        serviceId: null,
        description: `Entry ${index}`,
        planned: pence,
        committed: index % 4 === 0 ? 7 : null,
        actual: pence - 1,
        decisionId: null,
      });
      spentPlanned += pence;
      spentActual += pence - 1;
      committed += index % 4 === 0 ? 7 : 0;
    }
    const { statement } = await test.services.resources.fund(caller, 'pool', 2009);
    assert.equal(statement.contributions.total.planned, planned);
    assert.equal(statement.contributions.total.agreed, agreed);
    assert.equal(statement.contributions.total.received, received);
    assert.equal(statement.budget, 120_001_440); // 12 × £100,000.10 + 20p × (0+1+…+11)
    assert.equal(statement.spending.total.planned, spentPlanned);
    assert.equal(statement.spending.total.actual, spentActual);
    assert.equal(statement.spending.total.committed, committed);
    assert.equal(statement.balance, received - spentActual);
    assert.equal(statement.spendingVariance, -36);
    assert.equal(statement.contributionVariance, received - agreed);
    assert.equal(
      statement.contributions.cash.agreed + statement.contributions.inKind.agreed,
      statement.contributions.total.agreed,
    );
    assert.equal(statement.overBudgetBy, 0);
    assert.equal(statement.contributions.byPartner.length, 12);
    // the page shows the same in pounds
    const { agent } = await signedInAs(test, partnershipId, 'viewer');
    const page = await agent.get(`${base}/funds/pool?year=2009`);
    assert.equal(page.status, 200);
    assert.match($(page.text)('.app-statement').text(), /£1,200,014\.40/);
  });

  it('refuses bad input with a clear message and writes nothing', async () => {
    const before = await countRows();
    const refused = async (work: () => Promise<unknown>, pattern: RegExp) => {
      await assert.rejects(work, (error: unknown) => {
        assert.ok(error instanceof RuleViolation, String(error));
        assert.match(error.message, pattern);
        return true;
      });
    };
    await refused(
      () =>
        test.services.resources.addContribution(caller, 'pool', {
          organisationId: partners[1]!,
          year: 2011,
          form: 'cash',
          description: null,
          planned: 100,
          agreed: null,
          received: null,
        }),
      /2011-12 is after the fund’s agreement ends/,
    );
    await refused(
      () =>
        test.services.resources.addSpending(caller, 'pool', {
          year: 2009,
          priorityId: unserved,
          actionId: null,
          serviceId: null,
          description: null,
          planned: 100,
          committed: null,
          actual: null,
          decisionId: null,
        }),
      /does not serve the priority “Health and wellbeing”/,
    );
    await refused(
      () =>
        test.services.resources.addPledge(caller, {
          organisationId: ended,
          priorityId: priorities[0]!,
          actionId: null,
          resource: 'money',
          description: 'Health visitors',
          amount: 5_000_000,
          fromYear: 2009,
          toYear: 2010,
          status: 'proposed',
          pledgedOn: '2009-06-01',
          dueOn: null,
          agreedBy: null,
          decisionId: null,
        }),
      /had ended .* it was not a partner on that date/,
    );
    assert.deepEqual(await countRows(), before);

    const { agent } = await signedInAs(test, partnershipId, 'editor');
    for (const [amount, message] of [
      ['-10', 'The agreed amount cannot be negative'],
      ['10.005', 'The agreed amount must be in pounds and pence, with at most two decimal places'],
      ['ten pounds', 'The agreed amount must be an amount in pounds, like 1250 or 1,250.50'],
    ] as const) {
      const response = await submit(agent, `${base}/funds/pool/contributions/new`, {
        organisationId: partners[1]!,
        year: '2009',
        form: 'cash',
        agreed: amount,
      });
      assert.equal(response.status, 400, amount);
      const page = $(response.text);
      assert.match(page('.govuk-error-summary').text(), new RegExp(message));
      assert.equal(page('#agreed').val(), amount, 'the answer is kept');
    }
    const outside = await submit(agent, `${base}/funds/pool/contributions/new`, {
      organisationId: partners[1]!,
      year: '2008',
      form: 'cash',
      agreed: '10',
    });
    assert.equal(outside.status, 400);
    assert.match(
      $(outside.text)('.govuk-error-summary').text(),
      /2008-09 is before the fund’s agreement starts/,
    );
    assert.deepEqual(await countRows(), before);
    const audit = await test.db.owner
      .selectFrom('audit_events')
      .select('summary')
      .where('partnership_id', '=', partnershipId)
      .where('entity_type', '=', 'fund contribution')
      .execute();
    assert.equal(audit.length, 12, 'each contribution recorded is in the audit trail, refusals are not');
  });

  it('imports contributions and spending all or nothing, reporting each row', async () => {
    const { agent } = await signedInAs(test, partnershipId, 'editor');
    const before = await countRows();
    const bad = await upload(
      agent,
      `${base}/funds/pool/import`,
      csv([
        'kind,year,organisation,form,priority,planned,agreed,received,committed,actual',
        'contribution,2010-11,Partner 01,cash,,,"250,000.00",,,',
        'contribution,2010-11,Partner 02,cash,,,12.345,,,',
        'spending,2010-11,,,Health and wellbeing,100,,,,',
        'contribution,2010-11,Nobody Council,cash,,,5,,,',
        'spending,2012-13,,,Early help,100,,,,',
      ]),
      'resources.csv',
    );
    assert.equal(bad.status, 400);
    const summary = $(bad.text)('.govuk-error-summary').text();
    assert.match(
      summary,
      /Row 3: agreed: Agreed must be in pounds and pence, with at most two decimal places/,
    );
    assert.match(summary, /Row 4: .*does not serve the priority “Health and wellbeing”/);
    assert.match(
      summary,
      /Row 5: organisation: “Nobody Council” is not one of the partnership’s organisations/,
    );
    assert.match(summary, /Row 6: 2012-13 is after the fund’s agreement ends/);
    assert.deepEqual(await countRows(), before);

    const good = await upload(
      agent,
      `${base}/funds/pool/import`,
      csv([
        'kind,year,organisation,form,priority,action,planned,agreed,received,committed,actual',
        'contribution,2010/11,Partner 01,cash,,,,"250,000.00",,,',
        'contribution,2010-11,partner 02,premises,,,,£12000.50,,,',
        'spending,2010-11,,,cypp 1,,100000,,,,99999.99',
      ]),
      'resources.csv',
    );
    assert.equal(good.status, 200);
    assert.match(good.text, /2 contributions and 1 spending row/);
    const confirm = await submit(agent, `${base}/funds/pool/import/confirm`, {}, `${base}/funds/pool/import`);
    // the confirmation form is on the preview page, so post with any page's token
    assert.equal(confirm.status, 303);
    const after = await countRows();
    assert.equal(after.contributions, before.contributions + 2);
    assert.equal(after.spending, before.spending + 1);
    const { statement } = await test.services.resources.fund(caller, 'pool', 2010);
    assert.equal(statement.budget, 26_200_050);
    assert.equal(statement.spending.total.actual, 9_999_999);
  });

  it('shows an exception when spending passes the budget, and when a pledge is overdue', async () => {
    await test.services.resources.addSpending(caller, 'pool', {
      year: 2010,
      priorityId: priorities[1]!,
      actionId: null,
      serviceId: null,
      description: null,
      planned: null,
      committed: 20_000_000,
      actual: null,
      decisionId: null,
    });
    await test.services.resources.addPledge(caller, {
      organisationId: partners[3]!,
      priorityId: priorities[0]!,
      actionId: null,
      resource: 'people',
      description: 'Two family support workers',
      amount: 6_000_000,
      fromYear: 2009,
      toYear: 2010,
      status: 'agreed',
      pledgedOn: '2009-05-01',
      dueOn: null,
      agreedBy: 'Trust Board',
      decisionId: null,
    });
    const exceptions = await test.services.resources.exceptions(caller, '2011-06-01');
    assert.deepEqual(
      exceptions.map((e) => e.kind),
      ['over budget', 'pledge overdue'],
    );
    assert.match(
      exceptions[0]!.text,
      /2010-11: .*\(£299,999\.99\) passes the budget .*\(£262,000\.50\) by £37,999\.49/,
    );
    assert.match(exceptions[1]!.text, /Partner 04.*due by 31 March 2011/);
    const report = await test.services.resources.report(caller, 2009, '2011-06-01');
    const early = report.byPlan[0]!.resources.rows[0]!;
    assert.equal(early.pledgedAgreed, 6_000_000);
    const across = await test.services.resources.report(caller, null, '2011-06-01');
    assert.equal(across.byPlan[0]!.resources.rows[0]!.pledgedAgreed, 12_000_000, 'two years of £60,000');
  });

  it('gives the report as a page with a chart and its table, CSV with formulas neutralised, Word and the API', async () => {
    await test.services.membership.addOrganisation(caller, {
      name: '=HYPERLINK("http://example.org","x")',
      sector: 'other',
      category: null,
      notes: null,
    });
    const organisations = await test.services.membership.organisations(caller);
    const formula = organisations.find((o) => o.name.startsWith('='))!;
    await test.services.resources.addContribution(caller, 'pool', {
      organisationId: formula.id,
      year: 2009,
      form: 'cash',
      description: null,
      planned: 1,
      agreed: null,
      received: null,
    });
    const { agent } = await signedInAs(test, partnershipId, 'viewer');
    const page = await agent.get(`${base}?year=2009`);
    assert.equal(page.status, 200);
    const html = $(page.text);
    assert.equal(
      html('svg[role="img"] title').first().text(),
      'Resources by priority of CYPP 2009-2011, 2009-10',
    );
    assert.match(html('#priorities-cypp').text(), /Priority 1: Early help/);
    const bad = await agent.get(`${base}?year=nonsense`);
    assert.equal(bad.status, 400);
    const file = await agent.get(`${base}?year=2009&format=csv`);
    assert.equal(file.status, 200);
    assert.match(file.text, /'=HYPERLINK/);
    assert.doesNotMatch(file.text, /(^|,)"?=HYPERLINK/m);
    const word = await agent.get(`${base}?format=docx`).buffer(true);
    assert.equal(word.status, 200);
    assert.equal(
      word.headers['content-type'],
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );

    const { token } = await test.services.tokens.create(
      systemCaller('test'),
      (await signedInAs(test, partnershipId, 'viewer')).user.id,
      'api',
    );
    const api = await test
      .request()
      .get('/api/v1/partnerships/money/funds')
      .set('Authorization', `Bearer ${token}`);
    assert.equal(api.status, 200);
    const fund = (api.body as { items: { slug: string; years: { year: string; budgetPence: number }[] }[] })
      .items[0]!;
    assert.equal(fund.slug, 'pool');
    assert.deepEqual(
      fund.years.map((y) => [y.year, y.budgetPence]),
      [
        ['2009-10', 120_001_440],
        ['2010-11', 26_200_050],
      ],
    );
    const pledges = await test
      .request()
      .get('/api/v1/partnerships/money/pledges')
      .set('Authorization', `Bearer ${token}`);
    assert.equal((pledges.body as { count: number }).count, 1);
  });
});
