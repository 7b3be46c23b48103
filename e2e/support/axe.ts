// The axe check: WCAG 2.2 AA (and the 2.0 and 2.1 A and AA rules it builds on), with a
// failure message that says which rule failed on which element and how to fix it.
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

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

/**
 * Runs axe on the page as it is now and fails with every violation listed. In axe's "legacy"
 * mode, which runs in the page itself rather than opening a blank page to gather the results
 * of every frame: half the time, and the service's pages have no frames.
 */
export async function assertNoAxeViolations(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).setLegacyMode(true).analyze();
  const { violations } = results;
  assert.equal(
    violations.length,
    0,
    `${name} (${page.url()}) has ${violations.length} accessibility violation${violations.length === 1 ? '' : 's'}: ${violations.map((v) => v.id).join(', ')}\n${describeViolations(violations)}`,
  );
}
