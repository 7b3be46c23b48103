// The survey journey: an editor creates a survey, adds questions, invites the statistical
// neighbours and another authority, opens it and makes a response link; a contact with no
// account answers through the link; the editor codes the answer, publishes the table, and the
// invited partnership sees it. Every page on the way passes axe.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { homePartnership, startE2eServer, type E2eServer } from '../test/support/e2e-server.ts';
import { andWait, headingOf, launchBrowser, newTab } from './support/browser.ts';
import { assertNoAxeViolations } from './support/axe.ts';

const home = `/partnerships/${homePartnership}`;

async function press(page: Page, name: string, what = name) {
  await andWait(page, () => page.getByRole('button', { name, exact: true }).click());
  await assertNoAxeViolations(page, `after ${what}`);
}
async function follow(page: Page, name: string) {
  const target = page
    .getByRole('link', { name, exact: true })
    .or(page.getByRole('button', { name, exact: true }));
  await andWait(page, () => target.click());
  await assertNoAxeViolations(page, `the page of “${name}”`);
}

describe('the survey journey', () => {
  let server: E2eServer;
  let browser: Browser;
  before(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('creates a survey, invites authorities, answers through a link, codes the answers and publishes the table', async () => {
    const owner = await newTab(browser, server.baseUrl, server.users.partnershipAdmin);
    await owner.goto(`${server.baseUrl}${home}/surveys`);
    await follow(owner, 'New survey');
    await owner.getByLabel('Title', { exact: true }).fill('Children’s Trust Boards in 2026');
    await owner.getByLabel('Purpose (optional)').fill('What has become of each board');
    await press(owner, 'Create survey');
    assert.equal(await headingOf(owner), 'Children’s Trust Boards in 2026');
    const surveyPage = new URL(owner.url()).pathname;

    await follow(owner, 'Add a question');
    await owner.getByLabel('Question', { exact: true }).fill('Is your Children’s Trust Board continuing?');
    await owner.getByLabel('Free text').check();
    await owner.getByLabel('Codes for reading free-text answers (optional)').fill('Continuing\nUnder review');
    await press(owner, 'Save question');
    await follow(owner, 'Add a question');
    await owner.getByLabel('Question', { exact: true }).fill('How many children in care sit on it?');
    await owner.getByLabel('Number').check();
    await owner.getByLabel('It is a count of children').check();
    await press(owner, 'Save question');

    await follow(owner, 'Invite authorities');
    await owner.getByLabel('Group', { exact: true }).fill('Statistical neighbours');
    await owner.getByLabel('Invite the partnership’s ten statistical neighbours').check();
    await press(owner, 'Invite');
    await follow(owner, 'Invite authorities');
    await owner.getByLabel('Group', { exact: true }).fill('Others');
    await owner.getByLabel('Other authorities').fill('Kent');
    await press(owner, 'Invite');
    assert.match(await owner.locator('.govuk-notification-banner').innerText(), /1 authority invited/);
    await press(owner, 'Open the survey for answers');
    assert.equal((await owner.locator('#status').innerText()).trim(), 'Open for answers');

    await follow(owner, 'Response links for named contacts');
    await owner.getByLabel('Authority').selectOption({ label: 'Kent' });
    await owner.getByLabel('Contact’s name').fill('Pat Contact');
    await owner.getByLabel('Contact’s email address').fill('pat@example.org');
    await press(owner, 'Make a response link');
    const link = (await owner.locator('#made-link code').innerText()).trim();

    const contact = await newTab(browser, server.baseUrl);
    await contact.goto(link);
    await assertNoAxeViolations(contact, 'the response link');
    await contact
      .getByLabel('Is your Children’s Trust Board continuing?')
      .fill('Continuing, with a new chair');
    await contact.getByLabel('How many children in care sit on it?').fill('3');
    await press(contact, 'Submit answers');
    assert.equal(await headingOf(contact), 'Answers sent');
    const again = await contact.goto(link);
    assert.equal(again?.status(), 410);
    assert.match(await contact.locator('#message').innerText(), /cannot be used again/);

    await owner.goto(`${server.baseUrl}${surveyPage}`);
    assert.equal((await owner.locator('#group-others td').nth(1).innerText()).trim(), '[c]');
    await follow(owner, 'Code the answers');
    await owner.getByLabel('Code for Kent’s answer to question 1').selectOption({ label: 'Continuing' });
    await press(owner, 'Save code for Kent’s answer', 'saving a code');
    await owner.goto(`${server.baseUrl}${surveyPage}`);
    assert.equal(await owner.locator('#codes-q1 td').first().innerText(), '1');
    await press(owner, 'Publish the results');
    assert.equal((await owner.locator('#status').innerText()).trim(), 'Published');

    const kent = await server.addUser({ name: 'Kim Kent', role: 'viewer', partnership: 'kent' });
    const respondent = await newTab(browser, server.baseUrl, kent);
    await respondent.goto(`${server.baseUrl}/partnerships/kent/survey-invitations`);
    await assertNoAxeViolations(respondent, 'surveys to answer');
    await follow(respondent, 'Children’s Trust Boards in 2026');
    await follow(respondent, 'See the published table of everyone’s answers');
    assert.match(await respondent.locator('#group-others').innerText(), /Continuing, with a new chair/);
  });
});
