// The main journeys, with the keyboard alone: Tab and Shift+Tab to move, Enter and Space to
// follow and press, arrow keys in radios, typing into fields and selects. No clicks. At every
// Tab the element with focus must be the one expected, visible, and show that it has focus.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { homePartnership, startE2eServer, type E2eServer, type E2eUser } from '../test/support/e2e-server.ts';
import { andWait, headingOf, launchBrowser, newTab } from './support/browser.ts';
import { assertFocused, hasFocus, retype, tabTo } from './support/keyboard.ts';
import { indicatorPage } from './support/pages.ts';

const seedPartnerships = [
  "Dudley Children's Trust",
  "Bolton Children's Trust",
  "Nottinghamshire Children and Young People's Partnership",
  "Medway Children's Action Network",
  "Kent Children's Trust",
];

const pathOf = (page: Page) => {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}`;
};

/** The value beside a key in a GOV.UK summary list. */
const summaryValue = (page: Page, key: string) =>
  page
    .locator('.govuk-summary-list__row')
    .filter({ has: page.locator('dt', { hasText: new RegExp(`^\\s*${key}\\s*$`) }) })
    .locator('dd')
    .innerText();

const selectedText = (page: Page, label: string) =>
  page
    .getByLabel(label, { exact: true })
    .evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.text);

/** Signs in through the form, typing, from a page where nothing has focus yet. */
async function signInWithKeyboard(page: Page, baseUrl: string, user: E2eUser): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await tabTo(page, page.getByLabel('Email address'), { what: 'the email address field' });
  await page.keyboard.type(user.email);
  await page.keyboard.press('Tab');
  await assertFocused(page, page.getByLabel('Password', { exact: true }), 'the password field');
  await page.keyboard.type(user.password);
  await andWait(page, () => page.keyboard.press('Enter'));
  assert.equal(pathOf(page), '/', `signed in as ${user.email}, on the partnerships list`);
}

describe('journeys with the keyboard alone', () => {
  let server: E2eServer;
  let browser: Browser;

  before(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a platform administrator signs in, sees the partnerships, opens one and signs out', async () => {
    const page = await newTab(browser, server.baseUrl);
    const { email, password } = server.users.platformAdmin;
    await page.goto(`${server.baseUrl}/`);
    assert.equal(await headingOf(page), 'Cooperate');

    // The first Tab reaches the skip link; the start button is further on.
    const stops = await tabTo(page, page.getByRole('button', { name: 'Sign in' }), {
      what: 'the "Sign in" start button',
    });
    assert.match(stops[0]!, /Skip to main content/, 'the skip link comes first');
    assert.ok(
      stops.some((stop) => /^a "Sign in"$/.test(stop)),
      `the header's sign-in link is on the way: ${stops.join(', ')}`,
    );
    // A link that looks like a button works with Space, as a button does.
    await andWait(page, () => page.keyboard.press('Space'));
    assert.equal(pathOf(page), '/sign-in');

    await tabTo(page, page.getByLabel('Email address'), { what: 'the email address field' });
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await assertFocused(page, page.getByLabel('Password', { exact: true }), 'the password field');
    await page.keyboard.type(password);
    await page.keyboard.press('Tab');
    await assertFocused(
      page,
      page.getByRole('button', { name: 'Show password' }),
      'the show password button',
    );
    await page.keyboard.press('Tab');
    await assertFocused(
      page,
      page.getByRole('button', { name: 'Sign in', exact: true }),
      'the sign-in button',
    );
    await andWait(page, () => page.keyboard.press('Enter'));

    assert.equal(pathOf(page), '/');
    assert.equal(await headingOf(page), 'Your partnerships');
    assert.equal(await page.locator('#partnerships caption').innerText(), '5 partnerships');
    const listed = await page.locator('#partnerships tbody th a').allInnerTexts();
    assert.deepEqual([...listed].sort(), [...seedPartnerships].sort(), 'the five seed partnerships');

    // The skip link takes focus past the header and the menu, straight to the content.
    await page.keyboard.press('Tab');
    await assertFocused(page, page.getByRole('link', { name: 'Skip to main content' }), 'the skip link');
    await page.keyboard.press('Enter');
    // (The main content shows no focus indicator: it is not something to act on.)
    assert.ok(await hasFocus(page.locator('main#main-content')), 'the skip link moves focus to the content');
    await page.keyboard.press('Tab');
    await assertFocused(
      page,
      page.getByRole('button', { name: 'Create a partnership' }),
      'the first thing in the content',
    );

    await tabTo(page, page.getByRole('link', { name: "Dudley Children's Trust" }), { what: 'Dudley' });
    await andWait(page, () => page.keyboard.press('Enter'));
    assert.equal(pathOf(page), '/partnerships/dudley');
    assert.equal(await headingOf(page), "Dudley Children's Trust");
    assert.equal(await summaryValue(page, 'Local authority'), 'Dudley');
    assert.equal(await summaryValue(page, 'Established'), '2007');
    assert.equal(await summaryValue(page, 'Status'), 'Active');

    await tabTo(page, page.getByRole('button', { name: 'Sign out' }), { what: 'the sign-out button' });
    await andWait(page, () => page.keyboard.press('Enter'));
    assert.equal(pathOf(page), '/sign-in?signedOut=1');
    assert.equal(await page.getByRole('button', { name: 'Sign out' }).count(), 0, 'signed out');
    await page.context().close();
  });

  it('a platform administrator creates a partnership, correcting the form after a first try', async () => {
    const page = await newTab(browser, server.baseUrl);
    await signInWithKeyboard(page, server.baseUrl, server.users.platformAdmin);
    await tabTo(page, page.getByRole('button', { name: 'Create a partnership' }), {
      what: 'Create a partnership',
    });
    await andWait(page, () => page.keyboard.press('Enter'));
    assert.equal(pathOf(page), '/partnerships/new');
    assert.equal(await headingOf(page), 'Create a partnership');

    // First try: no local authority, and a short name that is not allowed.
    await tabTo(page, page.getByLabel('Local authority'), { what: 'the local authority select' });
    await page.keyboard.press('Tab');
    await assertFocused(page, page.getByLabel('Name', { exact: true }), 'the name field');
    await page.keyboard.type("York Children's Partnership");
    await page.keyboard.press('Tab');
    await assertFocused(page, page.getByLabel('Short name for web addresses'), 'the short name field');
    await page.keyboard.type('York Kids!');
    for (const [part, value] of [
      ['Day', '20'],
      ['Month', '4'],
      ['Year', '2010'],
    ] as const) {
      await page.keyboard.press('Tab');
      await assertFocused(page, page.getByLabel(part), `the ${part.toLowerCase()} field`);
      await page.keyboard.type(value);
    }
    await page.keyboard.press('Tab');
    await assertFocused(page, page.getByRole('radio', { name: 'Active' }), 'the status chosen already');
    await page.keyboard.press('ArrowUp');
    await assertFocused(page, page.getByRole('radio', { name: 'Proposed' }), 'the status Proposed');
    assert.ok(await page.getByRole('radio', { name: 'Proposed' }).isChecked(), 'Proposed is chosen');
    await page.keyboard.press('Tab');
    await assertFocused(page, page.getByRole('radio', { name: 'No' }), 'publish: No, chosen already');
    await page.keyboard.press('Tab');
    await assertFocused(page, page.getByRole('button', { name: 'Create partnership' }), 'the create button');
    await andWait(page, () => page.keyboard.press('Enter'));

    // The form again: the error summary has focus, and every answer is kept.
    assert.equal(pathOf(page), '/partnerships/new');
    assert.match(await page.title(), /^Error: Create a partnership/);
    await assertFocused(page, page.locator('.govuk-error-summary'), 'the error summary');
    assert.deepEqual(await page.locator('.govuk-error-summary__list a').allInnerTexts(), [
      'Select the local authority',
      'Short name must contain only letters, numbers and single hyphens, like dudley-childrens-trust',
    ]);
    assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), "York Children's Partnership");
    assert.equal(await page.getByLabel('Short name for web addresses').inputValue(), 'York Kids!');
    assert.deepEqual(
      [
        await page.getByLabel('Day').inputValue(),
        await page.getByLabel('Month').inputValue(),
        await page.getByLabel('Year').inputValue(),
      ],
      ['20', '4', '2010'],
    );
    assert.ok(await page.getByRole('radio', { name: 'Proposed' }).isChecked(), 'the status is kept');
    assert.ok(await page.getByRole('radio', { name: 'No' }).isChecked(), 'publishing is kept');

    // From the error summary to the field, and put it right.
    await page.keyboard.press('Tab');
    await assertFocused(
      page,
      page.getByRole('link', { name: 'Select the local authority' }),
      'the first error',
    );
    await page.keyboard.press('Enter');
    await assertFocused(page, page.getByLabel('Local authority'), 'the local authority select');
    // A closed select chooses the first option starting with the letter typed. (One letter:
    // a slow machine might let the type-ahead forget the letters before.)
    await page.keyboard.press('y');
    assert.equal(await selectedText(page, 'Local authority'), 'York');
    await page.keyboard.press('Tab');
    await assertFocused(page, page.getByLabel('Name', { exact: true }), 'the name field');
    await page.keyboard.press('Tab');
    await assertFocused(page, page.getByLabel('Short name for web addresses'), 'the short name field');
    await retype(page, 'york');
    await tabTo(page, page.getByRole('button', { name: 'Create partnership' }), {
      what: 'the create button',
    });
    await andWait(page, () => page.keyboard.press('Enter'));

    assert.equal(pathOf(page), '/partnerships/york');
    assert.equal(await headingOf(page), "York Children's Partnership");
    await assertFocused(page, page.locator('.govuk-notification-banner'), 'the success message');
    assert.match(
      await page.locator('.govuk-notification-banner').innerText(),
      /The partnership has been created/,
    );
    assert.equal(await summaryValue(page, 'Local authority'), 'York');
    assert.equal(await summaryValue(page, 'Established'), '20 April 2010');
    assert.equal(await summaryValue(page, 'Status'), 'Proposed');
    assert.equal(await summaryValue(page, 'Public pages'), 'Not published');
    await page.context().close();
  });

  it('a partnership administrator invites someone, who joins, and changes a role', async () => {
    const robin = await server.addUser({ name: 'Robin Member', role: 'member' });
    const page = await newTab(browser, server.baseUrl);
    await signInWithKeyboard(page, server.baseUrl, server.users.partnershipAdmin);
    assert.deepEqual(await page.locator('#partnerships tbody th a').allInnerTexts(), [
      "Dudley Children's Trust",
    ]);
    await tabTo(page, page.getByRole('link', { name: "Dudley Children's Trust" }), { what: 'Dudley' });
    await andWait(page, () => page.keyboard.press('Enter'));
    await tabTo(page, page.getByRole('link', { name: 'Users and roles' }), { what: 'Users and roles' });
    await andWait(page, () => page.keyboard.press('Enter'));
    assert.equal(pathOf(page), `/partnerships/${homePartnership}/users`);
    assert.equal(await headingOf(page), 'Users');

    // Invite someone new as an editor.
    await tabTo(page, page.getByLabel('Email address'), { what: 'the email address field' });
    await page.keyboard.type('sam.new@example.org');
    await page.keyboard.press('Tab');
    await assertFocused(page, page.getByRole('radio', { name: /^Administrator/ }), 'the first role');
    await page.keyboard.press('ArrowDown');
    await assertFocused(page, page.getByRole('radio', { name: /^Editor/ }), 'the role Editor');
    assert.ok(await page.getByRole('radio', { name: /^Editor/ }).isChecked(), 'Editor is chosen');
    await page.keyboard.press('Tab');
    await assertFocused(page, page.getByRole('button', { name: 'Add user' }), 'the add user button');
    await andWait(page, () => page.keyboard.press('Enter'));

    assert.equal(await headingOf(page), 'Invitation created');
    const link = (await page.locator('#invitation-link').innerText()).trim();
    assert.match(link, new RegExp(`^${server.baseUrl}/join/${homePartnership}/inv_\\S+$`));

    // The invited person follows the link, signed out, and sets up their account.
    const invited = await newTab(browser, server.baseUrl);
    await invited.goto(link);
    assert.equal(await headingOf(invited), 'Set up your account');
    await tabTo(invited, invited.getByLabel('Full name'), { what: 'the full name field' });
    await invited.keyboard.type('Sam New');
    await invited.keyboard.press('Tab');
    await assertFocused(invited, invited.getByLabel('Create a password'), 'the password field');
    await invited.keyboard.type('a long enough password');
    await tabTo(invited, invited.getByLabel('Confirm password'), { what: 'the confirm password field' });
    await invited.keyboard.type('a long enough password');
    await tabTo(invited, invited.getByRole('button', { name: 'Create account' }), { what: 'Create account' });
    await andWait(invited, () => invited.keyboard.press('Enter'));
    assert.equal(pathOf(invited), `/partnerships/${homePartnership}`);
    assert.match(
      await invited.locator('.govuk-notification-banner').innerText(),
      /Welcome to Dudley Children's Trust/,
    );
    assert.equal(await invited.locator('.app-header__account-name').innerText(), 'Sam New');
    await invited.context().close();

    // Back to the users: Sam is there as an editor. Robin becomes a viewer.
    await tabTo(page, page.getByRole('link', { name: 'Back to users' }), { what: 'Back to users' });
    await andWait(page, () => page.keyboard.press('Enter'));
    assert.equal(await selectedText(page, 'Role of Sam New'), 'Editor');
    const robinsRole = page.getByRole('combobox', { name: 'Role of Robin Member' });
    assert.equal(await robinsRole.inputValue(), 'member');
    await tabTo(page, robinsRole, { what: "Robin's role", max: 60 });
    await page.keyboard.press('v');
    assert.equal(await robinsRole.inputValue(), 'viewer');
    await page.keyboard.press('Tab');
    await assertFocused(
      page,
      page.getByRole('button', { name: 'Change role of Robin Member' }),
      'its button',
    );
    await andWait(page, () => page.keyboard.press('Enter'));

    assert.equal(pathOf(page), `/partnerships/${homePartnership}/users`);
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /The role has been changed/);
    assert.equal(await page.getByRole('combobox', { name: 'Role of Robin Member' }).inputValue(), 'viewer');
    assert.equal(
      await server.services.members.roleOf(server.partnershipIds[homePartnership]!, robin.id),
      'viewer',
    );
    await page.context().close();
  });

  it('shows where you are on every page: the menu, the section, the page title, the Back link', async () => {
    const page = await newTab(browser, server.baseUrl, server.users.partnershipAdmin);
    const home = `/partnerships/${homePartnership}`;
    const dudley = "Dudley Children's Trust";
    const current = (selector: string) =>
      page
        .locator(`${selector} a[aria-current]`)
        .evaluateAll((links) =>
          links.map((link) => `${link.textContent!.trim()}=${link.getAttribute('aria-current')}`),
        );
    // [address, the menu's item, the section's item ('' when the group has no second menu)]
    const pages: [string, string, string][] = [
      [home, 'Overview=page', ''],
      [`${home}/structure`, 'Structure and people=page', 'Structure=page'],
      [`${home}/bodies/trust-board`, 'Structure and people=true', 'Structure=true'],
      [`${home}/bodies/trust-board/seats`, 'Structure and people=true', 'Structure=true'],
      [`${home}/organisations`, 'Structure and people=true', 'Organisations=page'],
      [`${home}/people`, 'Structure and people=true', 'People=page'],
      [`${home}/compliance`, 'Structure and people=true', 'Compliance=page'],
      [`${home}/meetings`, 'Meetings=page', 'Meetings=page'],
      [`${home}/meetings/new`, 'Meetings=true', 'Meetings=true'],
      [`${home}/actions`, 'Meetings=true', 'Actions=page'],
      [`${home}/consultations`, 'Meetings=true', 'Consultations=page'],
      [`${home}/plans`, 'Plan and performance=page', 'Plans=page'],
      [`${home}/indicators`, 'Plan and performance=true', 'Indicators=page'],
      [`${home}/benchmarking`, 'Plan and performance=true', 'Benchmarking=page'],
      [`${home}/resources`, 'Plan and performance=true', 'Resources=page'],
      [`${home}/surveys`, 'Surveys and voice=page', 'Surveys=page'],
      [`${home}/survey-invitations`, 'Surveys and voice=true', 'Surveys to answer=page'],
      [`${home}/voice`, 'Surveys and voice=true', 'Young people’s voice=page'],
      [`${home}/users`, 'Settings=page', 'Users=page'],
      [`${home}/audit`, 'Settings=true', 'Audit trail=page'],
      [`${home}/mail`, 'Settings=true', 'Outbox=page'],
      [`${home}/public-site`, 'Settings=true', 'Public pages=page'],
      [`${home}/edit`, 'Settings=true', 'Partnership details=page'],
    ];
    for (const [path, menu, section] of pages) {
      const response = await page.goto(`${server.baseUrl}${path}`);
      assert.equal(response?.status(), 200, path);
      assert.deepEqual(await current('nav[aria-label="Menu"]'), [menu], `the menu on ${path}`);
      assert.deepEqual(
        await current('nav.app-section-navigation'),
        section ? [section] : [],
        `the section on ${path}`,
      );
      const title = await page.title();
      assert.ok(
        title === `${dudley} – Cooperate` || title.endsWith(` – ${dudley} – Cooperate`),
        `the title of ${path} names the partnership: ${title}`,
      );
      assert.equal(
        await page.locator('.govuk-back-link:not(main .govuk-back-link)').count(),
        0,
        `${path}: Back in <main>`,
      );
    }
    // the menu fits one row on a laptop
    await page.goto(`${server.baseUrl}${home}/audit`);
    const rows = await page
      .locator('.govuk-service-navigation__item')
      .evaluateAll(
        (items) => new Set(items.map((item) => Math.round(item.getBoundingClientRect().top))).size,
      );
    assert.equal(rows, 1, 'the menu is one row at 1280 pixels');
    assert.equal(await page.locator('main .govuk-back-link').count(), 1, 'the Back link is inside <main>');

    // the favicon, linked from every page and where browsers look unasked
    const icon = await page.locator('link[rel="icon"]').getAttribute('href');
    for (const address of [icon!, '/favicon.ico']) {
      const got = await page.request.get(`${server.baseUrl}${address}`);
      assert.equal(got.status(), 200, address);
      assert.match(got.headers()['content-type']!, /^image\/svg\+xml/, address);
      assert.match(await got.text(), /^<svg /, address);
    }

    // chart legends inside their drawing, also with WCAG's text spacing, at every width
    await page.goto(`${server.baseUrl}${await indicatorPage(server)}`);
    // (through the CSS object model: the pages' Content Security Policy refuses inline styles)
    await page.evaluate(() => {
      for (const element of document.querySelectorAll<HTMLElement | SVGElement>('body *')) {
        element.style.setProperty('line-height', '1.5', 'important');
        element.style.setProperty('letter-spacing', '0.12em', 'important');
        element.style.setProperty('word-spacing', '0.16em', 'important');
      }
    });
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 900 });
      const outside = await page.locator('svg.app-chart').evaluateAll((charts) =>
        charts.flatMap((chart) => {
          const box = chart.getBoundingClientRect();
          return [...chart.querySelectorAll('.app-chart__legend')]
            .map((legend) => legend.getBoundingClientRect())
            .filter((legend) => legend.right > box.right + 0.5 || legend.bottom > box.bottom + 0.5)
            .map((legend) => `${Math.round(legend.right)}>${Math.round(box.right)}`);
        }),
      );
      assert.ok((await page.locator('svg.app-chart .app-chart__legend').count()) > 1, 'legends drawn');
      assert.deepEqual(outside, [], `legends inside their charts at ${width} pixels`);
    }
    await page.context().close();
  });
});
