import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  makePartnership,
  signedInAs,
  startTestApp,
  submit,
  type Agent,
  type TestApp,
  textsOf,
  pageText,
} from '../../../test/support/test-app.ts';
import { systemCaller, type Caller } from '../../platform/http/auth.ts';
import { addPeople } from '../../../test/support/meetings.ts';

const item = (number: number, title: string, exempt = false) => ({
  number,
  title,
  purpose: 'decision' as const,
  presenter: null,
  exempt,
  exemptParagraph: exempt ? 3 : null,
  exemptReason: exempt ? 'Commercially sensitive' : null,
});

describe('declarations of interest at a meeting', () => {
  let test: TestApp;
  let caller: Caller;
  let partnershipId: string;
  let editor: Agent;
  let member: Agent;
  let viewer: { agent: Agent; token: string };
  const people: Record<string, string> = {};
  const meetings: Record<string, string> = {};
  const items: Record<string, string> = {};
  const interests: Record<string, string> = {};
  const path = (meeting: string, under = '') => `/partnerships/trust/meetings/${meetings[meeting]}${under}`;
  const declare = (agent: Agent, meeting: string, fields: Record<string, string>) =>
    submit(agent, path(meeting, '/declarations/new'), {
      kind: 'disclosable-pecuniary',
      participation: 'left-room',
      nature: 'A director of a provider bidding for the contract',
      ...fields,
    });
  const rows = () =>
    test.db.owner
      .selectFrom('interest_declarations')
      .select([
        'person_id as personId',
        'agenda_item_id as itemId',
        'kind',
        'nature',
        'interest_id as interestId',
      ])
      .orderBy('created_at')
      .execute();
  const audits = async () =>
    (
      await test.db.owner
        .selectFrom('audit_events')
        .select('summary')
        .where('entity_type', '=', 'interest-declaration')
        .orderBy('occurred_at')
        .execute()
    ).map((row) => row.summary);

  before(async () => {
    test = await startTestApp();
    partnershipId = (await makePartnership(test.services, 'trust')).id;
    caller = systemCaller('test', partnershipId);
    editor = (await signedInAs(test, partnershipId, 'editor')).agent;
    const signed = await signedInAs(test, partnershipId, 'member');
    member = signed.agent;
    const viewing = await signedInAs(test, partnershipId, 'viewer');
    viewer = {
      agent: viewing.agent,
      token: (await test.services.tokens.create(systemCaller('test'), viewing.user.id, 'declarations')).token,
    };
    const board = await test.services.bodies.create(caller, {
      slug: 'executive-board',
      name: 'Executive Board',
      kind: 'executive-board',
      takesDecisions: true,
      status: 'established',
      statusOn: '2007',
    });
    Object.assign(
      people,
      await addPeople(test.services, caller, [
        ['anne', 'Anne Director', signed.user.email],
        ['bill', 'Bill Commissioner', null],
        ['erin', 'Erin Officer', null],
        ['frank', 'Frank Outsider', null],
      ] as const),
    );
    for (const key of ['anne', 'bill'] as const) {
      const seatId = await test.services.membership.addSeat(caller, board.id, {
        label: `Seat of ${key}`,
        role: 'member',
        voting: true,
        howFilled: 'ex-officio',
        organisationId: null,
        capacity: 1,
      });
      await test.services.membership.appoint(caller, {
        seatId,
        personId: people[key]!,
        startsOn: '2008-01-01',
      });
    }
    for (const [key, date, state] of [
      ['held', '2009-01-21', 'held'],
      ['future', '2099-01-21', 'scheduled'],
    ] as const) {
      meetings[key] = await test.services.meetings.create(caller, {
        title: 'Executive Board',
        kind: 'board-meeting',
        bodyIds: [board.id],
        date,
        startTime: '10:00',
        state,
      });
      items[`${key}-1`] = await test.services.agenda.addItem(
        caller,
        meetings[key]!,
        item(1, 'Commissioning plan'),
      );
      items[`${key}-2`] = await test.services.agenda.addItem(
        caller,
        meetings[key]!,
        item(2, 'Award of the secret contract', true),
      );
    }
    await test.services.attendance.record(caller, meetings.held!, {
      members: [],
      inAttendance: [people.erin!],
    });
    interests.anne = await test.services.membership.declareInterest(caller, {
      personId: people.anne!,
      description: 'Director, Kids First Ltd',
      declaredOn: '2008-02-01',
    });
    interests.bill = await test.services.membership.declareInterest(caller, {
      personId: people.bill!,
      description: 'Trustee, Bill’s Charity',
      declaredOn: '2008-02-01',
    });
  });
  after(() => test.close());

  it('lets a member declare their own interest before the meeting, shown under the item', async () => {
    const before = await member.get(path('future'));
    assert.deepEqual(
      textsOf(before.text, '#item-1 a').filter((text) => text.startsWith('Declare')),
      ['Declare an interest in item 1'],
    );
    const viewed = await viewer.agent.get(path('future'));
    assert.ok(!viewed.text.includes('/declarations/new'), 'a viewer is not offered the form');
    const form = await member.get(path('future', `/declarations/new?item=${items['future-1']}`));
    assert.equal(form.status, 200);
    assert.deepEqual(textsOf(form.text, '#personId option').slice(1), ['Anne Director']);
    assert.deepEqual(textsOf(form.text, '#interestId option'), [
      'None',
      'Anne Director: Director, Kids First Ltd',
    ]);
    const sent = await declare(member, 'future', {
      personId: people.anne!,
      agendaItemId: items['future-1']!,
      interestId: interests.anne!,
      participation: 'did-not-vote',
    });
    assert.equal(sent.status, 303);
    const page = await member.get(path('future'));
    const shown = textsOf(page.text, '#declarations-1 li')[0]!.replace(/\s+/g, ' ');
    assert.match(
      shown,
      /Anne Director: disclosable pecuniary interest\. A director of a provider bidding for the contract \(Register of interests: Director, Kids First Ltd\)\. Stayed but did not vote\./,
    );
    assert.deepEqual(await audits(), [
      'Anne Director declared disclosable pecuniary interest in item 1 of Executive Board on 21 January 2099',
    ]);
  });

  it('refuses a member declaring for someone else, or after the meeting, writing nothing', async () => {
    const before = await rows();
    const forBill = await declare(member, 'future', {
      personId: people.bill!,
      agendaItemId: items['future-1']!,
    });
    assert.equal(forBill.status, 400);
    assert.match(forBill.text, /You can declare only your own interests/);
    const late = await declare(member, 'held', { personId: people.anne!, agendaItemId: items['held-1']! });
    assert.equal(late.status, 400);
    assert.match(late.text, /The meeting has already started: ask the clerk/);
    assert.deepEqual(await rows(), before);
    assert.equal((await viewer.agent.get(path('future', '/declarations/new'))).status, 403);
  });

  it('lets the clerk record anyone on the register or in attendance at the meeting', async () => {
    const form = await editor.get(path('held', '/declarations/new'));
    assert.deepEqual(textsOf(form.text, '#personId option').slice(1), [
      'Anne Director',
      'Bill Commissioner',
      'Erin Officer',
    ]);
    const erin = await declare(editor, 'held', {
      personId: people.erin!,
      agendaItemId: items['held-1']!,
      kind: 'non-registrable',
      nature: 'Her sister runs a children’s centre',
      participation: 'took-part',
    });
    assert.equal(erin.status, 303);
    const bill = await declare(editor, 'held', {
      personId: people.bill!,
      agendaItemId: items['held-2']!,
      kind: 'other-registrable',
      nature: 'Trustee of a charity bidding for the secret contract',
      interestId: interests.bill!,
    });
    assert.equal(bill.status, 303);
    const page = await editor.get(path('held'));
    assert.match(
      textsOf(page.text, '#declarations-1')[0]!,
      /Erin Officer: non-registrable \(personal\) interest/,
    );
    assert.match(
      textsOf(page.text, '#declarations-2')[0]!,
      /Bill Commissioner: other registrable interest.*Left the room/s,
    );
  });

  it('refuses a person not on the register, an item of another meeting and an empty nature, writing nothing', async () => {
    const before = await rows();
    const auditsBefore = await audits();
    const outsider = await declare(editor, 'held', {
      personId: people.frank!,
      agendaItemId: items['held-1']!,
    });
    assert.equal(outsider.status, 400);
    assert.match(
      textsOf(outsider.text, '.govuk-error-summary li').join(' '),
      /Select someone on this meeting’s attendance register or in attendance/,
    );
    const elsewhere = await declare(editor, 'held', {
      personId: people.anne!,
      agendaItemId: items['future-1']!,
    });
    assert.equal(elsewhere.status, 400);
    assert.match(pageText(elsewhere.text), /Select an item on this meeting’s agenda/);
    const empty = await declare(editor, 'held', {
      personId: people.anne!,
      agendaItemId: items['held-1']!,
      nature: '   ',
    });
    assert.equal(empty.status, 400);
    assert.match(
      textsOf(empty.text, '.govuk-error-summary li').join(' '),
      /Enter the nature of the interest/,
    );
    const othersEntry = await declare(editor, 'held', {
      personId: people.anne!,
      agendaItemId: items['held-1']!,
      interestId: interests.bill!,
    });
    assert.equal(othersEntry.status, 400);
    assert.match(
      pageText(othersEntry.text),
      /Select an entry of Anne Director’s register of interests, or none/,
    );
    assert.deepEqual(await rows(), before);
    assert.deepEqual(await audits(), auditsBefore);
  });

  it('never shows a viewer a declaration on an exempt item, in the page or the API', async () => {
    const page = await viewer.agent.get(path('held'));
    assert.equal(page.status, 200);
    assert.match(textsOf(page.text, '#declarations-1')[0]!, /Erin Officer/);
    assert.equal(textsOf(page.text, '#declarations-2').length, 0);
    for (const secret of ['Bill Commissioner: other', 'secret contract', 'Bill’s Charity'])
      assert.ok(!page.text.includes(secret), `${secret} on the viewer's page`);
    const api = await test
      .request()
      .get(`/api/v1/partnerships/trust/meetings/${meetings.held}`)
      .set('Authorization', `Bearer ${viewer.token}`);
    assert.equal(api.status, 200);
    assert.deepEqual(api.body.agenda[0].declarations, [
      {
        person: 'Erin Officer',
        kind: 'non-registrable',
        nature: 'Her sister runs a children’s centre',
        participation: 'took-part',
        registerEntry: null,
      },
    ]);
    assert.equal(api.body.agenda[1].withheld, true);
    assert.equal(api.body.agenda[1].declarations, undefined);
    for (const secret of ['secret contract', 'Bill’s Charity', 'Trustee'])
      assert.ok(!api.text.includes(secret), `${secret} in the viewer's API answer`);
    const asViewer = await test.services.declarations.ofMeeting(
      { ...caller, platformAdmin: false, role: 'viewer' },
      meetings.held!,
    );
    assert.deepEqual(
      asViewer.map((d) => d.name),
      ['Erin Officer'],
    );
    const asMember = await test.services.declarations.ofMeeting(
      { ...caller, platformAdmin: false, role: 'member' },
      meetings.held!,
    );
    assert.deepEqual(
      asMember.map((d) => d.name),
      ['Erin Officer', 'Bill Commissioner'],
    );
  });

  it('lets the clerk withdraw a declaration made in error, and a member only their own before the meeting', async () => {
    const [mine] = await test.services.declarations.ofMeeting(caller, meetings.future!);
    const [erins] = await test.services.declarations.ofMeeting(caller, meetings.held!);
    const refused = await submit(
      member,
      path('held', `/declarations/${erins!.id}/remove`),
      {},
      path('future'),
    );
    assert.equal(refused.status, 400);
    assert.match(refused.text, /The meeting has already started/);
    const withdrawn = await submit(
      member,
      path('future', `/declarations/${mine!.id}/remove`),
      {},
      path('future'),
    );
    assert.equal(withdrawn.status, 303);
    assert.deepEqual(await test.services.declarations.ofMeeting(caller, meetings.future!), []);
    const byClerk = await submit(editor, path('held', `/declarations/${erins!.id}/remove`), {}, path('held'));
    assert.equal(byClerk.status, 303);
    assert.deepEqual(
      (await test.services.declarations.ofMeeting(caller, meetings.held!)).map((d) => d.name),
      ['Bill Commissioner'],
    );
    assert.match((await audits()).at(-1)!, /Withdrew Erin Officer’s declaration/);
  });

  it('refuses a member withdrawing their own declaration once the meeting is cancelled', async () => {
    const sent = await declare(member, 'future', {
      personId: people.anne!,
      agendaItemId: items['future-1']!,
    });
    assert.equal(sent.status, 303);
    const offered = await member.get(path('future'));
    assert.ok(textsOf(offered.text, '#declarations-1 a').some((text) => text.startsWith('Withdraw')));
    await test.db.owner
      .updateTable('meetings')
      .set({ state: 'cancelled' })
      .where('id', '=', meetings.future!)
      .execute();
    const page = await member.get(path('future'));
    assert.ok(!textsOf(page.text, '#declarations-1 a').some((text) => text.startsWith('Withdraw')));
    const [mine] = await test.services.declarations.ofMeeting(caller, meetings.future!);
    const refused = await submit(
      member,
      path('future', `/declarations/${mine!.id}/remove`),
      {},
      path('future'),
    );
    assert.equal(refused.status, 400);
    assert.match(refused.text, /The meeting was cancelled: ask the clerk/);
    assert.equal((await test.services.declarations.ofMeeting(caller, meetings.future!)).length, 1);
  });
});
