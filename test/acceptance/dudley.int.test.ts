// Dudley, 14 September 2009 (source document 000): what ACCEPTANCE.md asks of it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { systemCaller, type Caller } from '../../src/platform/http/auth.ts';
import { importSeeds } from '../../src/seeds/seed.importer.ts';
import { readSeeds, seedFiles } from '../../src/seeds/seed.reader.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

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

  it('meets the 2008 guidance as ACCEPTANCE.md reads it on 14 September 2009', async () => {
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
        'lead-gp': 'met',
        schools: 'met',
        colleges: 'met',
        'jobcentre-plus': 'not-met',
        'children-young-people': 'not-met',
        parents: 'not-met',
        'private-sector': 'not-met',
        'voluntary-sector': 'met',
        'lscb-link': 'met',
      },
    );
    const gp = evaluation.results.find((result) => result.rule.id === 'lead-gp')!;
    assert.deepEqual(gp.evidence, [
      {
        type: 'seat',
        body: "Dudley Children's Trust Board",
        position: 21,
        label: 'A General Practitioner nominated by the PCT Commissioning Clusters',
        holders: [],
      },
    ]);
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
    assert.equal(s10['learning-and-skills-council'], 'met');
    assert.equal(s10['district-council'], 'not-applicable', 'Dudley is a metropolitan borough');
    assert.equal(s10['youth-offending-team'], 'not-met');
    assert.ok(
      !evaluation.ruleSets.some((set) => set.id === 'children-act-2004-s12a'),
      's12A came into force in 2010',
    );
  });
});
