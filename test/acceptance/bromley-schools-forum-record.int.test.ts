// Acceptance test (issue 24): the London Borough of Bromley's Schools' Forum in 2023, a record
// kept as its minutes give it: registers of apologies only, a change of its membership between
// two meetings, and the election of its Chairman and Vice-Chairman at one of them. Everything is
// entered through the HTTP forms a clerk uses; what the pages and the appendix then say is
// checked against figures worked out by hand (below).
//
// Sources: the Forum's published agendas and minutes (Bromley's committee system,
// cds.bromley.gov.uk, consulted in the stored public pages corpus):
//  - Schools' Forum, Thursday 13 July 2023, 4.30 pm, Committee Rooms, Bromley Civic Centre
//    (ieListDocuments.aspx?CId=151&MId=7667): item 19, "Andrew Ferguson proposed that David
//    Dilling be appointed Chairman. The motion was seconded by Neil Miller, put to the vote and
//    CARRIED. David Dilling proposed that Andrew Ferguson be appointed Vice-Chairman. The motion
//    was seconded by Neil Miller, put to the vote and CARRIED."; item 20, apologies from Andrew
//    Rees and David Wilcox; item 22 (also ieIssueDetails.aspx?IId=83139), "RESOLVED: That the
//    Membership of the Schools' forum be reduced by two, removing one Governor/Trustee member
//    from both Primary and Secondary", "which reduced the Membership of the Schools' Forum from
//    fourteen to twelve", keeping "the schools' membership at 70%".
//  - The next meeting (MId=7669), Committee Rooms, Bromley Civic Centre, held on 14 September
//    2023 (its minutes are approved as "the meeting held on 14th September 2023" at the meeting
//    of Thursday 30 November 2023, MId=7670, item 35; its start time is not in the copy read, so
//    it is entered without one): item 27, apologies from David Bradshaw, Chris Hollands, Andrew
//    Rees and Ian Travis, and "A message was received from Claire Bessa stating that she is no
//    longer able to attend"; item 29, the Children, Education and Families PDS Committee "met on
//    13th September" and "agreed to the amendments and the revised Constitution was now formally
//    in place".
//  - The quorum: the Schools Forums (England) Regulations 2012 (SI 2012/2261), regulation 8(3),
//    legislation.gov.uk: "The meetings are quorate if at least two fifths of the total
//    membership is present at the meeting"; in force for Bromley's Forum from October 2012 (its
//    constitution was changed for them on 20 September 2012, ieIssueDetails.aspx?IId=19659).
//
// Choices made where the minutes are silent, and nothing else invented:
//  - The membership: fourteen schools members before 13 September 2023 and twelve after (the
//    minutes), and five non-schools members: the only number that keeps twelve at "70%" (12 of
//    17 is 70.6%; 12 of 18 would be 67%, 12 of 16 75%); so 19 places, then 17. They are entered
//    as the Chairman's and Vice-Chairman's seats (one place each) and one seat of members (17
//    places, then 15), as the minutes say nothing of who sits for which group.
//  - The quorum is entered as the number two fifths of the places makes, rounded up: 8 of 19
//    (7.6), then 7 of 17 (6.8), both from the change of 13 September 2023, the day the PDS
//    Committee put the revised constitution in place.
//  - Members entered are those the 2023 minutes name as members (proposing, seconding or sending
//    apologies), from 2023 (the year of these minutes; Ian Travis also sent apologies in January
//    2023, MId=7366) except Chris Hollands, first named in September 2023 (from that month).
//    Claire Bessa's message ends nothing the minutes record: her membership is left open. David
//    Bradshaw, the Head of Finance for Children, Education and Families (an officer, not a
//    member), is entered among the other apologies.
//  - The election "put to the vote and CARRIED" gives no votes: entered as a vote, not by
//    acclamation, with its proposer and seconder and no figures.
//
// Worked out by hand:
//  - Quorum: at both meetings the minutes name nobody present, so whether each was quorate is not
//    known; what each needed comes from the rule of its own day: 8 voting members on 13 July 2023
//    (two fifths of 19), 7 on 14 September 2023 (two fifths of 17). Neither may say "not quorate".
//  - The Chairman's seat: vacant on 12 July 2023 in this record, held by David Dilling from 13 July
//    2023, the day of the vote, "appointed Chairman" by the resolution; the Vice-Chairman's by
//    Andrew Ferguson likewise.
//  - The appendix, 1 July to 30 September 2023 (two meetings), as expected / attended / apologies
//    / absent / not recorded / rate over the meetings recorded for the member:
//      David Dilling, Andrew Ferguson (from 13 July), Neil Miller, Claire Bessa: 2/0/0/0/2, no rate
//        (no meeting records them);
//      Andrew Rees: 2/0/2/0/0, 0 % (apologies at both);
//      David Wilcox: 2/0/1/0/1, 0 % (apologies in July, not named in September);
//      Ian Travis: 2/0/1/0/1, 0 % (not named in July, apologies in September);
//      Chris Hollands (from September): 1/0/1/0/0, 0 %.
//    Nobody is absent: minutes of apologies only never make anyone absent.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  dateFields,
  makePartnership,
  pageText,
  signedInAs,
  startTestApp,
  textsOf,
  errorSummaryOf,
  type Agent,
  type TestApp,
} from '../support/test-app.ts';
import { formsIn, type Fields } from '../support/forms.ts';
import { systemCaller, type Caller } from '../../src/platform/http/auth.ts';
import { placesOn } from '../../src/modules/bodies/index.ts';

