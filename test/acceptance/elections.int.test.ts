// Elections as two real boards minuted them (issue 24, item 3; ADR 0037), entered through the
// forms a clerk uses (people, seats, the meeting, the election); the bodies themselves are made
// through the bodies service, as their structure is not what is tested here.
//
// 1. Child Care History Network (CCHN), "Minutes of the Inaugural General Meeting", 9.30am,
//    23 October 2008, Planned Environment Therapy Trust Archive and Study Centre, Toddington,
//    Gloucestershire (cchn.org.uk/about-us/past-meetings/15-2008-inaugural-general-meeting-minutes):
//    item 4, apologies from Anne Naylor, Tom Harrison, Jim Hyland, John Diamond, John Visser and
//    Gwen James; item 6, "Election of Honorary Officers": "6.1. Chair - David Lane; nominated by
//    Charles Sharpe and seconded by Cynthia Cross". No votes are minuted: entered as by
//    acclamation, with the proposer and seconder the minutes name.
// 2. Wrexham Children and Young People's Framework Partnership Board, 13 December 2006, 9.30am
//    (minutes taken by Katrina Chalk; published copy at docsbay.net, "distribution as above, cc
//    Andrew Figiel"): item 1, apologies from Terry Kellaher, Andrew Figiel and Cilla Robinson;
//    "Confirmation of Chair: It was agreed by the Partners that Terry Garner would act as Chair
//    and John Gallanders Vice Chair". Two elections by acclamation at one meeting, no proposer
//    or seconder minuted.
// The councils' codes are the test default: CCHN is a national network, and Wrexham a Welsh
// council outside the English reference data; the records entered are the sources'.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  dateFields,
  makePartnership,
  pageText,
  signedInAs,
  startTestApp,
  submit,
  textsOf,
  type Agent,
  type TestApp,
} from '../support/test-app.ts';
import { systemCaller, type Caller } from '../../src/platform/http/auth.ts';

let test: TestApp;
before(async () => {
  test = await startTestApp();
});
after(() => test.close());

/** A partnership, an editor signed in, and one body of it. */
async function board(slug: string, name: string, established: string) {
  const partnership = await makePartnership(test.services, slug);
  const caller = systemCaller('test', partnership.id);
  const editor = (await signedInAs(test, partnership.id, 'editor')).agent;
  await test.services.bodies.create(caller, {
    slug: 'board',
    name,
    kind: 'board',
    takesDecisions: true,
    status: 'established',
    statusOn: established,
  });
  return { caller, editor, base: `/partnerships/${slug}` };
}

/** Adds people through the people form; their ids by name. */
async function addPeople(editor: Agent, base: string, caller: Caller, names: string[]) {
  for (const name of names) assert.equal((await submit(editor, `${base}/people/new`, { name })).status, 303);
  const people = await test.services.membership.people(caller);
  return Object.fromEntries(people.map((person) => [person.name, person.id]));
}

async function addSeat(editor: Agent, base: string, label: string, role = 'member') {
  const added = await submit(editor, `${base}/bodies/board/seats/new`, {
    label,
    role,
    voting: 'yes',
    howFilled: 'elected',
    capacity: '1',
  });
  assert.equal(added.status, 303);
}

async function addMeeting(
  editor: Agent,
  base: string,
  title: string,
  date: string,
  time: string,
  boardId: string,
) {
  const created = await submit(editor, `${base}/meetings/new`, {
    title,
    kind: 'board-meeting',
    bodyIds: boardId,
    ...dateFields('date', date),
    startTime: time,
    state: 'held',
  });
  assert.equal(created.status, 303);
  return created.headers.location!.split('/').pop()!;
}

const seatIdOf = async (caller: Caller, label: string, on: string) => {
  const body = (await test.services.bodies.list(caller)).find((b) => b.slug === 'board')!;
  const seats = await test.services.membership.seats(caller, body.id, on);
  return { bodyId: body.id, seat: seats.find((s) => s.label === label)!, seats };
};

