// The axe check: WCAG 2.2 AA (and the 2.0 and 2.1 A and AA rules it builds on), with a
// failure message that says which rule failed on which element and how to fix it.
//
// axe-core itself, run in the page: its minified source is put into a page once (not sent
// again while the page stays), and it keeps only what it found wrong (`resultTypes`), which is
// all the check reads. (@axe-core/playwright sent the unminified 1.5 MB source twice per check
// and gathered every rule's passes: half the browser suite's time.)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';
import type axe from 'axe-core';
import type { Page } from 'playwright-core';

export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

type Violation = AxeResults['violations'][number];

let source: string | undefined;
const axeSource = () =>
  (source ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));

const options: RunOptions = { runOnly: { type: 'tag', values: wcagTags }, resultTypes: ['violations'] };

/** What axe finds wrong on the page as it is now (WCAG 2.2 AA). */
export async function axeViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource());
  return page.evaluate(
    async (runOptions) =>
      (await (window as unknown as { axe: typeof axe }).axe.run(document, runOptions)).violations,
    options,
  );
}

export function describeViolations(violations: Violation[]): string {
  return violations
    .map((violation) =>
      [
        `- ${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help}`,
        `  ${violation.helpUrl}`,
        ...violation.nodes.flatMap((node) => [
          `  at ${node.target.map(String).join(' ')}`,
          `     ${node.html.replace(/\s+/g, ' ').slice(0, 300)}`,
          ...(node.failureSummary ?? '').split('\n').map((line) => `     ${line.trim()}`),
        ]),
      ].join('\n'),
    )
    .join('\n');
}

/** Runs axe on the page as it is now and fails with every violation listed. */
export async function assertNoAxeViolations(page: Page, name: string): Promise<void> {
  const violations = await axeViolations(page);
  assert.equal(
    violations.length,
    0,
    `${name} (${page.url()}) has ${violations.length} accessibility violation${violations.length === 1 ? '' : 's'}: ${violations.map((v) => v.id).join(', ')}\n${describeViolations(violations)}`,
  );
}
