// Nominations and elections (issue 24, item 3; ADR 0037), on one test app, through the forms:
// a seat recommended rather than constituted (counted apart in compliance), a nomination awaited
// and candidates named on a seat; an election at a meeting by votes and one by acclamation, each
// appointing the person elected from the meeting's date, shown on the meeting page, the seats
// page and in the API; and every refusal, each answered 400 with the answers kept and nothing
// recorded.
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
  errorSummaryOf,
  addPeople,
  type Agent,
  type TestApp,
} from '../../../test/support/test-app.ts';
import { systemCaller, type Caller } from '../../platform/http/auth.ts';

let test: TestApp;
let caller: Caller;
let editor: Agent;
let token: string;
let boardId: string;
let otherBodySeat: string;
const base = '/partnerships/elect';
const people: Record<string, string> = {};
const seat: Record<string, string> = {};
const meeting: Record<string, string> = {};

const api = (path: string) =>
  test.request().get(`/api/v1${base}${path}`).set('Authorization', `Bearer ${token}`);
const electionsAt = async (key: string) => test.services.elections.ofMeeting(caller, meeting[key]!);
const holdersOf = async (seatKey: string, on: string) =>
  (await test.services.membership.seats(caller, boardId, on))
    .find((s) => s.id === seat[seatKey])!
    .holders.map((holder) => holder.personName);
const electionPath = (key: string) => `${base}/meetings/${meeting[key]}/elections/new`;

before(async () => {
  test = await startTestApp();
  const partnership = await makePartnership(test.services, 'elect');
  caller = systemCaller('test', partnership.id);
  const signed = await signedInAs(test, partnership.id, 'editor');
  editor = signed.agent;
  token = (await test.services.tokens.create(systemCaller('test'), signed.user.id, 'elections')).token;
  const board = await test.services.bodies.create(caller, {
    slug: 'trust-board',
    name: 'Trust Board',
    kind: 'board',
    takesDecisions: true,
    status: 'established',
    statusOn: '2008',
  });
  boardId = board.id;
  const group = await test.services.bodies.create(caller, {
    slug: 'group',
    name: 'Sub-group',
    kind: 'sub-group',
    takesDecisions: false,
    status: 'established',
    statusOn: '2008',
  });
  Object.assign(
    people,
    await addPeople(test.services, caller, {
      ann: 'Ann Chair',
      bill: 'Bill Member',
      cath: 'Cath Member',
      dan: 'Dan Member',
      eve: 'Eve Parent',
    }),
  );
  const addSeat = (bodyId: string, label: string, capacity = 1) =>
    test.services.membership.addSeat(caller, bodyId, {
      label,
      role: label === 'Chair' ? 'chair' : 'member',
      voting: true,
      howFilled: 'elected',
      capacity,
    });
  seat.chair = await addSeat(board.id, 'Chair');
  seat.vice = await addSeat(board.id, 'Vice-chair');
  seat.parents = await addSeat(board.id, 'Parent representatives', 2);
  otherBodySeat = await addSeat(group.id, 'Sub-group lead');
  await test.services.membership.appoint(caller, {
    seatId: seat.chair,
    personId: people.ann!,
    startsOn: '2008-01-01',
  });
  await test.services.membership.appoint(caller, {
    seatId: seat.parents,
    personId: people.eve!,
    startsOn: '2008-01-01',
  });
  const create = (date: string, state: 'held' | 'scheduled' | 'cancelled') =>
    test.services.meetings.create(caller, {
      title: 'Trust Board',
      kind: 'board-meeting',
      bodyIds: [board.id],
      date,
      startTime: '10:00',
      state,
    });
  meeting.june = await create('2009-06-15', 'held');
  meeting.sept = await create('2009-09-14', 'held');
  meeting.cancelled = await create('2009-10-12', 'cancelled');
  meeting.future = await create('2099-01-12', 'scheduled');
});
after(() => test.close());

