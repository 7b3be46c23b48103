// The voice journeys: an editor writes a consultation, adds a question, opens it, reads the
// results, writes the summary and puts it on a board meeting's agenda as a paper; and a young
// person answers through the public link on a phone 320 pixels wide, with the keyboard alone,
// meeting a mistake on the way. Every page and state passes axe.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { systemCaller } from '../src/platform/http/auth.ts';
import { homePartnership, startE2eServer, type E2eServer } from '../test/support/e2e-server.ts';
import { andWait, headingOf, launchBrowser, newTab } from './support/browser.ts';
import { assertNoAxeViolations } from './support/axe.ts';
import { assertFocusVisible, tabTo } from './support/keyboard.ts';

const home = `/partnerships/${homePartnership}`;
const year = new Date().getUTCFullYear();

async function press(page: Page, name: string, what = name) {
  await andWait(page, () => page.getByRole('button', { name, exact: true }).click());
  await assertNoAxeViolations(page, `after ${what}`);
}
async function follow(page: Page, name: string) {
  const target = page
    .getByRole('link', { name, exact: true })
    .or(page.getByRole('button', { name, exact: true }));
  await andWait(page, () => target.click());
  await assertNoAxeViolations(page, `the page of "${name}"`);
}

describe('children and young people\u2019s voice journeys', () => {
  let server: E2eServer;
  let browser: Browser;
  let link = '';
  let consultationPage = '';
  before(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('an editor writes a consultation, opens it and shares its link and poster', async () => {
    const editor = await newTab(browser, server.baseUrl, server.users.partnershipAdmin);
    await editor.goto(`${server.baseUrl}${home}/voice`);
    await assertNoAxeViolations(editor, 'the voice page');
    await follow(editor, 'Write a consultation');
    await press(editor, 'Save consultation', 'a consultation left empty');
    assert.match(await editor.locator('.govuk-error-summary').innerText(), /Enter the consultation/);
    await editor.getByLabel('Title', { exact: true }).fill('Feeling safe in Dudley');
    await editor
      .getByLabel('Why you are asking')
      .fill(
        'The Children and Young People\u2019s Board wants to know where you feel safe, to shape the plan.',
      );
    await editor.getByLabel('Young people (11 to 25)').check();
    for (const [name, date] of [
      ['opensOn', `${year - 1}-01-01`],
      ['closesOn', `${year + 1}-12-31`],
    ] as const) {
      const [y, m, d] = date.split('-');
      await editor.locator(`#${name}-day`).fill(String(Number(d)));
      await editor.locator(`#${name}-month`).fill(String(Number(m)));
      await editor.locator(`#${name}-year`).fill(y!);
    }
    await editor
      .getByLabel('Privacy notice')
      .fill('We keep your answers for two years. We never ask your name.');
    await editor
      .getByLabel('Safeguarding notice')
      .fill('Talk to a teacher you trust, or call Childline free on 0800 1111.');
    await editor
      .getByLabel('Areas people can say they live in (optional)')
      .fill('Dudley\nStourbridge\nHalesowen');
    await press(editor, 'Save consultation');
    assert.equal(await headingOf(editor), 'Feeling safe in Dudley');
    consultationPage = new URL(editor.url()).pathname;

    await follow(editor, 'Add a question');
    await editor.getByLabel('Question', { exact: true }).fill('Where do you feel safe?');
    await editor.getByLabel('Easy-read version (optional)').fill('Where do you feel safe?');
    await editor.getByLabel('Choose one answer').check();
    await editor.getByLabel('Answers to choose from, one a line').fill('At home\nAt school\nIn town\nOnline');
    await editor.getByLabel('They must answer this question').check();
    await press(editor, 'Add question');
    await follow(editor, 'Add a question');
    await editor.getByLabel('Question', { exact: true }).fill('What would make you feel safer?');
    await editor.getByLabel('Answer in their own words').check();
    await press(editor, 'Add question');
    await press(editor, 'Open the consultation');
    link = new URL((await editor.locator('a[href*="/have-your-say/"]').first().getAttribute('href'))!)
      .pathname;
    await follow(editor, 'Printable poster with the QR code');
    assert.equal(await editor.locator('svg[role="img"]').count(), 1);
  });

  it('a young person answers on a 320-pixel-wide screen with the keyboard alone', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'en-GB' });
    const phone = await context.newPage();
    await phone.goto(`${server.baseUrl}${link}`);
    await assertNoAxeViolations(phone, 'the response form on a phone');
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 320, `the page is ${width} pixels wide: it must not scroll sideways`);
    // sending with nothing chosen: the error summary, then its link to the question
    await tabTo(phone, phone.getByRole('button', { name: 'Send my answers' }), {
      max: 80,
      what: 'the send button',
    });
    await andWait(phone, () => phone.keyboard.press('Enter'));
    await assertNoAxeViolations(phone, 'the response form with an error');
    assert.match(await phone.locator('.govuk-error-summary').innerText(), /Question 1: choose an answer/);
    await assertFocusVisible(phone, 'the error summary has focus');
    await tabTo(phone, phone.getByRole('link', { name: 'Question 1: choose an answer' }), {
      what: 'the error link',
    });
    await phone.keyboard.press('Enter');
    // the error's link takes focus to the question's first answer; an arrow moves to the next
    assert.ok(
      await phone.getByLabel('At home', { exact: true }).evaluate((el) => el === document.activeElement),
    );
    await phone.keyboard.press('ArrowDown');
    await assertFocusVisible(phone, 'the second answer');
    assert.ok(await phone.getByLabel('At school', { exact: true }).isChecked());
    await tabTo(phone, phone.getByLabel('Question 2: What would make you feel safer?'), {
      what: 'the free-text answer',
    });
    await phone.keyboard.type('More lights in the park');
    await tabTo(phone, phone.getByRole('button', { name: 'Send my answers' }), {
      max: 80,
      what: 'the send button',
    });
    await andWait(phone, () => phone.keyboard.press('Enter'));
    await assertNoAxeViolations(phone, 'the thank-you page on a phone');
    assert.equal(await headingOf(phone), 'Thank you');
    await context.close();
  });

  it('the editor moderates, writes the summary and puts it on a board meeting\u2019s agenda as a paper', async () => {
    const caller = systemCaller('e2e', server.partnershipIds[homePartnership]!);
    const [body] = (await server.services.meetings.bodies(caller)).filter(
      (b) => b.kind !== 'young-peoples-board',
    );
    await server.services.meetings.create(caller, {
      title: 'Board meeting for voice',
      kind: 'board-meeting',
      bodyIds: [body!.id],
      date: `${year}-09-01`,
      startTime: '10:00',
      state: 'scheduled',
    });
    const editor = await newTab(browser, server.baseUrl, server.users.partnershipAdmin);
    await editor.goto(`${server.baseUrl}${consultationPage}`);
    await assertNoAxeViolations(editor, 'the consultation with a response');
    await follow(editor, 'Add a theme');
    await editor.getByLabel('Theme', { exact: true }).fill('Safer streets');
    await editor.getByLabel('What they said').fill('You said the park and streets feel unsafe at night.');
    await press(editor, 'Add theme');
    await follow(editor, 'Moderate answers');
    await editor.getByLabel('Approve to quote').first().check();
    await editor.getByLabel('Theme of answer 1').selectOption({ label: 'Safer streets' });
    await press(editor, 'Save answer 1 to question 2');
    await editor.goto(`${server.baseUrl}${consultationPage}/results`);
    await assertNoAxeViolations(editor, 'the results');
    assert.match(await editor.locator('main').innerText(), /More lights in the park/);
    await editor.goto(`${server.baseUrl}${consultationPage}`);
    await follow(editor, 'Write the summary');
    await editor
      .getByLabel('Summary', { exact: true })
      .fill('Young people feel safe at school; the park at night worries them.');
    await press(editor, 'Save summary');
    await follow(editor, 'Send it to a board meeting as a paper');
    await press(editor, 'Add to the agenda', 'sending with no meeting chosen');
    assert.match(await editor.locator('.govuk-error-summary').innerText(), /Select the meeting/);
    const option = editor.locator('#meetingId option', { hasText: 'Board meeting for voice' });
    await editor.locator('#meetingId').selectOption((await option.getAttribute('value'))!);
    await editor.getByLabel('Item number').fill('7');
    await press(editor, 'Add to the agenda');
    assert.match(
      await editor.locator('main').innerText(),
      /What children and young people said: Feeling safe in Dudley/,
    );
    assert.match(await editor.locator('main').innerText(), /feeling-safe-in-dudley-results\.docx/);
  });

  it('the public "you said, we did" page, once the partnership publishes it', async () => {
    const caller = systemCaller('e2e', server.partnershipIds[homePartnership]!);
    const slug = consultationPage.split('/').pop()!;
    await server.services.voice.setStatus(caller, slug, 'closed');
    await server.services.voice.setSummary(caller, slug, {
      summary: 'The park at night worries young people.',
      resultsPublic: true,
    });
    const visitor = await newTab(browser, server.baseUrl);
    const publicPage = `${server.baseUrl}/public/${homePartnership}/voice/${slug}`;
    const partnership = (await server.services.partnerships.bySlug(homePartnership))!;
    if (!partnership.published) assert.equal((await visitor.goto(publicPage))?.status(), 404);
    await server.services.partnerships.update(systemCaller('e2e', partnership.id), partnership.id, {
      authorityGssCode: partnership.authorityGssCode,
      name: partnership.name,
      slug: partnership.slug,
      established: partnership.established ?? '2007',
      status: partnership.status as 'active',
      published: true,
    });
    try {
      assert.equal((await visitor.goto(publicPage))?.status(), 200);
      await assertNoAxeViolations(visitor, 'the public "you said, we did" page');
      assert.match(await visitor.locator('main').innerText(), /More lights in the park/);
    } finally {
      await server.services.partnerships.update(systemCaller('e2e', partnership.id), partnership.id, {
        authorityGssCode: partnership.authorityGssCode,
        name: partnership.name,
        slug: partnership.slug,
        established: partnership.established ?? '2007',
        status: partnership.status as 'active',
        published: partnership.published,
      });
    }
  });
});
