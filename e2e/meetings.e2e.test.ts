// The meetings journey: add a meeting, build its agenda with a paper, record the attendance,
// minute an item, record a decision and a declaration of interest, raise an action and make the
// board pack. Every page on
// the way passes axe.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { PDFDocument } from 'pdf-lib';
import { startE2eServer, type E2eServer } from '../test/support/e2e-server.ts';
import { andWait, headingOf, launchBrowser, newTab } from './support/browser.ts';
import { assertNoAxeViolations } from './support/axe.ts';

const base = '/partnerships/bolton';

async function press(page: Page, name: string, role: 'button' | 'link' = 'button') {
  await andWait(page, () => page.getByRole(role, { name, exact: true }).click());
  await assertNoAxeViolations(page, `after ${name}`);
}

/**
 * After a save that leads to a part of the page (#agenda), the success message is announced:
 * it has the focus, it is in view, and it stands just before that part (issue 23).
 */
async function assertSavedAt(page: Page, section: string, message: RegExp) {
  assert.equal(new URL(page.url()).hash, `#${section}`, 'the save leads to its part of the page');
  await page.waitForFunction(() => document.activeElement?.classList.contains('govuk-notification-banner'));
  const banner = page.locator('.govuk-notification-banner');
  assert.equal(await banner.getAttribute('role'), 'alert');
  assert.match(await banner.innerText(), message);
  assert.ok(
    await banner.evaluate((element) => {
      const box = element.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    }),
    `the message about ${section} is in view`,
  );
  assert.ok(
    await banner.evaluate((element, id) => {
      const target = document.getElementById(id)!;
      return Boolean(element.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING);
    }, section),
    `the message stands before #${section}`,
  );
  await assertNoAxeViolations(page, `the message about ${section}`);
}

describe('the meetings journey', () => {
  let server: E2eServer;
  let browser: Browser;
  before(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('adds a meeting, builds the agenda, records attendance, minutes, a decision, a declaration of interest and an action, makes the board pack', async () => {
    const guidance = await PDFDocument.create();
    guidance.addPage().drawText('The guidance');
    const page = await newTab(browser, server.baseUrl, server.users.platformAdmin);
    await page.goto(`${server.baseUrl}${base}/meetings`);
    await assertNoAxeViolations(page, 'the forward plan');
    await press(page, 'Add a meeting');

    await page.getByLabel('Title', { exact: true }).fill('Bolton Children’s Trust');
    await page.getByLabel('Board meeting', { exact: true }).check();
    await page.getByLabel("Bolton Children's Trust", { exact: true }).check();
    await page.locator('#date-day').fill('12');
    await page.locator('#date-month').fill('2');
    await page.locator('#date-year').fill('2009');
    // times as people type them (issue 23)
    await page.getByLabel('Start time').fill('2pm');
    await page.getByLabel('End time (optional)').fill('4:30pm');
    await page.getByLabel('Place (optional)').fill('Bolton Town Hall');
    await page.getByLabel('Held', { exact: true }).check();
    await press(page, 'Add meeting');
    assert.equal(await headingOf(page), 'Bolton Children’s Trust');
    assert.match(await page.locator('.govuk-summary-list').innerText(), /12 February 2009, 2pm to 4:30pm/);

    await press(page, 'Add an item to the agenda', 'link');
    await page.getByLabel('Title', { exact: true }).fill('Children’s Trust guidance');
    await page.getByLabel('For decision', { exact: true }).check();
    await page.getByLabel('No, it is public', { exact: true }).check();
    await page.getByLabel('Add a paper (optional)').setInputFiles({
      name: 'guidance.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(await guidance.save()),
    });
    await press(page, 'Add item');
    await assertSavedAt(page, 'agenda', /The item has been added to the agenda/);
    assert.match(await page.locator('#agenda-items').innerText(), /1\. Children’s Trust guidance/);
    assert.match(await page.locator('#agenda-items').innerText(), /guidance\.pdf/);

    await press(page, 'Record the attendance', 'link');
    await page.locator('#members-0').check();
    await page.locator('#members-1').check();
    await page.locator('#members-2-2').check();
    await press(page, 'Save the register');
    await assertSavedAt(page, 'attendance', /The attendance has been recorded/);
    const register = await page.locator('#register').innerText();
    assert.match(register, /Present/);
    assert.match(register, /Apologies/);

    await press(page, 'Write the minutes of item 1', 'link');
    await page.getByLabel('Minutes').fill('The Trust discussed the new guidance.');
    await press(page, 'Save the minutes');
    await assertSavedAt(page, 'item-1', /The minutes of item 1 have been saved as a draft/);
    assert.match(await page.locator('#minutes-1').innerText(), /Draft/);

    await press(page, 'Record a decision on item 1', 'link');
    await page.getByLabel('Decision').fill('Hold a development half day in March 2009');
    await press(page, 'Record the decision');
    await assertSavedAt(page, 'item-1', /decision/i);
    assert.match(await page.locator('.app-decision').innerText(), /development half day/);

    await press(page, 'Record a declaration of interest in item 1', 'link');
    await press(page, 'Record the declaration');
    assert.match(await page.locator('.govuk-error-summary').innerText(), /Enter the nature of the interest/);
    await page.getByLabel('Who declares the interest').selectOption({ index: 1 });
    await page.getByLabel('Other registrable interest', { exact: true }).check();
    await page.getByLabel('Nature of the interest').fill('A governor of a school named in the guidance');
    await page.getByLabel('Stayed but did not vote', { exact: true }).check();
    await press(page, 'Record the declaration');
    await assertSavedAt(page, 'item-1', /declaration/i);
    assert.match(
      await page.locator('#declarations-1').innerText(),
      /other registrable interest\. A governor of a school named in the guidance\. Stayed but did not vote\./,
    );

    await press(page, 'Raise an action', 'link');
    await page.getByLabel('Action').fill('Arrange the development half day');
    await page.getByLabel('Organisation that owns it').selectOption({ index: 1 });
    await press(page, 'Add the action');
    assert.match(await page.locator('#raised').innerText(), /Arrange the development half day/);

    await press(page, 'Make the board pack');
    await assertSavedAt(page, 'board-pack', /board pack/i);
    await server.services.boardPacks.idle();
    await page.reload({ waitUntil: 'load' });
    await assertNoAxeViolations(page, 'the board pack made');
    const ready = await page.getByText('Ready', { exact: true }).count();
    assert.equal(ready, 1, 'the board pack is ready');
    const link = page.getByRole('link', { name: 'Download the board pack (PDF)' });
    const download = await page.request.get(`${server.baseUrl}${await link.getAttribute('href')}`);
    const pack = await PDFDocument.load(await download.body());
    assert.ok(pack.getPageCount() >= 2, 'the agenda and the guidance');
  });
});
