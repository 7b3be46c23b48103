// Exports where people expect them, file names that say what the file is, and actions raised
// from where people are (issue 23 item 4; ADR 0049): the action log as CSV and Word, indicator
// values as CSV and Excel (in the import's columns, so a file goes back in), the members list as
// CSV, Excel and Word; each download named by partnership, what and when; an action raised from
// the action log (choosing the meeting), from a decision (its item chosen) and from a plan
// priority (linked to it, shown with it, the link kept through a rename, the priority not
// deleted while linked), a bad one refused with nothing written.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parse } from 'csv-parse/sync';
import {
  $,
  auditCount,
  binary,
  dateFields,
  makePartnership,
  signedInAs,
  startTestApp,
  submit,
  textsOf,
  upload,
  type Agent,
  type TestApp,
} from './support/test-app.ts';
import { systemCaller, type Caller } from '../src/platform/http/auth.ts';
import { today } from '../src/platform/http/date-input.ts';

const base = '/partnerships/notts';
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function download(agent: Agent, path: string) {
  const response = await agent.get(path).buffer(true).parse(binary);
  assert.equal(response.status, 200, path);
  const name = /filename="?([^";]+)"?/.exec(response.headers['content-disposition'] ?? '')?.[1];
  return { type: response.headers['content-type'], name, body: response.body as Buffer };
}

async function csvOf(agent: Agent, path: string) {
  const file = await download(agent, path);
  assert.equal(file.type, 'text/csv; charset=utf-8');
  assert.deepEqual([...file.body.subarray(0, 3)], [0xef, 0xbb, 0xbf], `${path}: the byte-order mark`);
  return { ...file, records: parse(file.body.toString('utf8'), { bom: true }) as string[][] };
}

async function xlsxOf(agent: Agent, path: string) {
  const file = await download(agent, path);
  assert.equal(file.type, xlsxType);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { ...file, rows, sheet: sheet.name };
}

async function docxOf(agent: Agent, path: string) {
  const file = await download(agent, path);
  assert.equal(file.type, docxType);
  const zip = await JSZip.loadAsync(file.body);
  const text = async (part: string) => {
    const doc = $(await zip.file(part)!.async('string'));
    return doc('w\\:t')
      .map((_, t) => doc(t).text())
      .get()
      .join(' ');
  };
  const headers = Object.keys(zip.files).filter((part) => /^word\/header\d*\.xml$/.test(part));
  return {
    ...file,
    text: await text('word/document.xml'),
    header: (await Promise.all(headers.map(text))).join(' '),
  };
}

