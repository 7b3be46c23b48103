// `{% keep %}…{% endkeep %}`: the part of a kept page rendered from its read (ADR 0056). The
// route declares the page kept and what it depends on (`keptPage` in platform/http/kept-pages.ts);
// the tag names nothing itself, so its key is the route's declaration, and outside production
// every part served from what was kept is rendered again and compared. On a page whose route
// declared nothing, the part is rendered every time.
//
// Forms inside get the CSRF token of whoever is served the page (the part is kept with a
// placeholder for it); the CSP nonce can never be inside (a kept part holding it, or a token,
// fails).
import nunjucks from 'nunjucks';
import { csrfPlaceholder, type KeptPage } from '../http/kept-pages.ts';
import { narrowHtml } from './html-text.ts';
import type { KeptParts } from './send-pages.ts';

interface TemplateContext {
  lookup(name: string): unknown;
  ctx: Record<string, unknown>;
}

/** The `keep` tag (the parser's API is nunjucks' own, untyped). */
/* eslint-disable @typescript-eslint/no-explicit-any */
export class KeepExtension implements nunjucks.Extension {
  tags = ['keep'];

  parse(parser: any, nodes: any): any {
    const token = parser.nextToken();
    const args = parser.parseSignature(null, true);
    if (args.children.length)
      throw new Error(
        '{% keep %} names nothing: what the part depends on is declared on its route (keptPage)',
      );
    parser.advanceAfterBlockEnd(token.value);
    const body = parser.parseUntilBlocks('endkeep');
    parser.advanceAfterBlockEnd();
    return new nodes.CallExtension(this, 'run', args, [body]);
  }
  /* eslint-enable */

  run(context: TemplateContext, body: () => unknown): nunjucks.runtime.SafeString {
    const page = context.lookup('keptPage') as Pick<KeptPage, 'html'> | undefined;
    const token = context.ctx.csrfToken;
    if (!page) return new nunjucks.runtime.SafeString(String(body()));
    // a form inside a kept part gets the token of whoever is served it, never of the first
    const render = () => {
      context.ctx.csrfToken = csrfPlaceholder;
      try {
        // narrowed once, as it is kept: the page's narrowing then finds nothing to change in it
        // (narrow-pages.ts), instead of widening and rewriting the whole page on every request
        return narrowHtml(String(body())).split(csrfPlaceholder);
      } finally {
        context.ctx.csrfToken = token;
      }
    };
    const pieces = page.html(render);
    const between = typeof token === 'string' ? token : '';
    // a page `res.render` sends: the part stands as a mark, and its bytes are sent (send-pages.ts)
    const parts = context.lookup('keptParts') as KeptParts | undefined;
    if (parts) return new nunjucks.runtime.SafeString(parts.place(pieces, between));
    return new nunjucks.runtime.SafeString(pieces.map((piece) => piece.toString()).join(between));
  }
}
