// The structure journey, with the keyboard alone: add a body, define a seat, add a person
// and appoint them, see the body in the accountability diagram and the rule it meets on the
// compliance page. Every page on the way passes axe.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { homePartnership, startE2eServer, type E2eServer } from '../test/support/e2e-server.ts';
import { andWait, headingOf, launchBrowser, newTab } from './support/browser.ts';
import { tabTo } from './support/keyboard.ts';
import { assertNoAxeViolations, axeViolations } from './support/axe.ts';

const home = `/partnerships/${homePartnership}`;
const pathOf = (page: Page) => new URL(page.url()).pathname;

/** Tab to a control and press a key on it, waiting for the page that follows. */
async function activate(page: Page, target: ReturnType<Page['locator']>, what: string, backwards = false) {
  await tabTo(page, target, { what, max: 80, backwards });
  await andWait(page, () => page.keyboard.press('Enter'));
  await assertNoAxeViolations(page, `after ${what}`);
}

async function typeInto(page: Page, label: string, text: string) {
  await tabTo(page, page.getByLabel(label, { exact: true }), { what: `the field "${label}"`, max: 80 });
  await page.keyboard.type(text);
}

describe('the structure journey with the keyboard alone', () => {
  let server: E2eServer;
  let browser: Browser;
  before(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the axe check finds what is wrong on a page made wrong on purpose, and again after a reload', async () => {
    const page = await newTab(browser, server.baseUrl);
    const wrong = `<!doctype html><html lang="en"><head><title>Wrong</title></head><body><main>
      <h1>Wrong on purpose</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
      <form><input type="text" name="unlabelled"></form>
      <p style="color:#bbb;background:#fff">Grey on white</p></main></body></html>`;
    await page.route(`${server.baseUrl}/wrong-on-purpose`, (route) =>
      route.fulfill({ contentType: 'text/html', body: wrong }),
    );
    for (const load of ['first', 'reload']) {
      if (load === 'first') await page.goto(`${server.baseUrl}/wrong-on-purpose`);
      else await page.reload();
      const found = (await axeViolations(page)).map((violation) => violation.id).sort();
      assert.deepEqual(found, ['color-contrast', 'image-alt', 'label'], `on the ${load} load`);
      await assert.rejects(assertNoAxeViolations(page, 'the wrong page'), /has 3 accessibility violations/);
    }
  });

  it('adds a body, defines a seat, appoints a member, and sees the diagram and compliance', async () => {
    const page = await newTab(browser, server.baseUrl, server.users.partnershipAdmin);
    await page.goto(`${server.baseUrl}${home}`);

    await activate(
      page,
      page.getByRole('link', { name: 'Structure and accountability diagram' }),
      'the structure link',
    );
    assert.match(await headingOf(page), /^Structure on /);
    await activate(page, page.getByRole('link', { name: 'Add a body' }), 'Add a body');

    await typeInto(page, 'Name', 'Employment and Skills Group');
    await typeInto(page, 'Short name for web addresses', 'employment-skills');
    await tabTo(page, page.getByLabel('Kind of body', { exact: true }), {
      what: 'the kind of body',
      max: 80,
    });
    await page.keyboard.type('Task');
    await tabTo(page, page.locator('#statusOn-year'), { what: 'the year established', max: 80 });
    await page.keyboard.type('2009');
    await activate(page, page.getByRole('button', { name: 'Add body' }), 'the Add body button');
    assert.equal(pathOf(page), `${home}/bodies/employment-skills`);
    assert.equal(await headingOf(page), 'Employment and Skills Group');
    assert.match(await page.locator('.govuk-summary-list').innerText(), /Task and finish group/);

    await activate(
      page,
      page.getByRole('link', { name: 'Seats and members of Employment and Skills Group' }),
      'the seats link',
    );
    await activate(page, page.getByRole('button', { name: 'Add a seat' }), 'Add a seat');
    await typeInto(page, 'Name of the seat', 'District Manager, Jobcentre Plus');
    await tabTo(page, page.getByLabel('Statutory partner category', { exact: true }), {
      what: 'the category',
      max: 80,
    });
    await page.keyboard.type('Jobcentre');
    // the seat's dates, by keyboard: created on 1 April 2009
    await tabTo(page, page.locator('#startsOn-day'), { what: 'the day the seat was created', max: 80 });
    await page.keyboard.type('1');
    await page.keyboard.press('Tab');
    await page.keyboard.type('4');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2009');
    await activate(page, page.getByRole('button', { name: 'Add seat' }), 'the Add seat button');
    assert.match(
      await page.locator('#seats tbody').innerText(),
      /District Manager, Jobcentre Plus\s+Seat from 1 April 2009/,
    );

    await activate(page, page.getByRole('link', { name: 'Appoint to seat 1' }), 'Appoint to seat 1');
    await activate(page, page.getByRole('link', { name: 'Add a person' }), 'Add a person');
    await typeInto(page, 'Full name', 'Pat Example');
    await activate(page, page.getByRole('button', { name: 'Save' }), 'the Save button');
    assert.equal(await headingOf(page), 'Pat Example');

    await page.goto(`${server.baseUrl}${home}/bodies/employment-skills/seats`);
    await activate(page, page.getByRole('link', { name: 'Appoint to seat 1' }), 'Appoint to seat 1');
    await tabTo(page, page.getByLabel('Person', { exact: true }), { what: 'the person', max: 80 });
    await page.keyboard.type('Pat');
    await activate(page, page.getByRole('button', { name: 'Appoint', exact: true }), 'the Appoint button');
    assert.match(await page.locator('#seats tbody').innerText(), /Pat Example/);

    // The menu is above the content: Shift+Tab goes back up to it.
    await activate(
      page,
      page.getByRole('link', { name: 'Structure', exact: true }),
      'the Structure menu link',
      true,
    );
    const diagramLink = page.locator('svg.app-diagram a', { hasText: 'Employment and Skills' });
    await tabTo(page, diagramLink, { what: 'the body in the diagram', max: 120 });
    await andWait(page, () => page.keyboard.press('Enter'));
    assert.equal(pathOf(page), `${home}/bodies/employment-skills`, 'the diagram links to the body');

    await activate(
      page,
      page.getByRole('link', { name: 'Compliance', exact: true }),
      'the Compliance menu link',
      true,
    );
    assert.match(
      await page.locator('#rule-children-act-2004-s10-jobcentre-plus .govuk-tag').innerText(),
      /^Met$/,
    );
    assert.match(
      await page.locator('#rule-children-act-2004-s10-jobcentre-plus').innerText(),
      /District Manager, Jobcentre Plus \(Pat Example\)/,
    );
  });
});
