// Observers and note-takers, the university category and dates as sources give them (issue 24
// items 6 and 7, issue 15 item 7; ADR 0041), on one test app:
// 1. observers and note-takers at a meeting and on a body: not members, not counted for the
//    quorum, the appendix's members or compliance; shown apart on the register, the meeting page,
//    the API and the appendix; a member recorded as one is refused and nothing is written;
// 2. a seat of the university (higher education) category;
// 3. partial dates: a body established in a year, renamed in a month, terms adopted in a year, a
//    relationship from a year until a month (refused before: "Start date must include a day and
//    month"), each shown as written and stored with its precision; the refusals;
// 4. a meeting with no known start time: the date alone on its pages and an all-day event in
//    the body's calendar feed and the public site's.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ical, { type VEvent } from 'node-ical';
import {
  auditCount,
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
import { categoryInForce } from '../membership/statutory-categories.ts';
import { complianceRepository } from '../compliance/compliance.repository.ts';
import { formsIn } from '../../../test/support/forms.ts';

let test: TestApp;
let caller: Caller;
let partnershipId: string;
let editor: Agent;
let boardId: string;
const base = '/partnerships/roles-dates';
const people: Record<string, string> = {};
const membershipOf: Record<string, string> = {};
let observerSeat: string;
let meetingId: string;

/** Blank date input fields, as a browser posts a date input left empty. */
const blankDate = (name: string) => ({ [`${name}-day`]: '', [`${name}-month`]: '', [`${name}-year`]: '' });
const partialDate = (name: string, day: string, month: string, year: string) => ({
  [`${name}-day`]: day,
  [`${name}-month`]: month,
  [`${name}-year`]: year,
});

before(async () => {
  test = await startTestApp();
  partnershipId = (await makePartnership(test.services, 'roles-dates')).id;
  caller = systemCaller('test', partnershipId);
  editor = (await signedInAs(test, partnershipId, 'editor')).agent;
  const board = await test.services.bodies.create(caller, {
    slug: 'board',
    name: 'Children’s Trust Board',
    kind: 'board',
    takesDecisions: true,
    status: 'established',
    statusOn: '2008',
    // three quarters of the voting places: 2 of 2 members' places (3 if the observer counted)
    quorumRule: { fraction: 0.75 },
  });
  boardId = board.id;
  Object.assign(
    people,
    await addPeople(test.services, caller, {
      ann: 'Ann Chair',
      bill: 'Bill Member',
      olive: 'Olive Observer',
      nora: 'Nora Notes',
      uma: 'Uma University',
    }),
  );
  for (const key of ['ann', 'bill'] as const) {
    const seatId = await test.services.membership.addSeat(caller, boardId, {
      label: `Seat of ${key}`,
      role: 'member',
      voting: true,
      howFilled: 'appointed',
      capacity: 1,
    });
    membershipOf[key] = await test.services.membership.appoint(caller, {
      seatId,
      personId: people[key]!,
      startsOn: '2008-01-01',
    });
  }
  // an observer's seat on the body, voting left on by mistake and of a category: neither counts
  observerSeat = await test.services.membership.addSeat(caller, boardId, {
    label: 'Observer from the university',
    role: 'observer',
    voting: true,
    howFilled: 'nominated',
    capacity: 1,
    category: 'higher-education',
  });
  membershipOf.olive = await test.services.membership.appoint(caller, {
    seatId: observerSeat,
    personId: people.olive!,
    startsOn: '2008-01-01',
  });
  meetingId = await test.services.meetings.create(caller, {
    title: 'Children’s Trust Board',
    kind: 'board-meeting',
    bodyIds: [boardId],
    date: '2009-01-21',
    startTime: '10:00',
    state: 'held',
  });
});
after(() => test.close());

describe('observers and note-takers', () => {
  it('are not members: the register, the quorum and compliance leave them out', async () => {
    const { register } = await test.services.attendance.register(caller, meetingId);
    assert.deepEqual(
      register.rows.map((row) => row.member.personName),
      ['Ann Chair', 'Bill Member'],
      'the observer’s seat gives no row of members',
    );
    // two voting places, not three: the observer's seat is no voting place
    const seats = await test.db.transaction({ partnershipId, userId: null }, (trx) =>
      complianceRepository.seats(trx),
    );
    assert.ok(!seats.some((seat) => seat.id === observerSeat), 'compliance never sees an observer’s seat');
  });

  it('are recorded at a meeting apart from members, and never counted for the quorum', async () => {
    const path = `${base}/meetings/${meetingId}/attendance`;
    const form = await editor.get(path);
    assert.equal(form.status, 200);
    assert.match(
      pageText(form.text),
      /Observers and note-takers \(not members, not counted for the quorum\)/,
    );
    const ids = [...form.text.matchAll(/name="(members\.\d+)\.membershipId" value="([^"]+)"/g)];
    const fields: Record<string, string> = { scope: 'all' };
    for (const [, key, membershipId] of ids) {
      fields[`${key}.membershipId`] = membershipId!;
      fields[`${key}.status`] = membershipId === membershipOf.ann ? 'present' : 'absent';
    }

    // a member is recorded on their seat, never as an observer or the note-taker
    const before = await auditCount(test);
    const member = await submit(editor, path, { ...fields, observers: people.bill! });
    assert.equal(member.status, 400);
    assert.match(
      errorSummaryOf(member.text),
      /Bill Member holds a seat at this meeting \(Seat of bill\): record them on their seat, not as an observer/,
    );
    // one person is not both
    const both = await submit(editor, path, {
      ...fields,
      observers: people.nora!,
      noteTakers: people.nora!,
    });
    assert.equal(both.status, 400);
    assert.match(
      errorSummaryOf(both.text),
      /Nora Notes is recorded twice: as an observer and as the note-taker/,
    );
    assert.equal(await auditCount(test), before, 'nothing was written');
    assert.equal((await test.services.attendance.register(caller, meetingId)).register.scope, null);

    const saved = await submit(editor, path, {
      ...fields,
      observers: people.olive!,
      noteTakers: people.nora!,
    });
    assert.equal(saved.status, 303, errorSummaryOf(saved.text));

    const { register } = await test.services.attendance.register(caller, meetingId);
    assert.deepEqual(register.observers, [{ id: people.olive, name: 'Olive Observer' }]);
    assert.deepEqual(register.noteTakers, [{ id: people.nora, name: 'Nora Notes' }]);
    // one member present of the two needed: the observer and the note-taker are not counted, and
    // the observer's seat is no voting place (three quarters of 3 would need 3)
    assert.deepEqual(register.quorum[0]!.result, { met: false, required: 2, present: 1, missing: [] });

    const page = await editor.get(`${base}/meetings/${meetingId}`);
    assert.equal(textsOf(page.text, '#observers')[0], 'Observers (not members): Olive Observer.');
    assert.equal(textsOf(page.text, '#note-takers')[0], 'Notes taken by (not a member): Nora Notes.');
    assert.ok(
      !textsOf(page.text, '#register tbody th').some((name) => /Olive|Nora/.test(name)),
      'not among the members',
    );

    // the form shows what was recorded
    const again = await editor.get(path);
    assert.match(again.text, new RegExp(`name="observers" type="checkbox" value="${people.olive}" checked`));
  });

  it('are shown apart in the attendance appendix, the members’ figures unchanged', async () => {
    const appendix = await test.services.attendance.appendix(caller, boardId, '2009-01-01', '2009-12-31');
    assert.deepEqual(
      appendix.members.map((row) => [row.name, row.expected, row.attended, row.absent]),
      [
        ['Ann Chair', 1, 1, 0],
        ['Bill Member', 1, 0, 1],
      ],
    );
    assert.deepEqual(
      appendix.others.map((row) => [row.name, row.role, row.attended]),
      [
        ['Nora Notes', 'note-taker', 1],
        ['Olive Observer', 'observer', 1],
      ],
    );
    const html = await editor.get(`${base}/bodies/board/attendance?from=2009-01-01&to=2009-12-31`);
    assert.deepEqual(textsOf(html.text, '#observers-and-note-takers tbody th'), [
      'Nora Notes',
      'Olive Observer',
    ]);
    const api = await test.services.attendance.register(caller, meetingId);
    assert.equal(api.register.observers.length, 1);
  });

  it('shows the observer’s seat with its role, and the university category', async () => {
    const seats = await editor.get(`${base}/bodies/board/seats`);
    assert.equal(seats.status, 200);
    const text = pageText(seats.text);
    assert.match(text, /Observer from the university/);
    assert.match(text, /Observer/);
    assert.match(text, /University \(higher education\)/);
    assert.equal(categoryInForce('higher-education', '2009-01-21'), true);
    // a member's seat may be of the category, and is then counted for it
    const seatId = await test.services.membership.addSeat(caller, boardId, {
      label: 'University representative',
      role: 'member',
      voting: true,
      howFilled: 'nominated',
      capacity: 1,
      category: 'higher-education',
    });
    const read = await test.db.transaction({ partnershipId, userId: null }, (trx) =>
      complianceRepository.seats(trx),
    );
    assert.equal(read.find((seat) => seat.id === seatId)?.category, 'higher-education');
  });
});

describe('dates as sources give them', () => {
  it('shows a body established in a year as “since 2008”, not 1 January', async () => {
    const page = await editor.get(`${base}/bodies/board`);
    const text = pageText(page.text);
    assert.match(text, /Established since 2008/);
    assert.doesNotMatch(text, /1 January 2008/);
  });

  it('takes a rename in a month and terms adopted in a year, shown as written', async () => {
    const renamed = await submit(editor, `${base}/bodies/board/status`, {
      status: 'renamed',
      newName: 'Children and Young People’s Trust Board',
      ...partialDate('effectiveOn', '', '4', '2010'),
    });
    assert.equal(renamed.status, 303, errorSummaryOf(renamed.text));
    const terms = await submit(editor, `${base}/bodies/board/terms/new`, {
      title: 'Terms of reference',
      ...partialDate('adoptedOn', '', '', '2009'),
      adoptedBy: '',
      text: 'The board meets four times a year.',
    });
    assert.equal(terms.status, 303, errorSummaryOf(terms.text));
    const page = pageText((await editor.get(`${base}/bodies/board`)).text);
    assert.match(
      page,
      /April 2010: renamed from Children’s Trust Board to Children and Young People’s Trust Board/,
    );
    assert.match(page, /adopted 2009/);
    const rows = await test.db.owner
      .selectFrom('body_status_events')
      .select(['effective_on', 'precision'])
      .where('body_id', '=', boardId)
      .where('status', '=', 'renamed')
      .execute();
    assert.deepEqual(
      rows.map((row) => [String(row.effective_on), row.precision]),
      [['2010-04-01', 'month']],
    );
  });

  it('takes a relationship from a year until a month, and refuses what is no date', async () => {
    const other = await test.services.bodies.create(caller, {
      slug: 'lscb',
      name: 'Local Safeguarding Children Board',
      kind: 'board',
      takesDecisions: true,
      status: 'established',
      statusOn: '2006-04',
    });
    const path = `${base}/bodies/board/relationships/new`;
    const form = await editor.get(path);
    assert.match(
      pageText(form.text),
      /If the records give only the year, or the month and year, leave the rest blank/,
    );
    const before = await auditCount(test);
    const refusals: [Record<string, string>, RegExp][] = [
      [{ ...partialDate('startsOn', '', '4', ''), ...blankDate('endsOn') }, /Start date must include a year/],
      [
        { ...partialDate('startsOn', '3', '', '2009'), ...blankDate('endsOn') },
        /Start date must include a month/,
      ],
      [
        { ...partialDate('startsOn', '', '13', '2009'), ...blankDate('endsOn') },
        /Start date must be a real date/,
      ],
      [
        { ...partialDate('startsOn', '', '', '2010'), ...partialDate('endsOn', '', '12', '2009') },
        /End date must be the same as or after the start date/,
      ],
    ];
    for (const [dates, message] of refusals) {
      const refused = await submit(editor, path, {
        kind: 'informs',
        toBodyId: other.id,
        notes: '',
        ...dates,
      });
      assert.equal(refused.status, 400);
      assert.match(errorSummaryOf(refused.text), message);
    }
    assert.equal(await auditCount(test), before, 'nothing was written');

    const added = await submit(editor, path, {
      kind: 'informs',
      toBodyId: other.id,
      notes: '',
      ...partialDate('startsOn', '', '', '2009'),
      ...partialDate('endsOn', '', '3', '2013'),
    });
    assert.equal(added.status, 303, errorSummaryOf(added.text));
    const stored = await test.db.owner
      .selectFrom('body_relationships')
      .select(['starts_on', 'ends_on', 'starts_precision', 'ends_precision'])
      .where('from_body_id', '=', boardId)
      .executeTakeFirstOrThrow();
    // the start from its first day, the end to its last, each with its precision
    assert.deepEqual(
      [String(stored.starts_on), String(stored.ends_on), stored.starts_precision, stored.ends_precision],
      ['2009-01-01', '2013-03-31', 'year', 'month'],
    );
    const cells = textsOf((await editor.get(`${base}/bodies/board`)).text, 'table td');
    assert.ok(cells.includes('2009') && cells.includes('March 2013'), cells.join(' | '));
    // the structure of a day within the month the relationship ended still holds it
    const structure = await test.services.bodies.structure(caller, '2013-03-15');
    assert.equal(structure.relationships.length, 1);
    assert.equal((await test.services.bodies.structure(caller, '2013-04-01')).relationships.length, 0);
  });

  it('keeps a meeting whose start time is unknown by its date alone, an all-day event in the calendars', async () => {
    const path = `${base}/meetings/new`;
    const input = {
      title: 'Extraordinary meeting',
      kind: 'board-meeting',
      bodyIds: boardId,
      ...dateFields('date', '2009-07-14'),
      startTime: '',
      endTime: '',
      place: '',
      onlineUrl: '',
      state: 'held',
      notes: '',
    };
    const endOnly = await submit(editor, path, { ...input, endTime: '4pm' });
    assert.equal(endOnly.status, 400);
    assert.match(
      errorSummaryOf(endOnly.text),
      /Enter the start time, or leave the end time blank too if the minutes give neither/,
    );
    const created = await submit(editor, path, input);
    assert.equal(created.status, 303, errorSummaryOf(created.text));
    const id = /meetings\/([0-9a-f-]{36})/.exec(created.headers.location!)![1]!;
    const meeting = await test.services.meetings.get(caller, id);
    assert.equal(meeting.startTimeKnown, false);

    const page = await editor.get(`${base}/meetings/${id}`);
    const when = textsOf(page.text, '.govuk-summary-list__row')
      .find((row) => row.startsWith('When'))!
      .replace(/\s+/g, ' ');
    assert.equal(when, 'When 14 July 2009');
    const list = pageText((await editor.get(`${base}/meetings?from=2009-01-01&to=2009-12-31`)).text);
    assert.match(list, /14 July 2009/);
    assert.doesNotMatch(list, /14 July 2009 at midnight/);
    // the edit form leaves the start time blank, as entered
    const edit = await editor.get(`${base}/meetings/${id}/edit`);
    assert.match(
      edit.text,
      /id="startTime" name="startTime" type="text" value=""|id="startTime" name="startTime" type="text"(?! value)/,
    );

    const events = async (address: string) => {
      const response = await (address.startsWith('/public') ? test.request() : editor).get(address);
      assert.equal(response.status, 200, address);
      assert.match(response.text, /DTSTART;VALUE=DATE:20090714/);
      assert.match(response.text, /DTEND;VALUE=DATE:20090715/);
      return Object.values(ical.sync.parseICS(response.text)).filter((e) => e?.type === 'VEVENT') as VEvent[];
    };
    const own = (await events(`${base}/bodies/board/meetings.ics`)).find((e) => e.uid === `${id}@cooperate`)!;
    assert.equal(own.datetype, 'date', 'an all-day event');
    // a meeting with its time stays timed
    const timed = (await events(`${base}/bodies/board/meetings.ics`)).find(
      (e) => e.uid === `${meetingId}@cooperate`,
    )!;
    assert.equal(timed.datetype, 'date-time');
    assert.equal(timed.start.toISOString(), '2009-01-21T10:00:00.000Z');

    // the public site's feed, once the partnership publishes
    await test.services.partnerships.update(caller, partnershipId, {
      authorityGssCode: 'E08000027',
      name: 'Partnership roles-dates',
      slug: 'roles-dates',
      established: '2007',
      status: 'active',
      published: true,
    });
    const published = (await events('/public/roles-dates/bodies/board/meetings.ics')).find(
      (e) => e.uid === `${id}@cooperate`,
    )!;
    assert.equal(published.datetype, 'date');
    const publicPage = pageText((await test.request().get(`/public/roles-dates/meetings/${id}`)).text);
    assert.match(publicPage, /When\s*14 July 2009\s/);
  });
});

describe('the last gaps of the record as councils keep it (issue 24)', () => {
  it('takes a body’s own dates as a year or a month, stored with precision, shown as written', async () => {
    await test.services.bodies.create(caller, {
      slug: 'task-group',
      name: 'Transition Task Group',
      kind: 'task-and-finish-group',
      takesDecisions: false,
      status: 'established',
      statusOn: '2008',
    });
    const path = `${base}/bodies/task-group/edit`;
    const form = await editor.get(path);
    const [fields] = formsIn(form.text, path).map((found) => found.fields);
    const before = await auditCount(test);
    const refused = await submit(editor, path, {
      ...fields!,
      ...partialDate('startsOn', '', '', '2008'),
      ...partialDate('endsOn', '', '', '2007'),
    });
    assert.equal(refused.status, 400);
    assert.match(errorSummaryOf(refused.text), /End date must be the same as or after the start date/);
    assert.equal(await auditCount(test), before, 'nothing was written');

    const saved = await submit(editor, path, {
      ...fields!,
      ...partialDate('startsOn', '', '', '2008'),
      ...partialDate('endsOn', '', '3', '2010'),
    });
    assert.equal(saved.status, 303, errorSummaryOf(saved.text));
    const stored = await test.db.owner
      .selectFrom('bodies')
      .select(['starts_on', 'ends_on', 'starts_precision', 'ends_precision'])
      .where('slug', '=', 'task-group')
      .where('partnership_id', '=', partnershipId)
      .executeTakeFirstOrThrow();
    // the start from its first day, the end to its last, each with its precision
    assert.deepEqual(
      [String(stored.starts_on), String(stored.ends_on), stored.starts_precision, stored.ends_precision],
      ['2008-01-01', '2010-03-31', 'year', 'month'],
    );
    // the body page and the structure page as written, never "1 January 2008"
    const page = pageText((await editor.get(`${base}/bodies/task-group`)).text);
    assert.match(page, /Runs\s*from 2008 until March 2010/);
    assert.doesNotMatch(page, /1 January 2008|31 March 2010/);
    const structure = await editor.get(`${base}/structure?at=2009-06-01`);
    const row = textsOf(structure.text, '#bodies tbody tr').find((text) =>
      text.includes('Transition Task Group'),
    );
    assert.match(row!.replace(/\s+/g, ' '), /from 2008 until March 2010/);
    // the edit form gives them back as entered: the year alone, the month and year
    const again = formsIn((await editor.get(path)).text, path)[0]!.fields;
    assert.deepEqual(
      ['startsOn', 'endsOn'].map((name) => [
        again[`${name}-day`],
        again[`${name}-month`],
        again[`${name}-year`],
      ]),
      [
        ['', '', '2008'],
        ['', '3', '2010'],
      ],
    );
    // the API, as written
    const viewer = await signedInAs(test, partnershipId, 'viewer');
    const { token } = await test.services.tokens.create(systemCaller('test'), viewer.user.id, 'dates');
    const answer = await test
      .request()
      .get(`/api/v1${base}/bodies?at=2009-06-01`)
      .set('Authorization', `Bearer ${token}`);
    assert.equal(answer.status, 200);
    const item = (
      answer.body as { items: { slug: string; runsFrom: string; runsUntil: string }[] }
    ).items.find((entry) => entry.slug === 'task-group')!;
    assert.deepEqual([item.runsFrom, item.runsUntil], ['2008', '2010-03']);
    // the open data (Popolo) of the published partnership, as written
    const popolo = await test.request().get('/popolo/v1/roles-dates?on=2009-06-01');
    assert.equal(popolo.status, 200);
    const organisation = (
      popolo.body as { organizations: { name: string; founding_date?: string; dissolution_date?: string }[] }
    ).organizations.find((entry) => entry.name === 'Transition Task Group')!;
    assert.deepEqual([organisation.founding_date, organisation.dissolution_date], ['2008', '2010-03']);
  });

  it('corrects an appointment’s role to note-taker or observer from a date', async () => {
    const nina = await test.services.membership.addPerson(caller, {
      name: 'Nina Clerk',
      jobTitle: null,
      email: null,
      phone: null,
      youngPerson: false,
      notes: null,
    });
    const seatId = await test.services.membership.addSeat(caller, boardId, {
      label: 'Democratic services',
      role: 'in-attendance',
      voting: false,
      howFilled: 'appointed',
      capacity: 1,
    });
    const membershipId = await test.services.membership.appoint(caller, {
      seatId,
      personId: nina,
      startsOn: '2008-01-01',
    });
    const path = `${base}/bodies/board/memberships/${membershipId}/terms/new`;
    const form = await editor.get(path);
    assert.match(
      textsOf(form.text, '#role option').join(' | '),
      /Note-taker \| Observer|Observer \| Note-taker/,
    );
    for (const [role, year] of [
      ['note-taker', '2010'],
      ['observer', '2012'],
    ] as const) {
      const recorded = await submit(editor, path, {
        ...partialDate('holdsFrom', '1', '4', year),
        title: '',
        role,
      });
      assert.equal(recorded.status, 303, errorSummaryOf(recorded.text));
    }
    const stored = await test.db.owner
      .selectFrom('membership_terms')
      .select(['holds_from', 'role'])
      .where('membership_id', '=', membershipId)
      .orderBy('holds_from')
      .execute();
    assert.deepEqual(
      stored.map((row) => [String(row.holds_from), row.role]),
      [
        ['2010-04-01', 'note-taker'],
        ['2012-04-01', 'observer'],
      ],
    );
    const page = textsOf(
      (await editor.get(`${base}/bodies/board/memberships/${membershipId}`)).text,
      '#terms tbody tr',
    );
    assert.deepEqual(
      page.map((row) =>
        row
          .replace(/\s+/g, ' ')
          .replace(/ Remove.*$/, '')
          .trim(),
      ),
      ['1 April 2010 No change Note-taker', '1 April 2012 No change Observer'],
    );
    // the seats page gives the role of the day asked about
    const seats = pageText((await editor.get(`${base}/bodies/board/seats?at=2011-01-01`)).text);
    assert.match(seats, /Nina Clerk[^]*Note-taker/);
  });
});
