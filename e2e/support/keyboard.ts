// Moving through a page with the keyboard alone, checking at every stop that focus is on
// something (not lost to the page body), that the thing is on screen and that it shows the
// GOV.UK focus indicator (or any visible outline).
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';

export interface FocusState {
  /** Nothing has focus: it is on the page body (or nowhere). */
  lost: boolean;
  /** Like `a "Sign in"` or `input#email "Email address"`, for messages. */
  description: string;
  /** On screen: has a size, is not hidden and is inside the viewport. */
  visible: boolean;
  /** Shows that it has focus: the GOV.UK yellow, or an outline that is not transparent. */
  indicator: boolean;
}

/** What has focus now. Runs in the page. */
export function focusState(page: Page): Promise<FocusState> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body || element === document.documentElement)
      return { lost: true, description: 'the page body', visible: false, indicator: false };
    const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
    const labels = (element as HTMLInputElement).labels;
    const name = (
      squash(element.getAttribute('aria-label')) ||
      squash(labels?.[0]?.textContent) ||
      squash(element.textContent)
    ).slice(0, 80);
    const tag = element.tagName.toLowerCase();
    const description = `${tag}${element.id ? `#${element.id}` : ''}${element.getAttribute('type') ? `[type=${element.getAttribute('type')}]` : ''} "${name}"`;

    const rect = element.getBoundingClientRect();
    const visible =
      rect.width > 0 &&
      rect.height > 0 &&
      element.checkVisibility({ visibilityProperty: true }) &&
      rect.bottom > 0 &&
      rect.top < window.innerHeight;

    // GOV.UK Frontend shows focus in its yellow ($govuk-focus-colour, #ffdd00): a yellow
    // background (links, buttons), outline (inputs) or box shadow (radios and checkboxes,
    // on their label's ::before, since the real input is transparent).
    const yellow = 'rgb(255, 221, 0)';
    const shows = (style: CSSStyleDeclaration) => {
      const outline =
        style.outlineStyle !== 'none' &&
        parseFloat(style.outlineWidth) > 0 &&
        style.outlineColor !== 'transparent' &&
        !/^rgba\(.*,\s*0\)$/.test(style.outlineColor);
      return (
        outline ||
        [style.backgroundColor, style.boxShadow, style.borderColor, style.outlineColor].some((value) =>
          value.includes(yellow),
        )
      );
    };
    const label = labels?.[0];
    const indicator =
      shows(getComputedStyle(element)) || (label ? shows(getComputedStyle(label, '::before')) : false);
    return { lost: false, description, visible, indicator };
  });
}

/** Fails unless focus is on something visible that shows it has focus. */
export async function assertFocusVisible(page: Page, context = ''): Promise<FocusState> {
  const state = await focusState(page);
  const where = context ? ` ${context}` : '';
  assert.ok(!state.lost, `Focus was lost to the page body${where} on ${page.url()}`);
  assert.ok(
    state.visible,
    `The focused ${state.description} is not visible on screen${where} (${page.url()})`,
  );
  assert.ok(
    state.indicator,
    `The focused ${state.description} shows no focus indicator${where} (${page.url()})`,
  );
  return state;
}

export const hasFocus = (target: Locator) => target.evaluate((element) => element === document.activeElement);

/** Fails unless `target` has focus, visibly. */
export async function assertFocused(page: Page, target: Locator, what: string): Promise<void> {
  const state = await focusState(page);
  assert.ok(await hasFocus(target), `Expected focus on ${what}, but it is on ${state.description}`);
  await assertFocusVisible(page, `(${what})`);
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, checking every stop on the way.
 * Returns the stops, in order. Fails, listing them, if `target` is not reached.
 */
export async function tabTo(
  page: Page,
  target: Locator,
  options: { max?: number; backwards?: boolean; what?: string } = {},
): Promise<string[]> {
  const max = options.max ?? 40;
  const what = options.what ?? target.toString();
  const stops: string[] = [];
  for (let press = 1; press <= max; press++) {
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
    const state = await assertFocusVisible(page, `after pressing Tab ${press} times towards ${what}`);
    stops.push(state.description);
    if (await hasFocus(target)) return stops;
  }
  assert.fail(`Could not reach ${what} with ${max} presses of Tab. Focus went to:\n  ${stops.join('\n  ')}`);
}

/** Selects all the text in the focused field and types over it. */
export async function retype(page: Page, text: string): Promise<void> {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  if (text) await page.keyboard.type(text);
}
