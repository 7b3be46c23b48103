// Pages sent one byte a character (ADR 0056, in place of ADR 0024's patches). V8 holds a string
// whose characters all fall below U+0100 one byte a character; a single curly apostrophe or en
// dash makes a whole page two bytes a character, and joining and encoding it then costs several
// times as much. So the rendered page is narrowed once, here, as Express renders it: every
// character above U+00FF becomes a numeric character reference, which a browser reads as the
// same character. Nunjucks' own escaping and the templates' source are left as they are.
//
// The one place where a reference would not be read, a `<style>` or `<script>` element, carries
// no such character: inlined stylesheets are narrowed with CSS escapes (`narrowCss`), and the
// layout's script is ASCII.
//
// Narrowing a page that is already one byte a character costs nothing; narrowing one that is not
// costs several milliseconds on a large page (the whole page is copied twice). The national-scale
// benchmark showed it (ADR 0058: the plan page at full speed 2.1 times its ratio to /ping before,
// every page two bytes a character because of a curly apostrophe in a partnership's name). So
// the pieces a page is made of are kept narrow as well: the values templates write are escaped
// with the characters above U+00FF as references (Nunjucks escapes through one function, for
// every environment: replaced here, and only here), kept HTML is narrowed as it is kept
// (kept-html.ts), and the layout's own text uses references. A template's literal text may
// still carry such a character; its page is then narrowed here, correctly, at that cost.
import type { Express } from 'express';
import nunjucks from 'nunjucks';
import { escapeHtml, narrowHtml } from './html-text.ts';

(nunjucks as unknown as { lib: { escape: (text: string) => string } }).lib.escape = escapeHtml;

type ViewClass = new (
  name: string,
  options: unknown,
) => { name: string; render(locals: object, done: (error: Error | null, html?: string) => void): void };

/** Has every view the app renders narrow its page before it is sent. */
export function narrowPages(app: Express): void {
  const View = app.get('view') as ViewClass;
  app.set(
    'view',
    class NarrowView extends View {
      override render(locals: object, done: (error: Error | null, html?: string) => void) {
        super.render(locals, (error, html) => done(error, html === undefined ? html : narrowHtml(html)));
      }
    },
  );
}
