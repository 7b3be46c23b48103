// A member of the public follows a published partnership without an account, with the keyboard
// alone (issue 17): from Nottinghamshire's public home to its meetings, a search, the meeting
// of 21 January 2009 (from the seed: the Partnership Board's report on the statutory guidance
// on Children's Trusts), its agenda, a paper and the report, and the body's calendar to
// subscribe to; then a search that finds nothing and one with a mistake; and the same pages on
// a phone 320 pixels wide. Every page passes axe.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import ical, { type VEvent } from 'node-ical';
import { PDFDocument } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';
import { systemCaller } from '../src/platform/http/auth.ts';
import { startE2eServer, type E2eServer } from '../test/support/e2e-server.ts';
import { andWait, headingOf, launchBrowser, newTab } from './support/browser.ts';
import { assertNoAxeViolations } from './support/axe.ts';
import { assertFocusVisible, retype, tabTo } from './support/keyboard.ts';

const home = '/public/nottinghamshire';
const meetingTitle = "Nottinghamshire Children and Young People's Partnership Board";
const reportTitle = "Statutory guidance on Children's Trusts";
/** Made for this test: the seed's document gives no paper files. */
const paperName = 'illustrative-paper-for-the-browser-test.pdf';

/** Tabs to a link (or a button) and presses Enter, then checks the page it leads to. */
async function go(page: Page, name: string, what: string, role: 'link' | 'button' = 'link', max = 60) {
  const target = page.getByRole(role, { name, exact: true }).first();
  await tabTo(page, target, { max, what: `the ${role} "${name}"` });
  await andWait(page, () => page.keyboard.press('Enter'));
  await assertNoAxeViolations(page, what);
}

/** Tabs to a field and types over what it holds. */
async function type(page: Page, label: string, text: string) {
  await tabTo(page, page.getByLabel(label, { exact: true }), { what: `the field "${label}"` });
  await retype(page, text);
}

/** Types a date into a GOV.UK date input (its day, month and year fields), with the keyboard. */
async function typeDate(page: Page, name: string, day: string, month: string, year: string) {
  await tabTo(page, page.locator(`#${name}-day`), { what: `the day of "${name}"` });
  await retype(page, day);
  await page.keyboard.press('Tab');
  await retype(page, month);
  await page.keyboard.press('Tab');
  await retype(page, year);
}

