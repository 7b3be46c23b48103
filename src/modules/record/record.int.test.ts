import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  csrfTokenIn,
  makePartnership,
  signedInAs,
  startTestApp,
  submit,
  type Agent,
  type TestApp,
  textsOf,
} from '../../../test/support/test-app.ts';
import { systemCaller, type Caller } from '../../platform/http/auth.ts';

describe('minutes, decisions and actions', () => {
  let test: TestApp;
  let caller: Caller;
  let partnershipId: string;
  let editor: Agent;
  let owner: Agent;
  const meeting: Record<string, string> = {};
  const item: Record<string, string> = {};
  let anne: string;
  let council: string;
  const url = (key: string, under = '') => `/partnerships/notts/meetings/${meeting[key]}${under}`;

  before(async () => {
    test = await startTestApp();
    partnershipId = (await makePartnership(test.services, 'notts')).id;
    caller = systemCaller('test', partnershipId);
    editor = (await signedInAs(test, partnershipId, 'editor')).agent;
    const member = await signedInAs(test, partnershipId, 'member');
    owner = member.agent;
    anne = await test.services.membership.addPerson(caller, {
      name: 'Anne Gorton',
      jobTitle: 'Strategy and Performance Manager',
      email: member.user.email,
      phone: null,
      youngPerson: false,
      notes: null,
    });
    council = await test.services.membership.addOrganisation(caller, {
      name: 'Nottinghamshire County Council',
      sector: 'local-authority',
      category: 'local-authority',
      notes: null,
    });
    const board = await test.services.bodies.create(caller, {
      slug: 'board',
      name: 'Partnership Board',
      kind: 'board',
      takesDecisions: true,
      status: 'established',
      statusOn: '2005',
    });
    for (const [key, date, state] of [
      ['january', '2009-01-21', 'held'],
      ['march', '2009-03-09', 'held'],
      ['future', '2099-01-21', 'scheduled'],
    ] as const) {
      meeting[key] = await test.services.meetings.create(caller, {
        title: 'Partnership Board',
        kind: 'board-meeting',
        bodyIds: [board.id],
        date,
        startTime: '10:00',
        state,
      });
      item[key] = await test.services.agenda.addItem(caller, meeting[key]!, {
        number: 5,
        title: 'Statutory guidance on Children’s Trusts',
        purpose: 'decision',
        presenter: null,
        exempt: false,
        exemptParagraph: null,
        exemptReason: null,
      });
    }
  });
  after(() => test.close());

  it('refuses minutes on a meeting that has not happened, and keeps draft minutes of one that has', async () => {
    const early = await submit(editor, url('future', `/agenda/${item.future}/minutes`), { text: 'Too soon' });
    assert.equal(early.status, 400);
    assert.match(textsOf(early.text, '.govuk-error-summary li')[0]!, /The meeting has not happened yet/);
    const saved = await submit(editor, url('january', `/agenda/${item.january}/minutes`), {
      text: 'The Board noted the new statutory guidance and agreed the recommendations.',
    });
    assert.equal(saved.status, 303);
    const page = await editor.get(url('january'));
    assert.match(textsOf(page.text, '#minutes-5')[0]!, /Draft\s+The Board noted the new statutory guidance/);
  });

  it('records a delegated decision and, later, its outcome', async () => {
    const decided = await submit(editor, url('january', `/agenda/${item.january}/decisions/new`), {
      text: 'Membership of the Board to be finalised',
      delegatedTo: 'the Director of Children’s Services in consultation with the Portfolio Holder',
    });
    assert.equal(decided.status, 303);
    const [decision] = (await test.services.record.ofMeeting(caller, meeting.january!)).decisions;
    let page = await editor.get(url('january'));
    assert.match(textsOf(page.text, '.app-decision')[0]!, /Outcome not yet recorded/);
    const outcome = await submit(editor, url('january', `/decisions/${decision!.id}/outcome`), {
      outcome: 'Membership finalised with 18 members',
      'outcomeOn-day': '1',
      'outcomeOn-month': '4',
      'outcomeOn-year': '2009',
    });
    assert.equal(outcome.status, 303);
    page = await editor.get(url('january'));
    assert.match(
      textsOf(page.text, '.app-decision')[0]!,
      /Outcome \(1 April 2009\): Membership finalised with 18 members/,
    );
    const plain = await test.services.record.addDecision(caller, meeting.january!, item.january!, {
      text: 'Noted',
      delegatedTo: null,
    });
    assert.equal((await editor.get(url('january', `/decisions/${plain}/outcome`))).status, 404);
  });

  it('approves the minutes at the next meeting, after which they do not change', async () => {
    const page = await editor.get(url('march'));
    const approved = await editor
      .post(url('march', '/minutes/approve'))
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text) });
    assert.equal(approved.status, 303);
    const january = await editor.get(url('january'));
    assert.match(textsOf(january.text, '#minutes-5')[0]!, /Approved 9 March 2009/);
    const change = await submit(editor, url('january', `/agenda/${item.january}/minutes`), {
      text: 'Rewritten',
    });
    assert.equal(change.status, 400);
    assert.match(change.text, /were approved on 9 March 2009: they can no longer change/);
    const again = await editor
      .post(url('march', '/minutes/approve'))
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text) });
    assert.equal(again.status, 400);
    assert.match(again.text, /has no draft minutes to approve/);
  });

  it('keeps an action log, carries open actions forward as matters arising and lists overdue ones per owner', async () => {
    const noOwner = await submit(editor, url('january', '/actions/new'), { text: 'Nobody’s job' });
    assert.equal(noOwner.status, 400);
    assert.match(noOwner.text, /Select who owns the action/);
    for (const [text, fields] of [
      [
        'Report the new guidance to Cabinet',
        { ownerPersonId: anne, 'dueOn-day': '1', 'dueOn-month': '3', 'dueOn-year': '2009' },
      ],
      [
        'Review the Board’s terms of reference',
        { ownerOrganisationId: council, 'dueOn-day': '1', 'dueOn-month': '1', 'dueOn-year': '2099' },
      ],
    ] as const)
      assert.equal(
        (
          await submit(editor, url('january', '/actions/new'), {
            text,
            agendaItemId: item.january!,
            ...fields,
          })
        ).status,
        303,
      );

    const march = await editor.get(url('march'));
    assert.deepEqual(
      textsOf(march.text, '#arising tbody tr td:first-child').map((text) =>
        text.split('Raised at')[0]!.trim(),
      ),
      ['Report the new guidance to Cabinet', 'Review the Board’s terms of reference'],
    );
    assert.match(textsOf(march.text, '#arising tbody tr')[0]!, /Overdue/, 'overdue on the meeting’s date');

    const log = await editor.get('/partnerships/notts/actions');
    assert.match(
      textsOf(log.text, '#overdue li')[0]!,
      /Anne Gorton: 1 overdue \(Report the new guidance to Cabinet/,
    );

    const [action] = (await test.services.record.actions(caller, { ownerId: anne })).actions;
    const done = await submit(owner, `/partnerships/notts/actions/${action!.id}/update`, {
      text: 'Reported to Cabinet on 4 March',
      status: 'done',
    });
    assert.equal(done.status, 303);
    const after = await editor.get(url('march'));
    assert.deepEqual(
      textsOf(after.text, '#arising tbody tr td:first-child').map((text) =>
        text.split('Raised at')[0]!.trim(),
      ),
      ['Review the Board’s terms of reference'],
    );
    const [organisationAction] = (await test.services.record.actions(caller, { ownerId: council })).actions;
    const notOwner = await submit(owner, `/partnerships/notts/actions/${organisationAction!.id}/update`, {
      text: 'Not mine',
      status: 'done',
    });
    assert.equal(notOwner.status, 403);
    const viewer = await signedInAs(test, partnershipId, 'viewer');
    assert.equal((await viewer.agent.get(`/partnerships/notts/actions/${action!.id}/update`)).status, 403);

    const { token } = await test.services.tokens.create(systemCaller('test'), viewer.user.id, 'actions');
    const api = await test
      .request()
      .get(`/api/v1/partnerships/notts/actions?status=open&owner=${council}`)
      .set('Authorization', `Bearer ${token}`);
    assert.deepEqual(
      api.body.items.map((a: { text: string; owner: { name: string } }) => [a.text, a.owner.name]),
      [['Review the Board’s terms of reference', 'Nottinghamshire County Council']],
    );
    const one = await test
      .request()
      .get(`/api/v1/partnerships/notts/meetings/${meeting.january}`)
      .set('Authorization', `Bearer ${token}`);
    assert.equal(one.body.minutes[0].status, 'approved');
    assert.equal(one.body.decisions[0].outcomeOn, '2009-04-01');
  });

  it('withholds the minutes, decisions and actions of an exempt item from a viewer', async () => {
    const exempt = await test.services.agenda.addItem(caller, meeting.january!, {
      number: 9,
      title: 'Contract award',
      purpose: 'decision',
      presenter: null,
      exempt: true,
      exemptParagraph: 3,
      exemptReason: null,
    });
    await test.services.record.addDecision(caller, meeting.january!, exempt, {
      text: 'Award the contract to Secret Provider Ltd',
      delegatedTo: null,
    });
    await test.services.record.raiseAction(caller, meeting.january!, {
      agendaItemId: exempt,
      text: 'Tell Secret Provider Ltd',
      ownerPersonId: anne,
      ownerOrganisationId: null,
      dueOn: null,
    });
    const viewer = await signedInAs(test, partnershipId, 'viewer');
    const { token } = await test.services.tokens.create(systemCaller('test'), viewer.user.id, 'exempt');
    for (const response of [
      await viewer.agent.get(url('january')),
      await viewer.agent.get(url('march')),
      await viewer.agent.get('/partnerships/notts/actions'),
      await test.request().get('/api/v1/partnerships/notts/actions').set('Authorization', `Bearer ${token}`),
      await test
        .request()
        .get(`/api/v1/partnerships/notts/meetings/${meeting.january}`)
        .set('Authorization', `Bearer ${token}`),
    ])
      assert.ok(!response.text.includes('Secret Provider'), 'an exempt decision or action shown to a viewer');
    assert.match((await editor.get(url('january'))).text, /Secret Provider Ltd/);
  });
});