describe('seats: recommended, a nomination awaited, candidates named', () => {
  it('records them through the seat form and shows them on the seats page and in the API', async () => {
    const form = `${base}/bodies/trust-board/seats/new`;
    const refused = await submit(editor, form, {
      label: 'A GP should become a member',
      role: 'member',
      voting: 'yes',
      howFilled: 'nominated',
      capacity: '1',
      recommended: 'yes',
      ...dateFields('nominationDue', '2009-09-30'),
    });
    assert.equal(refused.status, 400);
    assert.match(
      errorSummaryOf(refused.text),
      /Enter who is to nominate, or leave the date the nomination is due by blank/,
    );
    assert.match(refused.text, /value="A GP should become a member"/);
    assert.equal((await test.services.membership.seats(caller, boardId, '2009-06-15')).length, 3);

    const added = await submit(editor, form, {
      label: 'A GP should become a member',
      role: 'member',
      voting: 'yes',
      howFilled: 'nominated',
      capacity: '1',
      recommended: 'yes',
    });
    assert.equal(added.status, 303);
    const pending = await submit(editor, form, {
      label: 'Primary Care Trust representative',
      role: 'member',
      voting: 'yes',
      howFilled: 'nominated',
      capacity: '1',
      category: 'primary-care-trust',
      nominationBy: 'Bolton Primary Care Trust',
      ...dateFields('nominationDue', '2009-09-30'),
      candidates: 'Edmunds or Thompson',
    });
    assert.equal(pending.status, 303);
    const seats = await test.services.membership.seats(caller, boardId, '2009-06-15');
    const gp = seats.find((s) => s.label === 'A GP should become a member')!;
    const pct = seats.find((s) => s.label === 'Primary Care Trust representative')!;
    seat.gp = gp.id;
    seat.pct = pct.id;
    assert.equal(gp.recommended, true);
    assert.deepEqual(
      [pct.recommended, pct.nominationBy, pct.nominationDue, pct.candidates],
      [false, 'Bolton Primary Care Trust', '2009-09-30', 'Edmunds or Thompson'],
    );

    const page = pageText((await editor.get(`${base}/bodies/trust-board/seats?at=2009-06-15`)).text);
    assert.match(page, /A GP should become a member\s+Recommended/);
    assert.match(page, /Recommended, not yet constituted: not counted in compliance/);
    assert.match(page, /Nomination awaited from Bolton Primary Care Trust by 30 September 2009/);
    assert.match(page, /Candidates: Edmunds or Thompson/);

    const edit = await editor.get(`${base}/bodies/trust-board/seats/${pct.id}/edit`);
    assert.match(edit.text, /value="Bolton Primary Care Trust"/);
    assert.match(edit.text, /id="nominationDue-day" name="nominationDue-day" type="text" value="30"/);

    const answer = await api('/bodies/trust-board/seats?at=2009-06-15');
    assert.equal(answer.status, 200);
    const items = answer.body.items as {
      label: string;
      recommended: boolean;
      nomination: unknown;
      candidates: string | null;
    }[];
    assert.deepEqual(
      items
        .filter((item) => item.recommended || item.nomination)
        .map((item) => [item.label, item.recommended, item.nomination, item.candidates]),
      [
        ['A GP should become a member', true, null, null],
        [
          'Primary Care Trust representative',
          false,
          { by: 'Bolton Primary Care Trust', due: '2009-09-30' },
          'Edmunds or Thompson',
        ],
      ],
    );
  });

  it('counts a recommended seat apart in compliance: it meets no rule, even when someone holds it', async () => {
    await test.services.membership.appoint(caller, {
      seatId: seat.gp!,
      personId: people.dan!,
      startsOn: '2009-01-01',
    });
    const evaluation = await test.services.compliance.evaluate(caller, { date: '2009-06-15' });
    assert.deepEqual(evaluation.recommended, [{ body: 'Trust Board', label: 'A GP should become a member' }]);
    const evidence = JSON.stringify(evaluation.results.map((result) => result.evidence));
    assert.ok(!evidence.includes('A GP should become a member'), 'no rule cites the recommended seat');
    const page = pageText((await editor.get(`${base}/compliance?at-day=15&at-month=6&at-year=2009`)).text);
    assert.match(
      page,
      /1 seat is recommended but not yet constituted, and counted for no rule:\s+A GP should become a member \(Trust Board\)/,
    );
  });
});

