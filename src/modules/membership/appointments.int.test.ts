// Appointments that can be corrected, joint posts and partial dates (issue 15), entered from a
// real partnership's minutes: the Stockton-on-Tees Children's Trust Board.
// - 2 July 2010 (https://docest.com/doc/188770/stockton-on-tees-childrens-trust-board): present,
//   "Cllr Jim Beall / Councillor, Stockton-on-Tees Borough Council" and "Peter Seller /
//   Stockton-on-Tees Borough Council / NHS Stockton" (a joint council and NHS post).
// - 9 December 2010 (https://docest.com/doc/625527/stockton-on-tees-childrens-trust-board-s1):
//   present, "Cllr Jim Beall / Cabinet Member for Adult Services & Health, Stockton-on-Tees
//   Borough Council": his title changed between the two meetings, on a day the minutes do not
//   give (recorded as from December 2010, the month of the first minutes that give it).
// The board's establishment and the meetings' start times are not in these minutes: the board is
// recorded as established in 2008 (a year, as the product allows), the meetings with no time.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  auditCount,
  grant,
  makePartnership,
  makeUser,
  pageText,
  signedInAs,
  startTestApp,
  submit,
  type Agent,
  type TestApp,
} from '../../../test/support/test-app.ts';
import { systemCaller, type Caller } from '../../platform/http/auth.ts';
import { lastDayOf } from './appointments.words.ts';
import { minutesOf } from '../documents/index.ts';
import * as substitutesDated from '../../migrations/0063_standing_substitutes_dated.ts';