let test: TestApp;
let caller: Caller;
let editor: Agent;
const base = '/partnerships/bromley';
const forum = `${base}/bodies/schools-forum`;
const personId: Record<string, string> = {};
const seatId: Record<string, string> = {};
const meetingOn: Record<string, string> = {};
let forumId: string;

const partialDate = (name: string, day: string, month: string, year: string) => ({
  [`${name}-day`]: day,
  [`${name}-month`]: month,
  [`${name}-year`]: year,
});

/** A page's first form as a browser sends it (its CSRF token included), some answers changed. */
async function postForm(path: string, answers: Fields, expected = 303) {
  const page = await editor.get(path);
  assert.equal(page.status, 200, path);
  const [form] = formsIn(page.text, path);
  const posted = await editor
    .post(form!.action)
    .type('form')
    .send({ ...form!.fields, ...answers });
  assert.equal(posted.status, expected, `${path}: ${errorSummaryOf(posted.text)}`);
  return posted;
}

before(async () => {
  test = await startTestApp();
  const partnership = await makePartnership(test.services, 'bromley', 'E09000006');
  caller = systemCaller('test', partnership.id);
  editor = (await signedInAs(test, partnership.id, 'editor')).agent;

  // the Forum, its rules of 2023 (19 places: 8 for a quorum)
  await postForm(`${base}/bodies/new`, {
    name: 'Schools’ Forum',
    slug: 'schools-forum',
    kind: 'forum',
    takesDecisions: 'yes',
    attendanceThreshold: '50',
    quorumMinimum: '8',
    membershipCap: '19',
    status: 'established',
    ...partialDate('statusOn', '', '10', '2012'),
  });
  forumId = (await test.services.bodies.list(caller)).find((body) => body.slug === 'schools-forum')!.id;

  for (const name of [
    'David Dilling',
    'Andrew Ferguson',
    'Neil Miller',
    'Andrew Rees',
    'David Wilcox',
    'Ian Travis',
    'Claire Bessa',
    'Chris Hollands',
    'David Bradshaw',
  ])
    await postForm(`${base}/people/new`, { name });
  for (const person of await test.services.membership.people(caller)) personId[person.name] = person.id;

  for (const [label, role, capacity] of [
    ['Chairman', 'chair', '1'],
    ['Vice-Chairman', 'vice-chair', '1'],
    ['Members', 'member', '17'],
  ] as const)
    await postForm(`${forum}/seats/new`, {
      label,
      role,
      voting: 'yes',
      howFilled: 'elected',
      capacity,
      independent: 'unknown',
    });
  for (const seat of await test.services.membership.seats(caller, forumId, '2023-07-13'))
    seatId[seat.label] = seat.id;

  for (const [name, month] of [
    ['Neil Miller', ''],
    ['Andrew Rees', ''],
    ['David Wilcox', ''],
    ['Ian Travis', ''],
    ['Claire Bessa', ''],
    ['Chris Hollands', '9'],
  ] as const)
    await postForm(`${forum}/seats/${seatId.Members}/appoint`, {
      personId: personId[name]!,
      ...partialDate('startsOn', '', month, '2023'),
    });

  const created = await postForm(`${base}/meetings/new`, {
    title: 'Schools’ Forum',
    kind: 'board-meeting',
    bodyIds: forumId,
    ...dateFields('date', '2023-07-13'),
    startTime: '4.30pm',
    place: 'Committee Rooms, Bromley Civic Centre',
    state: 'held',
  });
  meetingOn['2023-07-13'] = created.headers.location!.split('/').pop()!;
  const second = await postForm(`${base}/meetings/new`, {
    title: 'Schools’ Forum',
    kind: 'board-meeting',
    bodyIds: forumId,
    ...dateFields('date', '2023-09-14'),
    startTime: '',
    place: 'Committee Rooms, Bromley Civic Centre',
    state: 'held',
  });
  meetingOn['2023-09-14'] = second.headers.location!.split('/').pop()!;

  // item 19 of 13 July 2023: the Chairman, then the Vice-Chairman, each put to the vote
  for (const [seat, nominee, proposer] of [
    ['Chairman', 'David Dilling', 'Andrew Ferguson'],
    ['Vice-Chairman', 'Andrew Ferguson', 'David Dilling'],
  ] as const)
    await postForm(`${base}/meetings/${meetingOn['2023-07-13']}/elections/new`, {
      seatId: seatId[seat]!,
      nominee1Person: personId[nominee]!,
      nominee1ProposedBy: proposer,
      nominee1SecondedBy: 'Neil Miller',
      elected: '1',
      notes: 'Put to the vote and carried (item 19); no votes minuted',
    });

  // the registers: apologies only
  const register = async (date: string, apologies: string[], others: string[]) => {
    const path = `${base}/meetings/${meetingOn[date]}/attendance`;
    const page = await editor.get(path);
    const [form] = formsIn(page.text, path);
    const answers: Fields = { scope: 'apologies' };
    const rows = [...page.text.matchAll(/name="(members\.\d+)\.membershipId" value="([^"]+)"/g)];
    const members = await test.services.membership.memberships(caller, { bodyId: forumId, on: date });
    for (const [, key, membershipId] of rows) {
      const holder = members.find((m) => m.id === membershipId)!;
      answers[`${key}.status`] = apologies.includes(holder.personName) ? 'apologies' : '';
    }
    if (others.length) answers.otherApologies = others.map((name) => personId[name]!);
    const saved = await editor
      .post(form!.action)
      .type('form')
      .send({ ...form!.fields, ...answers });
    assert.equal(saved.status, 303, `the register of ${date}: ${errorSummaryOf(saved.text)}`);
  };
  await register('2023-07-13', ['Andrew Rees', 'David Wilcox'], []);

  // the revised constitution, in place from 13 September 2023: 17 places, 7 for a quorum
  await postForm(`${forum}/edit`, {
    quorumMinimum: '7',
    membershipCap: '17',
    ...dateFields('rulesFrom', '2023-09-13'),
  });
  await postForm(`${forum}/seats/${seatId.Members}/edit`, {
    capacity: '15',
    ...dateFields('placesFrom', '2023-09-13'),
  });

  await register('2023-09-14', ['Andrew Rees', 'Ian Travis', 'Chris Hollands'], ['David Bradshaw']);
});
after(() => test.close());