describe('Child Care History Network: the Chair elected at the inaugural general meeting, 23 October 2008', () => {
  it('records David Lane, nominated by Charles Sharpe and seconded by Cynthia Cross, as Chair from that day', async () => {
    const { caller, editor, base } = await board('cchn', 'Board of CCHN', '2008');
    const people = await addPeople(editor, base, caller, [
      'David Lane',
      'Charles Sharpe',
      'Cynthia Cross',
      'Rosemary Lilley',
    ]);
    await addSeat(editor, base, 'Chair', 'chair');
    const { bodyId, seat } = await seatIdOf(caller, 'Chair', '2008-10-23');
    const meetingId = await addMeeting(
      editor,
      base,
      'Inaugural General Meeting',
      '2008-10-23',
      '9.30am',
      bodyId,
    );

    const elected = await submit(editor, `${base}/meetings/${meetingId}/elections/new`, {
      seatId: seat.id,
      office: 'Chair',
      nominee1Person: people['David Lane']!,
      nominee1ProposedBy: 'Charles Sharpe',
      nominee1SecondedBy: 'Cynthia Cross',
      byAcclamation: 'yes',
      elected: '1',
      notes: 'Election of Honorary Officers (item 6.1)',
    });
    assert.equal(elected.status, 303);

    const page = await editor.get(`${base}/meetings/${meetingId}`);
    assert.match(pageText(page.text), /Chair, Board of CCHN: Elected by acclamation: David Lane/);
    assert.deepEqual(
      textsOf(page.text, '#election-1 tbody tr').map((row) => row.replace(/\s+/g, ' ')),
      ['David Lane Elected Charles Sharpe Cynthia Cross By acclamation'],
    );
    const before = (await seatIdOf(caller, 'Chair', '2008-10-22')).seat.holders;
    const after = (await seatIdOf(caller, 'Chair', '2008-10-23')).seat.holders;
    assert.deepEqual(before, []);
    assert.deepEqual(
      after.map((holder) => [holder.personName, holder.startsOn]),
      [['David Lane', '2008-10-23']],
    );
    const seatsPage = pageText((await editor.get(`${base}/bodies/board/seats?at=2008-10-23`)).text);
    assert.match(
      seatsPage,
      /Elected Chair at Inaugural General Meeting on 23 October 2008 \(proposed by Charles Sharpe, seconded by Cynthia Cross\)/,
    );

    // the one Chair's seat is held from that day: another election to it is refused, naming him
    const again = await submit(editor, `${base}/meetings/${meetingId}/elections/new`, {
      seatId: seat.id,
      nominee1Person: people['Rosemary Lilley']!,
      byAcclamation: 'yes',
      elected: '1',
    });
    assert.equal(again.status, 400);
    assert.match(pageText(again.text), /“Chair” is already held by David Lane then/);
  });
});

describe('Wrexham Children and Young People’s Framework Partnership Board, 13 December 2006', () => {
  it('confirms Terry Garner as Chair and John Gallanders as Vice Chair, agreed by the Partners', async () => {
    const { caller, editor, base } = await board('wrexham', 'Framework Partnership Board', '2006');
    const people = await addPeople(editor, base, caller, ['Terry Garner', 'John Gallanders']);
    await addSeat(editor, base, 'Chair', 'chair');
    await addSeat(editor, base, 'Vice Chair', 'vice-chair');
    const { bodyId, seats } = await seatIdOf(caller, 'Chair', '2006-12-13');
    const meetingId = await addMeeting(
      editor,
      base,
      'Framework Partnership Board',
      '2006-12-13',
      '9.30am',
      bodyId,
    );
    for (const [label, name] of [
      ['Chair', 'Terry Garner'],
      ['Vice Chair', 'John Gallanders'],
    ] as const) {
      const done = await submit(editor, `${base}/meetings/${meetingId}/elections/new`, {
        seatId: seats.find((s) => s.label === label)!.id,
        nominee1Person: people[name]!,
        byAcclamation: 'yes',
        elected: '1',
        notes: 'Confirmation of Chair: agreed by the Partners',
      });
      assert.equal(done.status, 303, pageText(done.text));
    }
    const text = pageText((await editor.get(`${base}/meetings/${meetingId}`)).text);
    assert.match(text, /Chair, Framework Partnership Board: Elected by acclamation: Terry Garner/);
    assert.match(text, /Vice Chair, Framework Partnership Board: Elected by acclamation: John Gallanders/);
    const held = await test.services.membership.seats(caller, bodyId, '2006-12-13');
    assert.deepEqual(
      held.map((s) => [s.label, s.holders.map((holder) => holder.personName)]),
      [
        ['Chair', ['Terry Garner']],
        ['Vice Chair', ['John Gallanders']],
      ],
    );
  });
});
