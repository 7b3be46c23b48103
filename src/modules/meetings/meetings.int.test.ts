import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ical, { type VEvent } from 'node-ical';
import {
  $,
  makePartnership,
  signedInAs,
  startTestApp,
  submit,
  type TestApp,
  textsOf,
} from '../../../test/support/test-app.ts';
import { systemCaller, type Caller } from '../../platform/http/auth.ts';

const events = (text: string) =>
  Object.values(ical.sync.parseICS(text)).filter((entry) => entry?.type === 'VEVENT') as VEvent[];
const urlOf = (value: unknown) =>
  typeof value === 'object' && value !== null && 'val' in value ? String(value.val) : String(value);

describe('meetings', () => {
  let test: TestApp;
  let caller: Caller;
  let partnershipId: string;
  const body: Record<string, string> = {};
  let otherBodyId: string;

  const form = (fields: Record<string, string | string[]>) => ({
    title: 'Partnership Board',
    kind: 'board-meeting',
    'date-day': '21',
    'date-month': '1',
    'date-year': '2009',
    startTime: '10:00',
    endTime: '12:30',
    place: 'County Hall',
    state: 'held',
    ...fields,
  });
  const count = async () => (await test.services.meetings.list(caller)).length;

  before(async () => {
    test = await startTestApp();
    partnershipId = (await makePartnership(test.services, 'notts')).id;
    caller = systemCaller('test', partnershipId);
    for (const [slug, name] of [
      ['board', 'Partnership Board'],
      ['ncsb', 'Nottinghamshire Safeguarding Children Board'],
      ['cseg', 'Children’s Services Executive Group'],
    ] as const) {
      body[slug] = (
        await test.services.bodies.create(caller, {
          slug,
          name,
          kind: 'board',
          takesDecisions: true,
          status: 'established',
          statusOn: '2005',
        })
      ).id;
    }
    await test.services.bodies.update(caller, body.board!, {
      slug: 'board',
      name: 'Partnership Board',
      kind: 'board',
      takesDecisions: true,
      cadenceRules: [
        { kind: 'board-meeting', perYear: 3 },
        { kind: 'deep-dive', perYear: 1 },
      ],
    });
    const other = await makePartnership(test.services, 'elsewhere');
    otherBodyId = (
      await test.services.bodies.create(systemCaller('test', other.id), {
        slug: 'their-board',
        name: 'Their Board',
        kind: 'board',
        takesDecisions: true,
        status: 'established',
        statusOn: '2005',
      })
    ).id;
  });
  after(() => test.close());

  it('adds a meeting through the form and shows it on its page, in London time', async () => {
    const { agent } = await signedInAs(test, partnershipId, 'editor');
    const response = await submit(agent, '/partnerships/notts/meetings/new', form({ bodyIds: body.board! }));
    assert.equal(response.status, 303);
    const page = await agent.get(response.headers.location!);
    assert.equal(page.status, 200);
    assert.equal(textsOf(page.text, 'h1')[0], 'Partnership Board');
    assert.match(page.text, /21 January 2009/);
    const [meeting] = await test.services.meetings.list(caller);
    assert.equal(meeting!.startsAt.toISOString(), '2009-01-21T10:00:00.000Z');
    assert.deepEqual(
      meeting!.bodies.map((b) => b.slug),
      ['board'],
    );
  });

  it('holds one joint meeting for three bodies, and refuses a joint meeting of one', async () => {
    const { agent } = await signedInAs(test, partnershipId, 'editor');
    const before = await count();
    const single = await submit(
      agent,
      '/partnerships/notts/meetings/new',
      form({ kind: 'joint-meeting', bodyIds: body.board!, 'date-day': '20', 'date-month': '3' }),
    );
    assert.equal(single.status, 400);
    assert.match(single.text, /Select two bodies or more for a joint meeting/);
    assert.equal(await count(), before);
    const joint = await submit(
      agent,
      '/partnerships/notts/meetings/new',
      form({
        title: 'Joint meeting of the Board, the NCSB and the CSEG',
        kind: 'joint-meeting',
        bodyIds: [body.board!, body.ncsb!, body.cseg!],
        'date-day': '20',
        'date-month': '3',
        state: 'scheduled',
      }),
    );
    assert.equal(joint.status, 303);
    for (const slug of ['board', 'ncsb', 'cseg']) {
      const page = await agent.get(`/partnerships/notts/bodies/${slug}/meetings`);
      assert.ok(
        textsOf(page.text, '#meetings th a').includes('Joint meeting of the Board, the NCSB and the CSEG'),
      );
    }
  });

  it('refuses a body of another partnership, bad times and missing answers, writing nothing', async () => {
    const { agent } = await signedInAs(test, partnershipId, 'editor');
    const before = await count();
    const foreign = await submit(
      agent,
      '/partnerships/notts/meetings/new',
      form({ kind: 'joint-meeting', bodyIds: [body.board!, otherBodyId] }),
    );
    assert.equal(foreign.status, 400);
    assert.match(foreign.text, /A meeting can only belong to bodies of this partnership/);
    const bad = await submit(
      agent,
      '/partnerships/notts/meetings/new',
      form({ startTime: '25:00', endTime: '09:00', title: '', onlineUrl: 'javascript:alert(1)' }),
    );
    assert.equal(bad.status, 400);
    const summary = textsOf(bad.text, '.govuk-error-summary li');
    assert.ok(summary.includes('Enter the meeting’s title'));
    assert.ok(summary.includes('The start time must be a real time, like 10am, 2:30pm or 14:30'));
    assert.ok(summary.includes('Select the body or bodies the meeting belongs to'));
    assert.ok(summary.includes('Enter the online link as a web address starting https://'));
    assert.equal($(bad.text)('#place').val(), 'County Hall', 'answers are kept');
    assert.equal(await count(), before);
  });

  it('lets a viewer read but not add or change meetings', async () => {
    const { agent } = await signedInAs(test, partnershipId, 'viewer');
    assert.equal((await agent.get('/partnerships/notts/meetings?from=2009-01-01')).status, 200);
    assert.equal((await agent.get('/partnerships/notts/meetings/new')).status, 403);
    const [meeting] = await test.services.meetings.list(caller);
    assert.equal((await agent.get(`/partnerships/notts/meetings/${meeting!.id}/edit`)).status, 403);
  });

  it('changes a meeting, keeping the change in the audit trail', async () => {
    const { agent } = await signedInAs(test, partnershipId, 'editor');
    const [meeting] = await test.services.meetings.list(caller);
    const path = `/partnerships/notts/meetings/${meeting!.id}/edit`;
    const edit = await agent.get(path);
    assert.equal($(edit.text)('#startTime').val(), '10am', 'the time as people write it');
    assert.equal($(edit.text)('#date-day').val(), '21');
    const saved = await submit(agent, path, form({ bodyIds: body.board!, startTime: '14:00', endTime: '' }));
    assert.equal(saved.status, 303);
    const changed = await test.services.meetings.get(caller, meeting!.id);
    assert.equal(changed.startsAt.toISOString(), '2009-01-21T14:00:00.000Z');
    assert.equal(changed.endsAt, null);
    const audit = await agent.get('/partnerships/notts/audit');
    assert.equal(audit.status, 403, 'an editor does not read the audit trail');
    const { agent: admin } = await signedInAs(test, partnershipId, 'admin');
    await test.services.agenda.addItem(caller, meeting!.id, {
      number: 1,
      title: 'Apologies',
      purpose: 'information',
      presenter: null,
      exempt: false,
      exemptParagraph: null,
      exemptReason: null,
    });
    const trail = (await admin.get('/partnerships/notts/audit')).text;
    assert.match(trail, /Changed the meeting Partnership Board/);
    // the records of the filter in words ("Agenda item", not "Agenda-item": issue 23)
    const records = $(trail)('#entityType option')
      .map((_, option) => $(trail)(option).text())
      .get();
    assert.ok(records.includes('Agenda item'), records.join(', '));
    assert.ok(!records.some((text) => text.includes('-')), records.join(', '));
  });

  it('lists the forward plan from today, and any period or body asked for', async () => {
    const { agent } = await signedInAs(test, partnershipId, 'viewer');
    await test.services.meetings.create(caller, {
      title: 'Future board',
      kind: 'board-meeting',
      bodyIds: [body.board!],
      date: '2099-05-01',
      startTime: '09:30',
      state: 'scheduled',
    });
    // by default, the latest held meetings and the next scheduled ones, the period shown (issue 15)
    const opened = await agent.get('/partnerships/notts/meetings');
    assert.ok(textsOf(opened.text, '#meetings th a').includes('Future board'));
    assert.match(textsOf(opened.text, '#recent-period')[0]!, /latest held meetings and the next scheduled/);
    const today = new Date().toISOString().slice(0, 10);
    const forward = await agent.get(`/partnerships/notts/meetings?from=${today}`);
    assert.deepEqual(textsOf(forward.text, '#meetings th a'), ['Future board']);
    assert.match(textsOf(forward.text, '#meetings caption')[0]!, /Forward plan/);
    const spring = await agent.get('/partnerships/notts/meetings?from=2009-03-01&to=2009-03-31&body=ncsb');
    assert.deepEqual(textsOf(spring.text, '#meetings th a'), [
      'Joint meeting of the Board, the NCSB and the CSEG',
    ]);
    const wrong = await agent.get('/partnerships/notts/meetings?from=yesterday');
    assert.match(wrong.text, /From must be a date in the form YYYY-MM-DD/);
  });

  it('lists each year that falls short of the body’s cadence rules', async () => {
    const { agent } = await signedInAs(test, partnershipId, 'viewer');
    await test.services.meetings.create(caller, {
      title: 'Cancelled board',
      kind: 'board-meeting',
      bodyIds: [body.board!],
      date: '2009-06-01',
      startTime: '10:00',
      state: 'cancelled',
    });
    const cadence = await test.services.meetings.cadence(caller, body.board!, { on: '2010-06-30' });
    assert.deepEqual(
      cadence.map((year) => [year.year, year.counts.map((c) => c.held), year.fallsShort]),
      [
        [2009, [2, 0], true],
        [2010, [0, 0], true],
      ],
    );
    const page = await agent.get('/partnerships/notts/bodies/board/meetings');
    assert.match(textsOf(page.text, '#cadence-warning')[0]!, /short of the cadence rules:\s+2009, 2010/);
    assert.ok(textsOf(page.text, '#cadence tbody th').includes('2009'));
    const none = await agent.get('/partnerships/notts/bodies/cseg/meetings');
    assert.match(none.text, /No cadence rules are recorded/);
  });

  it('gives each body’s meetings and the user’s own meetings as calendars a real parser reads', async () => {
    const { agent, user } = await signedInAs(test, partnershipId, 'member');
    const feed = await agent.get('/partnerships/notts/bodies/ncsb/meetings.ics');
    assert.equal(feed.status, 200);
    assert.match(feed.headers['content-type']!, /^text\/calendar/);
    const [joint] = events(feed.text);
    assert.equal(joint!.summary, 'Joint meeting of the Board, the NCSB and the CSEG');
    assert.equal(joint!.start.toISOString(), '2009-03-20T10:00:00.000Z');
    const meeting = (await test.services.meetings.list(caller, { bodyId: body.ncsb! }))[0]!;
    assert.match(urlOf(joint!.url), new RegExp(`/partnerships/notts/meetings/${meeting.id}$`));
    assert.equal((await agent.get(urlOf(joint!.url).replace(/^https?:\/\/[^/]+/, ''))).status, 200);

    assert.equal(events((await agent.get('/partnerships/notts/meetings/mine.ics')).text).length, 0);
    const personId = await test.services.membership.addPerson(caller, {
      name: 'Sam Member',
      jobTitle: null,
      email: user.email.toUpperCase(),
      phone: null,
      youngPerson: false,
      notes: null,
    });
    const seatId = await test.services.membership.addSeat(caller, body.ncsb!, {
      label: 'Member',
      role: 'member',
      voting: true,
      howFilled: 'appointed',
      capacity: 1,
    });
    await test.services.membership.appoint(caller, { seatId, personId, startsOn: '2009-01-01' });
    const mine = events((await agent.get('/partnerships/notts/meetings/mine.ics')).text);
    assert.deepEqual(
      mine.map((event) => event.summary),
      ['Joint meeting of the Board, the NCSB and the CSEG'],
    );
  });

  it('answers the API with meetings in a period and one meeting', async () => {
    const { user } = await signedInAs(test, partnershipId, 'viewer');
    const { token } = await test.services.tokens.create(systemCaller('test'), user.id, 'meetings');
    const get = (path: string) => test.request().get(path).set('Authorization', `Bearer ${token}`);
    const list = await get('/api/v1/partnerships/notts/meetings?from=2009-01-01&to=2009-12-31&body=board');
    assert.equal(list.status, 200);
    assert.deepEqual(
      list.body.items.map((m: { title: string }) => m.title),
      ['Partnership Board', 'Joint meeting of the Board, the NCSB and the CSEG', 'Cancelled board'],
    );
    const one = await get(`/api/v1/partnerships/notts/meetings/${list.body.items[1].id}`);
    assert.equal(one.body.kind, 'joint-meeting');
    assert.deepEqual(one.body.bodies.map((b: { slug: string }) => b.slug).sort(), ['board', 'cseg', 'ncsb']);
    assert.equal((await get('/api/v1/partnerships/notts/meetings?from=soon')).status, 400);
    assert.equal((await get('/api/v1/partnerships/notts/meetings?body=nobody')).status, 404);
  });
});
