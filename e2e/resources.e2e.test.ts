// The resources journey with the keyboard alone (issue 21): create a pooled fund serving two
// priorities of Dudley's plan, record contributions from three partners (one refused first for
// an amount with three decimal places), spend against two priorities, then see the plan's
// resources (chart and table), the fund's statement and the plan on a page. Every page and state
// passes axe.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { homePartnership, startE2eServer, type E2eServer } from '../test/support/e2e-server.ts';
import { andWait, headingOf, launchBrowser, newTab } from './support/browser.ts';
import { assertNoAxeViolations } from './support/axe.ts';
import { tabTo } from './support/keyboard.ts';

const home = `/partnerships/${homePartnership}`;

/** Tabs to a field and types into it. */
async function typeInto(page: Page, label: string, text: string) {
  await tabTo(page, page.getByLabel(label, { exact: true }), { max: 80, what: label });
  await page.keyboard.type(text);
}

/** Tabs to a select and moves down its options with the arrow key `steps` times. */
async function choose(page: Page, label: string, steps: number) {
  const select = page.getByLabel(label, { exact: true });
  await tabTo(page, select, { max: 80, what: label });
  for (let step = 0; step < steps; step++) await page.keyboard.press('ArrowDown');
  return select.evaluate((element: HTMLSelectElement) => element.selectedOptions[0]?.text ?? '');
}

/** Tabs to a link or button and presses Enter, waiting for the next page; checks it with axe. */
async function activate(page: Page, name: string, role: 'link' | 'button' = 'button') {
  await tabTo(page, page.getByRole(role, { name, exact: true }).first(), { max: 120, what: name });
  await andWait(page, () => page.keyboard.press('Enter'));
  await assertNoAxeViolations(page, `after ${name}`);
}

describe('the resources journey, keyboard only', () => {
  let server: E2eServer;
  let browser: Browser;
  before(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('creates a pooled fund, records three partners’ contributions and spending on two priorities, and sees the resources', async () => {
    const page = await newTab(browser, server.baseUrl, server.users.partnershipAdmin);
    await page.goto(`${server.baseUrl}${home}/resources`);
    assert.equal(await headingOf(page), 'Resources');
    await assertNoAxeViolations(page, 'resources');

    await activate(page, 'Add a fund', 'link');
    assert.equal(await headingOf(page), 'Add a fund');
    await typeInto(page, 'Name', 'Journey pooled fund');
    await typeInto(page, 'Short name for web addresses', 'journey-fund');
    // the first radio of a group with none chosen takes focus; Space chooses it
    await tabTo(page, page.getByLabel('Pooled fund under section 10(6) of the Children Act 2004'), {
      max: 20,
    });
    await page.keyboard.press('Space');
    await typeInto(page, 'Agreement (optional)', 'Section 10 pooling agreement 2009');
    await tabTo(page, page.locator('#agreementStartsOn-day'), { max: 20 });
    await page.keyboard.type('1');
    await page.keyboard.press('Tab');
    await page.keyboard.type('4');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2009');
    await tabTo(page, page.locator('#agreementEndsOn-day'), { max: 20 });
    await page.keyboard.type('31');
    await page.keyboard.press('Tab');
    await page.keyboard.type('3');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2011');
    for (const position of [1, 3]) {
      await tabTo(page, page.getByRole('checkbox', { name: new RegExp(`priority ${position}, `) }), {
        max: 30,
      });
      await page.keyboard.press('Space');
    }
    await activate(page, 'Add the fund');
    assert.equal(await headingOf(page), 'Journey pooled fund');

    // A contribution with three decimal places is refused, with the error summary; then three partners.
    const contributions: [number, string][] = [
      [1, '120000'],
      [2, '45,500.50'],
      [3, '30000.25'],
    ];
    await activate(page, 'Record a contribution', 'link');
    await choose(page, 'Partner', 1);
    await choose(page, 'Financial year', 1);
    await typeInto(page, 'Agreed (optional)', '10.005');
    await activate(page, 'Record the contribution');
    assert.match(
      await page.locator('.govuk-error-summary').innerText(),
      /The agreed amount must be in pounds and pence, with at most two decimal places/,
    );
    await page.goto(`${server.baseUrl}${home}/resources/funds/journey-fund`);
    const partners: string[] = [];
    for (const [steps, amount] of contributions) {
      await activate(page, 'Record a contribution', 'link');
      partners.push(await choose(page, 'Partner', steps));
      assert.equal(await choose(page, 'Financial year', 1), '2009-10');
      await typeInto(page, 'Agreed (optional)', amount);
      await typeInto(page, 'Received (optional)', amount);
      await activate(page, 'Record the contribution');
      assert.match(await page.locator('.govuk-notification-banner').innerText(), /Contribution recorded/);
    }

    for (const [steps, actual] of [
      [1, '100000'],
      [2, '60000.75'],
    ] as const) {
      await activate(page, 'Record spending', 'link');
      await choose(page, 'Financial year', 1);
      assert.match(await choose(page, 'Priority', steps), /priority (1|3), /);
      await typeInto(page, 'Planned (optional)', '90000');
      await typeInto(page, 'Actual (optional)', actual);
      await activate(page, 'Record the spending');
    }

    // The fund's statement for 2009-10: £195,500.75 agreed and received, £160,000.75 spent.
    const statement = await page.locator('.app-statement').innerText();
    assert.match(statement, /Budget \(contributions agreed\)\s+£195,500\.75/);
    assert.match(statement, /Balance \(received less actual spending\)\s+£35,500\.00/);
    assert.match(statement, /actual less planned\)\s+-£19,999\.25/);
    for (const partner of partners)
      assert.match(
        await page.locator('#contributions').innerText(),
        new RegExp(partner.replace(/[()']/g, '.')),
      );

    // The plan's resources for the year: the chart and, after it, the table.
    await page.goto(`${server.baseUrl}${home}/resources`);
    await tabTo(page, page.getByLabel('Financial year', { exact: true }), { max: 60 });
    await page.keyboard.press('End');
    const years = await page
      .getByLabel('Financial year', { exact: true })
      .evaluate((element: HTMLSelectElement) => [...element.options].map((option) => option.value));
    const wanted = years.indexOf('2009');
    await page.keyboard.press('Home');
    for (let step = 0; step < wanted; step++) await page.keyboard.press('ArrowDown');
    await activate(page, 'Show the year');
    const table = await page.locator('#priorities-cypp-2009-11').innerText();
    assert.match(
      table,
      /Priority 1: Support all children to be and feel safe\s+£90,000\.00\s+£0\.00\s+£100,000\.00/,
    );
    assert.match(table, /Priority 3: .*\s+£90,000\.00\s+£0\.00\s+£60,000\.75/);
    assert.match(
      (await page.locator('#plan-cypp-2009-11 svg[role="img"] title').textContent()) ?? '',
      /^Resources by priority of Children and Young People.s Plan 2009 – 2011, 2009-10$/,
    );
    assert.match(await page.locator('#plan-cypp-2009-11 ol').innerText(), /investment decisions are focused/);

    // The plan on a page shows the same for the year, priority by priority.
    await page.goto(`${server.baseUrl}${home}/plans/cypp-2009-11/on-a-page?year=2009`);
    await assertNoAxeViolations(page, 'the plan on a page with its resources');
    assert.match(
      await page.locator('#plan-resources').innerText(),
      /1\. Support all children to be and feel safe\s+£90,000\.00\s+£0\.00\s+£100,000\.00/,
    );
  });
});