describe('a member of the public follows a published partnership', () => {
  let server: E2eServer;
  let browser: Browser;
  before(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
    // Nottinghamshire's seed is published; a paper is added to its meeting's agenda
    const caller = systemCaller('e2e', server.partnershipIds.nottinghamshire!);
    const [meeting] = await server.services.meetings.list(caller, {});
    const pdf = await PDFDocument.create();
    pdf.addPage().drawText('An illustrative paper, made for the browser test');
    await server.services.agenda.addItem(
      caller,
      meeting!.id,
      {
        number: 9,
        title: 'Illustrative paper for the browser test',
        purpose: 'information',
        presenter: null,
        exempt: false,
        exemptParagraph: null,
        exemptReason: null,
      },
      { fileName: paperName, content: Buffer.from(await pdf.save()) },
    );
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('finds a meeting, reads its agenda, opens a paper and the report, and subscribes to the calendar, by keyboard', async () => {
    const page = await newTab(browser, server.baseUrl);
    const response = await page.goto(`${server.baseUrl}${home}`);
    assert.equal(response?.status(), 200);
    assert.equal((await response?.allHeaders())?.['set-cookie'], undefined, 'no cookie for the public');
    await assertNoAxeViolations(page, 'the public home');
    assert.match(await headingOf(page), /Nottinghamshire/);
    assert.match(await page.locator('#licence').innerText(), /Open Government Licence v3\.0/);

    await go(page, 'Meetings', 'the forward plan');
    assert.equal(await headingOf(page), 'Forward plan');
    await type(page, 'Search meetings and papers', 'guidance');
    await go(page, 'Search', 'the search results', 'button', 10);
    assert.equal(await headingOf(page), 'Search meetings and papers');
    assert.match(await page.locator('#results-heading').innerText(), /^1 meeting found/);
    const matches = await page.locator('#results').innerText();
    assert.match(matches, new RegExp(`Agenda item 5: ${reportTitle}`));
    assert.match(matches, new RegExp(`Report for item 5: ${reportTitle}`));

    await go(page, meetingTitle, 'the meeting');
    assert.equal(await headingOf(page), meetingTitle);
    const agenda = await page.locator('#agenda').innerText();
    assert.match(agenda, new RegExp(`5\\. ${reportTitle}`));
    assert.match(agenda, /9\. Illustrative paper for the browser test/);

    // the paper: a file, downloaded
    await tabTo(page, page.getByRole('link', { name: paperName }), { max: 60, what: 'the paper' });
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const file = await download;
    assert.equal(file.suggestedFilename(), paperName);
    const paper = await PDFDocument.load(await readFile((await file.path())!));
    assert.equal(paper.getPageCount(), 1);

    // the calendar to subscribe to: a feed a calendar application reads
    const subscribe = page.getByRole('link', { name: `Subscribe to the ${meetingTitle} calendar` });
    // above the agenda: back up to it
    await tabTo(page, subscribe, { max: 60, backwards: true, what: 'the calendar link' });
    const feed = await page.request.get(`${server.baseUrl}${await subscribe.getAttribute('href')}`);
    assert.equal(feed.status(), 200);
    assert.match(feed.headers()['content-type']!, /^text\/calendar/);
    const events = Object.values(ical.sync.parseICS(await feed.text())).filter(
      (event) => event?.type === 'VEVENT',
    ) as VEvent[];
    assert.ok(events.some((event) => String(event.summary) === meetingTitle));

    await go(page, 'Report for item 5', 'the committee report');
    assert.equal(await headingOf(page), reportTitle);
  });

  it('searches by words and dates, meets a search that finds nothing and one with a mistake', async () => {
    const page = await newTab(browser, server.baseUrl);
    await page.goto(`${server.baseUrl}${home}/search`);
    await assertNoAxeViolations(page, 'the search, listing every meeting');
    await type(page, 'Words (optional)', 'Laming');
    await typeDate(page, 'from', '1', '1', '2009');
    await typeDate(page, 'to', '31', '12', '2009');
    await go(page, 'Search', 'a search by words and dates', 'button', 10);
    assert.match(await page.locator('#results').innerText(), new RegExp(meetingTitle));

    await type(page, 'Words (optional)', 'skateboarding');
    await go(page, 'Search', 'a search that finds nothing', 'button', 10);
    assert.equal(await page.locator('#results-heading').innerText(), 'No meetings found');

    await typeDate(page, 'from', '30', '2', '2009');
    await go(page, 'Search', 'a search with a mistake', 'button', 10);
    const summary = page.locator('.govuk-error-summary');
    assert.match(await summary.innerText(), /The date to search from must be a real date/);
    await assertFocusVisible(page, 'the error summary has focus');
    await tabTo(page, page.getByRole('link', { name: 'The date to search from must be a real date' }), {
      what: 'the error link',
    });
    await page.keyboard.press('Enter');
    assert.ok(await page.locator('#from-day').evaluate((element) => element === document.activeElement));
  });

  it('reads the same pages on a phone 320 pixels wide', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'en-GB' });
    const phone = await context.newPage();
    const caller = systemCaller('e2e', server.partnershipIds.nottinghamshire!);
    const [meeting] = await server.services.meetings.list(caller, {});
    for (const [path, what] of [
      ['', 'the public home'],
      ['/meetings', 'the forward plan'],
      ['/search?q=guidance', 'the search results'],
      ['/search?q=skateboarding', 'a search that finds nothing'],
      [`/meetings/${meeting!.id}`, 'the meeting'],
    ] as const) {
      await phone.goto(`${server.baseUrl}${home}${path}`);
      await assertNoAxeViolations(phone, `${what} on a phone`);
      const width = await phone.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 320, `${what} is ${width} pixels wide: it must not scroll sideways`);
    }
    await context.close();
  });
});