describe('Exports, file names and actions raised where people are', () => {
  let test: TestApp;
  let caller: Caller;
  let partnershipName: string;
  let editor: Agent;
  let viewer: Agent;
  let meetingId: string;
  let itemId: string;
  let anne: string;
  let priorityId: string;

  before(async () => {
    test = await startTestApp();
    const partnership = await makePartnership(test.services, 'notts');
    caller = systemCaller('test', partnership.id);
    partnershipName = (await test.services.partnerships.bySlug('notts'))!.name;
    const board = await test.services.bodies.create(caller, {
      slug: 'board',
      name: 'Partnership Board',
      kind: 'board',
      takesDecisions: true,
      status: 'established',
      statusOn: '2005',
    });
    const council = await test.services.membership.addOrganisation(caller, {
      name: 'Nottinghamshire County Council',
      sector: 'local-authority',
      category: 'local-authority',
      notes: null,
    });
    const person = (name: string, youngPerson = false) =>
      test.services.membership.addPerson(caller, {
        name,
        jobTitle: null,
        email: null,
        phone: null,
        youngPerson,
        notes: null,
      });
    anne = await person('Anne Gorton');
    const young = await person('Yasmin Young', true);
    for (const [label, personId] of [
      ['Director of Children’s Services', anne],
      ['Youth Council representative', young],
    ] as const) {
      const seatId = await test.services.membership.addSeat(caller, board.id, {
        label,
        role: 'member',
        voting: true,
        howFilled: 'appointed',
        organisationId: council,
        capacity: 1,
      });
      await test.services.membership.appoint(caller, { seatId, personId, startsOn: '2008-04-01' });
    }
    // Nottinghamshire's board of 21 January 2009 (the seed document's meeting), item 5 decided
    meetingId = await test.services.meetings.create(caller, {
      title: 'Partnership Board',
      kind: 'board-meeting',
      bodyIds: [board.id],
      date: '2009-01-21',
      startTime: '10:00',
      state: 'held',
    });
    itemId = await test.services.agenda.addItem(caller, meetingId, {
      number: 5,
      title: 'Statutory guidance on Children’s Trusts',
      purpose: 'decision',
      presenter: null,
      exempt: false,
      exemptParagraph: null,
      exemptReason: null,
    });
    await test.services.record.addDecision(caller, meetingId, itemId, {
      text: 'The board agreed to consult on the draft guidance.',
      delegatedTo: null,
    });
    await test.services.record.raiseAction(caller, meetingId, {
      agendaItemId: itemId,
      text: 'Send the board’s response to the DCSF',
      ownerPersonId: anne,
      ownerOrganisationId: null,
      ownerToBeConfirmed: false,
      dueOn: '2009-02-27',
    });
    // the plan whose priority an action is raised for (issue 23)
    await test.services.plans.create(caller, {
      slug: 'cypp',
      title: 'CYPP 2009-2011',
      kind: "children and young people's plan",
      startsOn: '2009-04-01',
      endsOn: '2011-03-31',
      vision: null,
      status: 'agreed',
      resourcing: null,
    });
    priorityId = await test.services.plans.addPriority(caller, 'cypp', {
      title: 'Early help',
      outcomeIds: [],
      indicatorIds: [],
    });
    await test.services.indicators.track(caller, 'NI 73');
    await test.services.indicators.recordValue(caller, 'NI 73', {
      period: '2009/10',
      value: 74.5,
      breakdownKind: 'all',
      illustrative: false,
    });
    editor = (await signedInAs(test, partnership.id, 'editor')).agent;
    viewer = (await signedInAs(test, partnership.id, 'viewer')).agent;
  });
  after(() => test.close());

  it('downloads the action log as CSV and Word, named by partnership and date, as filtered', async () => {
    const page = $((await viewer.get(`${base}/actions?status=open`)).text);
    assert.deepEqual(
      page('#downloads a')
        .map((_, a) => page(a).attr('href'))
        .get(),
      [`${base}/actions?status=open&format=csv`, `${base}/actions?status=open&format=docx`],
    );
    const csv = await csvOf(viewer, `${base}/actions?status=open&format=csv`);
    assert.equal(csv.name, `notts-action-log-${today()}.csv`);
    assert.deepEqual(csv.records[0], [
      'Reference',
      'Action',
      'Owner',
      'Meeting',
      'Meeting date',
      'Plan priority',
      'Due',
      'Status',
      'Overdue',
      'Latest update',
    ]);
    assert.deepEqual(csv.records.slice(1), [
      [
        '',
        'Send the board’s response to the DCSF',
        'Anne Gorton',
        'Partnership Board',
        '2009-01-21',
        '',
        '2009-02-27',
        'Open',
        'yes',
        '',
      ],
    ]);
    // filtered to done actions: the header and no rows
    assert.equal((await csvOf(viewer, `${base}/actions?status=done&format=csv`)).records.length, 1);
    const word = await docxOf(viewer, `${base}/actions?format=docx`);
    assert.equal(word.name, `notts-action-log-${today()}.docx`);
    assert.match(word.header, new RegExp(partnershipName));
    assert.match(word.text, /Send the board’s response to the DCSF/);
    assert.match(word.text, /27 February 2009/);
    assert.match(word.text, /Open \(overdue\)/);
  });

  it('downloads indicator values as CSV and Excel in the import’s columns, and the Excel file imports again', async () => {
    const csv = await csvOf(viewer, `${base}/indicators?format=csv`);
    assert.equal(csv.name, `notts-indicator-values-${today()}.csv`);
    assert.deepEqual(csv.records, [
      ['indicator', 'period', 'value', 'group', 'area', 'target', 'tolerance', 'illustrative', 'comparator'],
      ['NI 73', '2009/10', '74.5', '', '', '', '', 'no', ''],
    ]);
    const excel = await xlsxOf(viewer, `${base}/indicators?format=xlsx`);
    assert.equal(excel.name, `notts-indicator-values-${today()}.xlsx`);
    assert.equal(excel.sheet, 'Indicator values');
    assert.deepEqual(excel.rows[0], csv.records[0]);
    assert.equal(excel.rows[1]![0], 'NI 73');
    assert.equal(excel.rows[1]![2], 74.5, 'a value stays a number');
    const preview = await upload(editor, `${base}/indicators/import`, excel.body, excel.name!);
    assert.equal(preview.status, 200);
    assert.deepEqual(textsOf(preview.text, '#preview tbody td').slice(1, 4), ['NI 73', '2009/10', '74.5']);
  });

  it('downloads the members list as CSV, Excel and Word, never naming a young person', async () => {
    const path = `${base}/bodies/board/seats?at=2009-01-21`;
    const seats = $((await viewer.get(path)).text);
    assert.deepEqual(
      seats('#downloads a')
        .map((_, a) => seats(a).attr('href'))
        .get(),
      ['csv', 'xlsx', 'docx'].map((format) => `${base}/bodies/board/seats?at=2009-01-21&format=${format}`),
    );
    const csv = await csvOf(viewer, `${path}&format=csv`);
    assert.equal(csv.name, 'notts-board-members-2009-01-21.csv');
    const holder = csv.records[0]!.indexOf('holder');
    assert.deepEqual(
      csv.records.slice(1).map((row) => row[holder]),
      ['Anne Gorton', 'A young person'],
    );
    const excel = await xlsxOf(viewer, `${path}&format=xlsx`);
    assert.equal(excel.name, 'notts-board-members-2009-01-21.xlsx');
    assert.deepEqual(excel.rows[0], csv.records[0], 'the same columns as the CSV');
    assert.deepEqual(
      excel.rows.slice(1).map((row) => row[holder]),
      ['Anne Gorton', 'A young person'],
    );
    const word = await docxOf(viewer, `${path}&format=docx`);
    assert.equal(word.name, 'notts-board-members-2009-01-21.docx');
    assert.match(word.header, /Seats and members of Partnership Board on 21 January 2009/);
    assert.match(word.text, /Anne Gorton/);
    assert.match(word.text, /A young person/);
    assert.doesNotMatch(word.text + csv.body.toString() + JSON.stringify(excel.rows), /Yasmin/);
  });

  it('names other downloads by partnership, what and when', async () => {
    const calendar = await viewer.get(`${base}/bodies/board/meetings.ics`);
    assert.match(calendar.headers['content-disposition']!, /filename="?notts-board-meetings\.ics"?$/);
    const attendance = await csvOf(
      viewer,
      `${base}/bodies/board/attendance?from=2008-04-01&to=2009-03-31&format=csv`,
    );
    assert.equal(attendance.name, 'notts-board-attendance-2008-04-01-to-2009-03-31.csv');
  });

  it('raises an action from the action log, choosing the meeting; refuses one with no meeting, writing nothing', async () => {
    const log = $((await editor.get(`${base}/actions`)).text);
    assert.equal(log('#raise-action').attr('href'), `${base}/actions/new`);
    assert.equal(
      $((await viewer.get(`${base}/actions`)).text)('#raise-action').length,
      0,
      'a viewer is not offered it',
    );
    assert.equal((await viewer.get(`${base}/actions/new`)).status, 403);
    const form = $((await editor.get(`${base}/actions/new`)).text);
    assert.deepEqual(
      form('#meetingId option')
        .map((_, o) => form(o).attr('value'))
        .get(),
      ['', meetingId],
    );
    const audited = await auditCount(test);
    const refused = await submit(editor, `${base}/actions/new`, {
      meetingId: '',
      text: 'Write to schools about the guidance',
      ownerPersonId: anne,
      number: '',
      ...dateFields('dueOn', '2009-03-31'),
    });
    assert.equal(refused.status, 400);
    assert.deepEqual(textsOf(refused.text, '.govuk-error-summary__list a'), [
      'Select the meeting the action joins',
    ]);
    assert.equal($(refused.text)('#text').val(), 'Write to schools about the guidance', 'the answers kept');
    assert.equal(await auditCount(test), audited, 'nothing written');
    const raised = await submit(editor, `${base}/actions/new`, {
      meetingId,
      text: 'Write to schools about the guidance',
      ownerPersonId: anne,
      number: '',
      ...dateFields('dueOn', '2009-03-31'),
    });
    assert.equal(raised.status, 303, textsOf(raised.text ?? '', '.govuk-error-summary').join());
    assert.equal(raised.headers.location, `${base}/actions`);
    const actions = (await test.services.record.actions(caller)).actions;
    const added = actions.find((a) => a.text === 'Write to schools about the guidance')!;
    assert.equal(added.meetingId, meetingId);
    assert.equal(added.dueOn, '2009-03-31');
    // another partnership's meeting is not found, and nothing is written
    const other = await makePartnership(test.services, 'elsewhere');
    const otherCaller = systemCaller('test', other.id);
    const board = await test.services.bodies.create(otherCaller, {
      slug: 'board',
      name: 'Elsewhere Board',
      kind: 'board',
      takesDecisions: true,
      status: 'established',
      statusOn: '2005',
    });
    const theirs = await test.services.meetings.create(otherCaller, {
      title: 'Elsewhere Board',
      kind: 'board-meeting',
      bodyIds: [board.id],
      date: '2009-02-02',
      startTime: '10:00',
      state: 'held',
    });
    const counted = await auditCount(test);
    const intruding = await submit(editor, `${base}/actions/new`, {
      meetingId: theirs,
      text: 'An action on someone else’s meeting',
      ownerToBeConfirmed: 'yes',
      number: '',
    });
    assert.equal(intruding.status, 404);
    assert.equal(await auditCount(test), counted);
    assert.equal((await test.services.record.actions(otherCaller)).actions.length, 0);
  });

  it('raises an action from a decision, its item chosen', async () => {
    const meetingPage = $((await editor.get(`${base}/meetings/${meetingId}`)).text);
    const link = meetingPage('.app-decision a')
      .filter((_, a) => meetingPage(a).text().startsWith('Raise an action'))
      .attr('href');
    assert.equal(link, `${base}/meetings/${meetingId}/actions/new?item=${itemId}`);
    const form = $((await editor.get(link!)).text);
    assert.equal(form('#agendaItemId option:selected').attr('value'), itemId);
    const raised = await submit(
      editor,
      `${base}/meetings/${meetingId}/actions/new`,
      {
        text: 'Publish the response on the website',
        agendaItemId: itemId,
        ownerToBeConfirmed: 'yes',
        number: '',
      },
      link,
    );
    assert.equal(raised.status, 303);
    const added = (await test.services.record.actions(caller)).actions.find(
      (a) => a.text === 'Publish the response on the website',
    )!;
    assert.equal(added.agendaItemId, itemId);
  });

  it('raises an action from a plan priority: linked, shown with it and in the log, kept through a rename, the priority kept', async () => {
    const plan = `${base}/plans/cypp`;
    const raise = `${base}/actions/new?priority=${priorityId}`;
    const planPage = $((await editor.get(plan)).text);
    assert.equal(planPage(`#priority-${priorityId} a[href="${raise}"]`).length, 1, 'the priority offers it');
    const form = $((await editor.get(raise)).text);
    assert.equal(form('h1').text(), 'Raise an action for priority 1');
    assert.equal(form('#planPriorityId option:selected').attr('value'), priorityId);
    assert.equal(form('.govuk-back-link').attr('href'), `${plan}#priority-${priorityId}`);
    const answers = {
      meetingId,
      planPriorityId: priorityId,
      text: 'Map the early help offer in each district',
      ownerPersonId: anne,
      number: '',
      ...dateFields('dueOn', '2009-06-30'),
    };
    // refused, nothing written: no meeting; a priority not of this partnership's plans
    const audited = await auditCount(test);
    const noMeeting = await submit(editor, raise, { ...answers, meetingId: '' });
    assert.equal(noMeeting.status, 400);
    assert.deepEqual(textsOf(noMeeting.text, '.govuk-error-summary__list a'), [
      'Select the meeting the action joins',
    ]);
    assert.equal($(noMeeting.text)('#planPriorityId option:selected').attr('value'), priorityId);
    const strange = await submit(editor, raise, {
      ...answers,
      planPriorityId: '7d1f1d3e-6a57-4c4e-9d55-0c8f9f1f0a11',
    });
    assert.equal(strange.status, 400);
    assert.deepEqual(textsOf(strange.text, '.govuk-error-summary__list a'), [
      'Select a priority of one of the partnership’s plans',
    ]);
    assert.equal(await auditCount(test), audited, 'nothing written');
    const raised = await submit(editor, raise, answers);
    assert.equal(raised.status, 303, textsOf(raised.text ?? '', '.govuk-error-summary').join());
    assert.equal(raised.headers.location, `${plan}#priority-${priorityId}`, 'back to the priority');
    assert.equal(await auditCount(test), audited + 1, 'in the audit trail');
    const added = (await test.services.record.actions(caller)).actions.find((a) => a.text === answers.text)!;
    assert.equal(added.meetingId, meetingId);
    assert.equal(added.planPriorityId, priorityId);
    assert.equal(added.priority?.title, 'Early help');
    // shown with the priority, and in the action log with the priority named
    const shown = $((await viewer.get(plan)).text);
    assert.deepEqual(textsOf(shown.html(), `#priority-${priorityId} .app-priority-logged li`), [
      'Map the early help offer in each district (Anne Gorton; due 30 June 2009; Open) Overdue. Raised at Partnership Board, 21 January 2009',
    ]);
    const log = () => viewer.get(`${base}/actions`).then((r) => textsOf(r.text, '.app-action-priority'));
    assert.deepEqual(await log(), ['For priority 1 of CYPP 2009-2011: Early help']);
    // the link is the priority's, not its words: a rename shows through
    await test.services.plans.updatePriority(caller, 'cypp', priorityId, {
      title: 'Early help for families',
      outcomeIds: [],
      indicatorIds: [],
    } as Parameters<TestApp['services']['plans']['updatePriority']>[3]);
    assert.deepEqual(await log(), ['For priority 1 of CYPP 2009-2011: Early help for families']);
    const csv = await csvOf(viewer, `${base}/actions?format=csv`);
    const column = csv.records[0]!.indexOf('Plan priority');
    assert.equal(
      csv.records.find((row) => row[1] === answers.text)?.[column],
      'CYPP 2009-2011: priority 1, Early help for families',
    );
    // the priority cannot be deleted while the action names it: the page says which
    const deletePath = `${plan}/priorities/${priorityId}/delete`;
    const asked = $((await editor.get(deletePath)).text);
    assert.match(
      asked('main').text(),
      /actions in the action log raised for it: “Map the early help offer in each district” \(raised at Partnership Board on 21 January 2009\)/,
    );
    const counted = await auditCount(test);
    const refused = await submit(editor, deletePath, {});
    assert.equal(refused.status, 400);
    assert.match(
      textsOf(refused.text, '.govuk-error-summary__list a').join(),
      /actions in the action log raised for it/,
    );
    assert.equal(await auditCount(test), counted, 'nothing written');
    assert.equal(
      (await test.services.plans.bySlug(caller, 'cypp'))!.priorities.length,
      1,
      'the priority stays',
    );
    // taken off the priority from the action log, the priority can go and the action stays
    const change = `${base}/actions/${added.id}/priority`;
    const editorLog = $((await editor.get(`${base}/actions`)).text);
    assert.equal(
      editorLog(`a[href="${change}"]`).text(),
      'Change the plan priority of the action: Map the early help offer in each district',
    );
    assert.equal((await viewer.get(change)).status, 403);
    const relinked = await submit(editor, change, { planPriorityId: '' });
    assert.equal(relinked.status, 303);
    assert.equal(await auditCount(test), counted + 1);
    assert.equal((await submit(editor, deletePath, {})).status, 303);
    assert.equal((await test.services.plans.bySlug(caller, 'cypp'))!.priorities.length, 0);
    assert.equal((await test.services.record.action(caller, added.id)).planPriorityId, null);
  });
});
