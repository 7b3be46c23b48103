// Compliance that tells the truth, then and now (issue 14): each case the issue found, entered
// through the seat, appointment and organisation forms, and judged on the dates around it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  $,
  dateFields,
  makePartnership,
  signedInAs,
  startTestApp,
  submit,
  type Agent,
  type TestApp,
  auditCount as auditEvents,
} from '../../../test/support/test-app.ts';
import { systemCaller, type Caller } from '../../platform/http/auth.ts';

describe('compliance over time', () => {
  let test: TestApp;
  let caller: Caller;
  let partnershipId: string;
  let agent: Agent;
  let boardId: string;
  const base = '/partnerships/dated';
  const seatsPath = `${base}/bodies/board/seats`;

  const verdicts = async (date: string, ruleSet: string, of = caller) => {
    const evaluation = await test.services.compliance.evaluate(of, { date, ruleSetIds: [ruleSet] });
    return new Map(evaluation.results.map((result) => [result.rule.id, result]));
  };
  const seatId = async (label: string) =>
    (await test.services.membership.seats(caller, boardId, '2000-01-01', { all: true })).find(
      (seat) => seat.label === label,
    )!.id;
  const person = (name: string) =>
    test.services.membership.addPerson(caller, {
      name,
      jobTitle: null,
      email: null,
      phone: null,
      youngPerson: false,
      notes: null,
    });
  const addSeat = (fields: Record<string, string>) =>
    submit(agent, `${seatsPath}/new`, {
      role: 'member',
      voting: 'yes',
      howFilled: 'nominated',
      capacity: '1',
      independent: 'unknown',
      ...fields,
    });
  const appoint = async (label: string, personId: string, from: string) =>
    submit(agent, `${seatsPath}/${await seatId(label)}/appoint`, {
      personId,
      ...dateFields('startsOn', from),
    });
  const auditCount = () => auditEvents(test);

  before(async () => {
    test = await startTestApp();
    partnershipId = (await makePartnership(test.services, 'dated')).id;
    caller = systemCaller('test', partnershipId);
    boardId = (
      await test.services.bodies.create(caller, {
        slug: 'board',
        name: 'Children’s Trust Board',
        kind: 'board',
        takesDecisions: true,
        status: 'established',
        statusOn: '2008-04-01',
      })
    ).id;
    ({ agent } = await signedInAs(test, partnershipId, 'editor'));
    const chair = await addSeat({
      label: 'Lead Member for Children’s Services',
      role: 'chair',
      category: 'local-authority',
    });
    assert.equal(chair.status, 303);
    assert.equal(
      (await appoint('Lead Member for Children’s Services', await person('A Councillor'), '2008-05-01'))
        .status,
      303,
    );
  });
  after(() => test.close());

  it('a seat added today with its dates does not change a past verdict', async () => {
    assert.equal((await verdicts('2010-01-15', 'children-act-2004-s10')).get('probation')!.status, 'not-met');
    const added = await addSeat({
      label: 'Assistant Chief Officer, Probation',
      category: 'probation',
      ...dateFields('startsOn', '2010-04-01'),
    });
    assert.equal(added.status, 303);
    assert.equal((await verdicts('2010-01-15', 'children-act-2004-s10')).get('probation')!.status, 'not-met');
    // the seats page of a past date shows the seats of that date
    const january = $((await agent.get(`${seatsPath}?at=2010-01-15`)).text);
    assert.doesNotMatch(january('#seats').text(), /Probation/);
    const june = $((await agent.get(`${seatsPath}?at=2010-06-01`)).text);
    assert.match(june('#seats').text(), /Assistant Chief Officer, Probation\s+Seat from 1 April 2010/);
  });

  it('a seat nobody holds yet, on a board whose members are recorded, is "seat vacant", naming the seat', async () => {
    const june = (await verdicts('2010-06-01', 'children-act-2004-s10')).get('probation')!;
    assert.equal(june.status, 'seat-vacant');
    assert.deepEqual(
      june.evidence.map((e) => (e.type === 'seat' ? [e.label, e.holders, e.from] : [])),
      [['Assistant Chief Officer, Probation', [], '2010-04-01']],
    );
    assert.equal(
      (await appoint('Assistant Chief Officer, Probation', await person('P Officer'), '2010-09-01')).status,
      303,
    );
    assert.equal(
      (await verdicts('2010-06-01', 'children-act-2004-s10')).get('probation')!.status,
      'seat-vacant',
    );
    const october = (await verdicts('2010-10-01', 'children-act-2004-s10')).get('probation')!;
    assert.equal(october.status, 'met');
    assert.deepEqual(october.evidence[0]!.type === 'seat' && october.evidence[0]!.holders, ['P Officer']);
  });

  it('a holder who has left stops meeting the rule: the evidence names only the holders on the date', async () => {
    await addSeat({ label: 'Jobcentre Plus District Manager', category: 'jobcentre-plus' });
    const jcp = await seatId('Jobcentre Plus District Manager');
    assert.equal(
      (await appoint('Jobcentre Plus District Manager', await person('J Manager'), '2009-01-01')).status,
      303,
    );
    const held = (await test.services.membership.memberships(caller, { bodyId: boardId })).find(
      (membership) => membership.seatId === jcp,
    );
    const ended = await submit(
      agent,
      `${base}/bodies/board/memberships/${held!.id}/end`,
      dateFields('endsOn', '2010-03-31'),
    );
    assert.equal(ended.status, 303);
    assert.equal((await verdicts('2010-02-01', 'guidance-2008')).get('jobcentre-plus')!.status, 'met');
    const after = (await verdicts('2010-09-01', 'guidance-2008')).get('jobcentre-plus')!;
    assert.equal(after.status, 'seat-vacant');
    assert.deepEqual(after.evidence[0]!.type === 'seat' && after.evidence[0]!.holders, []);
  });

  it('refuses seat dates outside the body’s life, and memberships outside the seat’s: clear messages, nothing written', async () => {
    const early2010 = await person('Q Early');
    const before = await auditCount();
    const early = await addSeat({
      label: 'Too early',
      category: 'school',
      ...dateFields('startsOn', '2007-01-01'),
    });
    assert.equal(early.status, 400);
    assert.match(
      $(early.text)('.govuk-error-summary').text(),
      /Children’s Trust Board does not exist on 2007-01-01 \(it exists from 2008-04-01\)/,
    );
    const backwards = await addSeat({
      label: 'Backwards',
      ...dateFields('startsOn', '2011-01-01'),
      ...dateFields('endsOn', '2010-01-01'),
    });
    assert.equal(backwards.status, 400);
    assert.match(
      $(backwards.text)('.govuk-error-summary').text(),
      /must be the same as or after the date it was created/,
    );
    const tooSoon = await appoint('Assistant Chief Officer, Probation', early2010, '2010-01-01');
    assert.equal(tooSoon.status, 400);
    assert.match(
      $(tooSoon.text)('.govuk-error-summary').text(),
      /“Assistant Chief Officer, Probation” exists from 2010-04-01: a membership cannot start on 2010-01-01/,
    );
    const probation = await seatId('Assistant Chief Officer, Probation');
    const narrowed = await submit(agent, `${seatsPath}/${probation}/edit`, {
      label: 'Assistant Chief Officer, Probation',
      role: 'member',
      voting: 'yes',
      howFilled: 'nominated',
      category: 'probation',
      capacity: '1',
      independent: 'unknown',
      ...dateFields('startsOn', '2010-04-01'),
      ...dateFields('endsOn', '2010-06-30'),
    });
    assert.equal(narrowed.status, 400);
    assert.match(
      $(narrowed.text)('.govuk-error-summary').text(),
      /P Officer holds this seat from 2010-09-01/,
    );
    assert.equal(await auditCount(), before, 'nothing was written');
    assert.ok(
      !(await test.services.membership.seats(caller, boardId, '2010-06-01', { all: true })).some((s) =>
        /Too early|Backwards/.test(s.label),
      ),
    );
  });

  it('a seat held ex officio by the chair of the safeguarding board, entered through the seat form, meets the link rule', async () => {
    const lscb = await test.services.bodies.create(caller, {
      slug: 'lscb',
      name: 'Local Safeguarding Children Board',
      kind: 'safeguarding-board',
      takesDecisions: true,
      status: 'established',
      statusOn: '2006-04-01',
    });
    const form = $((await agent.get(`${seatsPath}/new`)).text);
    assert.equal(form('#office option[value="chair"]').text(), 'Chair of a body');
    assert.equal(
      form('#officeBodyId option').filter((_, o) => form(o).text() === 'Local Safeguarding Children Board')
        .length,
      1,
    );
    const missingBody = await addSeat({ label: 'Independent Chair of the LSCB', office: 'chair' });
    assert.equal(missingBody.status, 400);
    assert.match(
      $(missingBody.text)('#officeBodyId-error').text(),
      /Select the body whose chair or vice-chair holds this seat/,
    );
    const added = await addSeat({
      label: 'Independent Chair of the LSCB',
      office: 'chair',
      officeBodyId: lscb.id,
    });
    assert.equal(added.status, 303);
    assert.equal(
      (await appoint('Independent Chair of the LSCB', await person('I Chair'), '2009-06-01')).status,
      303,
    );
    const link = (await verdicts('2009-09-01', 'guidance-2008')).get('lscb-link')!;
    assert.equal(link.status, 'met');
    assert.deepEqual(
      link.evidence.map((e) => (e.type === 'seat' ? e.label : e.type)),
      ['Independent Chair of the LSCB'],
    );
    // whether the LSCB's own chair is independent is not recorded: its seats are not recorded
    assert.equal(
      (await verdicts('2009-09-01', 'guidance-2008')).get('lscb-independent-chair')!.status,
      'not-recorded',
    );
  });

  it('a Primary Care Trust seat meets no health rule after 31 March 2013, and the seats page offers its successor', async () => {
    const ccg = await submit(agent, `${base}/organisations/new`, {
      name: 'NHS Anytown Clinical Commissioning Group',
      sector: 'health',
      category: 'health-commissioner',
      ...dateFields('endsOn', '2022-06-30'),
    });
    assert.equal(ccg.status, 303);
    const ccgId = (await test.services.membership.organisations(caller)).find((o) =>
      o.name.startsWith('NHS Anytown'),
    )!.id;
    assert.equal(
      (
        await submit(agent, `${base}/organisations/new`, {
          name: 'Anytown Primary Care Trust',
          sector: 'health',
          category: 'health-commissioner',
          ...dateFields('endsOn', '2013-03-31'),
          successorId: ccgId,
        })
      ).status,
      303,
    );
    const pct = (await test.services.membership.organisations(caller)).find(
      (o) => o.name === 'Anytown Primary Care Trust',
    )!;
    assert.equal(
      (await addSeat({ label: 'Director of Commissioning, PCT', organisationId: pct.id })).status,
      303,
    );
    assert.equal(
      (await appoint('Director of Commissioning, PCT', await person('H Commissioner'), '2009-01-01')).status,
      303,
    );
    // entered as a health commissioner, the seat does not say which of the two partners it is
    const unsaid = (await verdicts('2012-06-01', 'children-act-2004-s10')).get('health-sha-pct')!;
    assert.equal(unsaid.status, 'not-recorded');
    assert.match(unsaid.reason!, /Director of Commissioning, PCT: recorded as health commissioner/);
    const after = (await verdicts('2013-06-01', 'children-act-2004-s10')).get('health-ccg')!;
    assert.equal(after.status, 'not-met');
    assert.match(
      after.reason!,
      /Anytown Primary Care Trust, ended on 2013-03-31 and was succeeded by NHS Anytown Clinical Commissioning Group/,
    );
    assert.equal(
      (await verdicts('2026-06-01', 'children-act-2004-s10')).get('health-icb')!.status,
      'not-met',
    );
    const seats = $((await agent.get(seatsPath)).text);
    assert.match(seats('#seats').text(), /succeeded by NHS Anytown Clinical Commissioning Group/);
    // Recorded as the Primary Care Trust, it meets only its half of s10(4)(e): "the Strategic
    // Health Authority and Primary Care Trust" are two partners (issue 24, item 5)
    const edited = await submit(agent, `${base}/organisations/${pct.id}/edit`, {
      name: 'Anytown Primary Care Trust',
      sector: 'health',
      category: 'primary-care-trust',
      ...dateFields('endsOn', '2013-03-31'),
      successorId: ccgId,
    });
    assert.equal(edited.status, 303);
    const half = (await verdicts('2012-06-01', 'children-act-2004-s10')).get('health-sha-pct')!;
    assert.equal(half.status, 'not-met');
    assert.match(half.reason!, /is of the kind asked for/);
    const sha = await submit(agent, `${base}/organisations/new`, {
      name: 'NHS North East',
      sector: 'health',
      category: 'strategic-health-authority',
      ...dateFields('endsOn', '2013-03-31'),
    });
    assert.equal(sha.status, 303);
    const shaId = (await test.services.membership.organisations(caller)).find(
      (o) => o.name === 'NHS North East',
    )!.id;
    assert.equal(
      (await addSeat({ label: 'Director of Public Health, SHA', organisationId: shaId })).status,
      303,
    );
    assert.equal(
      (await appoint('Director of Public Health, SHA', await person('S Authority'), '2010-01-01')).status,
      303,
    );
    const both = (await verdicts('2012-06-01', 'children-act-2004-s10')).get('health-sha-pct')!;
    assert.equal(both.status, 'met');
    assert.deepEqual(both.evidence.map((e) => (e.type === 'seat' ? e.label : e.type)).sort(), [
      'Director of Commissioning, PCT',
      'Director of Public Health, SHA',
    ]);
  });

  it('a county that became unitary is judged with its type on each date', async () => {
    const cornwall = (await makePartnership(test.services, 'cornwall', 'E06000052')).id;
    const of = systemCaller('test', cornwall);
    const before2009 = await verdicts('2008-06-01', 'children-act-2004-s10', of);
    assert.notEqual(
      before2009.get('district-council')!.status,
      'not-applicable',
      'a county council with districts',
    );
    const after2009 = await verdicts('2010-06-01', 'children-act-2004-s10', of);
    assert.equal(after2009.get('district-council')!.status, 'not-applicable');
    assert.equal(after2009.get('district-council')!.reason, 'Applies only to county council areas');
  });

  it('no recorded membership is "not recorded", not "not met"', async () => {
    const kent = (await makePartnership(test.services, 'silent', 'E10000016')).id;
    const of = systemCaller('test', kent);
    await test.services.bodies.create(of, {
      slug: 'board',
      name: 'Silent Trust Board',
      kind: 'board',
      takesDecisions: true,
      status: 'established',
      statusOn: '2008-04-01',
    });
    const results = [...(await verdicts('2010-06-21', 'guidance-2008', of)).values()];
    assert.equal(results.find((r) => r.rule.id === 'board')!.status, 'met');
    const seatRules = results.filter((r) => r.rule.id !== 'board');
    assert.ok(seatRules.length > 0);
    assert.deepEqual(
      seatRules.filter((r) => r.status !== 'not-recorded').map((r) => r.rule.id),
      [],
      'with no seats recorded, nothing about who sits on the board is "not met"',
    );
    assert.match(
      seatRules[0]!.reason!,
      /No seats of Silent Trust Board are recorded on this date|No .* is recorded/,
    );
  });
});