describe('Bromley Schools’ Forum, 13 July and 14 September 2023, from its minutes', () => {
  it('judges each meeting by the rule of its day, and calls neither quorate nor not from apologies', async () => {
    const quorumOf = async (date: string) =>
      textsOf((await editor.get(`${base}/meetings/${meetingOn[date]}`)).text, '.app-quorum')
        .join(' ')
        .replace(/\s+/g, ' ');
    assert.equal(
      await quorumOf('2023-07-13'),
      'Schools’ Forum: whether the meeting was quorate is not known, as the minutes record apologies only (8 voting members needed).',
    );
    assert.equal(
      await quorumOf('2023-09-14'),
      'Schools’ Forum: whether the meeting was quorate is not known, as the minutes record apologies only (7 voting members needed).',
    );
    // the rules and places of each day, as the body and its seats give them
    const rules = textsOf((await editor.get(forum)).text, '#rules tbody tr').map((row) =>
      row.replace(/\s+/g, ' '),
    );
    assert.ok(rules.includes('Quorum 13 September 2023 7 voting members present'), rules.join(' | '));
    assert.ok(rules.includes('Quorum The start 8 voting members present'), rules.join(' | '));
    // the members' seat: 17 places on 13 July, 15 from 13 September 2023, as stored with their dates
    const history = (
      await test.db.owner
        .selectFrom('seat_places')
        .select(['holds_from', 'places'])
        .where('seat_id', '=', seatId.Members!)
        .execute()
    ).map((row) => ({
      holdsFrom: row.holds_from === null ? null : String(row.holds_from),
      places: row.places,
    }));
    assert.deepEqual(
      ['2023-07-13', '2023-09-12', '2023-09-13', '2023-09-14'].map((date) => placesOn(history, date, 0)),
      [17, 17, 15, 15],
    );
    // the overview does not call either meeting inquorate
    const overview = pageText((await editor.get(base)).text);
    assert.doesNotMatch(overview, /was not quorate/);
  });

  it('records the election of 13 July 2023 and appoints the Chairman and Vice-Chairman from that day', async () => {
    const page = await editor.get(`${base}/meetings/${meetingOn['2023-07-13']}`);
    const rows = [1, 2].flatMap((n) =>
      textsOf(page.text, `#election-${n} tbody tr`).map((row) => row.replace(/\s+/g, ' ').trim()),
    );
    assert.deepEqual(rows, [
      'David Dilling Elected Andrew Ferguson Neil Miller',
      'Andrew Ferguson Elected David Dilling Neil Miller',
    ]);
    const holders = async (date: string) =>
      (await test.services.membership.seats(caller, forumId, date))
        .filter((seat) => seat.label !== 'Members')
        .map((seat) => [seat.label, seat.holders.map((holder) => [holder.personName, holder.startsOn])]);
    assert.deepEqual(await holders('2023-07-12'), [
      ['Chairman', []],
      ['Vice-Chairman', []],
    ]);
    assert.deepEqual(await holders('2023-07-13'), [
      ['Chairman', [['David Dilling', '2023-07-13']]],
      ['Vice-Chairman', [['Andrew Ferguson', '2023-07-13']]],
    ]);
  });

  it('keeps the members the minutes do not name as not recorded, never absent, in the appendix', async () => {
    const appendix = await test.services.attendance.appendix(caller, forumId, '2023-07-01', '2023-09-30');
    const figures = Object.fromEntries(
      appendix.members.map((row) => [
        row.name,
        [row.expected, row.attended, row.apologies, row.absent, row.notRecorded, row.rate],
      ]),
    );
    assert.deepEqual(figures, {
      'David Dilling': [2, 0, 0, 0, 2, null],
      'Andrew Ferguson': [2, 0, 0, 0, 2, null],
      'Neil Miller': [2, 0, 0, 0, 2, null],
      'Claire Bessa': [2, 0, 0, 0, 2, null],
      'Andrew Rees': [2, 0, 2, 0, 0, 0],
      'David Wilcox': [2, 0, 1, 0, 1, 0],
      'Ian Travis': [2, 0, 1, 0, 1, 0],
      'Chris Hollands': [1, 0, 1, 0, 0, 0],
    });
    // the officer's apologies are not a member's
    const september = pageText((await editor.get(`${base}/meetings/${meetingOn['2023-09-14']}`)).text);
    assert.match(september, /David Bradshaw/);
    assert.ok(!appendix.members.some((row) => row.name === 'David Bradshaw'));
  });
});