describe('elections at a meeting', () => {
  const vote = {
    office: 'Vice-chair',
    nominee1Person: '',
    nominee1ProposedBy: 'Ann Chair',
    nominee1SecondedBy: 'Dan Member',
    nominee1Votes: '9',
    nominee2Person: '',
    nominee2ProposedBy: 'Eve Parent',
    nominee2SecondedBy: '',
    nominee2Votes: '4',
    elected: '1',
  };

  it('records an election by votes: the winner is appointed from the meeting’s date, shown everywhere', async () => {
    const form = await editor.get(electionPath('june'));
    assert.equal(form.status, 200);
    assert.match(form.text, /Trust Board: Vice-chair/);
    assert.ok(!form.text.includes('Sub-group lead'), 'only the seats of the meeting’s bodies are offered');
    const done = await submit(editor, electionPath('june'), {
      ...vote,
      seatId: seat.vice!,
      nominee1Person: people.bill!,
      nominee2Person: people.cath!,
    });
    assert.equal(done.status, 303);
    assert.equal(done.headers.location, `${base}/meetings/${meeting.june}#elections`);
    assert.deepEqual(await holdersOf('vice', '2009-06-14'), []);
    assert.deepEqual(await holdersOf('vice', '2009-06-15'), ['Bill Member']);
    const [election] = await electionsAt('june');
    assert.equal(election!.result, 'Elected with 9 votes to 4');
    assert.ok(election!.membershipId);

    const page = await editor.get(`${base}/meetings/${meeting.june}`);
    const text = pageText(page.text);
    assert.match(text, /Vice-chair, Trust Board: Elected with 9 votes to 4: Bill Member/);
    assert.deepEqual(
      textsOf(page.text, '#election-1 tbody tr').map((row) => row.replace(/\s+/g, ' ')),
      ['Bill Member Elected Ann Chair Dan Member 9', 'Cath Member Eve Parent Not recorded 4'],
    );
    const seats = pageText((await editor.get(`${base}/bodies/trust-board/seats?at=2009-06-15`)).text);
    assert.match(
      seats,
      /Elected Vice-chair at Trust Board on 15 June 2009 \(proposed by Ann Chair, seconded by Dan Member\)/,
    );

    const answer = await api(`/meetings/${meeting.june}`);
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body.elections, [
      {
        id: election!.id,
        seat: seat.vice,
        seatLabel: 'Vice-chair',
        body: 'Trust Board',
        office: 'Vice-chair',
        byAcclamation: false,
        nominees: [
          { name: 'Bill Member', proposedBy: 'Ann Chair', secondedBy: 'Dan Member', votes: 9, elected: true },
          { name: 'Cath Member', proposedBy: 'Eve Parent', secondedBy: null, votes: 4, elected: false },
        ],
        elected: 'Bill Member',
        result: 'Elected with 9 votes to 4',
        membership: election!.membershipId,
      },
    ]);
  });

  it('records an election by acclamation, and one where nobody was elected', async () => {
    const done = await submit(editor, electionPath('sept'), {
      seatId: seat.parents!,
      office: 'Parent representative',
      nominee1Person: people.cath!,
      nominee1ProposedBy: 'Eve Parent',
      byAcclamation: 'yes',
      elected: '1',
    });
    assert.equal(done.status, 303);
    assert.deepEqual(await holdersOf('parents', '2009-09-14'), ['Eve Parent', 'Cath Member']);
    const none = await submit(editor, electionPath('sept'), {
      seatId: seat.pct!,
      nominee1Person: people.dan!,
      nominee1Votes: '3',
      nominee2Person: people.ann!,
      nominee2Votes: '3',
      elected: 'none',
      notes: 'A tie: the election was deferred to the next meeting',
    });
    assert.equal(none.status, 303);
    const [acclaimed, deferred] = await electionsAt('sept');
    assert.deepEqual(
      [acclaimed!.result, acclaimed!.electedName, deferred!.result, deferred!.membershipId],
      ['Elected by acclamation', 'Cath Member', 'Nobody was elected', null],
    );
    assert.deepEqual(await holdersOf('pct', '2009-09-14'), []);
    const text = pageText((await editor.get(`${base}/meetings/${meeting.sept}`)).text);
    assert.match(
      text,
      /Parent representative \(“Parent representatives”\), Trust Board: Elected by acclamation: Cath Member/,
    );
    assert.match(text, /Primary Care Trust representative, Trust Board: Nobody was elected/);
    assert.match(text, /A tie: the election was deferred to the next meeting/);
  });

  const refusals: [string, () => Record<string, string>, RegExp, string?][] = [
    [
      'a seat already full, naming its holders',
      () => ({ seatId: seat.chair!, nominee1Person: people.bill!, nominee1Votes: '5', elected: '1' }),
      /Bill Member cannot be appointed to “Chair” from 14 September 2009: .*Ann Chair/,
    ],
    [
      'a winner who already holds the seat',
      () => ({ seatId: seat.parents!, nominee1Person: people.eve!, byAcclamation: 'yes', elected: '1' }),
      /Eve Parent cannot be appointed to “Parent representatives” from 14 September 2009: Eve Parent already holds this seat/,
    ],
    [
      'by acclamation with two nominees',
      () => ({
        seatId: seat.vice!,
        nominee1Person: people.cath!,
        nominee2Person: people.dan!,
        byAcclamation: 'yes',
        elected: '1',
      }),
      /An election by acclamation has one nominee, and 2 are named/,
    ],
    [
      'by acclamation with votes',
      () => ({
        seatId: seat.pct!,
        nominee1Person: people.cath!,
        nominee1Votes: '6',
        byAcclamation: 'yes',
        elected: '1',
      }),
      /No votes are counted in an election by acclamation/,
    ],
    [
      'by acclamation with nobody elected',
      () => ({ seatId: seat.pct!, nominee1Person: people.cath!, byAcclamation: 'yes', elected: 'none' }),
      /By acclamation the nominee is elected: select them/,
    ],
    [
      'a vote without the votes for a nominee',
      () => ({
        seatId: seat.pct!,
        nominee1Person: people.cath!,
        nominee1Votes: '6',
        nominee2Person: people.dan!,
        elected: '1',
      }),
      /Enter the votes for Dan Member, or record the election as by acclamation/,
    ],
    [
      'a winner with fewer votes than another nominee',
      () => ({
        seatId: seat.pct!,
        nominee1Person: people.cath!,
        nominee1Votes: '2',
        nominee2Person: people.dan!,
        nominee2Votes: '7',
        elected: '1',
      }),
      /Cath Member had 2 votes, fewer than Dan Member \(7\): select the nominee with the most votes/,
    ],
    [
      'a winner who is not among the nominees named',
      () => ({ seatId: seat.pct!, nominee1Person: people.cath!, nominee1Votes: '2', elected: '2' }),
      /Nominee 2 is not named: select who was elected from the nominees named/,
    ],
    [
      'the same person named twice',
      () => ({
        seatId: seat.pct!,
        nominee1Person: people.cath!,
        nominee1Votes: '2',
        nominee2Person: people.cath!,
        nominee2Votes: '1',
        elected: '1',
      }),
      /Cath Member is named as a nominee more than once/,
    ],
    ['no nominee', () => ({ seatId: seat.pct!, elected: 'none' }), /Select the nominee/],
    [
      'a proposer with no nominee',
      () => ({
        seatId: seat.pct!,
        nominee1Person: people.cath!,
        nominee1Votes: '2',
        nominee2ProposedBy: 'Ann Chair',
        elected: '1',
      }),
      /Select nominee 2, or leave their proposer, seconder and votes blank/,
    ],
    [
      'nominees out of order',
      () => ({ seatId: seat.pct!, nominee2Person: people.cath!, nominee2Votes: '2', elected: '2' }),
      /Name the nominees in order: select nominee 1 before nominee 2/,
    ],
    [
      'no seat',
      () => ({ nominee1Person: people.cath!, byAcclamation: 'yes', elected: '1' }),
      /Select the seat the election was for/,
    ],
    [
      'a seat of another body',
      () => ({ seatId: otherBodySeat, nominee1Person: people.cath!, byAcclamation: 'yes', elected: '1' }),
      /Select a seat of Trust Board that exists on 14 September 2009/,
    ],
    [
      'a recommended seat',
      () => ({ seatId: seat.gp!, nominee1Person: people.cath!, byAcclamation: 'yes', elected: '1' }),
      /“A GP should become a member” is recommended, not constituted: nobody can be elected to it until it is/,
    ],
    [
      'votes that are not a number',
      () => ({ seatId: seat.pct!, nominee1Person: people.cath!, nominee1Votes: 'nine', elected: '1' }),
      /Votes must be a number, like 7/,
    ],
    [
      'no result',
      () => ({ seatId: seat.pct!, nominee1Person: people.cath!, nominee1Votes: '2' }),
      /Select who was elected, or that nobody was/,
    ],
    [
      'a cancelled meeting',
      () => ({ seatId: seat.pct!, nominee1Person: people.cath!, byAcclamation: 'yes', elected: '1' }),
      /The meeting was cancelled: no election was held at it/,
      'cancelled',
    ],
    [
      'a meeting that has not happened',
      () => ({ seatId: seat.pct!, nominee1Person: people.cath!, byAcclamation: 'yes', elected: '1' }),
      /The meeting has not happened yet: record the election after it/,
      'future',
    ],
  ];

  for (const [what, fields, message, at] of refusals)
    it(`refuses ${what}: 400, the answers kept, nothing recorded`, async () => {
      const key = at ?? 'sept';
      const before = (await electionsAt(key)).length;
      const held = await test.services.membership.memberships(caller, { bodyId: boardId });
      const answer = await submit(editor, electionPath(key), { office: 'Kept office', ...fields() });
      assert.equal(answer.status, 400, errorSummaryOf(answer.text));
      assert.match(errorSummaryOf(answer.text), message);
      assert.match(answer.text, /value="Kept office"/);
      assert.equal((await electionsAt(key)).length, before);
      assert.equal(
        (await test.services.membership.memberships(caller, { bodyId: boardId })).length,
        held.length,
      );
    });

  it('lets only an editor record an election', async () => {
    const viewer = (await signedInAs(test, (await test.services.partnerships.bySlug('elect'))!.id, 'viewer'))
      .agent;
    assert.equal((await viewer.get(electionPath('sept'))).status, 403);
    const page = await viewer.get(`${base}/meetings/${meeting.sept}`);
    assert.ok(!page.text.includes('Record an election'));
    assert.match(pageText(page.text), /Elected by acclamation: Cath Member/);
  });
});
