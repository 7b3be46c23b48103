// Signing in with the council's own accounts in a browser (issue 18): the sign-in page offers
// the provider (a real OpenID Connect provider, oidc-provider, started by the test), a known
// user signs in through the provider's own forms, and the pages that say why a sign-in did not
// happen (a stranger, a sign-in that cannot be completed, the provider down) pass axe.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startE2eServer, type E2eServer } from '../test/support/e2e-server.ts';
import { freePort } from '../test/support/mail.ts';
import { startOidcProvider, testClient } from '../test/support/oidc-provider.ts';
import { andWait, headingOf, launchBrowser, newTab } from './support/browser.ts';
import { assertNoAxeViolations } from './support/axe.ts';
import { tabTo } from './support/keyboard.ts';

const button = 'Sign in with Testshire County Council';

describe('signing in with the council’s accounts, in a browser', () => {
  let server: E2eServer;
  let browser: Browser;
  let provider: Awaited<ReturnType<typeof startOidcProvider>>;
  let tokenEndpointDown = false;
  const accounts = {
    known: { email: '', email_verified: true, name: 'Kim Known' },
    stranger: { email: 'stranger@example.org', email_verified: true, name: 'A Stranger' },
  };

  before(async () => {
    const port = await freePort();
    provider = await startOidcProvider(`http://127.0.0.1:${port}/sign-in/oidc/callback`, accounts);
    provider.provider.use(async (context, next) => {
      if (tokenEndpointDown && context.path === '/token') context.status = 503;
      else await next();
    });
    [server, browser] = await Promise.all([
      startE2eServer(
        {
          OIDC_ISSUER: provider.issuer,
          OIDC_CLIENT_ID: testClient.id,
          OIDC_CLIENT_SECRET: testClient.secret,
          OIDC_REDIRECT_URL: `http://127.0.0.1:${port}/sign-in/oidc/callback`,
          OIDC_BUTTON_LABEL: 'Sign in with Testshire County Council',
        },
        port,
      ),
      launchBrowser(),
    ]);
    accounts.known.email = (await server.addUser({ name: 'Kim Known', role: 'viewer' })).email;
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await provider?.stop();
  });

  /** From the sign-in page, by keyboard, to the provider's login form; signs in there as `login`. */
  async function throughTheProvider(page: Page, login: string) {
    await page.goto(`${server.baseUrl}/sign-in`);
    await assertNoAxeViolations(page, 'sign in, with the provider offered');
    await tabTo(page, page.getByRole('button', { name: button }), { what: button });
    await andWait(page, () => page.keyboard.press('Enter'));
    // the provider's own development forms (not this service's pages: no axe here)
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('any password');
    await andWait(page, () => page.locator('button[type="submit"]').click());
    await andWait(page, () => page.getByRole('button', { name: 'Continue' }).click());
  }

  it('signs a known user in through the provider’s forms', async () => {
    const page = await newTab(browser, server.baseUrl);
    await throughTheProvider(page, 'known');
    assert.equal(new URL(page.url()).origin, server.baseUrl);
    assert.match(await page.locator('.app-header__account-name').innerText(), /Kim Known/);
    await assertNoAxeViolations(page, 'signed in through the provider');
  });

  it('tells a stranger to ask for an invitation', async () => {
    const page = await newTab(browser, server.baseUrl);
    await throughTheProvider(page, 'stranger');
    assert.equal(await headingOf(page), 'You do not have an account yet');
    await assertNoAxeViolations(page, 'a stranger refused');
  });

  it('says when a sign-in cannot be completed, and when the provider is down', async () => {
    const page = await newTab(browser, server.baseUrl);
    await page.goto(`${server.baseUrl}/sign-in/oidc/callback?code=stale&state=not-this-browsers`);
    assert.equal(await headingOf(page), 'Your sign-in could not be completed');
    await assertNoAxeViolations(page, 'a sign-in that cannot be completed');

    // the provider's token endpoint fails (503) when the service calls it on the way back
    tokenEndpointDown = true;
    await throughTheProvider(page, 'known');
    assert.equal(await headingOf(page), 'The sign-in service is not available');
    await assertNoAxeViolations(page, 'the provider down');
  });
});
