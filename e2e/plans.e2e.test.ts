// The plan and performance journey: add a plan, a priority and a recurring action, post a
// progress update, track an indicator, import its values and target from a file, and see its
// chart with the table beside it; then change the priority and delete the action. Every page
// on the way passes axe.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { homePartnership, startE2eServer, type E2eServer } from '../test/support/e2e-server.ts';
import { andWait, headingOf, launchBrowser, newTab } from './support/browser.ts';
import { assertNoAxeViolations } from './support/axe.ts';

const home = `/partnerships/${homePartnership}`;

async function press(page: Page, name: string, role: 'link' | 'button' = 'button') {
  await andWait(page, () => page.getByRole(role, { name, exact: true }).first().click());
  await assertNoAxeViolations(page, `after ${name}`);
}

async function fillDate(page: Page, name: string, iso: string) {
  const [year, month, day] = iso.split('-');
  await page.locator(`#${name}-day`).fill(String(Number(day)));
  await page.locator(`#${name}-month`).fill(String(Number(month)));
  await page.locator(`#${name}-year`).fill(year!);
}

describe('the plan and performance journey', () => {
  let server: E2eServer;
  let browser: Browser;
  before(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('adds a priority and an action, posts an update, imports values and sees the chart and its table', async () => {
    const page = await newTab(browser, server.baseUrl, server.users.partnershipAdmin);
    await page.goto(`${server.baseUrl}${home}/plans`);
    await assertNoAxeViolations(page, 'plans');
    await press(page, 'Add a plan', 'link');
    await page.getByLabel('Title', { exact: true }).fill('Journey Plan 2009-2011');
    await page.getByLabel('Short name for web addresses').fill('journey-plan');
    await page.getByLabel('Kind of plan').selectOption({ label: 'Children and Young People’s Plan' });
    await fillDate(page, 'startsOn', '2009-04-01');
    await fillDate(page, 'endsOn', '2011-03-31');
    await page.getByLabel('Draft').check();
    await press(page, 'Save the plan');
    assert.equal(await headingOf(page), 'Journey Plan 2009-2011');

    await press(page, 'Add a priority', 'link');
    await page.getByLabel('Priority', { exact: true }).fill('Improve attainment at Key Stage 4');
    await page.getByLabel('Enjoy and achieve').check();
    await page
      .getByLabel('Body that owns it (optional)')
      .selectOption({ label: "Dudley Children's Trust Board" });
    await press(page, 'Add the priority');
    assert.match(
      await page.locator('#priorities ~ section h3').first().innerText(),
      /Priority 1: Improve attainment/,
    );

    await press(page, 'Add an action under priority 1', 'link');
    await page.getByLabel('Action', { exact: true }).fill('Report attainment to the Trust Board');
    await page.getByLabel('A body', { exact: true }).check();
    await page
      .getByLabel('Lead body (if a body leads it)')
      .selectOption({ label: "Dudley Children's Trust Board" });
    await page.getByLabel('Regularly, with an update due every period', { exact: false }).check();
    await page.getByLabel('How often (if regular)').selectOption('quarterly');
    await fillDate(page, 'recursFrom', '2009-04-01');
    await page.getByLabel('In progress').check();
    await press(page, 'Add the action');
    assert.equal(await headingOf(page), 'Report attainment to the Trust Board');
    assert.match(await page.locator('.govuk-summary-list').innerText(), /Quarterly from April 2009/);
    assert.match(await page.locator('.govuk-summary-list').innerText(), /April to June 2009/);

    await press(page, 'Post a progress update', 'link');
    await fillDate(page, 'reportedOn', '2009-06-20');
    await page.getByLabel('Green: on track').check();
    await page.getByLabel('Commentary').fill('Provisional results reported to the Board.');
    await press(page, 'Post the update');
    assert.match(await page.locator('#updates').innerText(), /Provisional results reported to the Board/);
    assert.doesNotMatch(await page.locator('.govuk-summary-list').innerText(), /April to June 2009/);

    await page.goto(`${server.baseUrl}${home}/indicators/library?set=nis2008&q=NI+75`);
    await assertNoAxeViolations(page, 'the library');
    await press(page, 'Track NI 75');
    assert.match(await headingOf(page), /^NI 75 /);

    await page.goto(`${server.baseUrl}${home}/indicators/import`);
    await page.locator('#file').setInputFiles({
      name: 'ni75.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        [
          'indicator,period,value,group,target,tolerance',
          'NI 75,2007/08,44.1,,,',
          'NI 75,2008/09,46.9,,47,1',
          'NI 75,2009/10,49.8,,52,1',
          'NI 75,2009/10,31.2,Free school meals,,',
        ].join('\n'),
      ),
    });
    await press(page, 'Check the file');
    assert.equal(await headingOf(page), 'Check the import');
    assert.match(await page.locator('main').innerText(), /4 rows ready to import/);
    await press(page, 'Import these values and targets');
    await press(page, 'NI 75', 'link');

    assert.equal(await page.locator('#trend svg[role="img"]').count(), 1);
    assert.match((await page.locator('#trend svg title').textContent()) ?? '', /NI 75/);
    const rows = await page.locator('#performance tbody tr').allInnerTexts();
    assert.deepEqual(
      rows.map((row) => row.replace(/\s+/g, ' ').trim()),
      [
        '2007/08 44.1% – – No rating –',
        '2008/09 46.9% 47% 1 percentage point Amber',
        '2009/10 49.8% 52% 1 percentage point Red',
      ],
    );
    assert.match(
      await page.locator('#gap-summary').innerText(),
      /Free school meals: 31.2% against 49.8% for everyone/,
    );
    assert.equal(await page.locator('#gap-chart svg').count(), 1);

    await page.goto(`${server.baseUrl}${home}/plans/journey-plan`);
    await assertNoAxeViolations(page, 'the plan, as its editor');
    await press(page, 'Change priority 1', 'link');
    assert.equal(await headingOf(page), 'Change a priority');
    await page
      .getByLabel('Priority', { exact: true })
      .fill('Raise attainment at Key Stage 4 for every child');
    await page.getByLabel('Be healthy').check();
    await press(page, 'Save the priority');
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /Priority changed/);
    const priority = page.locator('#priorities ~ section').first();
    assert.equal(
      (await priority.locator('h3').innerText()).trim(),
      'Priority 1: Raise attainment at Key Stage 4 for every child',
    );
    assert.match(await priority.locator('dl').innerText(), /Be healthy; Enjoy and achieve/);

    await press(page, 'Report attainment to the Trust Board', 'link');
    await press(page, 'Delete the action', 'link');
    assert.equal(await headingOf(page), 'Delete an action');
    assert.deepEqual(await page.locator('#goes li').allInnerTexts(), ['1 progress update']);
    await press(page, 'Delete the action');
    assert.match(
      await page.locator('.govuk-notification-banner').innerText(),
      /Action deleted, with its milestones and updates/,
    );
    assert.match(await page.locator('#priorities ~ section').first().innerText(), /No actions yet/);
  });
});
