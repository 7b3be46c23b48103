import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { makePartnership, signedInAs, startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { systemCaller } from '../../platform/http/auth.ts';

describe('the plans and indicators API', () => {
  let test: TestApp;
  let token: string;
  const get = (path: string) =>
    test.request().get(`/api/v1/partnerships/apiplans${path}`).set('Authorization', `Bearer ${token}`);

  before(async () => {
    test = await startTestApp();
    const partnershipId = (await makePartnership(test.services, 'apiplans')).id;
    const caller = systemCaller('test', partnershipId);
    const board = await test.services.bodies.create(caller, {
      slug: 'board',
      name: 'Trust Board',
      kind: 'board',
      takesDecisions: true,
      status: 'established',
      statusOn: '2007',
    });
    const organisationId = await test.services.membership.addOrganisation(caller, {
      name: 'Connexions',
      sector: 'voluntary-community',
      category: null,
      notes: null,
    });
    const indicator = await test.services.indicators.track(caller, 'NI 117');
    await test.services.indicators.setTarget(caller, 'NI 117', {
      period: '2009-10',
      target: 7,
      toleranceKind: 'absolute',
      tolerance: 0.5,
    });
    for (const [period, value] of [
      ['2008-09', 8.1],
      ['2009-10', 7.4],
    ] as const)
      await test.services.indicators.recordValue(caller, 'NI 117', { period, value, breakdownKind: 'all' });
    await test.services.indicators.recordValue(caller, 'NI 117', {
      period: '2009-10',
      value: 11.2,
      breakdownKind: 'area',
      breakdown: 'North',
      illustrative: true,
    });
    const plan = await test.services.plans.create(caller, {
      slug: 'cypp',
      title: 'CYPP 2009-2011',
      kind: "children and young people's plan",
      startsOn: '2009-04-01',
      endsOn: '2011-03-31',
      vision: null,
      status: 'agreed',
      resourcing: null,
    });
    const outcomes = (await test.services.plans.bySlug(caller, 'cypp'))!.outcomes;
    const priorityId = await test.services.plans.addPriority(caller, plan.slug, {
      title: 'Reduce the number of young people not in education, employment or training',
      ownerBodyId: board.id,
      outcomeIds: [outcomes[4]!.id],
      indicatorIds: [indicator.id],
    });
    const actionId = await test.services.plans.addAction(caller, plan.slug, priorityId, {
      text: 'Track every 16-18 year old',
      leadKind: 'organisation',
      leadId: organisationId,
      partnerIds: [],
      recurrence: 'quarterly',
      recursFrom: '2009-04-01',
      status: 'in progress',
    });
    await test.services.plans.postUpdate(caller, plan.slug, actionId, {
      reportedOn: '2009-06-30',
      rag: 'amber',
      commentary: 'Tracking in place in two of three areas.',
    });
    const { user } = await signedInAs(test, partnershipId, 'viewer');
    token = (await test.services.tokens.create(systemCaller('test'), user.id, 'api')).token;
  });
  after(() => test.close());

  it('lists the plans and gives one with priorities, outcomes, owners and actions', async () => {
    const list = await get('/plans');
    assert.equal(list.status, 200);
    const [summary] = (list.body as { items: { id: string; slug: string; status: string }[] }).items;
    assert.deepEqual([summary!.slug, summary!.status], ['cypp', 'agreed']);
    for (const id of [summary!.id, 'cypp']) {
      const one = await get(`/plans/${id}`);
      assert.equal(one.status, 200);
      const body = one.body as {
        outcomes: { code: string }[];
        priorities: {
          outcomes: string[];
          owner: { name: string };
          indicators: { code: string; rag: string }[];
          actions: {
            lead: { kind: string; name: string };
            recurrence: { every: string; from: string };
            latestRag: string;
            overduePeriods: string[];
          }[];
        }[];
      };
      assert.equal(body.outcomes.length, 5);
      const [priority] = body.priorities;
      assert.deepEqual(priority!.outcomes, ['EW']);
      assert.equal(priority!.owner.name, 'Trust Board');
      assert.deepEqual(priority!.indicators, [{ code: 'NI 117', rag: 'amber' }]);
      const [action] = priority!.actions;
      assert.deepEqual(action!.lead, { kind: 'organisation', name: 'Connexions' });
      assert.deepEqual(action!.recurrence, { every: 'quarterly', from: '2009-04-01', until: null });
      assert.equal(action!.latestRag, 'amber');
      assert.equal(action!.overduePeriods[0], 'July to September 2009');
    }
    assert.equal((await get('/plans/nothing')).status, 404);
  });

  it('gives the indicators with their latest RAG, and one with targets, values and breakdowns', async () => {
    const list = await get('/indicators');
    assert.deepEqual((list.body as { items: { code: string; latest: unknown }[] }).items, [
      {
        code: 'NI 117',
        title: '16 to 18 year olds who are not in education, employment or training (NEET)',
        definition: (list.body as { items: { definition: string }[] }).items[0]!.definition,
        unit: 'percentage',
        unitLabel: '%',
        polarity: 'lower',
        frequency: 'financial year',
        source: 'National Indicator Set (2008)',
        outcome: 'EW',
        local: false,
        latest: { period: '2009-10', value: 7.4, target: 7, rag: 'amber', direction: 'improving' },
      },
    ]);
    const one = await get('/indicators/NI%20117');
    assert.equal(one.status, 200);
    const body = one.body as { periods: unknown[]; breakdowns: unknown[]; illustrative: boolean };
    assert.deepEqual(body.periods, [
      { period: '2008-09', value: 8.1, target: null, rag: null },
      {
        period: '2009-10',
        value: 7.4,
        target: { value: 7, tolerance: { kind: 'absolute', amount: 0.5 } },
        rag: 'amber',
      },
    ]);
    assert.deepEqual(body.breakdowns, [
      { period: '2009-10', kind: 'area', name: 'North', value: 11.2, illustrative: true },
    ]);
    assert.equal(body.illustrative, true);
    assert.equal((await get('/indicators/NI%2019')).status, 404);
  });

  it('gives what an organisation leads and contributes to, by name or id', async () => {
    const response = await get('/accountability?organisation=connexions');
    assert.equal(response.status, 200);
    const body = response.body as {
      leads: { text: string; plan: string; priority: number }[];
      contributes: unknown[];
    };
    assert.deepEqual(
      body.leads.map(({ text, plan, priority }) => [text, plan, priority]),
      [['Track every 16-18 year old', 'cypp', 1]],
    );
    assert.deepEqual(body.contributes, []);
    assert.equal((await get('/accountability')).status, 400);
    assert.equal((await get('/accountability?organisation=nobody')).status, 404);
  });

  it('documents the routes in the OpenAPI description', async () => {
    const document = (await test.request().get('/api/v1/openapi.json')).body as {
      paths: Record<string, unknown>;
    };
    for (const path of ['plans', 'plans/{id}', 'indicators', 'indicators/{code}', 'accountability'])
      assert.ok(document.paths[`/partnerships/{slug}/${path}`], path);
  });
});
