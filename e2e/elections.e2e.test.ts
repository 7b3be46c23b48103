// The election journey with the keyboard alone (issue 24, item 3; ADR 0037): from a meeting's
// page, record an election to a seat, first without a result (the error summary, answers kept),
// then with the votes and the person elected; see the result on the meeting page and the person
// elected in the seat from the meeting's date. Every page on the way passes axe.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Locator, Page } from 'playwright-core';
import { homePartnership, startE2eServer, type E2eServer } from '../test/support/e2e-server.ts';
import { systemCaller } from '../src/platform/http/auth.ts';
import { andWait, headingOf, launchBrowser, newTab } from './support/browser.ts';
import { assertFocused, tabTo } from './support/keyboard.ts';
import { assertNoAxeViolations } from './support/axe.ts';

const home = `/partnerships/${homePartnership}`;

/** Tab to a control and press Enter on it, waiting for the page that follows. */
async function activate(page: Page, target: Locator, what: string) {
  await tabTo(page, target, { what, max: 120 });
  await andWait(page, () => page.keyboard.press('Enter'));
  await assertNoAxeViolations(page, `after ${what}`);
}

async function typeInto(page: Page, target: Locator, what: string, text: string) {
  await tabTo(page, target, { what, max: 120 });
  await page.keyboard.type(text);
}

describe('the election journey with the keyboard alone', () => {
  let server: E2eServer;
  let browser: Browser;
  let meetingId: string;
  let bodyId: string;
  const caller = () => systemCaller('e2e', server.partnershipIds[homePartnership]!);
  before(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
    const services = server.services;
    const body = await services.bodies.create(caller(), {
      slug: 'elections-board',
      name: 'Elections Board',
      kind: 'board',
      takesDecisions: true,
      status: 'established',
      statusOn: '2008',
    });
    bodyId = body.id;
    await services.membership.addSeat(caller(), body.id, {
      label: 'Vice-chair',
      role: 'vice-chair',
      voting: true,
      howFilled: 'elected',
      capacity: 1,
    });
    for (const name of ['Rita Runner', 'Sam Second'])
      await services.membership.addPerson(caller(), {
        name,
        jobTitle: null,
        email: null,
        phone: null,
        youngPerson: false,
        notes: null,
      });
    meetingId = await services.meetings.create(caller(), {
      title: 'Elections Board',
      kind: 'board-meeting',
      bodyIds: [body.id],
      date: '2009-06-15',
      startTime: '10:00',
      state: 'held',
    });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('records an election at a meeting and appoints the person elected from its date', async () => {
    const page = await newTab(browser, server.baseUrl, server.users.partnershipAdmin);
    await page.goto(`${server.baseUrl}${home}/meetings/${meetingId}`);
    await assertNoAxeViolations(page, 'the meeting page');
    await activate(page, page.getByRole('link', { name: 'Record an election' }), 'Record an election');
    assert.equal(await headingOf(page), 'Record an election');

    await tabTo(page, page.getByLabel('Seat', { exact: true }), { what: 'the seat', max: 120 });
    await page.keyboard.type('Elections Board: Vice');
    await typeInto(
      page,
      page.getByLabel('The office, as the minutes name it (optional)'),
      'the office',
      'Vice-chair',
    );
    await tabTo(page, page.locator('#nominee1Person'), { what: 'nominee 1', max: 120 });
    await page.keyboard.type('Rita');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Sam Second');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Ann Other');
    await page.keyboard.press('Tab');
    await page.keyboard.type('9');
    // no result chosen: refused, with the answers kept
    await activate(
      page,
      page.getByRole('button', { name: 'Record the election' }),
      'the button, without a result',
    );
    assert.match(
      await page.locator('.govuk-error-summary').innerText(),
      /Select who was elected, or that nobody was/,
    );
    assert.equal(await page.locator('#nominee1ProposedBy').inputValue(), 'Sam Second');
    assert.equal(await page.locator('#nominee1Votes').inputValue(), '9');

    // the summary's link takes the keyboard to the question
    const link = page.locator('.govuk-error-summary a', { hasText: 'Select who was elected' });
    await tabTo(page, link, { what: 'the error summary link', max: 20 });
    await page.keyboard.press('Enter');
    await assertFocused(page, page.locator('#elected'), 'the first answer to “who was elected?”');
    await page.keyboard.press('Space');
    assert.ok(await page.locator('#elected').isChecked(), 'Nominee 1 chosen with the keyboard');
    await activate(
      page,
      page.getByRole('button', { name: 'Record the election' }),
      'the Record the election button',
    );

    assert.equal(new URL(page.url()).hash, '#elections');
    assert.match(
      await page.locator('.govuk-notification-banner').innerText(),
      /The election has been recorded/,
    );
    assert.match(
      await page.locator('#election-1').innerText(),
      /Vice-chair, Elections Board: Elected with 9 votes: Rita Runner/,
    );
    assert.match(
      await page.locator('#election-1 tbody').innerText(),
      /Rita Runner\s+Elected\s+Sam Second\s+Ann Other\s+9/,
    );

    const seats = await server.services.membership.seats(caller(), bodyId, '2009-06-15');
    assert.deepEqual(
      seats.map((seat) => [seat.label, seat.holders.map((holder) => [holder.personName, holder.startsOn])]),
      [['Vice-chair', [['Rita Runner', '2009-06-15']]]],
    );
    await page.goto(`${server.baseUrl}${home}/bodies/elections-board/seats?at=2009-06-15`);
    await assertNoAxeViolations(page, 'the seats page');
    assert.match(
      await page.locator('#seats tbody').innerText(),
      /Rita Runner[\s\S]*Elected Vice-chair at Elections Board on 15 June 2009 \(proposed by Sam Second, seconded by Ann Other\)/,
    );
  });
});
