// The meetings the source documents describe (docs/ACCEPTANCE.md): Nottinghamshire's meetings,
// joint meeting and paragraph 17 actions; Medway's cadence check and delegated decision;
// Bolton's development half day; Dudley's Executive Board attendance appendix, on an
// illustrative register (the document gives none).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { systemCaller, type Caller } from '../../src/platform/http/auth.ts';
import { importSeeds } from '../../src/seeds/seed.importer.ts';
import { readSeeds, seedFiles } from '../../src/seeds/seed.reader.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

describe('meetings of the source documents', () => {
  let test: TestApp;
  const callers: Record<string, Caller> = {};
  const bodyId = async (slug: string, body: string) =>
    (await test.services.meetings.bodies(callers[slug]!)).find((b) => b.slug === body)!.id;

  before(async () => {
    test = await startTestApp();
    const files = (await seedFiles()).filter((file) => /00[0-3]-/.test(file));
    const seeds = await readSeeds(files);
    await importSeeds(test.services, seeds);
    const again = await importSeeds(test.services, seeds);
    assert.deepEqual(
      again.map((report) => report.meetings),
      [0, 0, 0, 0],
      'a second import adds no meeting',
    );
    for (const slug of ['dudley', 'bolton', 'nottinghamshire', 'medway'])
      callers[slug] = systemCaller('test', (await test.services.partnerships.bySlug(slug))!.id);
  });
  after(() => test.close());

  it('Nottinghamshire: the Board of 21 January 2009 with item 5, the next meeting and the joint meeting of three boards', async () => {
    const caller = callers.nottinghamshire!;
    const meetings = await test.services.meetings.list(caller);
    assert.deepEqual(
      meetings.map((m) => [
        m.startsAt.toISOString().slice(0, 10),
        m.kind,
        m.state,
        m.bodies.map((b) => b.slug).sort(),
      ]),
      [
        ['2009-01-21', 'board-meeting', 'held', ['partnership-board']],
        ['2009-03-09', 'board-meeting', 'scheduled', ['partnership-board']],
        ['2009-03-20', 'joint-meeting', 'scheduled', ['cseg', 'ncsb', 'partnership-board']],
      ],
    );
    const [item] = await test.services.agenda.agenda(caller, meetings[0]!.id);
    assert.deepEqual(
      [item!.number, item!.title, item!.purpose, item!.presenter],
      [
        5,
        "Statutory guidance on Children's Trusts",
        'decision',
        "Corporate Director, Children and Young People's Services",
      ],
    );
  });

  it('Nottinghamshire: item 5 carries its committee report, with the report’s fields and its two recommendations', async () => {
    const caller = callers.nottinghamshire!;
    const [meeting] = await test.services.meetings.list(caller);
    const [item] = await test.services.agenda.agenda(caller, meeting!.id);
    const { report } = await test.services.reports.report(caller, meeting!.id, item!.id);
    assert.deepEqual(
      [report!.reportTo, report!.reportOf, report!.author, report!.title, report!.confidentiality],
      [
        "Nottinghamshire Children and Young People's Partnership Board",
        "Corporate Director for Children and Young People's Services",
        'Anthony May',
        "Statutory guidance on Children's Trusts",
        null,
      ],
    );
    assert.match(report!.purpose, /^This report provides information on: a\) updated statutory guidance/);
    assert.match(report!.background!, /issued under the Children Act 2004/);
    assert.deepEqual(
      report!.recommendations.map((text) => text.split(',')[0]),
      [
        "approves the arrangements for considering the implications of the updated statutory guidance on Children's Trusts",
        "determines its views on the consultation questions on the draft updated guidance on the roles and responsibilities of the Lead Member and Director of Children's Services",
      ],
    );
    assert.match(report!.backgroundDocuments!, /paragraphs 2 and 19/);
  });

  it('Nottinghamshire: the DCSF consultation with six questions due 2009-02-10, on item 5 and on the overview', async () => {
    const caller = callers.nottinghamshire!;
    const [consultation, ...others] = await test.services.consultations.list(caller);
    assert.equal(others.length, 0);
    assert.deepEqual(
      [consultation!.issuedBy, consultation!.deadline, consultation!.itemNumber, consultation!.meeting.title],
      [
        'Department for Children, Schools and Families',
        '2009-02-10',
        5,
        "Nottinghamshire Children and Young People's Partnership Board",
      ],
    );
    assert.equal(consultation!.questions.length, 6);
    assert.match(
      consultation!.questions[0]!.question,
      /^Does the guidance clarify the role and responsibilities of the Lead Member/,
    );
    assert.match(consultation!.questions[5]!.question, /^Appendix 2 will contain a list/);
    const due = await test.services.consultations.due(caller, '2009-01-21');
    assert.deepEqual(
      due.map((c) => [c.deadline, c.passed, c.answered]),
      [['2009-02-10', false, 0]],
    );
  });

  it('Nottinghamshire: the actions of paragraph 17, each due at its target meeting, carried forward as matters arising', async () => {
    const caller = callers.nottinghamshire!;
    const [january, march, joint] = await test.services.meetings.list(caller);
    const { actions } = await test.services.record.ofMeeting(caller, january!.id);
    assert.equal(actions.length, 4);
    assert.deepEqual(
      actions.map((a) => [a.text.split(' (paragraph 17)')[0], a.dueOn]),
      [
        [
          "Consider how the Board might most appropriately include schools, sixth form colleges, colleges of further education and Job Centre Plus as 'relevant' partners",
          '2009-03-09',
        ],
        ["Consider the Board's relationship with the Local Strategic Partnership", '2009-03-09'],
        [
          "Consider how parents, GPs and the private sector can be engaged with the work of the Children's Trust",
          '2009-03-09',
        ],
        ["Consider the Board's relationship with the Local Safeguarding Children Board", '2009-03-20'],
      ],
    );
    assert.ok(actions.every((a) => a.owner === 'Anthony May, Nottinghamshire County Council'));
    const arising = (await test.services.record.ofMeeting(caller, march!.id)).mattersArising;
    assert.equal(arising.length, 4);
    assert.ok(
      arising.every((a) => !a.overdue),
      'none is overdue at the meeting it is due at',
    );
    const atJoint = (await test.services.record.ofMeeting(caller, joint!.id)).mattersArising;
    assert.deepEqual(
      atJoint.filter((a) => a.overdue).map((a) => a.dueOn),
      ['2009-03-09', '2009-03-09', '2009-03-09'],
    );
  });

  it('Medway: the cadence check flags each year with fewer meetings, events or deep dives than the rules ask', async () => {
    const caller = callers.medway!;
    const network = await bodyId('medway', 'action-network');
    const years = await test.services.meetings.cadence(caller, network, { from: 2013, on: '2015-06-30' });
    assert.deepEqual(
      years.map((y) => [y.year, y.fallsShort, y.current]),
      [
        [2013, true, false],
        [2014, true, false],
        [2015, true, true],
      ],
    );
    assert.deepEqual(
      years[1]!.counts.map((c) => [c.kind, c.required, c.held]),
      [
        ['board-meeting', 3, 0],
        ['annual-event', 1, 0],
        ['deep-dive', 2, 0],
      ],
    );
  });

  it('Medway: Cabinet delegates authority to finalise membership to the Director in consultation with the Portfolio Holder', async () => {
    const caller = callers.medway!;
    const [cabinet] = await test.services.meetings.list(caller, {
      bodyId: await bodyId('medway', 'cabinet'),
    });
    const { decisions } = await test.services.record.ofMeeting(caller, cabinet!.id);
    const delegated = decisions.filter((d) => d.delegatedTo);
    assert.equal(delegated.length, 1);
    assert.equal(
      delegated[0]!.delegatedTo,
      "the Director of Children and Adults Services, in consultation with the Portfolio Holder for Children's Services",
    );
    assert.match(delegated[0]!.text, /finalise the proposed membership of Medway CAN/);
    assert.equal(delegated[0]!.outcome, null, 'the outcome is recorded later');
  });

  it('Bolton: a development half day for the Trust’s members in March 2009', async () => {
    const caller = callers.bolton!;
    const meetings = await test.services.meetings.list(caller, { bodyId: await bodyId('bolton', 'trust') });
    assert.deepEqual(
      meetings.map((m) => [m.kind, m.startsAt.toISOString().slice(0, 7)]),
      [['development-session', '2009-03']],
    );
  });

  it('Dudley: the Executive Board’s attendance appendix for a year, per member and organisation, on an illustrative register', async () => {
    const caller = callers.dudley!;
    const board = await bodyId('dudley', 'executive-board');
    const meetings = await test.services.meetings.list(caller, { bodyId: board });
    assert.ok(
      meetings.every((m) => /illustrative/i.test(`${m.title} ${m.notes}`)),
      'labelled illustrative',
    );
    const appendix = await test.services.attendance.appendix(caller, board, '2008-09-01', '2009-08-31');
    assert.equal(appendix.meetings, 5, 'the cancelled meeting is not counted');
    assert.deepEqual(
      appendix.members.map((r) => [
        r.name,
        r.expected,
        r.attended,
        r.apologies,
        r.substitutes,
        r.absent,
        r.rate,
      ]),
      [
        ['Illustrative member A', 5, 4, 1, 0, 0, 0.8],
        ['Illustrative member B', 5, 3, 2, 2, 0, 0.6],
        ['Illustrative member C', 5, 4, 1, 0, 0, 0.8],
        ['Illustrative member D', 4, 2, 1, 0, 1, 0.5],
      ],
    );
    assert.deepEqual(
      appendix.organisations.map((r) => [r.organisation, r.expected, r.attended, r.substitutes, r.rate]),
      [
        ['Dudley Council for Voluntary Services', 5, 4, 0, 0.8],
        ['Dudley Metropolitan Borough Council', 9, 6, 0, 0.667],
        ['Dudley Primary Care Trust', 5, 3, 2, 1],
      ],
    );
  });
});
