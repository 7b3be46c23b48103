// The accessibility sweep over a list of pages: one server and one browser, one tab per kind of
// user signed in once and reused from page to page, and for each page its status, its h1 and an
// axe check (WCAG 2.2 AA). The list is in pages.ts; two test files sweep its halves side by side.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startE2eServer, type E2eServer } from '../../test/support/e2e-server.ts';
import { headingOf, launchBrowser, newTab } from './browser.ts';
import { assertNoAxeViolations } from './axe.ts';
import type { PageToCheck } from './pages.ts';

export function sweep(title: string, pages: PageToCheck[]): void {
  describe(title, () => {
    let server: E2eServer;
    let browser: Browser;
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
        // no page scrolls sideways as a whole at 320 pixels: wide tables scroll in their regions
        await page.setViewportSize({ width: 320, height: 900 });
        const wide = await page.evaluate(() =>
          document.documentElement.scrollWidth <= 320
            ? []
            : [...document.querySelectorAll('main *')]
                .filter((element) => !element.closest('.app-table-scroll, .app-diagram-wrapper'))
                .filter((element) => element.getBoundingClientRect().right > 321)
                .filter(
                  (element) =>
                    !element.parentElement || element.parentElement.getBoundingClientRect().right <= 321,
                )
                .map((element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}`)
                .concat(`(${document.documentElement.scrollWidth} pixels)`),
        );
        await page.setViewportSize({ width: 1280, height: 900 });
        assert.deepEqual(wide, [], `${check.name}: wider than 320 pixels outside scroll containers`);
      });
    }
  });
}
