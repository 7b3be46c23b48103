// Dudley, 14 September 2009 (source document 000): what docs/ACCEPTANCE.md asks of it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { systemCaller, type Caller } from '../../src/platform/http/auth.ts';
import { importSeeds } from '../../src/seeds/seed.importer.ts';
import { readSeeds, seedFiles } from '../../src/seeds/seed.reader.ts';
import { signedInAs, startTestApp, textsOf, type TestApp } from '../support/test-app.ts';

describe('Dudley Children’s Trust (14 September 2009)', () => {
  let test: TestApp;
  let caller: Caller;
  before(async () => {
    test = await startTestApp();
    const files = (await seedFiles()).filter((file) => file.endsWith('000-dudley.yaml'));
    await importSeeds(test.services, await readSeeds(files));
    const partnership = await test.services.partnerships.bySlug('dudley');
    caller = systemCaller('test', partnership!.id);
  });
  after(() => test.close());

  it('has the bodies the report describes, the young people’s board only proposed', async () => {
    const structure = await test.services.bodies.structure(caller, '2009-09-14');
    const byName = Object.fromEntries(structure.bodies.map((entry) => [entry.name, entry.status]));
    assert.equal(byName["Dudley Children's Trust Board"], 'established');
    assert.equal(byName["Children's Trust Executive Board"], 'established');
    assert.equal(byName["Children and Young People's Board"], 'proposed');
    assert.equal(byName['Dudley Local Safeguarding Children Board'], 'established');
    assert.equal(
      structure.bodies.filter(
        (entry) => entry.body.kind === 'sub-group' && entry.body.focusType === 'age-range',
      ).length,
      3,
    );
  });

  it('lists the Board’s 30 seats in the document’s order and words', async () => {
    const board = (await test.services.bodies.list(caller)).find((body) => body.slug === 'trust-board')!;
    const seats = await test.services.membership.seats(caller, board.id, '2009-09-14');
    assert.equal(seats.length, 30);
    assert.deepEqual(
      seats.map((seat) => seat.position),
      Array.from({ length: 30 }, (_, index) => index + 1),
    );
    assert.equal(seats[0]!.label, 'An Independent Chair');
    assert.equal(seats[0]!.role, 'chair');
    assert.equal(seats[16]!.label, 'An elected Primary Head Teacher');
    assert.equal(seats[20]!.label, 'A General Practitioner nominated by the PCT Commissioning Clusters');
    assert.equal(seats[25]!.howFilled, 'ex-officio');
    assert.deepEqual(seats[25]!.rule, {
      kind: 'chairs-of',
      bodies: ['age-group-1', 'age-group-2', 'age-group-3'],
      unlessAlreadyMember: true,
    });
    assert.equal(seats[29]!.role, 'in-attendance');
    assert.equal(seats[29]!.voting, false);
  });

  it('keeps the constitution as reviewed and updated in May 2009', async () => {
    const found = await test.services.bodies.bySlug(caller, 'trust-board');
    assert.deepEqual(
      found!.terms.map((terms) => [terms.version, terms.title, terms.adoptedOn, terms.precision]),
      [[1, 'Constitution', '2009-05-01', 'month']],
    );
  });

  // Dudley's constitution lists its seats but names nobody in them: a seat of the category meets
  // a rule only "on paper", and a rule about who the members are is "not recorded" (issue 14).
  it('meets the 2008 guidance as docs/ACCEPTANCE.md reads it on 14 September 2009, on paper', async () => {
    const evaluation = await test.services.compliance.evaluate(caller, {
      date: '2009-09-14',
      ruleSetIds: ['guidance-2008'],
    });
    const status = Object.fromEntries(evaluation.results.map((result) => [result.rule.id, result.status]));
    assert.deepEqual(
      {
        'lead-gp': status['lead-gp'],
        schools: status.schools,
        colleges: status.colleges,
        'jobcentre-plus': status['jobcentre-plus'],
        'children-young-people': status['children-young-people'],
        parents: status.parents,
        'private-sector': status['private-sector'],
        'voluntary-sector': status['voluntary-sector'],
        'lscb-link': status['lscb-link'],
      },
      {
        'lead-gp': 'met-on-paper',
        schools: 'met-on-paper',
        colleges: 'met-on-paper',
        'jobcentre-plus': 'not-met',
        'children-young-people': 'not-recorded',
        parents: 'not-met',
        'private-sector': 'not-met',
        'voluntary-sector': 'met-on-paper',
        'lscb-link': 'met-on-paper',
      },
    );
    const gp = evaluation.results.find((result) => result.rule.id === 'lead-gp')!;
    assert.deepEqual(
      gp.evidence.map((e) => (e.type === 'seat' ? [e.body, e.position, e.label, e.holders] : [])),
      [
        [
          "Dudley Children's Trust Board",
          21,
          'A General Practitioner nominated by the PCT Commissioning Clusters',
          [],
        ],
      ],
    );
    const college = evaluation.results.find((result) => result.rule.id === 'colleges')!;
    assert.deepEqual(
      college.evidence.map((e) => (e.type === 'seat' ? e.position : 0)),
      [11],
    );
    const lscb = evaluation.results.find((result) => result.rule.id === 'lscb-link')!;
    assert.deepEqual(
      lscb.evidence.map((e) => (e.type === 'seat' ? e.position : 0)),
      [27],
    );
  });

  it('evaluates the Act as then in force: schools were not yet relevant partners, the LSC still was', async () => {
    const evaluation = await test.services.compliance.evaluate(caller, { date: '2009-09-14' });
    const s10 = Object.fromEntries(
      evaluation.results
        .filter((r) => r.ruleSet.id === 'children-act-2004-s10')
        .map((r) => [r.rule.id, r.status]),
    );
    assert.equal(s10.schools, 'not-applicable');
    assert.equal(s10['learning-and-skills-council'], 'met-on-paper');
    assert.equal(s10['district-council'], 'not-applicable', 'Dudley is a metropolitan borough');
    assert.equal(s10['youth-offending-team'], 'not-met');
    assert.ok(
      !evaluation.ruleSets.some((set) => set.id === 'children-act-2004-s12a'),
      's12A came into force in 2010',
    );
  });

  it('has its CYPP 2009-2011, developed in 2008 and updated in 2009, with its evidence base', async () => {
    const detail = (await test.services.plans.bySlug(caller, 'cypp-2009-11', '2009-09-14'))!;
    assert.equal(detail.plan.title, "Children and Young People's Plan 2009 – 2011");
    assert.deepEqual(
      [detail.plan.startsOn, detail.plan.endsOn, detail.plan.status],
      ['2009-04-01', '2011-03-31', 'published'],
    );
    assert.deepEqual(
      detail.versions.map((version) => version.note),
      ['First version', 'Updated 2009'],
    );
    assert.deepEqual(
      detail.evidence.map((item) => [item.kind, item.title.split(' ').slice(0, 3).join(' '), item.datedOn]),
      [
        ['needs assessment', 'Joint Strategic Needs', null],
        ['inspection', 'Annual Performance Assessments', null],
        ['inspection', 'Joint Area Review', '2006-01-01'],
        ['survey', 'Surveys and activities', null],
      ],
    );
    assert.match(
      detail.plan.resourcing!,
      /pooled funding in the area of\s+integrated service management and the Children's Fund/,
    );
    for (const principle of [
      'investment decisions are focused',
      'preventative service delivery',
      'capital investment will support',
      'resource decisions are based on agreed priorities',
    ])
      assert.ok(detail.plan.resourcing!.includes(principle), principle);
  });

  it('has the 7 priorities of paragraph 13, mapped to the outcomes, and the 7 actions with their dates', async () => {
    const detail = (await test.services.plans.bySlug(caller, 'cypp-2009-11', '2009-09-14'))!;
    assert.deepEqual(
      detail.priorities.map((priority) => [
        priority.position,
        priority.outcomes.map((outcome) => outcome.code).join(' '),
      ]),
      [
        [1, 'SS'],
        [2, 'SS EA'],
        [3, 'BH'],
        [4, 'EA'],
        [5, 'PC'],
        [6, 'EW'],
        [7, ''],
      ],
    );
    assert.equal(detail.priorities[0]!.title, 'Support all children to be and feel safe');
    assert.equal(detail.priorities[6]!.ownerBodyName, "Children's Trust Executive Board");
    const actions = detail.priorities[6]!.actions;
    assert.equal(actions.length, 7);
    assert.equal(actions[0]!.dueOn, '2009-12-31');
    assert.equal(actions[0]!.overdue, false, 'not yet due on 14 September 2009');
    assert.deepEqual(
      [actions[1]!.recurrence, actions[1]!.recursFrom, actions[1]!.when],
      ['quarterly', '2009-04-01', 'Quarterly from April 2009'],
    );
    assert.deepEqual(
      actions[1]!.overduePeriods.map((period) => period.label),
      ['April to June 2009'],
      'on 14 September 2009 only the first quarter’s update is owed, and it is missing',
    );
    assert.equal(
      actions[6]!.text,
      "Increase the effectiveness of transition arrangements from children's to adult services",
    );
  });

  it('shows the plan and its version history on its pages', async () => {
    const { agent } = await signedInAs(test, caller.partnershipId!, 'viewer');
    const page = await agent.get('/partnerships/dudley/plans/cypp-2009-11');
    assert.equal(page.status, 200);
    assert.equal(textsOf(page.text, '#priorities ~ section h3').length, 7);
    const versions = await agent.get('/partnerships/dudley/plans/cypp-2009-11/versions');
    assert.deepEqual(textsOf(versions.text, 'section h2'), [
      'Version 2: Updated 2009',
      'Version 1: First version',
    ]);
  });
});
