// The benchmarking journey: an administrator publishes an indicator, and the partnership's
// benchmark shows it beside its statistical neighbour (Medway publishes NI 73; Dudley is one of
// Medway's neighbours and Medway one of Dudley's) and England. Every page on the way passes axe.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { systemCaller } from '../src/platform/http/auth.ts';
import { homePartnership, startE2eServer, type E2eServer } from '../test/support/e2e-server.ts';
import { andWait, headingOf, launchBrowser, newTab } from './support/browser.ts';
import { assertNoAxeViolations } from './support/axe.ts';

const home = `/partnerships/${homePartnership}`;

describe('the benchmarking journey', () => {
  let server: E2eServer;
  let browser: Browser;
  before(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
    const dudley = systemCaller('e2e', server.partnershipIds[homePartnership]!);
    const medway = systemCaller('e2e', server.partnershipIds.medway!);
    const indicators = server.services.indicators;
    await indicators.track(dudley, 'NI 73');
    await indicators.recordValue(dudley, 'NI 73', { period: '2009/10', value: 70, breakdownKind: 'all' });
    await indicators.recordComparator(dudley, 'NI 73', {
      period: '2009/10',
      comparator: 'england',
      value: 72,
    });
    const theirs = await indicators.track(medway, 'NI 73');
    await indicators.recordValue(medway, 'NI 73', { period: '2009/10', value: 74, breakdownKind: 'all' });
    await server.services.benchmarking.setPublished(medway, [theirs.id]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('publishes an indicator and compares it with a neighbour and England', async () => {
    const page = await newTab(browser, server.baseUrl, server.users.partnershipAdmin);
    await page.goto(`${server.baseUrl}${home}`);
    // the menu's group, then its section (issue 23)
    await andWait(page, () => page.getByRole('link', { name: 'Plan and performance', exact: true }).click());
    await andWait(page, () => page.getByRole('link', { name: 'Benchmarking', exact: true }).click());
    assert.equal(await headingOf(page), 'Benchmarking');
    await assertNoAxeViolations(page, 'the benchmarking page');
    await andWait(page, () =>
      page
        .getByRole('link', { name: 'Choose the indicators the partnership publishes for benchmarking' })
        .click(),
    );
    await page.getByRole('checkbox', { name: /NI 73/ }).check();
    await andWait(page, () => page.getByRole('button', { name: 'Save what is published' }).click());
    assert.equal(await headingOf(page), 'Benchmarking');
    assert.match(await page.locator('#benchmarking tbody').innerText(), /NI 73[\s\S]*\tYes\t1$/);

    await andWait(page, () => page.getByRole('link', { name: 'NI 73 benchmark' }).click());
    assert.equal(await headingOf(page), 'Benchmark');
    await assertNoAxeViolations(page, 'the benchmark page');
    const table = await page.locator('#benchmark').innerText();
    assert.match(table, /Medway/);
    assert.match(table, /2009\/10\s+70%\s+74%\s+74% \(of 1\)\s+72%\s+2 of 2/);
    assert.equal(await page.locator('#benchmark-chart svg[role="img"]').count(), 1);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download the table as CSV' }).click();
    assert.match((await download).suggestedFilename(), /^dudley-ni-73-benchmark\.csv$/);
  });
});
