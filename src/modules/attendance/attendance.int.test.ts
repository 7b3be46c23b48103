import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import JSZip from 'jszip';
import { PDFDocument, PDFName } from 'pdf-lib';
import { PdfPrinter } from '../../platform/documents/pdf.ts';
import {
  binary,
  makePartnership,
  signedInAs,
  startTestApp,
  submit,
  type Agent,
  type TestApp,
  textsOf,
} from '../../../test/support/test-app.ts';
import { systemCaller, type Caller } from '../../platform/http/auth.ts';
import { addPeople } from '../../../test/support/meetings.ts';

describe('attendance and quorum', () => {
  let test: TestApp;
  let caller: Caller;
  let partnershipId: string;
  let editor: Agent;
  let member: { agent: Agent; email: string };
  const people: Record<string, string> = {};
  const membershipOf: Record<string, string> = {};
  const meetings: Record<string, string> = {};
  const path = (meeting: string, under = '') => `/partnerships/trust/meetings/${meetings[meeting]}${under}`;
  const register = async (meeting: string) =>
    (await test.services.attendance.register(caller, meetings[meeting]!)).register;

  before(async () => {
    test = await startTestApp();
    partnershipId = (await makePartnership(test.services, 'trust')).id;
    caller = systemCaller('test', partnershipId);
    editor = (await signedInAs(test, partnershipId, 'editor')).agent;
    const signed = await signedInAs(test, partnershipId, 'member');
    member = { agent: signed.agent, email: signed.user.email };
    const board = await test.services.bodies.create(caller, {
      slug: 'executive-board',
      name: 'Executive Board',
      kind: 'executive-board',
      takesDecisions: true,
      status: 'established',
      statusOn: '2007',
    });
    await test.services.bodies.update(caller, board.id, {
      slug: 'executive-board',
      name: 'Executive Board',
      kind: 'executive-board',
      takesDecisions: true,
      quorumRule: { minimum: 2, categories: ['police'] },
    });
    const organisation = async (name: string, category: string) =>
      test.services.membership.addOrganisation(caller, { name, sector: 'public', category, notes: null });
    const council = await organisation('Dudley MBC', 'local-authority');
    const pct = await organisation('Dudley PCT', 'health-commissioner');
    const police = await organisation('West Midlands Police', 'police');
    Object.assign(
      people,
      await addPeople(test.services, caller, [
        ['anne', 'Anne Director', member.email],
        ['bill', 'Bill Commissioner', null],
        ['carol', 'Carol Superintendent', null],
        ['dave', 'Dave Deputy', null],
        ['erin', 'Erin Officer', null],
      ] as const),
    );
    for (const [key, label, organisationId, substitutes] of [
      ['anne', 'Director of Children’s Services', council, []],
      ['bill', 'PCT Commissioning', pct, [people.dave!]],
      ['carol', 'Police', police, []],
    ] as const) {
      const seatId = await test.services.membership.addSeat(caller, board.id, {
        label,
        role: 'member',
        voting: true,
        howFilled: 'ex-officio',
        organisationId,
        capacity: 1,
      });
      membershipOf[key] = await test.services.membership.appoint(caller, {
        seatId,
        personId: people[key]!,
        startsOn: '2008-01-01',
        substituteIds: [...substitutes],
      });
    }
    for (const [key, date, state] of [
      ['january', '2009-01-21', 'held'],
      ['june', '2009-06-01', 'cancelled'],
      ['future', '2099-01-21', 'scheduled'],
    ] as const)
      meetings[key] = await test.services.meetings.create(caller, {
        title: 'Executive Board',
        kind: 'board-meeting',
        bodyIds: [board.id],
        date,
        startTime: '10:00',
        state,
      });
  });
  after(() => test.close());

  it('records the register from the body’s members on the date, and shows the quorum', async () => {
    const form = await editor.get(path('january', '/attendance'));
    assert.deepEqual(textsOf(form.text, 'legend').slice(0, 3), [
      'Anne Director, Director of Children’s Services (Dudley MBC)',
      'Bill Commissioner, PCT Commissioning (Dudley PCT)',
      'Carol Superintendent, Police (West Midlands Police)',
    ]);
    const saved = await submit(editor, path('january', '/attendance'), {
      'members.0.membershipId': membershipOf.anne!,
      'members.0.status': 'present',
      'members.1.membershipId': membershipOf.bill!,
      'members.1.status': 'apologies',
      'members.1.substituteId': people.dave!,
      'members.2.membershipId': membershipOf.carol!,
      'members.2.status': 'absent',
      inAttendance: people.erin!,
    });
    assert.equal(saved.status, 303);
    const page = await editor.get(path('january'));
    assert.deepEqual(textsOf(page.text, '#register tbody td:last-child'), [
      'Present',
      'Apologies; substitute: Dave Deputy',
      'Absent',
    ]);
    assert.match(textsOf(page.text, '#in-attendance')[0]!, /Erin Officer/);
    const quorum = textsOf(page.text, '.app-quorum')[0]!.replace(/\s+/g, ' ');
    assert.match(
      quorum,
      /Not quorate Executive Board: 2 voting members present of the 2 needed; nobody for Police/,
    );
  });

  it('refuses an ineligible substitute and a register before the meeting, writing nothing', async () => {
    const before = await register('january');
    const ineligible = await submit(editor, path('january', '/attendance'), {
      'members.1.membershipId': membershipOf.bill!,
      'members.1.status': 'apologies',
      'members.1.substituteId': people.carol!,
    });
    // anyone may be named at the meeting (issue 15), but not someone who holds a seat at it
    assert.equal(ineligible.status, 400);
    assert.match(
      textsOf(ineligible.text, '.govuk-error-summary li')[0]!,
      /Carol Superintendent holds a seat at this meeting \(Police\): they cannot also substitute for Bill Commissioner/,
    );
    assert.match(ineligible.text, /href="#members-1-substituteId"/);
    const themselves = await submit(editor, path('january', '/attendance'), {
      'members.1.membershipId': membershipOf.bill!,
      'members.1.status': 'apologies',
      'members.1.substituteId': people.bill!,
    });
    assert.equal(themselves.status, 400);
    assert.match(themselves.text, /Bill Commissioner cannot substitute for themselves/);
    const early = await submit(editor, path('future', '/attendance'), {
      'members.0.membershipId': membershipOf.anne!,
      'members.0.status': 'present',
    });
    assert.equal(early.status, 400);
    assert.match(early.text, /The meeting has not happened yet/);
    assert.deepEqual(await register('january'), before);
    assert.deepEqual(
      (await register('future')).rows.map((row) => row.status),
      [null, null, null],
    );
  });

  it('lets members send their own apologies before a meeting, with a named substitute', async () => {
    const form = await member.agent.get(path('future', '/apologies'));
    assert.equal(form.status, 200);
    const sent = await submit(member.agent, path('future', '/apologies'), {
      membershipId: membershipOf.anne!,
    });
    assert.equal(sent.status, 303);
    assert.deepEqual(
      (await register('future')).rows.map((row) => row.status),
      ['apologies', null, null],
    );
    const forOthers = await submit(member.agent, path('future', '/apologies'), {
      membershipId: membershipOf.bill!,
      substituteId: people.dave!,
    });
    assert.equal(forOthers.status, 400);
    assert.match(forOthers.text, /You can send apologies only for your own seat/);
    const late = await submit(member.agent, path('january', '/apologies'), {
      membershipId: membershipOf.anne!,
    });
    assert.equal(late.status, 400);
    assert.match(late.text, /The meeting has already started/);
    const viewer = await signedInAs(test, partnershipId, 'viewer');
    assert.equal((await viewer.agent.get(path('future', '/apologies'))).status, 403);
    assert.equal((await viewer.agent.get(path('january', '/attendance'))).status, 403);
  });

  it('gives the attendance appendix per member and organisation, without cancelled meetings, as a page and CSV', async () => {
    // a meeting held, registered, then cancelled: its register stays but never counts
    const june = {
      title: 'Executive Board',
      kind: 'board-meeting' as const,
      date: '2009-06-01',
      startTime: '10:00',
    };
    const bodyIds = (await test.services.meetings.get(caller, meetings.june!)).bodies.map((body) => body.id);
    await test.services.meetings.update(caller, meetings.june!, { ...june, bodyIds, state: 'held' });
    await test.services.attendance.record(caller, meetings.june!, {
      members: [{ membershipId: membershipOf.anne!, status: 'present' }],
      inAttendance: [],
    });
    await test.services.meetings.update(caller, meetings.june!, { ...june, bodyIds, state: 'cancelled' });
    const page = await editor.get(
      '/partnerships/trust/bodies/executive-board/attendance?from=2009-01-01&to=2009-12-31',
    );
    assert.equal(page.status, 200);
    assert.match(page.text, /1 meeting held/);
    const rows = textsOf(page.text, '#members tbody tr').map((row) => row.replace(/\s+/g, ' '));
    assert.equal(rows.length, 3);
    // expected, attended, apologies, substitutes, absent, not recorded, rate (issue 24)
    assert.match(rows[0]!, /Anne Director.*Dudley MBC 1 1 0 0 0 0 100%/);
    assert.match(rows[1]!, /Bill Commissioner.*Dudley PCT 1 0 1 1 0 0 0%/);
    const csv = await editor.get(
      '/partnerships/trust/bodies/executive-board/attendance?from=2009-01-01&to=2009-12-31&format=csv',
    );
    const table = parse(csv.text, { columns: true, bom: true }) as Record<string, string>[];
    const pct = table.find((row) => row.kind === 'organisation' && row.organisation === 'Dudley PCT')!;
    assert.deepEqual(
      [pct.expected, pct.attended, pct.apologies, pct.substitutes, pct.rate],
      ['1', '0', '1', '1', '100%'],
    );
    const bad = await editor.get(
      '/partnerships/trust/bodies/executive-board/attendance?from=2009-12-31&to=2009-01-01',
    );
    assert.match(bad.text, /To must be the same as or after From/);
  });

  it('answers the API with a meeting’s register and quorum, and a body’s attendance', async () => {
    const { user } = await signedInAs(test, partnershipId, 'viewer');
    const { token } = await test.services.tokens.create(systemCaller('test'), user.id, 'attendance');
    const get = (url: string) => test.request().get(url).set('Authorization', `Bearer ${token}`);
    const one = await get(`/api/v1/partnerships/trust/meetings/${meetings.january}`);
    assert.deepEqual(
      one.body.attendance.members.map((m: { name: string; status: string; substitute: string | null }) => [
        m.name,
        m.status,
        m.substitute,
      ]),
      [
        ['Anne Director', 'present', null],
        ['Bill Commissioner', 'apologies', 'Dave Deputy'],
        ['Carol Superintendent', 'absent', null],
      ],
    );
    assert.deepEqual(one.body.quorum, [
      { body: 'executive-board', met: false, required: 2, present: 2, missing: ['police'] },
    ]);
    const appendix = await get(
      '/api/v1/partnerships/trust/attendance?body=executive-board&from=2009-01-01&to=2009-12-31',
    );
    assert.equal(appendix.status, 200);
    assert.equal(appendix.body.meetings, 1);
    assert.equal(appendix.body.members[0].rate, 1);
    assert.equal((await get('/api/v1/partnerships/trust/attendance')).status, 400);
    assert.equal((await get('/api/v1/partnerships/trust/attendance?body=nobody')).status, 404);
  });

  it('gives the appendix as a Word document and a tagged PDF with bookmarks', async () => {
    const url = '/partnerships/trust/bodies/executive-board/attendance?from=2009-01-01&to=2009-12-31';
    const word = await editor.get(`${url}&format=docx`).buffer(true).parse(binary);
    assert.equal(word.status, 200);
    const xml = await (await JSZip.loadAsync(word.body as Buffer)).file('word/document.xml')!.async('string');
    for (const text of ['Attendance at Executive Board', 'Bill Commissioner', 'Dudley PCT', '100%'])
      assert.ok(xml.includes(text), `${text} in the Word document`);
    if (!new PdfPrinter().available && process.env.CI !== 'true') return;
    const response = await editor.get(`${url}&format=pdf`).buffer(true).parse(binary);
    assert.equal(response.headers['content-type'], 'application/pdf');
    const pdf = await PDFDocument.load(response.body as Buffer);
    assert.ok(pdf.getPageCount() >= 1);
    assert.ok(pdf.catalog.get(PDFName.of('StructTreeRoot')), 'the PDF is tagged');
    assert.ok(pdf.catalog.get(PDFName.of('Outlines')), 'the PDF has bookmarks');
    assert.equal(pdf.getTitle(), 'Attendance at Executive Board');
  });
});
