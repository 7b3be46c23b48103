// An axe check (WCAG 2.2 AA) on every page the service has, in each state that shows
// something different: empty, with errors, with a message, as each kind of user.
//
// To check a new page, add it to `pages`: its name, its address (or a function that makes
// the data it needs and returns the address), who looks at it, the h1 that proves it is the
// right page, and optionally a `setup` that brings it into the state to check (e.g. submits
// its form empty to show the errors).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { systemCaller } from '../src/platform/http/auth.ts';
import { homePartnership, startE2eServer, type E2eServer, type UserKey } from '../test/support/e2e-server.ts';
import { andWait, headingOf, launchBrowser, newTab } from './support/browser.ts';
import { assertNoAxeViolations } from './support/axe.ts';

export interface PageToCheck {
  name: string;
  /** The address, or a function that makes the data the page needs and returns it. */
  path: string | ((server: E2eServer) => Promise<string>);
  /** Who looks at the page. */
  as: UserKey | 'signedOut';
  /** The page's h1, to be sure that the page checked is the one meant. */
  heading: string | RegExp;
  /** The HTTP status of the page as first loaded (200 unless said). */
  status?: number;
  /** After loading: brings the page into the state to check. */
  setup?: (page: Page, server: E2eServer) => Promise<void>;
}

const home = `/partnerships/${homePartnership}`;
const dudley = "Dudley Children's Trust";
let unique = 0;
const uniqueEmail = (what: string) => `${what}.${++unique}@example.org`;

/** Presses a form's button and waits for the page that comes back to show its errors. */
const submitShowingErrors = (button: string) => async (page: Page) => {
  await andWait(page, () => page.getByRole('button', { name: button, exact: true }).click());
  await page.locator('.govuk-error-summary').waitFor();
};

/** An invitation to the home partnership, made as the system; returns its join page. */
async function invitationLink(server: E2eServer): Promise<string> {
  const outcome = await server.services.members.add(
    systemCaller('e2e', server.partnershipIds[homePartnership]!),
    { email: uniqueEmail('invited'), role: 'member' },
  );
  if (outcome.outcome !== 'invited') assert.fail(`Expected an invitation, got ${outcome.outcome}`);
  return `/join/${homePartnership}/${outcome.token}`;
}

