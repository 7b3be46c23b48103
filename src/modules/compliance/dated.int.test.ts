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
  textsOf,
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

  // The "Done when", checked by hand for two partnerships and dates no other test covers:
  // each entered only through the forms (partnership, body, seats, people, appointments), read on
  // the compliance page, every verdict written with the reason it is right.
  const ok = (response: { status: number; text: string }, what: string) =>
    assert.equal(
      response.status,
      303,
      `${what}: ${textsOf(response.text, '.govuk-error-summary li').join('; ') || response.status}`,
    );
  /** A partnership, one body and its seats, entered through the forms; `holder` names who holds a seat. */
  async function enter(
    partnership: Record<string, string>,
    body: Record<string, string>,
    seats: { label: string; category: string; office?: string; role?: string; holder?: string }[],
    from: string,
  ) {
    const { agent: admin } = await signedInAs(test, null, 'platform-admin');
    ok(await submit(admin, '/partnerships/new', partnership), partnership.name!);
    const created = (await test.services.partnerships.bySlug(partnership.slug!))!;
    const of = systemCaller('test', created.id);
    const { agent: editor } = await signedInAs(test, created.id, 'editor');
    const at = `/partnerships/${partnership.slug}`;
    ok(
      await submit(editor, `${at}/bodies/new`, {
        takesDecisions: 'yes',
        status: 'established',
        ...dateFields('statusOn', from),
        ...dateFields('startsOn', from),
        ...body,
      }),
      body.name!,
    );
    for (const seat of seats)
      ok(
        await submit(editor, `${at}/bodies/${body.slug}/seats/new`, {
          label: seat.label,
          role: seat.role ?? 'member',
          voting: 'yes',
          howFilled: seat.office ? 'ex-officio' : 'nominated',
          organisationId: '',
          category: seat.category,
          capacity: '1',
          office: seat.office ?? '',
          officeBodyId: '',
          independent: 'unknown',
          ...dateFields('startsOn', from),
        }),
        seat.label,
      );
    const bodyId = (await test.services.bodies.list(of)).find((each) => each.slug === body.slug)!.id;
    const rows = await test.services.membership.seats(of, bodyId, from, { all: true });
    for (const seat of seats.filter((each) => each.holder)) {
      ok(await submit(editor, `${at}/people/new`, { name: seat.holder!, youngPerson: 'no' }), seat.holder!);
      const personId = (await test.services.membership.people(of)).find((p) => p.name === seat.holder)!.id;
      const row = rows.find((each) => each.label === seat.label)!;
      ok(
        await submit(editor, `${at}/bodies/${body.slug}/seats/${row.id}/appoint`, {
          personId,
          ...dateFields('startsOn', from),
        }),
        `${seat.holder} in ${seat.label}`,
      );
    }
    /** The compliance page on a date: each rule's tag and its reason, as a reader sees them. */
    return async (date: string, ruleSets: string[]) => {
      const page = await editor.get(`${at}/compliance?at=${date}&ruleset=${ruleSets.join(',')}`);
      assert.equal(page.status, 200);
      const html = $(page.text);
      const verdicts = new Map<string, { tag: string; text: string }>();
      html('tr[id^="rule-"]').each((_, row) => {
        verdicts.set(html(row).attr('id')!, {
          tag: html(row).find('.govuk-tag').first().text().trim(),
          text: html(row).text().replace(/\s+/g, ' '),
        });
      });
      return verdicts;
    };
  }

  it('by hand: Cheshire County Council on 14 July 2008, a county with districts before the 2009 reorganisation', async () => {
    const page = await enter(
      {
        authorityGssCode: 'E10000004',
        name: 'Cheshire Children’s Trust',
        slug: 'cheshire-by-hand',
        'established-day': '',
        'established-month': '4',
        'established-year': '2006',
        status: 'closed',
        published: 'no',
      },
      { name: 'Cheshire Children’s Trust Board', slug: 'board', kind: 'board' },
      [
        {
          label: 'Executive Member for Children and Young People',
          category: 'local-authority',
          role: 'chair',
          holder: 'A County Councillor',
        },
        {
          label: 'Nominee of the district councils',
          category: 'district-council',
          holder: 'A District Officer',
        },
        { label: 'Cheshire Constabulary', category: 'police', holder: 'A Chief Superintendent' },
        { label: 'Connexions Cheshire and Warrington', category: 'connexions' },
        {
          label: 'Central and Eastern Cheshire PCT',
          category: 'primary-care-trust',
          holder: 'A PCT Director',
        },
      ],
      '2006-04-01',
    );
    const s10 = await page('2008-07-14', ['children-act-2004-s10']);
    const verdict = (rule: string) => s10.get(`rule-children-act-2004-s10-${rule}`)!;
    const expected: [string, string, RegExp?][] = [
      // Cheshire was a county council with district councils until 31 March 2009
      // (The Cheshire (Structural Changes) Order 2008), and the districts' nominee holds a seat.
      ['district-council', 'Met', /A District Officer/],
      ['police', 'Met', /A Chief Superintendent/],
      // No seat of the Board is probation's, the youth offending team's or the LSC's.
      [
        'probation',
        'Not met',
        /No seat of Cheshire Children’s Trust Board on this date is of the kind asked for/,
      ],
      ['youth-offending-team', 'Not met'],
      ['learning-and-skills-council', 'Not met'],
      // s10(4)(e) as enacted names two partners: the PCT sits, no seat is the Strategic Health
      // Authority's (nor a health commissioner's that might be it).
      ['health-sha-pct', 'Not met'],
      // The Connexions seat exists and the Board's members are recorded, but nobody holds it.
      ['connexions', 'Seat vacant', /Connexions Cheshire and Warrington/],
      // Not yet in force in July 2008: (f)'s amended words from 26 January 2009, schools,
      // colleges and Jobcentre Plus from 1 April 2010, the NHS bodies of 2013 and 2022.
      ['youth-support-services', 'Not applicable', /Not in force on this date/],
      ['schools', 'Not applicable'],
      ['further-education', 'Not applicable'],
      ['jobcentre-plus', 'Not applicable'],
      ['health-ccg', 'Not applicable'],
      ['health-icb', 'Not applicable'],
    ];
    assert.deepEqual(
      [...s10.keys()].sort(),
      expected.map(([rule]) => `rule-children-act-2004-s10-${rule}`).sort(),
      'every rule of s10 on the date, none missing',
    );
    for (const [rule, tag, text] of expected) {
      assert.equal(verdict(rule).tag, tag, `${rule}: ${verdict(rule).text}`);
      if (text) assert.match(verdict(rule).text, text, rule);
    }
  });

  it('by hand: County Durham on 30 November 2026, under today’s rule sets', async () => {
    const page = await enter(
      {
        authorityGssCode: 'E06000047',
        name: 'County Durham Children’s Partnership',
        slug: 'durham-by-hand',
        'established-day': '',
        'established-month': '9',
        'established-year': '2019',
        status: 'active',
        published: 'no',
      },
      { name: 'Durham Safeguarding Children Partnership', slug: 'scp', kind: 'safeguarding-board' },
      [
        {
          label: 'Chief Executive, Durham County Council',
          category: 'local-authority',
          office: 'council-chief-executive',
          holder: 'A Chief Executive',
        },
        {
          label: 'Chief Executive, the integrated care board',
          category: 'health-commissioner',
          office: 'icb-chief-executive',
          holder: 'An ICB Chief Executive',
        },
        { label: 'Chief Constable', category: 'police', office: 'chief-officer-of-police' },
        {
          label: 'Corporate Director of Children and Young People’s Services',
          category: 'local-authority',
          holder: 'A Corporate Director',
        },
        { label: 'Head teacher representative', category: 'school', holder: 'A Head Teacher' },
      ],
      '2019-09-01',
    );
    const today = await page('2026-11-30', ['children-act-2004-s16e', 'working-together-2023']);
    const expected: [string, string, RegExp?][] = [
      // s16E(1): the partnership is recorded (an external body of kind safeguarding board).
      ['children-act-2004-s16e-arrangements', 'Met'],
      ['children-act-2004-s16e-partner-local-authority', 'Met', /A Chief Executive|A Corporate Director/],
      // Clinical commissioning groups were abolished on 1 July 2022; the ICB sits.
      ['children-act-2004-s16e-partner-ccg', 'Not applicable'],
      ['children-act-2004-s16e-partner-icb', 'Met', /An ICB Chief Executive/],
      // The Chief Constable's seat exists but nobody is recorded in it, while others are.
      ['children-act-2004-s16e-partner-police', 'Seat vacant', /Chief Constable/],
      // Working Together 2023: the lead safeguarding partners are the chief executives and the
      // chief officer of police; the delegates are any seat of each partner.
      ['working-together-2023-lsp-local-authority', 'Met', /A Chief Executive/],
      ['working-together-2023-lsp-icb', 'Met'],
      ['working-together-2023-lsp-police', 'Seat vacant'],
      ['working-together-2023-dsp-local-authority', 'Met', /A Corporate Director/],
      ['working-together-2023-dsp-icb', 'Met'],
      ['working-together-2023-dsp-police', 'Seat vacant'],
      ['working-together-2023-education', 'Met', /A Head Teacher/],
      // No seat is the independent scrutineer's, and the partnership's seats are recorded.
      ['working-together-2023-independent-scrutiny', 'Not met', /of the kind asked for/],
    ];
    assert.deepEqual(
      [...today.keys()].sort(),
      expected.map(([id]) => `rule-${id}`).sort(),
      'every rule of the two sets on the date, none missing',
    );
    for (const [id, tag, text] of expected) {
      const verdict = today.get(`rule-${id}`)!;
      assert.equal(verdict.tag, tag, `${id}: ${verdict.text}`);
      if (text) assert.match(verdict.text, text, id);
    }
  });
});
