// Pages are kept to one byte a character (ADR 0024; since ADR 0056 the rendered page is
// narrowed once, in narrow-pages.ts, and the SVG the server draws is escaped here). V8 holds a string whose characters all
// fall below U+0100 one byte a character; a single character above (a curly apostrophe, an en
// dash) makes the whole page two bytes a character, and joining the page's thousands of pieces
// and encoding it as UTF-8 then cost ten times as much (about a millisecond for a 70 KB page).
// So every character above U+00FF that a page would carry is written as a numeric character
// reference instead, which a browser reads as the same character.

const wide = /[\u{100}-\u{10FFFF}]/gu;
const special = /[&<>"'\\\u{100}-\u{10FFFF}]/gu;
// as Nunjucks escapes, backslash included
const named: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '\\': '&#92;',
};

/**
 * The text with each match of the pattern replaced by its reference. A string that held a
 * character above U+00FF stays two bytes a character after the replacement, though none is
 * left (V8 builds the result like its subject), so it is copied one byte a character.
 */
function referenced(text: string, pattern: RegExp): string {
  let narrowed = false;
  const result = text.replace(pattern, (character) => {
    const name = named[character];
    if (name) return name;
    narrowed = true;
    return `&#x${character.codePointAt(0)!.toString(16)};`;
  });
  return narrowed ? Buffer.from(result, 'latin1').toString('latin1') : result;
}

/** Text as HTML: markup characters escaped, characters above U+00FF as character references. */
export function escapeHtml(text: string): string {
  return referenced(text, special);
}

/** HTML with every character above U+00FF written as a character reference. */
export function narrowHtml(html: string): string {
  return referenced(html, wide);
}

/**
 * CSS for a `<style>` element, where character references are not read: a character above
 * U+00FF as a CSS escape (`\200b `), and no byte order mark.
 */
export function narrowCss(css: string): string {
  return css.replace(/^\u{feff}/u, '').replace(wide, (c) => `\\${c.codePointAt(0)!.toString(16)} `);
}

/** Where the text's first character above U+00FF is, or -1 (V8 keeps it one byte a character). */
export function firstWide(text: string): number {
  return text.search(/[\u{100}-\u{10FFFF}]/u);
}
