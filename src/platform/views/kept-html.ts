// `{% keep "name", part… %}…{% endkeep %}`: a part of a page rendered once and kept under the
// partnership's data version (ADR 0023), as its data already is (ADR 0021). Rendering the
// templates had become most of what a page costs; what the partnership's rows, the address,
// the caller's role and the date decide is the same HTML until one of them changes.
//
// The key is the page's address (path and query), the caller's role, whether they are a
// platform administrator, today's date and the parts the template names. Anything else the
// kept part shows must be named in its parts (a user's id, the hour) or stay outside it. Forms
// inside get the CSRF token of whoever is served the page (the part is kept with a placeholder
// for it); the CSP nonce can never be inside (a kept part holding it, or a token, fails).
import type { Request, Response } from 'express';
import nunjucks from 'nunjucks';
import type { Database } from '../db/database.ts';
import { today } from '../http/date-input.ts';

/**
 * Keeps `render()`'s HTML under `key` for the page's partnership, or just renders it: the HTML
 * in pieces, split where the CSRF token goes, so that serving it joins them with the token.
 */
export type KeepRendered = (key: string, render: () => string[]) => string[];

/** Stands for the CSRF token in kept HTML (letters and hyphens: unchanged by any escaping). */
const csrfPlaceholder = 'kept-csrf-token-placeholder';

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
    parser.advanceAfterBlockEnd(token.value);
    const body = parser.parseUntilBlocks('endkeep');
    parser.advanceAfterBlockEnd();
    return new nodes.CallExtension(this, 'run', args, [body]);
  }
  /* eslint-enable */

  run(context: TemplateContext, ...args: unknown[]): nunjucks.runtime.SafeString {
    const body = args.pop() as () => unknown;
    const keep = context.lookup('keepRendered') as KeepRendered | undefined;
    const token = context.ctx.csrfToken;
    if (!keep) return new nunjucks.runtime.SafeString(String(body()));
    // a form inside a kept part gets the token of whoever is served it, never of the first
    const render = () => {
      context.ctx.csrfToken = csrfPlaceholder;
      try {
        return String(body()).split(csrfPlaceholder);
      } finally {
        context.ctx.csrfToken = token;
      }
    };
    const pieces = keep(args.map((part) => JSON.stringify(part ?? null)).join('|'), render);
    return new nunjucks.runtime.SafeString(
      pieces.length === 1 ? pieces[0]! : pieces.join(typeof token === 'string' ? token : ''),
    );
  }
}

/** What a partnership's page gives its templates as `keepRendered`. */
export function keepRenderedFor(db: Database<unknown>, req: Request, res: Response): KeepRendered {
  return (key, render) => {
    const tenant = req.tenant;
    // a form sent back with its errors shows what was sent: never kept
    if (!tenant || (req.method !== 'GET' && req.method !== 'HEAD')) return render();
    const caller = `${tenant.role ?? ''}${req.user?.platformAdmin ? '+platform' : ''}`;
    return db.keptNow(tenant.partnershipId, `html|${req.originalUrl}|${caller}|${today()}|${key}`, () => {
      const pieces = render();
      const locals = res.locals as { csrfToken?: string; cspNonce?: string };
      for (const secret of [locals.csrfToken, locals.cspNonce])
        if (secret && pieces.some((piece) => piece.includes(secret)))
          throw new Error(
            "A kept part of a page holds the request's CSRF token or CSP nonce: render it outside {% keep %}",
          );
      return pieces;
    });
  };
}
