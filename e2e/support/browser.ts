// One Chromium per test file, a browser context per person, and waiting for the page that
// a key press or a click leads to.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../test/support/browser.ts';
import type { E2eUser } from '../../test/support/e2e-server.ts';

export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium was not found at /usr/bin/chromium');
  return chromium.launch({ executablePath, args: chromiumArgs });
}

/** A fresh context (cookies of its own), the size of a laptop screen, in British English. */
export async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  return context;
}

/**
 * Does `action` (a key press, a click) and waits for the page it leads to, following
 * redirects, to have loaded (so GOV.UK Frontend's script has run). Works when the new page
 * has the same address as the old, as a form shown again with errors does.
 */
export async function andWait(page: Page, action: () => Promise<void>): Promise<void> {
  const navigated = page.waitForEvent('framenavigated', {
    predicate: (frame) => frame === page.mainFrame(),
  });
  await action();
  await navigated;
  await page.waitForLoadState('load');
}

/**
 * Signs in by posting the sign-in form over HTTP with the context's own cookies: quicker than
 * a page. (The journeys sign in through the page, with the keyboard.)
 */
export async function signIn(page: Page, baseUrl: string, user: E2eUser): Promise<void> {
  const form = await page.request.get(`${baseUrl}/sign-in`);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  if (!csrf) throw new Error('No CSRF token on the sign-in page');
  const response = await page.request.post(`${baseUrl}/sign-in`, {
    form: { _csrf: csrf, email: user.email, password: user.password, returnTo: '/' },
    maxRedirects: 0,
  });
  if (response.status() !== 303)
    throw new Error(`Signing in as ${user.email} failed with status ${response.status()}`);
}

/** A tab in a context of its own, signed in as `user` (signed out without one). */
export async function newTab(browser: Browser, baseUrl: string, user?: E2eUser): Promise<Page> {
  const page = await (await newContext(browser)).newPage();
  if (user) await signIn(page, baseUrl, user);
  return page;
}

export const headingOf = async (page: Page) => (await page.locator('h1').innerText()).trim();