export const pages: PageToCheck[] = [
  // Signed out.
  { name: 'start page', path: '/', as: 'signedOut', heading: 'Cooperate' },
  { name: 'sign in', path: '/sign-in', as: 'signedOut', heading: 'Sign in' },
  {
    name: 'sign in, with errors',
    path: '/sign-in',
    as: 'signedOut',
    heading: 'Sign in',
    setup: submitShowingErrors('Sign in'),
  },
  {
    name: 'sign in, with a wrong password',
    path: '/sign-in',
    as: 'signedOut',
    heading: 'Sign in',
    async setup(page) {
      await page.getByLabel('Email address').fill('nobody@example.org');
      await page.getByLabel('Password', { exact: true }).fill('not the password');
      await submitShowingErrors('Sign in')(page);
    },
  },
  {
    name: 'form expired (403)',
    path: '/sign-in',
    as: 'signedOut',
    heading: 'Your form has expired',
    async setup(page) {
      await page.locator('input[name="_csrf"]').evaluate((input: HTMLInputElement) => {
        input.value = 'not-the-token';
      });
      await page.getByLabel('Email address').fill('nobody@example.org');
      await page.getByLabel('Password', { exact: true }).fill('not the password');
      await andWait(page, () => page.getByRole('button', { name: 'Sign in', exact: true }).click());
    },
  },
  { name: 'local authorities', path: '/authorities', as: 'signedOut', heading: 'Local authorities' },
  {
    name: 'local authorities, filtered',
    path: '/authorities?q=dud&region=West+Midlands&type=metropolitan+borough',
    as: 'signedOut',
    heading: 'Local authorities',
  },
  {
    name: 'local authorities, filter with errors',
    path: '/authorities?type=parish',
    as: 'signedOut',
    heading: 'Local authorities',
  },
  { name: 'a local authority', path: '/authorities/E08000027', as: 'signedOut', heading: 'Dudley' },
  {
    name: 'join from an invitation link',
    path: invitationLink,
    as: 'signedOut',
    heading: 'Set up your account',
  },
  {
    name: 'join from an invitation link, with errors',
    path: invitationLink,
    as: 'signedOut',
    heading: 'Set up your account',
    async setup(page) {
      await page.getByLabel('Create a password').fill('short');
      await submitShowingErrors('Create account')(page);
    },
  },
  {
    name: 'join from a link that is not valid (404)',
    path: `/join/${homePartnership}/inv_not-a-real-token`,
    as: 'signedOut',
    heading: 'Page not found',
    status: 404,
  },
  {
    name: 'page not found, signed out (404)',
    path: '/no-such-page',
    as: 'signedOut',
    heading: 'Page not found',
    status: 404,
  },

  // A platform administrator.
  { name: 'partnerships list', path: '/', as: 'platformAdmin', heading: 'Your partnerships' },
  { name: 'a partnership overview', path: home, as: 'platformAdmin', heading: dudley },
  {
    name: 'create a partnership',
    path: '/partnerships/new',
    as: 'platformAdmin',
    heading: 'Create a partnership',
  },
  {
    name: 'create a partnership, with errors',
    path: '/partnerships/new',
    as: 'platformAdmin',
    heading: 'Create a partnership',
    setup: submitShowingErrors('Create partnership'),
  },
  { name: 'API tokens, none yet', path: '/account/tokens', as: 'platformAdmin', heading: 'API tokens' },
  {
    name: 'API tokens, with errors',
    path: '/account/tokens',
    as: 'platformAdmin',
    heading: 'API tokens',
    setup: submitShowingErrors('Create token'),
  },
  {
    name: 'API token created',
    path: '/account/tokens',
    as: 'platformAdmin',
    heading: 'API token created',
    async setup(page) {
      await page.getByLabel('Name').fill('Performance dashboard');
      await andWait(page, () => page.getByRole('button', { name: 'Create token' }).click());
    },
  },
  {
    name: 'API tokens, one in use and one revoked',
    async path(server) {
      const user = server.users.outsider;
      const caller = { ...systemCaller('e2e'), userId: user.id };
      await server.services.tokens.create(caller, user.id, 'Dashboard');
      const revoked = await server.services.tokens.create(caller, user.id, 'Old script');
      await server.services.tokens.revoke(caller, revoked.id);
      return '/account/tokens';
    },
    as: 'outsider',
    heading: 'API tokens',
  },
  {
    name: 'page not found (404)',
    path: '/no-such-page',
    as: 'platformAdmin',
    heading: 'Page not found',
    status: 404,
  },

  // An administrator of the home partnership.
  {
    name: 'partnerships list, one partnership',
    path: '/',
    as: 'partnershipAdmin',
    heading: 'Your partnerships',
  },
  {
    name: 'change partnership details',
    path: `${home}/edit`,
    as: 'partnershipAdmin',
    heading: 'Change partnership details',
  },
  {
    name: 'change partnership details, with errors',
    path: `${home}/edit`,
    as: 'partnershipAdmin',
    heading: 'Change partnership details',
    async setup(page) {
      await page.getByLabel('Local authority').selectOption('');
      await page.getByLabel('Name', { exact: true }).fill('');
      await page.getByLabel('Short name for web addresses').fill('Not a short name!');
      await page.getByLabel('Day').fill('31');
      await page.getByLabel('Month').fill('2');
      await page.getByLabel('Year').fill('2007');
      await submitShowingErrors('Save changes')(page);
    },
  },
  {
    name: 'a partnership overview, with a success message',
    path: `${home}/edit`,
    as: 'partnershipAdmin',
    heading: dudley,
    async setup(page) {
      await andWait(page, () => page.getByRole('button', { name: 'Save changes' }).click());
      await page.locator('.govuk-notification-banner').waitFor();
    },
  },
  { name: 'users', path: `${home}/users`, as: 'partnershipAdmin', heading: 'Users' },
  {
    name: 'users, with errors',
    path: `${home}/users`,
    as: 'partnershipAdmin',
    heading: 'Users',
    setup: submitShowingErrors('Add user'),
  },
  {
    name: 'invitation created',
    path: `${home}/users`,
    as: 'partnershipAdmin',
    heading: 'Invitation created',
    async setup(page) {
      await page.getByLabel('Email address').fill(uniqueEmail('new.user'));
      await page.getByRole('radio', { name: /^Viewer/ }).check();
      await andWait(page, () => page.getByRole('button', { name: 'Add user' }).click());
    },
  },
  {
    name: 'users, with an invitation waiting',
    async path(server) {
      await invitationLink(server);
      return `${home}/users`;
    },
    as: 'partnershipAdmin',
    heading: 'Users',
  },
  { name: 'audit trail', path: `${home}/audit`, as: 'partnershipAdmin', heading: 'Audit trail' },
  {
    name: 'audit trail, with a change opened',
    path: `${home}/audit`,
    as: 'partnershipAdmin',
    heading: 'Audit trail',
    async setup(page) {
      await page.locator('.govuk-details__summary').first().click();
    },
  },
  {
    name: 'audit trail, filter with errors',
    path: `${home}/audit?from=yesterday`,
    as: 'partnershipAdmin',
    heading: 'Audit trail',
  },

  // A viewer of the home partnership, and someone with no partnership.
  { name: 'a partnership overview, as a viewer', path: home, as: 'viewer', heading: dudley },
  {
    name: 'no permission (403)',
    path: `${home}/users`,
    as: 'viewer',
    heading: 'You do not have permission to do this',
    status: 403,
  },
  { name: 'partnerships list, none', path: '/', as: 'outsider', heading: 'Your partnerships' },
];

describe('accessibility: no axe violations (WCAG 2.2 AA) on any page', () => {
  let server: E2eServer;
  let browser: Browser;
  // One tab per person, signed in once, reused from page to page.
  const tabs = new Map<PageToCheck['as'], Promise<Page>>();
  const tabFor = (as: PageToCheck['as']) => {
    let tab = tabs.get(as);
    if (!tab) {
      tab = newTab(browser, server.baseUrl, as === 'signedOut' ? undefined : server.users[as]);
      tabs.set(as, tab);
    }
    return tab;
  };

  before(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const check of pages) {
    it(`${check.name} (as ${check.as})`, async () => {
      const page = await tabFor(check.as);
      const path = typeof check.path === 'string' ? check.path : await check.path(server);
      const response = await page.goto(`${server.baseUrl}${path}`);
      assert.equal(response?.status(), check.status ?? 200, `${check.name}: status of ${path}`);
      await check.setup?.(page, server);
      const heading = await headingOf(page);
      if (typeof check.heading === 'string') assert.equal(heading, check.heading, `${check.name}: the h1`);
      else assert.match(heading, check.heading, `${check.name}: the h1`);
      await assertNoAxeViolations(page, check.name);
    });
  }
});
