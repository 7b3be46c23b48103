// Recording a real board as its lists and minutes give it (issue 15), with the keyboard alone:
// import a membership list that names an organisation the partnership does not have yet,
// correct an appointment, and record a meeting where a member sent apologies and someone stood
// in for them, named only at the meeting. Every page on the way passes axe.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Locator, Page } from 'playwright-core';
import { systemCaller } from '../src/platform/http/auth.ts';
import { homePartnership, startE2eServer, type E2eServer } from '../test/support/e2e-server.ts';
import { addPeople } from '../test/support/meetings.ts';
import { andWait, headingOf, launchBrowser, newTab } from './support/browser.ts';
import { tabTo } from './support/keyboard.ts';
import { assertNoAxeViolations } from './support/axe.ts';

const home = `/partnerships/${homePartnership}`;
const body = `${home}/bodies/executive`;

/** Tab to a control and press Enter on it, waiting for the page that follows. */
async function activate(page: Page, target: Locator, what: string) {
  await tabTo(page, target, { what, max: 150 });
  await andWait(page, () => page.keyboard.press('Enter'));
  await assertNoAxeViolations(page, `after ${what}`);
}

/** Tab to a field and type into it (a select takes the first letters of its choice). */
async function typeInto(page: Page, target: Locator, what: string, text: string) {
  await tabTo(page, target, { what, max: 150 });
  await page.keyboard.type(text);
}

/** A date input's three boxes, by keyboard. */
async function typeDate(page: Page, id: string, [day, month, year]: [string, string, string]) {
  await typeInto(page, page.locator(`#${id}-day`), `the day of ${id}`, day);
  await page.keyboard.press('Tab');
  await page.keyboard.type(month);
  await page.keyboard.press('Tab');
  await page.keyboard.type(year);
}

// The list as a partnership officer would keep it: the council's chair, the police, and a
// voluntary sector seat held for an organisation the partnership has not recorded yet.
const list = [
  'seat,seat role,statutory category,voting,places,organisation,holder,job title,email,young person,from,until,substitute for',
  'Chair,chair,,yes,1,Dudley Metropolitan Borough Council,Cllr Ann Chair,Cabinet Member for Children,,no,2010-04-01,,',
  'West Midlands Police,member,police,yes,1,,Supt Bob Police,Superintendent,,no,2010-04-01,,',
  'Voluntary and community sector,member,,yes,1,Dudley Youth Forum Trust,Carol Voluntary,Director,,no,2010-04-01,,',
].join('\r\n');

describe('recording a board from its list and minutes, with the keyboard alone', () => {
  let server: E2eServer;
  let browser: Browser;
  let meetingId: string;

  before(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
    const caller = systemCaller('e2e', server.partnershipIds[homePartnership]!);
    await server.services.bodies.create(caller, {
      slug: 'executive',
      name: 'Children’s Trust Executive',
      kind: 'board',
      takesDecisions: true,
      status: 'established',
      statusOn: '2010',
    });
    await addPeople(server.services, caller, [['dan', 'Insp Dan Deputy', null]]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('imports the list with a new organisation, corrects an appointment, records a substitute named at the meeting', async () => {
    const page = await newTab(browser, server.baseUrl, server.users.partnershipAdmin);
    await page.goto(`${server.baseUrl}${body}/seats`);
    await assertNoAxeViolations(page, 'the seats of the new body');

    // 1. The list, with an organisation the partnership does not have yet.
    await activate(page, page.getByRole('button', { name: 'Import members from a file' }), 'Import members');
    await typeDate(page, 'on', ['1', '4', '2010']);
    await page.locator('#file').setInputFiles({
      name: 'executive-2010.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(list),
    });
    await activate(page, page.getByRole('button', { name: 'Check the file' }), 'Check the file');
    assert.match(await page.locator('main').innerText(), /New organisation: Dudley Youth Forum Trust/);
    await typeInto(
      page,
      page.getByLabel('Sector of Dudley Youth Forum Trust', { exact: true }),
      'the new organisation’s sector',
      'Voluntary',
    );
    await activate(page, page.getByRole('button', { name: 'Import these members' }), 'Import these members');
    const seats = await page.locator('#seats tbody').innerText();
    for (const name of ['Cllr Ann Chair', 'Supt Bob Police', 'Carol Voluntary'])
      assert.match(seats, new RegExp(name));

    // 2. The police member's appointment began in May, not April, as the next minutes say.
    await activate(
      page,
      page.getByRole('link', { name: 'Correct Supt Bob Police’s appointment' }),
      'Correct the appointment',
    );
    assert.match(await headingOf(page), /Supt Bob Police/);
    await activate(
      page,
      page.getByRole('link', { name: 'Correct the dates or organisations of this appointment' }),
      'Correct the dates',
    );
    await tabTo(page, page.locator('#startsOn-month'), { what: 'the month it began', max: 150 });
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('5');
    await activate(page, page.getByRole('button', { name: 'Save changes' }), 'Save the correction');
    assert.match(await page.locator('main').innerText(), /1 May 2010/);

    // 3. The meeting of 10 June 2010: the police member sent apologies, the inspector came
    // in their place (named only in the minutes), the chair and the voluntary sector came.
    const caller = systemCaller('e2e', server.partnershipIds[homePartnership]!);
    const { id: bodyId } = (await server.services.bodies.bySlug(caller, 'executive'))!.body;
    meetingId = await server.services.meetings.create(caller, {
      title: 'Children’s Trust Executive',
      kind: 'board-meeting',
      bodyIds: [bodyId],
      date: '2010-06-10',
      startTime: '14:00',
      state: 'held',
    });
    await page.goto(`${server.baseUrl}${home}/meetings/${meetingId}`);
    await activate(page, page.getByRole('link', { name: 'Record the attendance' }), 'Record the attendance');
    const statusOf = (name: string, status: string) =>
      page.getByRole('group', { name: new RegExp(`^${name},`) }).getByLabel(status, { exact: true });
    for (const [name, status] of [
      ['Cllr Ann Chair', 'Present'],
      ['Supt Bob Police', 'Apologies'],
      ['Carol Voluntary', 'Present'],
    ] as const) {
      // "Not recorded" is chosen until the minutes say otherwise: the group's one Tab stop
      await tabTo(page, statusOf(name, 'Not recorded'), {
        what: `${name}'s attendance`,
        max: 150,
      });
      // the arrow keys choose among the radios (from the last, the next is the first)
      for (let step = 0; step < 4 && !(await statusOf(name, status).isChecked()); step++)
        await page.keyboard.press('ArrowRight');
      assert.ok(await statusOf(name, status).isChecked(), `${name}: ${status}`);
      // the police member's substitute, named only at the meeting: the next field after
      if (status === 'Apologies')
        await typeInto(
          page,
          page.getByLabel(`Substitute for ${name}`, { exact: true }),
          'the substitute named at the meeting',
          'Insp',
        );
    }
    await activate(page, page.getByRole('button', { name: 'Save the register' }), 'Save the register');
    const register = await page.locator('#register').innerText();
    assert.match(register, /Supt Bob Police[\s\S]*Apologies/);
    assert.match(register, /Insp Dan Deputy/);
  });
});
