// Bolton, 12 February 2009 (source document 001): what docs/ACCEPTANCE.md asks of its structure
// and membership.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { systemCaller, type Caller } from '../../src/platform/http/auth.ts';
import { importSeeds } from '../../src/seeds/seed.importer.ts';
import { readSeeds, seedFiles } from '../../src/seeds/seed.reader.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

describe('Bolton Children’s Trust (12 February 2009)', () => {
  let test: TestApp;
  let caller: Caller;
  before(async () => {
    test = await startTestApp();
    const files = (await seedFiles()).filter((file) => file.endsWith('001-bolton.yaml'));
    await importSeeds(test.services, await readSeeds(files));
    const partnership = await test.services.partnerships.bySlug('bolton');
    caller = systemCaller('test', partnership!.id);
  });
  after(() => test.close());

  const seatsOfTrust = async () => {
    const trust = (await test.services.bodies.list(caller)).find((body) => body.slug === 'trust')!;
    return test.services.membership.seats(caller, trust.id, '2009-02-12');
  };

  it('replaced the Children and Young People’s Partnership with the Trust in April 2007', async () => {
    const before2007 = await test.services.bodies.structure(caller, '2007-03-31');
    assert.deepEqual(
      before2007.bodies.map((entry) => entry.name),
      ["Children and Young People's Partnership"],
    );
    const then = await test.services.bodies.structure(caller, '2009-02-12');
    const names = then.bodies.map((entry) => entry.name);
    assert.ok(names.includes("Bolton Children's Trust"));
    assert.ok(!names.includes("Children and Young People's Partnership"));
    const trust = await test.services.bodies.bySlug(caller, 'trust', '2009-02-12');
    assert.equal(trust!.body.kind, 'board');
    assert.deepEqual(
      trust!.history.map((event) => [event.status, event.effectiveOn, event.precision]),
      [['established', '2007-04-01', 'month']],
    );
    assert.match(trust!.history[0]!.detail!, /inaugural meeting of the Trust was on 20 April 2007/);
    assert.deepEqual(
      trust!.incoming
        .map((link) => [link.other.name, link.kind])
        .filter(([, kind]) => kind === 'replaced-by'),
      [["Children and Young People's Partnership", 'replaced-by']],
    );
  });

  it('is one of the key partnerships of the Bolton Vision Partnership', async () => {
    const structure = await test.services.bodies.structure(caller, '2009-02-12');
    const vision = structure.bodies.find((entry) => entry.name === 'Bolton Vision Partnership')!;
    assert.equal(vision.body.kind, 'local-strategic-partnership');
    const trust = structure.bodies.find((entry) => entry.name === "Bolton Children's Trust")!;
    assert.ok(
      structure.relationships.some(
        (r) =>
          r.fromBodyId === trust.body.id && r.kind === 'sub-function-of' && r.toBodyId === vision.body.id,
      ),
    );
  });

  it('lists the 31 members of the table, in order, each with their role and organisation', async () => {
    const seats = await seatsOfTrust();
    assert.deepEqual(
      seats.map((seat) => seat.position),
      Array.from({ length: 31 }, (_, index) => index + 1),
    );
    assert.deepEqual(
      seats.map((seat) => [seat.label, seat.holders.map((holder) => holder.personName)]),
      [
        ["Executive Member for Children's Services", ['Councillor Adia']],
        ['Liberal Democrat Member (Opposition Representative)', ['Councillor Swarbrick']],
        ['Conservative Member (Opposition Representative)', ['Councillor Ashcroft']],
        ["Director of Children's Services", ['Margaret Asquith']],
        ['Youth MP', ['Nafisah Atcha']],
        ['Youth MP', ['Zuhayr Adia']],
        ['Deputy Youth MP', ['Niall McGloin']],
        ['Deputy Youth MP', ['James Murray']],
        ["Participation Development Manager, Children's Services", ['Suzanne Hindle']],
        ['Chief Executive, Bolton Hospitals NHS Trust', ['David Filingham']],
        ['Director of Public Health, PCT', ['Jan Hutchinson']],
        ['Divisional Manager, Womens, Childrens & Out-Patients Division, Bolton Hospital', ['Susan Holland']],
        ['Assistant Director of Nursing, PCT', ['Helen Clarke']],
        ["Senior Commissioner - Children's Services & CAMHS Bolton PCT", ['Alison Jackson']],
        ['Director of Corporate Services, Bolton Hospital', ['Beverley Andrew']],
        ['Partnership Director – Bolton, LSC', ['Claire Jackson']],
        [
          "Headteacher Devonshire Road Primary School, Headteacher's Executive (Primary)",
          ['Margaret Gregory'],
        ],
        ["Headteacher Canon Slade, Headteacher's Executive (Secondary)", ['Phil Williamson']],
        ["Headteacher Thomasson Memorial School, Headteacher's Executive (Special)", ['Bill Wilson']],
        ['Bolton Sixth Form College, 14-19', ['Steve Wetton']],
        ['GMPT', ['Beverley Gallier']],
        ['Bolton CVS Chief Officer', ['Karen Minnit']],
        ['Bolton CVS', ['Julie Ryle']],
        ['Chief Inspector, GM Police Bolton Division', ['Martin Greenhalgh']],
        ['Chief Inspector, GM Police Bolton Division', ['Sara Wallwork']],
        ["Assistant Director Children's Services, Positive Contributions", ['Julie Thompson']],
        ["Assistant Director Children's Services, School Improvement", ['Tony Birch']],
        ["Assistant Director Children's Services, Planning, Performance and Resources", ['John Livesey']],
        ["Assistant Director Children's Services, Children and Families", ['John Daly']],
        ["Head of Lifelong Learning, Children's Services", ['Pat Harrison']],
        ["Strategic Services Manager, Children's Services", ['Tony Sinkinson']],
      ],
    );
  });

  it('maps the members’ organisations to their statutory categories', async () => {
    const seats = await seatsOfTrust();
    const category = (position: number) => seats[position - 1]!.category;
    assert.equal(category(1), 'local-authority');
    assert.equal(category(10), 'health-provider');
    assert.equal(category(11), 'public-health');
    assert.equal(category(14), 'primary-care-trust');
    assert.equal(category(16), 'learning-and-skills-council');
    assert.deepEqual([category(17), category(18), category(19)], ['school', 'school', 'school']);
    assert.equal(category(20), 'further-education');
    assert.equal(seats[20]!.organisationName, 'Greater Manchester Probation Trust');
    assert.equal(category(21), 'probation');
    assert.deepEqual([category(22), category(23)], ['voluntary-community', 'voluntary-community']);
    assert.deepEqual([category(24), category(25)], ['police', 'police']);
  });

  it('includes three councillors: the Executive Member and two opposition representatives', async () => {
    const seats = await seatsOfTrust();
    const councillors = seats.filter((seat) =>
      seat.holders.some((holder) => holder.personName.startsWith('Councillor ')),
    );
    assert.deepEqual(
      councillors.map((seat) => seat.position),
      [1, 2, 3],
    );
    assert.ok(councillors.every((seat) => seat.category === 'local-authority'));
    assert.equal(councillors.filter((seat) => seat.label.includes('(Opposition Representative)')).length, 2);
  });

  it('flags the two Youth MPs and two Deputy Youth MPs as young people', async () => {
    const seats = await seatsOfTrust();
    const young = seats.filter((seat) => seat.holders.some((holder) => holder.youngPerson));
    assert.deepEqual(
      young.map((seat) => [seat.label, seat.category]),
      [
        ['Youth MP', 'young-people'],
        ['Youth MP', 'young-people'],
        ['Deputy Youth MP', 'young-people'],
        ['Deputy Youth MP', 'young-people'],
      ],
    );
    const people = await test.services.membership.people(caller);
    assert.deepEqual(
      people
        .filter((person) => person.youngPerson)
        .map((person) => person.name)
        .sort(),
      ['James Murray', 'Nafisah Atcha', 'Niall McGloin', 'Zuhayr Adia'],
    );
  });

  it('manages its business through five sub-groups, one per outcome, each led by a senior officer', async () => {
    const structure = await test.services.bodies.structure(caller, '2009-02-12');
    const trust = structure.bodies.find((entry) => entry.name === "Bolton Children's Trust")!;
    const subGroups = structure.bodies.filter(
      (entry) => entry.body.kind === 'sub-group' && entry.body.focusType === 'outcome',
    );
    assert.deepEqual(
      subGroups.map((entry) => entry.body.focus),
      [
        'Be healthy',
        'Stay safe',
        'Enjoy and achieve',
        'Make a positive contribution',
        'Achieve economic well-being',
      ],
    );
    for (const entry of subGroups) {
      assert.ok(
        structure.relationships.some(
          (r) => r.fromBodyId === entry.body.id && r.kind === 'reports-to' && r.toBodyId === trust.body.id,
        ),
        `${entry.name} reports to the Trust`,
      );
      const seats = await test.services.membership.seats(caller, entry.body.id, '2009-02-12');
      assert.deepEqual(
        seats.map((seat) => [seat.label, seat.role, seat.holders.length]),
        [['A senior officer from either the council or one of the partner agencies', 'chair', 0]],
      );
    }
  });

  it('meets the 2008 guidance as docs/ACCEPTANCE.md reads it on 12 February 2009', async () => {
    const evaluation = await test.services.compliance.evaluate(caller, {
      date: '2009-02-12',
      ruleSetIds: ['guidance-2008'],
    });
    const result = (id: string) => evaluation.results.find((r) => r.rule.id === id)!;
    assert.deepEqual(
      Object.fromEntries(
        ['schools', 'colleges', 'jobcentre-plus', 'lead-gp', 'children-young-people', 'voluntary-sector'].map(
          (id) => [id, result(id).status],
        ),
      ),
      {
        schools: 'met',
        colleges: 'met',
        'jobcentre-plus': 'not-met',
        'lead-gp': 'not-met',
        'children-young-people': 'met',
        'voluntary-sector': 'met',
      },
    );
    const seatEvidence = (id: string) =>
      result(id).evidence.map((e) => (e.type === 'seat' ? [e.position, e.label, e.holders] : [e.type]));
    assert.deepEqual(seatEvidence('schools'), [
      [
        17,
        "Headteacher Devonshire Road Primary School, Headteacher's Executive (Primary)",
        ['Margaret Gregory'],
      ],
      [18, "Headteacher Canon Slade, Headteacher's Executive (Secondary)", ['Phil Williamson']],
      [19, "Headteacher Thomasson Memorial School, Headteacher's Executive (Special)", ['Bill Wilson']],
    ]);
    assert.deepEqual(seatEvidence('colleges'), [[20, 'Bolton Sixth Form College, 14-19', ['Steve Wetton']]]);
    assert.deepEqual(seatEvidence('voluntary-sector'), [
      [22, 'Bolton CVS Chief Officer', ['Karen Minnit']],
      [23, 'Bolton CVS', ['Julie Ryle']],
    ]);
    assert.deepEqual(result('jobcentre-plus').evidence, []);
    assert.deepEqual(result('lead-gp').evidence, []);
  });

  it('never names the young people in the compliance evidence', async () => {
    const evaluation = await test.services.compliance.evaluate(caller, {
      date: '2009-02-12',
      ruleSetIds: ['guidance-2008'],
    });
    const young = evaluation.results.find((r) => r.rule.id === 'children-young-people')!;
    assert.deepEqual(
      young.evidence.map((e) =>
        e.type === 'seat'
          ? ['seat', e.label, e.holders]
          : e.type === 'member'
            ? ['member', e.seat, e.name]
            : [e.type],
      ),
      [
        ['seat', 'Youth MP', []],
        ['seat', 'Youth MP', []],
        ['seat', 'Deputy Youth MP', []],
        ['seat', 'Deputy Youth MP', []],
        ['member', 'Youth MP', 'a young person'],
        ['member', 'Youth MP', 'a young person'],
        ['member', 'Deputy Youth MP', 'a young person'],
        ['member', 'Deputy Youth MP', 'a young person'],
      ],
    );
    const text = JSON.stringify(evaluation);
    for (const name of ['Nafisah Atcha', 'Zuhayr Adia', 'Niall McGloin', 'James Murray'])
      assert.ok(!text.includes(name), `${name} is not named`);
  });

  it('has its five outcome sub-groups owning the five Every Child Matters outcomes of its plan', async () => {
    const detail = (await test.services.plans.bySlug(caller, 'cypp-2007'))!;
    assert.deepEqual(
      detail.priorities.map((priority) => [
        priority.outcomes.map((outcome) => outcome.title).join(),
        priority.ownerBodyName,
      ]),
      [
        ['Be healthy', 'Be healthy sub-group'],
        ['Stay safe', 'Stay safe sub-group'],
        ['Enjoy and achieve', 'Enjoy and achieve sub-group'],
        ['Make a positive contribution', 'Make a positive contribution sub-group'],
        ['Achieve economic well-being', 'Achieve economic well-being sub-group'],
      ],
    );
    assert.deepEqual(
      detail.versions.map((version) => version.note),
      ['First version', 'Reviewed during 2008'],
    );
  });
});
