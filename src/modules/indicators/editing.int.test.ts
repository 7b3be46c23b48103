// Changing and deleting a partnership's local indicators through their pages; library
// indicators are the library's and refused. Each change is audited; refusals write nothing.
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
} from '../../../test/support/test-app.ts';
import { systemCaller, type Caller } from '../../platform/http/auth.ts';

const base = '/partnerships/locals';

describe('indicators: changing and deleting local indicators', () => {
  let test: TestApp;
  let caller: Caller;
  let editor: Agent;
  let viewer: Agent;
  before(async () => {
    test = await startTestApp();
    const partnershipId = (await makePartnership(test.services, 'locals')).id;
    caller = systemCaller('test', partnershipId);
    editor = (await signedInAs(test, partnershipId, 'editor')).agent;
    viewer = (await signedInAs(test, partnershipId, 'viewer')).agent;
    await test.services.indicators.track(caller, 'NI 73');
    const local = (code: string) =>
      test.services.indicators.createLocal(caller, {
        code,
        title: `Local ${code}`,
        definition: 'Young people attending a youth centre each week.',
        unit: 'number',
        polarity: 'higher',
        frequency: 'financial year',
        source: 'Youth service register',
      });
    await local('LOCAL 1');
    await local('LOCAL 2');
    await local('LOCAL 3');
    await test.services.indicators.recordValue(caller, 'LOCAL 2', {
      period: '2008-09',
      value: 412,
      breakdownKind: 'all',
    });
    await test.services.indicators.setTarget(caller, 'LOCAL 2', {
      period: '2009-10',
      target: 450,
      toleranceKind: 'absolute',
      tolerance: 10,
    });
  });
  after(() => test.close());

  const audits = () =>
    test.db.owner
      .selectFrom('audit_events')
      .select(['action', 'entity_type as entityType', 'summary', 'before', 'after'])
      .orderBy('id')
      .execute();
  const asJson = (value: unknown) =>
    (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>;
  const fields = {
    title: 'Young people using youth centres',
    definition: 'Young people aged 13 to 19 attending a youth centre at least once a week.',
    unit: 'rate',
    unitLabel: 'per 1,000 aged 13 to 19',
    polarity: 'higher',
    frequency: 'quarter',
    source: 'Youth service register, quarterly',
    outcome: 'PC',
  };

  it('changes a local indicator’s title, definition, unit, polarity, frequency and source, audited before and after', async () => {
    const form = await editor.get(`${base}/indicators/LOCAL%201/edit`);
    assert.equal(form.status, 200);
    assert.match($(form.text)('#code').text(), /Code: LOCAL 1/);
    assert.equal($(form.text)('#title').val(), 'Local LOCAL 1');
    const response = await submit(editor, `${base}/indicators/LOCAL%201/edit`, fields);
    assert.equal(response.status, 303);
    assert.equal(response.headers.location, `${base}/indicators/LOCAL%201`);
    const { indicator } = (await test.services.indicators.byCode(caller, 'LOCAL 1'))!;
    assert.deepEqual(
      {
        title: indicator.title,
        definition: indicator.definition,
        unit: indicator.unit,
        unitLabel: indicator.unitLabel,
        frequency: indicator.frequency,
        source: indicator.source,
        outcome: indicator.outcome,
      },
      {
        title: fields.title,
        definition: fields.definition,
        unit: 'rate',
        unitLabel: 'per 1,000 aged 13 to 19',
        frequency: 'quarter',
        source: fields.source,
        outcome: 'PC',
      },
    );
    const audit = (await audits()).at(-1)!;
    assert.equal(audit.action, 'update');
    assert.equal(asJson(audit.before).title, 'Local LOCAL 1');
    assert.equal(asJson(audit.after).title, fields.title);
  });

  it('refuses a blank title, and a new frequency or unit for an indicator with figures, writing nothing', async () => {
    const before = await audits();
    const blank = await submit(editor, `${base}/indicators/LOCAL%202/edit`, { ...fields, title: '' });
    assert.equal(blank.status, 400);
    assert.deepEqual(textsOf(blank.text, '.govuk-error-summary a'), ['Enter the indicator’s title']);
    const moved = await submit(editor, `${base}/indicators/LOCAL%202/edit`, fields);
    assert.equal(moved.status, 400);
    assert.deepEqual(textsOf(moved.text, '.govuk-error-summary a'), [
      'LOCAL 2 already has figures by financial year: delete them before changing how often it is measured',
      'LOCAL 2 already has figures in its unit (number): delete them before changing its unit',
    ]);
    assert.deepEqual(await audits(), before);
    assert.equal(
      (await test.services.indicators.byCode(caller, 'LOCAL 2'))!.indicator.title,
      'Local LOCAL 2',
    );
    const kept = await submit(editor, `${base}/indicators/LOCAL%202/edit`, {
      ...fields,
      unit: 'number',
      frequency: 'financial year',
    });
    assert.equal(kept.status, 303, 'the rest may change');
  });

  it('refuses to change or delete a library indicator, and a viewer may do neither', async () => {
    const before = await audits();
    for (const path of ['edit', 'delete']) {
      const page = await editor.get(`${base}/indicators/NI%2073/${path}`);
      assert.equal(page.status, 409, path);
      assert.match(page.text, /NI 73 is from the indicator library/);
      const posted = await submit(
        editor,
        `${base}/indicators/NI%2073/${path}`,
        fields,
        `${base}/indicators/NI%2073`,
      );
      assert.equal(posted.status, 409, path);
      assert.equal((await viewer.get(`${base}/indicators/LOCAL%203/${path}`)).status, 403);
    }
    const show = await editor.get(`${base}/indicators/NI%2073`);
    assert.equal($(show.text)('a:contains("Delete the indicator")').length, 0);
    assert.deepEqual(await audits(), before);
    assert.ok(await test.services.indicators.byCode(caller, 'NI 73'));
  });

  it('refuses to delete a local indicator with values or a target, or one a priority is measured by, and writes nothing', async () => {
    const ask = await editor.get(`${base}/indicators/LOCAL%202/delete`);
    assert.equal(ask.status, 200);
    assert.match($(ask.text)('#problems').text(), /It has 1 value, 1 target/);
    assert.equal($(ask.text)('button:contains("Delete the indicator")').length, 0);
    const before = await audits();
    const refused = await submit(editor, `${base}/indicators/LOCAL%202/delete`, {});
    assert.equal(refused.status, 400);
    assert.deepEqual(textsOf(refused.text, '.govuk-error-summary a'), [
      'It has 1 value, 1 target: an indicator with figures is kept, so that its history is not lost',
    ]);

    await test.services.plans.create(caller, {
      slug: 'cypp',
      title: 'The plan',
      kind: 'other',
      startsOn: '2009-04-01',
      endsOn: '2011-03-31',
      vision: null,
      status: 'draft',
      resourcing: null,
    });
    const local3 = (await test.services.indicators.byCode(caller, 'LOCAL 3'))!.indicator;
    await test.services.plans.addPriority(caller, 'cypp', {
      title: 'More young people in positive activities',
      outcomeIds: [],
      indicatorIds: [local3.id],
    });
    const before3 = await audits();
    const linked = await submit(editor, `${base}/indicators/LOCAL%203/delete`, {});
    assert.equal(linked.status, 400);
    assert.deepEqual(textsOf(linked.text, '.govuk-error-summary a'), [
      'It measures 1 plan priority (The plan: More young people in positive activities): take it off that priority first',
    ]);
    assert.deepEqual(await audits(), before3);
    assert.equal(before3.length, before.length + 2, 'only the plan and the priority were added');
    assert.ok(await test.services.indicators.byCode(caller, 'LOCAL 2'));
    assert.ok(await test.services.indicators.byCode(caller, 'LOCAL 3'));
  });

  it('deletes a local indicator with no figures, audited', async () => {
    const ask = await editor.get(`${base}/indicators/LOCAL%201/delete`);
    assert.equal(ask.status, 200);
    const deleted = await submit(editor, `${base}/indicators/LOCAL%201/delete`, {});
    assert.equal(deleted.status, 303);
    assert.equal(deleted.headers.location, `${base}/indicators`);
    assert.equal(await test.services.indicators.byCode(caller, 'LOCAL 1'), null);
    const audit = (await audits()).at(-1)!;
    assert.equal(audit.action, 'delete');
    assert.equal(asJson(audit.before).code, 'LOCAL 1');
    assert.equal((await editor.get(`${base}/indicators/LOCAL%201/edit`)).status, 404);
  });
});
