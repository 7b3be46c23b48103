// The partnership's overview says what needs doing (issue 23 item 2; ADR 0049): a partnership
// with one of each kind of thing due, built through the services with dates around today, lists
// each with a link to where it is done; a new partnership's first steps go as they are done; a
// scheduled meeting with no register is not called "not quorate".
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  $,
  makePartnership,
  signedInAs,
  startTestApp,
  type Agent,
  type TestApp,
} from '../test/support/test-app.ts';
import { systemCaller, type Caller } from './platform/http/auth.ts';
import { toDoList } from './overview.ts';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** The overview's "What needs doing": each heading with its items' texts and links. */
async function toDoOn(agent: Agent, slug: string) {
  const page = await agent.get(`/partnerships/${slug}`);
  assert.equal(page.status, 200);
  const doc = $(page.text);
  const groups: Record<string, { text: string; href: string }[]> = {};
  doc('#to-do h3').each((_, heading) => {
    groups[doc(heading).text().trim()] = doc(heading)
      .next('ul')
      .find('a')
      .map((_, a) => ({ text: doc(a).text().replace(/\s+/g, ' ').trim(), href: doc(a).attr('href')! }))
      .get();
  });
  return { groups, doc, text: page.text };
}

describe('The overview: what needs doing and the first steps', () => {
  let test: TestApp;

  before(async () => {
    test = await startTestApp();
  });
  after(() => test.close());

  it('lists every kind of thing due, each linking to where it is done', async () => {
    const { id } = await makePartnership(test.services, 'busy');
    const caller: Caller = systemCaller('test', id);
    const services = test.services;
    const board = await services.bodies.create(caller, {
      slug: 'board',
      name: 'Partnership Board',
      kind: 'board',
      takesDecisions: true,
      status: 'established',
      statusOn: '2005',
    });
    await services.bodies.update(caller, board.id, {
      slug: 'board',
      name: 'Partnership Board',
      kind: 'board',
      takesDecisions: true,
      quorumRule: { minimum: 2 },
    });
    const council = await services.membership.addOrganisation(caller, {
      name: 'Nottinghamshire County Council',
      sector: 'local-authority',
      category: 'local-authority',
      notes: null,
    });
    const anne = await services.membership.addPerson(caller, {
      name: 'Anne Gorton',
      jobTitle: null,
      email: null,
      phone: null,
      youngPerson: false,
      notes: null,
    });
    const seat = (label: string) =>
      services.membership.addSeat(caller, board.id, {
        label,
        role: 'member',
        voting: true,
        howFilled: 'appointed',
        organisationId: council,
        capacity: 1,
      });
    const held = await seat('Director of Children’s Services');
    await seat('Lead Member for Children’s Services'); // left vacant
    // Anne's term ends within 90 days
    const anneOnBoard = await services.membership.appoint(caller, {
      seatId: held,
      personId: anne,
      startsOn: day(-400),
      endsOn: day(30),
    });
    const meeting = async (offset: number, title: string, state: 'held' | 'scheduled') =>
      services.meetings.create(caller, {
        title,
        kind: 'board-meeting',
        bodyIds: [board.id],
        date: day(offset),
        startTime: '10:00',
        state,
      });
    const item = (meetingId: string, number: number, title: string, purpose: 'decision' | 'information') =>
      services.agenda.addItem(caller, meetingId, {
        number,
        title,
        purpose,
        presenter: null,
        exempt: false,
        exemptParagraph: null,
        exemptReason: null,
      });
    // two months ago: a register with Anne absent, so not quorate (one member, two needed)
    const inquorate = await meeting(-60, 'Board in the spring', 'held');
    await services.attendance.record(caller, inquorate, {
      members: [{ membershipId: anneOnBoard, status: 'absent' }],
      inAttendance: [],
    });
    // a month ago: draft minutes, no register, and an action now overdue
    const lastMonth = await meeting(-30, 'Board last month', 'held');
    const minuted = await item(lastMonth, 1, 'Children’s Trust arrangements', 'decision');
    await services.record.writeMinutes(caller, lastMonth, minuted, 'The board agreed the arrangements.');
    await services.record.raiseAction(caller, lastMonth, {
      agendaItemId: null,
      text: 'Circulate the revised terms of reference',
      ownerPersonId: anne,
      ownerOrganisationId: null,
      ownerToBeConfirmed: false,
      dueOn: day(-5),
    });
    // in ten days: one item with no paper for a decision, one for information (owes none)
    const next = await meeting(10, 'Board next', 'scheduled');
    await item(next, 1, 'Budget 2027-28', 'decision');
    await item(next, 2, 'Notes from the chair', 'information');
    // a plan action past its date
    const plan = await services.plans.create(caller, {
      slug: 'cypp',
      title: 'Children and Young People’s Plan',
      kind: "children and young people's plan",
      startsOn: day(-365),
      endsOn: day(365),
      vision: null,
      status: 'agreed',
      resourcing: null,
    });
    const outcomes = (await services.plans.bySlug(caller, 'cypp'))!.outcomes;
    const priority = await services.plans.addPriority(caller, plan.slug, {
      title: 'Fewer young people not in education, employment or training',
      ownerBodyId: board.id,
      outcomeIds: [outcomes[4]!.id],
      indicatorIds: [],
    });
    await services.plans.addAction(caller, plan.slug, priority, {
      text: 'Track every 16 to 18 year old',
      leadKind: 'body',
      leadId: board.id,
      partnerIds: [],
      dueOn: day(-3),
      status: 'in progress',
    });

    const { agent } = await signedInAs(test, id, 'editor');
    const { groups, doc } = await toDoOn(agent, 'busy');
    const base = '/partnerships/busy';
    assert.deepEqual(Object.keys(groups), [
      'Next meetings',
      'Papers missing for the next meeting',
      'Overdue actions',
      'Plan updates missing',
      'Draft minutes awaiting approval',
      'Meetings with no attendance recorded',
      'Meetings that were not quorate',
    ]);
    assert.equal(groups['Next meetings']!.length, 1);
    assert.match(groups['Next meetings']![0]!.text, /^Board next on \d+ \w+ \d{4} at 10am$/);
    assert.equal(groups['Next meetings']![0]!.href, `${base}/meetings/${next}`);
    assert.deepEqual(
      groups['Papers missing for the next meeting']!.map((t) => t.href),
      [`${base}/meetings/${next}#item-1`],
      'only the item for decision owes a paper',
    );
    assert.match(
      groups['Papers missing for the next meeting']![0]!.text,
      /Item 1, Budget 2027-28, of Board next/,
    );
    assert.match(
      groups['Overdue actions']![0]!.text,
      /Circulate the revised terms of reference \(Anne Gorton\), due/,
    );
    assert.match(groups['Overdue actions']![0]!.href, new RegExp(`^${base}/actions/[0-9a-f-]{36}/update$`));
    assert.match(
      groups['Plan updates missing']![0]!.text,
      /^Track every 16 to 18 year old \(Children’s and Young People’s Plan\): due .*, not completed$|^Track every 16 to 18 year old \(Children and Young People’s Plan\): due .*, not completed$/,
    );
    assert.match(groups['Plan updates missing']![0]!.href, new RegExp(`^${base}/plans/cypp/actions/`));
    assert.deepEqual(
      groups['Draft minutes awaiting approval']!.map((t) => t.href),
      [`${base}/meetings/${lastMonth}#minutes`],
    );
    assert.deepEqual(
      groups['Meetings with no attendance recorded']!.map((t) => t.href),
      [`${base}/meetings/${lastMonth}/attendance`],
    );
    assert.deepEqual(
      groups['Meetings that were not quorate']!.map((t) => t.href),
      [`${base}/meetings/${inquorate}#attendance`],
    );
    assert.match(
      groups['Meetings that were not quorate']![0]!.text,
      /Board in the spring on .* was not quorate for Partnership Board: 0 voting members present of the 2 needed/,
    );
    // the rules, the vacant seat and the term ending, as before
    const attention = doc('#attention').text().replace(/\s+/g, ' ');
    assert.match(attention, /statutory rules? not met today/);
    assert.match(attention, /1 vacant seat: Lead Member for Children’s Services \(Partnership Board\)/);
    assert.match(attention, /1 membership ends in the next 90 days/);
    assert.equal(doc('#first-steps').length, 0, 'a partnership under way has no first steps');
    // every link leads to a page the reader may open: a viewer's to the pages that show it
    for (const group of Object.values(groups))
      for (const { href } of group) assert.equal((await agent.get(href.split('#')[0]!)).status, 200, href);
    const viewer = (await signedInAs(test, id, 'viewer')).agent;
    const seen = await toDoOn(viewer, 'busy');
    assert.deepEqual(
      seen.groups['Overdue actions']!.map((t) => t.href),
      [`${base}/actions?status=open`],
    );
    assert.deepEqual(
      seen.groups['Meetings with no attendance recorded']!.map((t) => t.href),
      [`${base}/meetings/${lastMonth}#attendance`],
    );
    for (const group of Object.values(seen.groups))
      for (const { href } of group) assert.equal((await viewer.get(href.split('#')[0]!)).status, 200, href);

    // once the actions are done and the minutes approved, they leave the list
    const listed = await toDoList(test.services, caller, 'busy');
    assert.equal(listed.toDo.filter((t) => t.kind === 'overdue-action').length, 1);
    const [action] = (await services.record.actions(caller, { status: 'open' })).actions;
    await services.record.updateAction(caller, action!.id, { text: 'Circulated.', status: 'done' });
    const after = await toDoList(test.services, caller, 'busy');
    assert.equal(after.toDo.filter((t) => t.kind === 'overdue-action').length, 0);
  });

  it('a scheduled meeting with no register is not judged quorate or not', async () => {
    const { id } = await makePartnership(test.services, 'quorum');
    const caller = systemCaller('test', id);
    const board = await test.services.bodies.create(caller, {
      slug: 'board',
      name: 'Partnership Board',
      kind: 'board',
      takesDecisions: true,
      status: 'established',
      statusOn: '2005',
    });
    await test.services.bodies.update(caller, board.id, {
      slug: 'board',
      name: 'Partnership Board',
      kind: 'board',
      takesDecisions: true,
      quorumRule: { minimum: 3 },
    });
    const meetingId = await test.services.meetings.create(caller, {
      title: 'Partnership Board',
      kind: 'board-meeting',
      bodyIds: [board.id],
      date: day(20),
      startTime: '10:00',
      state: 'scheduled',
    });
    const { agent } = await signedInAs(test, id, 'viewer');
    const page = await agent.get(`/partnerships/quorum/meetings/${meetingId}`);
    const quorum = $(page.text)('.app-quorum').text().replace(/\s+/g, ' ');
    assert.doesNotMatch(quorum, /Not quorate|0 voting members present/);
    assert.match(
      quorum,
      /Partnership Board: whether the meeting is quorate is shown once the attendance is recorded \(3 voting members needed\)\./,
    );
    const { toDo } = await toDoList(test.services, caller, 'quorum');
    assert.deepEqual(
      toDo.map((t) => t.kind),
      ['next-meeting', 'papers-missing'],
      'a meeting to come owes no register and is not inquorate; its empty agenda is said',
    );
  });

  it('shows a new partnership its first steps until each is done, then no more', async () => {
    const { id } = await makePartnership(test.services, 'fresh');
    const caller = systemCaller('test', id);
    const { agent } = await signedInAs(test, id, 'admin');
    const steps = async () => {
      const page = await agent.get('/partnerships/fresh');
      assert.equal(page.status, 200);
      const doc = $(page.text);
      return doc('#first-steps li')
        .map(
          (_, li) =>
            `${doc(li).find('a').text().trim()}: ${doc(li).find('.govuk-task-list__status').text().trim()}`,
        )
        .get();
    };
    assert.deepEqual(await steps(), [
      'Add the board: To do',
      'Add the board’s seats: To do',
      'Appoint its members: To do',
      'Schedule the first meeting: To do',
    ]);
    const page = $((await agent.get('/partnerships/fresh')).text);
    assert.equal(page('#first-steps a').first().attr('href'), '/partnerships/fresh/bodies/new');
    assert.match(page('#to-do').text(), /No meetings are coming up/);
    const viewer = (await signedInAs(test, id, 'viewer')).agent;
    assert.equal(
      $((await viewer.get('/partnerships/fresh')).text)('#first-steps').length,
      0,
      'not for a viewer',
    );

    const board = await test.services.bodies.create(caller, {
      slug: 'board',
      name: 'Partnership Board',
      kind: 'board',
      takesDecisions: true,
      status: 'established',
      statusOn: '2009',
    });
    assert.deepEqual(await steps(), [
      'Add the board: Completed',
      'Add the board’s seats: To do',
      'Appoint its members: To do',
      'Schedule the first meeting: To do',
    ]);
    assert.equal(
      $((await agent.get('/partnerships/fresh')).text)('#first-steps a')
        .eq(1)
        .attr('href'),
      '/partnerships/fresh/bodies/board/seats/new',
    );
    const seatId = await test.services.membership.addSeat(caller, board.id, {
      label: 'Chair',
      role: 'chair',
      voting: true,
      howFilled: 'appointed',
      organisationId: null,
      capacity: 1,
    });
    const person = await test.services.membership.addPerson(caller, {
      name: 'Chris Chair',
      jobTitle: null,
      email: null,
      phone: null,
      youngPerson: false,
      notes: null,
    });
    await test.services.membership.appoint(caller, { seatId, personId: person, startsOn: '2009-04-01' });
    assert.deepEqual(await steps(), [
      'Add the board: Completed',
      'Add the board’s seats: Completed',
      'Appoint its members: Completed',
      'Schedule the first meeting: To do',
    ]);
    await test.services.meetings.create(caller, {
      title: 'Partnership Board',
      kind: 'board-meeting',
      bodyIds: [board.id],
      date: '2009-05-12',
      startTime: '14:00',
      state: 'held',
    });
    assert.deepEqual(await steps(), [], 'every step done: the list is gone');
  });
});