describe('appointments corrected, joint posts and partial dates (issue 15)', () => {
  let test: TestApp;
  let caller: Caller;
  let partnershipId: string;
  let boardId: string;
  let editor: Agent;
  let viewer: Agent;
  const org: Record<string, string> = {};
  const seat: Record<string, string> = {};
  const person: Record<string, string> = {};
  const membership: Record<string, string> = {};
  const meeting: Record<string, string> = {};
  const base = '/partnerships/stockton/bodies/trust-board';

  const addPerson = (name: string, jobTitle: string | null) =>
    test.services.membership.addPerson(caller, {
      name,
      jobTitle,
      email: null,
      phone: null,
      youngPerson: false,
      notes: null,
    });
  const addSeat = (label: string) =>
    test.services.membership.addSeat(caller, boardId, {
      label,
      role: 'member',
      voting: true,
      howFilled: 'appointed',
      capacity: 1,
    });
  const held = async (id: string) => (await test.services.appointments.appointment(caller, id))!;
  /** The first refusal's message of a service call. */
  const refusal = async (work: Promise<unknown>) => {
    try {
      await work;
    } catch (error) {
      const problems = (error as { problems?: { message: string }[] }).problems;
      if (problems) return problems[0]!.message;
      throw error;
    }
    assert.fail('expected a refusal');
  };

  before(async () => {
    test = await startTestApp();
    partnershipId = (await makePartnership(test.services, 'stockton', 'E06000004')).id;
    caller = systemCaller('test', partnershipId);
    boardId = (
      await test.services.bodies.create(caller, {
        slug: 'trust-board',
        name: 'Stockton-on-Tees Children’s Trust Board',
        kind: 'board',
        takesDecisions: true,
        status: 'established',
        statusOn: '2008',
      })
    ).id;
    org.sbc = await test.services.membership.addOrganisation(caller, {
      name: 'Stockton-on-Tees Borough Council',
      sector: 'local-authority',
      category: 'local-authority',
      notes: null,
    });
    org.nhs = await test.services.membership.addOrganisation(caller, {
      name: 'NHS Stockton',
      sector: 'health',
      // the minutes say "NHS Stockton", not whether it is the PCT: a health commissioner
      category: 'health-commissioner',
      notes: null,
    });
    org.police = await test.services.membership.addOrganisation(caller, {
      name: 'Cleveland Police',
      sector: 'police',
      category: 'police',
      notes: null,
    });
    seat.member = await addSeat('Elected member, Stockton-on-Tees Borough Council');
    seat.joint = await addSeat('Joint commissioning, council and NHS');
    seat.police = await addSeat('Cleveland Police');
    person.beall = await addPerson('Cllr Jim Beall', 'Councillor, Stockton-on-Tees Borough Council');
    person.seller = await addPerson('Peter Seller', null);
    person.best = await addPerson('Darren Best', 'District Commander, Cleveland Police');
    person.fell = await addPerson('Geoff Fell', 'Board Member – Cleveland Police Authority');
    // "from 2010": the year alone, as the list gives it
    membership.beall = await test.services.membership.appoint(caller, {
      seatId: seat.member,
      personId: person.beall,
      organisationId: org.sbc,
      startsOn: '2010',
    });
    membership.seller = await test.services.membership.appoint(caller, {
      seatId: seat.joint,
      personId: person.seller,
      organisationId: org.sbc,
      startsOn: '2010-07',
    });
    membership.best = await test.services.membership.appoint(caller, {
      seatId: seat.police,
      personId: person.best,
      organisationId: org.police,
      startsOn: '2010',
    });
    for (const [key, date] of [
      ['july', '2010-07-02'],
      ['december', '2010-12-09'],
    ] as const)
      meeting[key] = await test.services.meetings.create(caller, {
        title: 'Stockton-on-Tees Children’s Trust Board',
        kind: 'board-meeting',
        bodyIds: [boardId],
        date,
        state: 'held',
      });
    await test.services.attendance.record(caller, meeting.july!, {
      members: [
        { membershipId: membership.beall, status: 'present' },
        { membershipId: membership.seller, status: 'present' },
        { membershipId: membership.best, status: 'present' },
      ],
      inAttendance: [],
    });
    await test.services.attendance.record(caller, meeting.december!, {
      members: [
        { membershipId: membership.beall, status: 'present' },
        { membershipId: membership.best, status: 'present' },
      ],
      inAttendance: [],
    });
    editor = (await signedInAs(test, partnershipId, 'editor')).agent;
    viewer = (await signedInAs(test, partnershipId, 'viewer')).agent;
  });
  after(() => test.close());

  it('keeps a start given as a year or a month with its precision, and shows it as written', async () => {
    assert.deepEqual(lastDayOf('2010'), { date: '2010-12-31', precision: 'year' });
    assert.deepEqual(lastDayOf('2012-02'), { date: '2012-02-29', precision: 'month' });
    const beall = await held(membership.beall!);
    assert.deepEqual([beall.startsOn, beall.startsPrecision, beall.startsAs], ['2010-01-01', 'year', '2010']);
    const seller = await held(membership.seller!);
    assert.deepEqual([seller.startsOn, seller.startsPrecision], ['2010-07-01', 'month']);
    const page = pageText((await viewer.get(`${base}/seats?at=2010-07-02`)).text).replace(/\s+/g, ' ');
    assert.match(page, /Cllr Jim Beall.* from 2010/);
    assert.match(page, /Peter Seller.* from July 2010/);
    // through the form: a month and year, and a year alone for the end
    const form = await submit(editor, `${base}/memberships/${membership.best}/edit`, {
      version: beall.version!,
      'startsOn-day': '',
      'startsOn-month': '3',
      'startsOn-year': '2010',
      'endsOn-day': '',
      'endsOn-month': '',
      'endsOn-year': '2011',
      organisationId: org.police!,
      notes: '',
    });
    // the version sent was another row's: refused as stale, nothing written
    assert.equal(form.status, 409);
    const best = await held(membership.best!);
    assert.equal(best.startsAs, '2010');
    const saved = await submit(editor, `${base}/memberships/${membership.best}/edit`, {
      version: best.version!,
      'startsOn-month': '3',
      'startsOn-year': '2010',
      'endsOn-year': '2011',
      organisationId: org.police!,
    });
    assert.equal(saved.status, 303);
    const corrected = await held(membership.best!);
    assert.deepEqual(
      [corrected.startsOn, corrected.startsPrecision, corrected.endsOn, corrected.endsPrecision],
      ['2010-03-01', 'month', '2011-12-31', 'year'],
    );
    const shown = pageText((await viewer.get(`${base}/memberships/${membership.best}`)).text);
    assert.match(shown, /March 2010/);
    assert.match(shown, /2011/);
    // a stale save after that change is refused, naming the change
    const stale = await submit(editor, `${base}/memberships/${membership.best}/edit`, {
      version: best.version!,
      'startsOn-year': '2010',
      organisationId: org.police!,
    });
    assert.equal(stale.status, 409);
    assert.equal((await held(membership.best!)).startsOn, '2010-03-01');
  });

  it('records a change of title on the same membership, dated, shown in the member’s history', async () => {
    const before = await auditCount(test);
    const response = await submit(editor, `${base}/memberships/${membership.beall}/terms/new`, {
      'holdsFrom-month': '12',
      'holdsFrom-year': '2010',
      title: 'Cabinet Member for Adult Services & Health, Stockton-on-Tees Borough Council',
      role: '',
    });
    assert.equal(response.status, 303);
    assert.equal(await auditCount(test), before + 1);
    const beall = await held(membership.beall!);
    assert.equal(beall.id, membership.beall); // the same membership, not a new one
    assert.deepEqual(
      beall.terms.map((term) => [term.holdsFrom, term.title]),
      [['2010-12-01', 'Cabinet Member for Adult Services & Health, Stockton-on-Tees Borough Council']],
    );
    const all = await test.services.membership.memberships(caller, { personId: person.beall! });
    assert.equal(all.length, 1);
    // on the seats page of each meeting's date: the title of that date
    const july = pageText((await viewer.get(`${base}/seats?at=2010-07-02`)).text);
    assert.doesNotMatch(july, /Cabinet Member for Adult Services/);
    const december = pageText((await viewer.get(`${base}/seats?at=2010-12-09`)).text);
    assert.match(december, /Cabinet Member for Adult Services &? ?.*Health/);
    const history = pageText((await viewer.get(`/partnerships/stockton/people/${person.beall}`)).text);
    assert.match(history, /from 1 December 2010: Cabinet Member for Adult Services/);
    // refused: outside the appointment, and with neither title nor role
    const outside = await submit(editor, `${base}/memberships/${membership.beall}/terms/new`, {
      'holdsFrom-year': '2009',
      title: 'Leader',
    });
    assert.equal(outside.status, 400);
    assert.match(pageText(outside.text), /must fall within the appointment/);
    const empty = await submit(editor, `${base}/memberships/${membership.beall}/terms/new`, {
      'holdsFrom-year': '2011',
      title: '',
      role: '',
    });
    assert.equal(empty.status, 400);
    assert.match(pageText(empty.text), /Enter the new title, or select the new role/);
    assert.equal((await held(membership.beall!)).terms.length, 1);
    assert.equal(await auditCount(test), before + 1);
  });

  it('counts a joint post for each organisation in compliance and in the attendance appendix', async () => {
    const pct = async () =>
      (
        await test.services.compliance.evaluate(caller, {
          date: '2010-07-02',
          ruleSetIds: ['children-act-2004-s10'],
        })
      ).results.find((result) => result.rule.id === 'health-sha-pct')!;
    const alone = await pct();
    assert.equal(alone.status, 'not-met');
    assert.doesNotMatch(JSON.stringify(alone.evidence), /Joint commissioning/);
    // refused: the same organisation twice, and an unknown one; nothing changes
    const seller = await held(membership.seller!);
    const twice = await submit(editor, `${base}/memberships/${membership.seller}/edit`, {
      version: seller.version!,
      'startsOn-month': '7',
      'startsOn-year': '2010',
      organisationId: org.sbc!,
      jointOrganisationIds: [org.sbc!],
    });
    assert.equal(twice.status, 400);
    assert.match(pageText(twice.text), /named once/);
    assert.deepEqual((await held(membership.seller!)).jointOrganisations, []);
    const joint = await submit(editor, `${base}/memberships/${membership.seller}/edit`, {
      version: seller.version!,
      'startsOn-month': '7',
      'startsOn-year': '2010',
      organisationId: org.sbc!,
      jointOrganisationIds: [org.nhs!],
    });
    assert.equal(joint.status, 303);
    assert.deepEqual(
      (await held(membership.seller!)).jointOrganisations.map((o) => o.name),
      ['NHS Stockton'],
    );
    // section 10(4)(e) now finds the joint post held for a health commissioner: it cannot say
    // whether that is the SHA or the PCT (not recorded), but it counts the post for NHS Stockton
    const joined = await pct();
    assert.equal(joined.status, 'not-recorded');
    assert.match(JSON.stringify(joined.evidence), /Joint commissioning, council and NHS/);
    // the appendix counts Peter Seller's attendance for the council and for NHS Stockton
    const appendix = await test.services.attendance.appendix(caller, boardId, '2010-04-01', '2011-03-31');
    assert.equal(appendix.meetings, 2);
    const row = appendix.members.find((m) => m.membershipId === membership.seller)!;
    assert.equal(row.organisation, 'Stockton-on-Tees Borough Council and NHS Stockton');
    const byOrganisation = new Map(appendix.organisations.map((o) => [o.organisation, o]));
    // by hand: Peter Seller was expected at both meetings (his membership runs on), present on
    // 2 July, not named on 9 December (not recorded); Cllr Beall present at both
    const nhs = byOrganisation.get('NHS Stockton')!;
    assert.deepEqual([nhs.expected, nhs.attended, nhs.notRecorded, nhs.rate], [2, 1, 1, 1]);
    const council = byOrganisation.get('Stockton-on-Tees Borough Council')!;
    assert.deepEqual([council.expected, council.attended, council.notRecorded, council.rate], [4, 3, 1, 1]);
    const page = pageText((await viewer.get(`${base}/seats?at=2010-07-02`)).text).replace(/\s+/g, ' ');
    assert.match(page, /Peter Seller.*and NHS Stockton \(joint post\)/);
    // and so does the API's list of seats (it gave a joint post's first organisation only)
    const reader = await makeUser(test.services);
    await grant(test.services, partnershipId, reader.id, 'viewer');
    const { token } = await test.services.tokens.create(systemCaller('test'), reader.id, 'joint posts');
    const seats = (
      await test
        .request()
        .get('/api/v1/partnerships/stockton/bodies/trust-board/seats?at=2010-07-02')
        .set('Authorization', `Bearer ${token}`)
        .expect(200)
    ).body as { items: { label: string; holders: { name: string; organisations: string[] }[] }[] };
    const post = seats.items.find((seat) => seat.label === 'Joint commissioning, council and NHS')!;
    assert.deepEqual(
      post.holders.map((holder) => [holder.name, holder.organisations]),
      [['Peter Seller', ['Stockton-on-Tees Borough Council', 'NHS Stockton']]],
    );
    // every page and document showing the register names both organisations (issue 15 gap 1):
    // the register form, the meeting's page, the minutes and the appointment's page
    const both = 'Stockton-on-Tees Borough Council and NHS Stockton';
    const form = pageText(
      (await editor.get(`/partnerships/stockton/meetings/${meeting.july}/attendance`)).text,
    );
    assert.ok(form.includes(`Peter Seller, Joint commissioning, council and NHS (${both})`), form);
    const shown = pageText((await viewer.get(`/partnerships/stockton/meetings/${meeting.july}`)).text);
    assert.ok(shown.replace(/\s+/g, '').includes(`PeterSeller${both.replace(/\s+/g, '')}`), shown);
    const minutes = await minutesOf(
      {
        agenda: test.services.agenda,
        record: test.services.record,
        attendance: test.services.attendance,
        declarations: test.services.declarations,
      },
      caller,
      await test.services.meetings.get(caller, meeting.july!),
    );
    const present = minutes.attendance.find(([label]) => label === 'Present')![1];
    assert.ok(present.includes(`Peter Seller, ${both}`), present);
    const appointment = pageText((await viewer.get(`${base}/memberships/${membership.seller}`)).text);
    assert.ok(appointment.replace(/\s+/g, ' ').includes(both), appointment);
  });

  it('refuses a date correction that leaves out a meeting the register counts, naming it', async () => {
    const beall = await held(membership.beall!);
    const before = await auditCount(test);
    const response = await submit(editor, `${base}/memberships/${membership.beall}/edit`, {
      version: beall.version!,
      'startsOn-day': '1',
      'startsOn-month': '9',
      'startsOn-year': '2010',
      organisationId: org.sbc!,
    });
    assert.equal(response.status, 400);
    assert.match(
      pageText(response.text),
      /The register counts Cllr Jim Beall as a member at Stockton-on-Tees Children’s Trust Board on 2 July 2010/,
    );
    assert.equal((await held(membership.beall!)).startsOn, '2010-01-01');
    // an end before the start: a GOV.UK error, answers kept, nothing written
    const backwards = await submit(editor, `${base}/memberships/${membership.beall}/edit`, {
      version: beall.version!,
      'startsOn-year': '2010',
      'endsOn-month': '6',
      'endsOn-year': '2009',
      organisationId: org.sbc!,
    });
    assert.equal(backwards.status, 400);
    assert.match(pageText(backwards.text), /End date must be the same as or after the start date/);
    assert.match(backwards.text, /name="endsOn-year"[^>]*value="2009"/);
    assert.equal(await auditCount(test), before);
  });

  it('gives a standing substitute dates: ending one sets its end, and a past register still reads it', async () => {
    const before = await auditCount(test);
    // from July 2010 (a month), open-ended
    const added = await submit(editor, `${base}/memberships/${membership.best}/substitutes/new`, {
      personId: person.fell!,
      'startsOn-month': '7',
      'startsOn-year': '2010',
    });
    assert.equal(added.status, 303);
    const periods = async () =>
      (await held(membership.best!)).substitutePeriods.map((s) => [s.name, s.startsAs, s.endsAs]);
    assert.deepEqual(await periods(), [['Geoff Fell', '2010-07', null]]);
    assert.deepEqual(
      (await held(membership.best!)).substitutes.map((s) => s.name),
      ['Geoff Fell'],
    );
    // refused, nothing written: overlapping the period, the holder, before the appointment,
    // until before from
    const again = await submit(editor, `${base}/memberships/${membership.best}/substitutes/new`, {
      personId: person.fell!,
    });
    assert.equal(again.status, 400);
    assert.match(pageText(again.text), /already a standing substitute for Darren Best with no end date/);
    assert.match(
      await refusal(
        test.services.appointments.addSubstitute(caller, membership.best!, { personId: person.best! }),
      ),
      /a substitute must be someone else/,
    );
    const early = await submit(editor, `${base}/memberships/${membership.best}/substitutes/new`, {
      personId: person.seller!,
      'startsOn-year': '2009',
    });
    assert.equal(early.status, 400);
    assert.match(
      pageText(early.text),
      /The appointment starts in March 2010: a standing substitute for it cannot start before/,
    );
    const backwards = await submit(editor, `${base}/memberships/${membership.best}/substitutes/new`, {
      personId: person.seller!,
      'startsOn-year': '2011',
      'endsOn-year': '2010',
    });
    assert.equal(backwards.status, 400);
    assert.match(pageText(backwards.text), /Until must be the same as or after From/);
    assert.match(
      await refusal(
        test.services.appointments.endSubstitute(caller, membership.best!, person.seller!, '2010'),
      ),
      /not a standing substitute for Darren Best with no end date/,
    );
    assert.equal(await auditCount(test), before + 1);
    // both registers read him as the standing substitute while the period is open
    const row = async (meetingId: string) =>
      (await test.services.attendance.register(caller, meetingId)).register.rows.find(
        (r) => r.member.membershipId === membership.best,
      )!;
    assert.deepEqual(
      (await row(meeting.july!)).member.substitutes.map((s) => s.name),
      ['Geoff Fell'],
    );
    // ended in November 2010 (a month: until 30 November), through the form
    const confirm = await editor.get(`${base}/memberships/${membership.best}/substitutes/${person.fell}/end`);
    assert.equal(confirm.status, 200);
    assert.match(pageText(confirm.text), /End Geoff Fell as a standing substitute/);
    const blank = await submit(
      editor,
      `${base}/memberships/${membership.best}/substitutes/${person.fell}/end`,
      {},
    );
    assert.equal(blank.status, 400);
    assert.match(pageText(blank.text), /Enter the date they stop being a standing substitute/);
    const tooEarly = await submit(
      editor,
      `${base}/memberships/${membership.best}/substitutes/${person.fell}/end`,
      { 'endsOn-month': '6', 'endsOn-year': '2010' },
    );
    assert.equal(tooEarly.status, 400);
    assert.match(
      pageText(tooEarly.text),
      /standing substitute from July 2010: the end date must be the same as or after it/,
    );
    const ended = await submit(
      editor,
      `${base}/memberships/${membership.best}/substitutes/${person.fell}/end`,
      { 'endsOn-month': '11', 'endsOn-year': '2010' },
    );
    assert.equal(ended.status, 303);
    assert.equal(await auditCount(test), before + 2);
    // the row stays, with its end: not deleted
    assert.deepEqual(await periods(), [['Geoff Fell', '2010-07', '2010-11']]);
    const endedRow = (await held(membership.best!)).substitutePeriods[0]!;
    assert.deepEqual([endedRow.endsOn, endedRow.endsPrecision], ['2010-11-30', 'month']);
    assert.deepEqual((await held(membership.best!)).substitutes, []);
    const page = pageText((await viewer.get(`${base}/memberships/${membership.best}`)).text).replace(
      /\s+/g,
      ' ',
    );
    assert.match(page, /Geoff Fell July 2010 November 2010/);
    // the July register still reads him as Darren Best's standing substitute; December's does not
    assert.deepEqual(
      (await row(meeting.july!)).member.substitutes.map((s) => s.name),
      ['Geoff Fell'],
    );
    assert.deepEqual((await row(meeting.december!)).member.substitutes, []);
    const julyForm = pageText(
      (await editor.get(`/partnerships/stockton/meetings/${meeting.july}/attendance`)).text,
    );
    assert.match(julyForm, /Geoff Fell \(named substitute\)/);
    const decemberForm = pageText(
      (await editor.get(`/partnerships/stockton/meetings/${meeting.december}/attendance`)).text,
    );
    assert.doesNotMatch(decemberForm, /Geoff Fell \(named substitute\)/);
    // in December he stood in for Darren Best: named at the meeting, no longer a standing substitute
    await test.services.attendance.record(caller, meeting.december!, {
      members: [
        { membershipId: membership.beall!, status: 'present' },
        { membershipId: membership.best!, status: 'apologies', substituteId: person.fell! },
      ],
      inAttendance: [],
    });
    const december = await row(meeting.december!);
    assert.deepEqual([december.substitute?.name, december.substitute?.namedAtMeeting], ['Geoff Fell', true]);
    // a later period for the same person is a new row beside the ended one
    await test.services.appointments.addSubstitute(caller, membership.best!, {
      personId: person.fell!,
      startsOn: '2011',
    });
    assert.deepEqual(await periods(), [
      ['Geoff Fell', '2010-07', '2010-11'],
      ['Geoff Fell', '2011', null],
    ]);
  });

  it('refuses to remove an appointment or a seat a register counts, naming the meetings', async () => {
    const before = await auditCount(test);
    const confirm = await editor.get(`${base}/memberships/${membership.beall}/remove`);
    assert.equal(confirm.status, 200);
    const removed = await submit(editor, `${base}/memberships/${membership.beall}/remove`, {});
    assert.equal(removed.status, 400);
    assert.match(
      pageText(removed.text),
      /The register counts this appointment at Stockton-on-Tees Children’s Trust Board on 2 July 2010, Stockton-on-Tees Children’s Trust Board on 9 December 2010: it cannot be removed/,
    );
    const seatRemoved = await submit(editor, `${base}/seats/${seat.member}/remove`, {});
    assert.equal(seatRemoved.status, 400);
    assert.match(pageText(seatRemoved.text), /The register counts members of .* at .* on 2 July 2010/);
    // the seat, its membership and the register entries are all still there
    assert.ok(await held(membership.beall!));
    const register = await test.services.attendance.appendix(caller, boardId, '2010-04-01', '2011-03-31');
    assert.equal(register.members.find((m) => m.membershipId === membership.beall)!.attended, 2);
    assert.equal(await auditCount(test), before);
  });

  it('opens the meetings page, the appendix and the body page on the records (defaults)', async () => {
    // the body page links its meetings, appendix, calendar and compliance
    const body = await viewer.get(base);
    for (const link of ['/meetings', '/attendance', '/meetings.ics'])
      assert.match(body.text, new RegExp(`href="${base}${link.replace('.', '\\.')}"`));
    assert.match(body.text, /href="\/partnerships\/stockton\/compliance"/);
    // the appendix: the twelve months up to the latest held meeting (9 December 2010), not
    // this calendar year with no meetings
    const appendix = await viewer.get(`${base}/attendance`);
    assert.equal(appendix.status, 200);
    assert.match(pageText(appendix.text), /2 meetings held/);
    assert.match(appendix.text, /name="from-year"[^>]*value="2009"/);
    assert.match(appendix.text, /name="to-month"[^>]*value="12"/);
    // the meetings page: the held meetings of 2010 and the next scheduled one, the period shown
    const soon = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await test.services.meetings.create(caller, {
      title: 'Next meeting (made by this test)',
      kind: 'board-meeting',
      bodyIds: [boardId],
      date: soon,
      state: 'scheduled',
    });
    const list = pageText((await viewer.get('/partnerships/stockton/meetings')).text).replace(/\s+/g, ' ');
    assert.match(list, /The latest held meetings and the next scheduled ones: 2 July 2010 to/);
    assert.match(list, /9 December 2010/);
    assert.match(list, /Next meeting \(made by this test\)/);
    // a period asked for is kept
    const asked = pageText((await viewer.get('/partnerships/stockton/meetings?from=2010-12-01')).text);
    assert.doesNotMatch(asked, /2 July 2010/);
    assert.doesNotMatch(asked, /The latest held meetings/);
  });

  it('removes an appointment and a seat made in error, after confirming, with the audit trail', async () => {
    const mistake = await addSeat('Entered in error');
    const wrong = await test.services.membership.appoint(caller, { seatId: mistake, personId: person.fell! });
    const before = await auditCount(test);
    const page = await editor.get(`${base}/memberships/${wrong}`);
    assert.match(page.text, new RegExp(`href="${base}/memberships/${wrong}/remove"`));
    assert.equal((await submit(editor, `${base}/memberships/${wrong}/remove`, {})).status, 303);
    assert.equal(await test.services.appointments.appointment(caller, wrong), undefined);
    // the seat: from its form's button to the confirmation, then removed (the old "" uuid failure)
    const form = await editor.get(`${base}/seats/${mistake}/edit`);
    const link = /href="([^"]+\/remove)"/.exec(form.text)?.[1];
    assert.equal(link, `${base}/seats/${mistake}/remove`);
    const confirm = await editor.get(link!);
    assert.equal(confirm.status, 200);
    assert.match(pageText(confirm.text), /Remove the seat “Entered in error”/);
    const removed = await submit(editor, link!, {});
    assert.equal(removed.status, 303);
    assert.equal(removed.headers.location, `${base}/seats`);
    const seats = await test.services.membership.seats(caller, boardId, '2010-07-02', { all: true });
    assert.ok(!seats.some((s) => s.id === mistake));
    assert.equal(await auditCount(test), before + 2);
    // no seat, or an address that is not one: not found, never a server error
    assert.equal((await submit(editor, `${base}/seats/not-a-seat/remove`, {}, `${base}/seats`)).status, 404);
    await assert.rejects(test.services.membership.removeSeat(caller, ''), { status: 404 });
    // viewers cannot
    assert.equal((await viewer.get(`${base}/memberships/${membership.best}/remove`)).status, 403);
  });
  it('migrates standing substitutes named before they had dates: from the appointment’s start, open-ended', async () => {
    // back to the shape before migration 0063 (one row a person, no dates), then forward again
    const best = await held(membership.best!);
    assert.ok(best.substitutePeriods.some((sub) => sub.endsOn === null));
    await substitutesDated.down(test.db.owner);
    await substitutesDated.up(test.db.owner);
    const migrated = await held(membership.best!);
    assert.deepEqual(
      migrated.substitutePeriods.map((sub) => [sub.name, sub.startsOn, sub.startsPrecision, sub.endsOn]),
      [['Geoff Fell', best.startsOn, best.startsPrecision, null]],
    );
  });
});
