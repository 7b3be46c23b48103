// Resources against a database: a pooled fund over a year with many partners (totals, balance
// and variance exact to the penny), every refusal of bad input (nothing written), the forms'
// error summaries, the import (all or nothing), the report's CSV (formulas neutralised), the
// exceptions and the API; every entry corrected and removed by the same rules, audited; a
// service's provider as a partner or named outside; the plan on a page, the progress report
// and the public site (only when chosen) showing what each priority has.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import {
  $,
  binary,
  makePartnership,
  signedInAs,
  startTestApp,
  submit,
  upload,
  type TestApp,
} from '../../../test/support/test-app.ts';
import { systemCaller, type Caller } from '../../platform/http/auth.ts';
import { RuleViolation } from '../../platform/http/validation.ts';
import { publicSiteService } from '../public/index.ts';

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

  /** The audit rows of an entity, oldest first. */
  const auditOf = (entityId: string) =>
    test.db.owner
      .selectFrom('audit_events')
      .select(['action', 'summary', 'before', 'after'])
      .where('entity_id', '=', entityId)
      .orderBy('occurred_at')
      .execute();

  it('corrects and removes contributions and spending by the same rules as recording them, audited', async () => {
    const { agent } = await signedInAs(test, partnershipId, 'editor');
    const { agent: viewer } = await signedInAs(test, partnershipId, 'viewer');
    const entry = (await test.services.resources.fund(caller, 'pool', 2010)).contributions.find(
      (row) => row.organisationName === 'Partner 01',
    )!;
    const edit = `${base}/funds/pool/contributions/${entry.id}/edit`;
    const form = $((await agent.get(edit)).text);
    assert.equal(form('#agreed').val(), '250000.00', 'the form is filled in');
    assert.equal(form('#organisationId').val(), partners[0]);
    assert.equal(form('#year').val(), '2010');
    assert.equal((await viewer.get(edit)).status, 403);
    assert.equal((await agent.get(`${base}/funds/pool/contributions/${priorities[0]}/edit`)).status, 404);

    const budget = async () => (await test.services.resources.fund(caller, 'pool', 2010)).statement.budget;
    const fields = { organisationId: partners[0]!, year: '2010', form: 'cash', agreed: '250000.01' };
    for (const [changed, message] of [
      [
        { agreed: '10.005' },
        'The agreed amount must be in pounds and pence, with at most two decimal places',
      ],
      [{ agreed: '-1' }, 'The agreed amount cannot be negative'],
      [{ year: '2011' }, '2011-12 is after the fund’s agreement ends'],
      [{ organisationId: ended, year: '2009' }, 'Ended Primary Care Trust had ended'],
    ] as const) {
      const refused = await submit(agent, edit, { ...fields, ...changed });
      assert.equal(refused.status, 400, message);
      assert.match($(refused.text)('.govuk-error-summary').text(), new RegExp(message));
    }
    assert.equal(await budget(), 26_200_050, 'nothing was changed');
    const saved = await submit(agent, edit, fields);
    assert.equal(saved.status, 303);
    assert.equal(await budget(), 26_200_051);
    const [change] = await auditOf(entry.id);
    assert.equal(change!.action, 'update');
    assert.match(change!.summary, /Changed Partner 01’s contribution .* agreed £250,000\.01/);
    assert.equal((change!.before as { agreed: number }).agreed, 25_000_000);
    assert.equal((change!.after as { agreed: number }).agreed, 25_000_001);

    const remove = `${base}/funds/pool/contributions/${entry.id}/delete`;
    const confirm = $((await agent.get(remove)).text);
    assert.match(
      confirm('#deleting').text(),
      /Partner 01’s contribution for 2010-11 \(Cash\): agreed £250,000\.01/,
    );
    assert.match(confirm('#goes').text(), /budget and contributions for 2010-11 no longer count it/);
    assert.equal((await viewer.post(remove).type('form').send({})).status, 403);
    assert.equal((await submit(agent, remove, {})).status, 303);
    assert.equal(await budget(), 1_200_050);
    assert.equal((await auditOf(entry.id)).at(-1)!.action, 'delete');

    const spent = (await test.services.resources.fund(caller, 'pool', 2010)).spending.find(
      (row) => row.actual === 9_999_999,
    )!;
    await assert.rejects(
      test.services.resources.updateSpending(caller, 'pool', spent.id, {
        ...spent,
        priorityId: unserved,
      }),
      /does not serve the priority “Health and wellbeing”/,
    );
    const spendingEdit = `${base}/funds/pool/spending/${spent.id}/edit`;
    assert.equal($((await agent.get(spendingEdit)).text)('#actual').val(), '99999.99');
    const changed = await submit(agent, spendingEdit, {
      year: '2010',
      priorityId: priorities[0]!,
      planned: '100000',
      actual: '99999.98',
    });
    assert.equal(changed.status, 303);
    const actual = async () =>
      (await test.services.resources.fund(caller, 'pool', 2010)).statement.spending.total.actual;
    assert.equal(await actual(), 9_999_998);
    assert.equal((await submit(agent, `${base}/funds/pool/spending/${spent.id}/delete`, {})).status, 303);
    assert.equal(await actual(), 0);
    assert.deepEqual(
      (await auditOf(spent.id)).map((row) => row.action),
      ['update', 'delete'],
    );
  });

  it('corrects and removes pledges, refusing a partner that had ended by the pledge’s date', async () => {
    const { agent } = await signedInAs(test, partnershipId, 'editor');
    const pledge = (await test.services.resources.all(caller)).pledges[0]!;
    const edit = `${base}/pledges/${pledge.id}/edit`;
    const form = $((await agent.get(edit)).text);
    assert.equal(form('#description').val(), 'Two family support workers');
    assert.equal(form('#amount').val(), '60000.00');
    assert.equal(form('#pledgedOn-day').val(), '1');
    const fields = {
      organisationId: partners[3]!,
      priorityId: priorities[0]!,
      resource: 'people',
      description: 'Two family support workers',
      amount: '60000',
      fromYear: '2009',
      toYear: '2010',
      status: 'delivered',
      'pledgedOn-day': '1',
      'pledgedOn-month': '6',
      'pledgedOn-year': '2009',
      agreedBy: 'Trust Board',
    };
    const refused = await submit(agent, edit, { ...fields, organisationId: ended });
    assert.equal(refused.status, 400);
    assert.match(
      $(refused.text)('.govuk-error-summary').text(),
      /Ended Primary Care Trust had ended \(31 March 2009\) by 1 June 2009: it was not a partner on that date/,
    );
    const backwards = await submit(agent, edit, { ...fields, fromYear: '2010', toYear: '2009' });
    assert.match(
      $(backwards.text)('.govuk-error-summary').text(),
      /The last year must be the first year or after it/,
    );
    assert.equal((await test.services.resources.all(caller)).pledges[0]!.status, 'agreed', 'unchanged');
    assert.equal((await submit(agent, edit, fields)).status, 303);
    assert.equal((await test.services.resources.all(caller)).pledges[0]!.status, 'delivered');
    assert.deepEqual(
      (await test.services.resources.exceptions(caller, '2011-06-01')).map((e) => e.kind),
      ['over budget'],
      'a delivered pledge is not overdue',
    );

    const extra = await test.services.resources.addPledge(caller, {
      ...pledge,
      organisationId: partners[4]!,
      description: 'A room for the family hub',
      resource: 'premises',
      amount: null,
      status: 'proposed',
      pledgedOn: '2009-07-01',
    });
    const confirm = $((await agent.get(`${base}/pledges/${extra}/delete`)).text);
    assert.match(
      confirm('#deleting').text(),
      /Partner 05’s pledge to “Early help”: Premises, A room for the family hub/,
    );
    assert.equal((await submit(agent, `${base}/pledges/${extra}/delete`, {})).status, 303);
    assert.equal((await test.services.resources.all(caller)).pledges.length, 1);
    const trail = await auditOf(extra);
    assert.deepEqual(
      trail.map((row) => row.action),
      ['create', 'delete'],
    );
    assert.equal((trail[1]!.before as { description: string }).description, 'A room for the family hub');
  });

  it('names a service’s provider from the partnership’s organisations or as written, and removes a service leaving its spending', async () => {
    const { agent } = await signedInAs(test, partnershipId, 'editor');
    const fundId = (await test.services.resources.fund(caller, 'pool', null)).fund.id;
    const count = async () => (await test.services.resources.all(caller)).services.length;
    const before = await count();
    const fields = {
      name: 'Family support service',
      annualValue: '120000',
      status: 'active',
      fundId,
      priorityIds: [priorities[0]!],
      'startsOn-day': '1',
      'startsOn-month': '4',
      'startsOn-year': '2009',
    };
    for (const [changed, message] of [
      [{}, 'Select whether the provider is one of the partnership’s organisations or another provider'],
      [
        { providerKind: 'organisation' },
        'Select the provider from the list of the partnership’s organisations',
      ],
      [{ providerKind: 'other', provider: '  ' }, 'Enter the name of the provider outside the partnership'],
      [
        { providerKind: 'organisation', providerOrganisationId: unserved },
        'Select the provider from the list of the partnership’s organisations',
      ],
    ] as const) {
      const refused = await submit(agent, `${base}/services/new`, { ...fields, ...changed });
      assert.equal(refused.status, 400, message);
      assert.match($(refused.text)('.govuk-error-summary').text(), new RegExp(message));
    }
    assert.equal(await count(), before, 'nothing written');
    const added = await submit(agent, `${base}/services/new`, {
      ...fields,
      providerKind: 'organisation',
      providerOrganisationId: partners[2]!,
      provider: 'ignored when a partner provides it',
    });
    assert.equal(added.status, 303);
    const service = (await test.services.resources.all(caller)).services.find((s) => s.name === fields.name)!;
    assert.equal(service.providerOrganisationId, partners[2]);
    assert.equal(service.providerName, 'Partner 03');
    const list = $((await agent.get(base)).text);
    assert.match(list('#service-list').text(), /Family support service\s*Partner 03\s*£120,000\.00/);

    const edit = `${base}/services/${service.id}/edit`;
    const form = $((await agent.get(edit)).text);
    assert.equal(form('#providerKind').attr('checked'), 'checked', 'a partner provides it');
    assert.equal(form('#providerOrganisationId').val(), partners[2]);
    assert.equal(form('#annualValue').val(), '120000.00');
    assert.equal(
      (await submit(agent, edit, { ...fields, providerKind: 'other', provider: 'Action for Children' }))
        .status,
      303,
    );
    const changed = (await test.services.resources.all(caller)).services.find((s) => s.id === service.id)!;
    assert.equal(changed.providerOrganisationId, null);
    assert.equal(changed.providerName, 'Action for Children');
    assert.match(
      $((await agent.get(base)).text)('#service-list').text(),
      /Action for Children \(outside the partnership\)/,
    );

    await test.services.resources.addSpending(caller, 'pool', {
      year: 2009,
      priorityId: priorities[0]!,
      actionId: null,
      serviceId: service.id,
      description: 'Family support, first quarter',
      planned: null,
      committed: null,
      actual: 3_000_000,
      decisionId: null,
    });
    const remove = `${base}/services/${service.id}/delete`;
    const confirm = $((await agent.get(remove)).text);
    assert.match(confirm('#goes').text(), /Its links to the priority it serves/);
    assert.match(
      confirm('#stays').text(),
      /1 spending entry recorded on it \(actual £30,000\.00\), on its priority, without the service/,
    );
    assert.equal((await submit(agent, remove, {})).status, 303);
    const after = await test.services.resources.all(caller);
    assert.equal(after.services.length, before);
    const kept = after.spending.find((row) => row.description === 'Family support, first quarter')!;
    assert.equal(kept.serviceId, null);
    assert.equal(kept.priorityId, priorities[0]);
    const trail = await auditOf(service.id);
    assert.deepEqual(
      trail.map((row) => row.action),
      ['create', 'update', 'delete'],
    );
    assert.deepEqual((trail[2]!.before as { spendingUnlinked: string[] }).spendingUnlinked, [kept.id]);
    // the entry was only there for this test
    await test.services.resources.deleteSpending(caller, 'pool', kept.id);
  });

  it('changes and removes financial principles, numbering the rest again', async () => {
    const { agent } = await signedInAs(test, partnershipId, 'editor');
    for (const text of [
      'Investment by contribution to outcomes',
      'Resources to prevention',
      'Capital for inter-agency working',
    ])
      await test.services.resources.addPrinciple(caller, 'cypp', text);
    const principles = async () =>
      (await test.services.resources.all(caller)).principles.map((p) => `${p.position} ${p.text}`);
    const [first, second] = (await test.services.resources.all(caller)).principles;
    const edit = `${base}/plans/cypp/principles/${second!.id}/edit`;
    assert.equal($((await agent.get(edit)).text)('#text').val(), 'Resources to prevention');
    const blank = await submit(agent, edit, { text: ' ' });
    assert.equal(blank.status, 400);
    assert.match($(blank.text)('.govuk-error-summary').text(), /Enter the principle/);
    assert.equal((await submit(agent, edit, { text: 'Resources to prevention and early help' })).status, 303);
    const confirm = $((await agent.get(`${base}/plans/cypp/principles/${first!.id}/delete`)).text);
    assert.match(confirm('#deleting').text(), /Principle 1: Investment by contribution to outcomes/);
    assert.equal((await submit(agent, `${base}/plans/cypp/principles/${first!.id}/delete`, {})).status, 303);
    assert.deepEqual(await principles(), [
      '1 Resources to prevention and early help',
      '2 Capital for inter-agency working',
    ]);
    assert.deepEqual(
      [...(await auditOf(second!.id)), ...(await auditOf(first!.id))].map((row) => row.action),
      ['create', 'update', 'create', 'delete'],
    );
  });

  it('shows what each priority has in the plan on a page, the progress report and their Word documents', async () => {
    const { agent } = await signedInAs(test, partnershipId, 'viewer');
    // 2009-10: the 36 entries of the first test, the even ones on "Early help": planned
    // 18 × £33,333.33 + (0 + 2 + … + 34)p = £600,003.00, actual 18p less, committed 9 × 7p;
    // Partner 04's two family support workers, £60,000 a year for 2009-10 and 2010-11.
    const page = $((await agent.get('/partnerships/money/plans/cypp/on-a-page?year=2009')).text);
    assert.match(page('#resources h2').text(), /Resources, 2009-10/);
    const early = page('#plan-resources tbody tr')
      .first()
      .find('th, td')
      .map((_, cell) => page(cell).text())
      .get();
    assert.deepEqual(early, [
      '1. Early help',
      '£600,003.00',
      '£0.63',
      '£600,002.82',
      '£60,000.00',
      '£0.00',
      '£0.00',
      '£0.00',
    ]);
    assert.match(
      page('#resources').text(),
      /Partner 04: People, Two family support workers, £60,000\.00 a year, 2009-10 to 2010-11 \(delivered\)/,
    );
    // with no year asked: this year, brought within the plan's years (it ended in 2011)
    const latest = $((await agent.get('/partnerships/money/plans/cypp/on-a-page')).text);
    assert.match(latest('#resources h2').text(), /Resources, 2010-11/);
    assert.match(latest('#resources').text(), /Other years:\s*2009-10/);
    const progress = $((await agent.get('/partnerships/money/plans/cypp/progress?year=2009')).text);
    assert.equal(progress('#plan-resources tbody tr').first().find('td').first().text(), '£600,003.00');

    for (const report of ['on-a-page', 'progress']) {
      const word = await agent
        .get(`/partnerships/money/plans/cypp/${report}?year=2009&format=docx`)
        .buffer(true)
        .parse(binary);
      assert.equal(word.status, 200);
      const xml = await (
        await JSZip.loadAsync(word.body as Buffer)
      )
        .file('word/document.xml')!
        .async('string');
      for (const text of [
        'Resources, 2009-10',
        '£600,003.00',
        'Partner 04: People, Two family support workers',
      ])
        assert.ok(xml.includes(text), `${report}: ${text}`);
    }
  });

  it('shows the resources on the public site only when the partnership chooses to publish them', async () => {
    await test.services.partnerships.update(caller, partnershipId, {
      authorityGssCode: 'E08000027',
      name: 'Partnership money',
      slug: 'money',
      established: '2007',
      status: 'active',
      published: true,
    });
    const visitor = test.request();
    assert.equal((await visitor.get('/public/money/plan')).status, 200, 'the plan is public by default');
    assert.equal((await visitor.get('/public/money/resources')).status, 404, 'the resources are not');
    assert.doesNotMatch((await visitor.get('/public/money')).text, /\/public\/money\/resources/);

    const site = publicSiteService(test.db, test.services);
    await site.saveSections(caller, ['plans', 'resources']);
    const page = await visitor.get('/public/money/resources?year=2009-10');
    assert.equal(page.status, 200);
    const html = $(page.text);
    assert.match(html('#resources-cypp tbody tr').first().text(), /1\. Early help\s*£600,003\.00/);
    assert.match(html('main').text(), /Partner 04: People, Two family support workers/);
    assert.equal(html('a[href="/public/money/resources"]').length > 0, true, 'in the site’s navigation');
    assert.match((await visitor.get('/public/money/sitemap.xml')).text, /\/public\/money\/resources</);

    await site.saveSections(caller, ['plans']);
    assert.equal((await visitor.get('/public/money/resources')).status, 404, 'withdrawn again');
  });
});
