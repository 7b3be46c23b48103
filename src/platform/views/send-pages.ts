// Pages sent in parts (ADR 0061). A kept page's `{% keep %}` part is most of it (the compliance
// page's is about 200 KB at national scale), kept encoded, outside V8's heap (kept-pages.ts). Were
// it written into the page's text, every request would make the page again as one string: a
// string that large is made straight in V8's old generation, and at 20 requests a second the
// heap then grew by megabytes a second, a full collection every three seconds pausing the
// server for 5 to 15 ms (seen with --trace-gc at national scale). So a page that `res.render`
// sends has each kept part stand as a mark in its text, and is sent as the text's pieces and the
// kept parts' bytes, one after the other, with the CSRF token of whoever is served it between a
// kept part's pieces. Rendering with a callback (a document printed from a page) gets the page
// whole, as before.
import { randomBytes } from 'node:crypto';
import type { Express, Response } from 'express';

type Done = (error: Error | null, html?: string) => void;

/** Marks no page's text can hold: a NUL, and a value made afresh for each process. */
const markStart = `\u0000kept-${randomBytes(9).toString('base64url')}-`;
const markEnd = '\u0000';
const marks = new RegExp(`${markStart}(\\d+)${markEnd}`, 'g');

/** The kept parts of one page being rendered, each standing as a mark in its text. */
export class KeptParts {
  private readonly parts: Buffer[][] = [];

  /** Stands for a kept part (its pieces, with `token` between them) in the page's text. */
  place(pieces: readonly Buffer[], token: string): string {
    const between = Buffer.from(token);
    this.parts.push(pieces.flatMap((piece, index) => (index ? [between, piece] : [piece])));
    return `${markStart}${this.parts.length - 1}${markEnd}`;
  }

  /** The page's bytes, in order: its text's pieces and its kept parts'. */
  chunks(html: string): Buffer[] {
    const chunks: Buffer[] = [];
    let from = 0;
    for (const found of html.matchAll(marks)) {
      if (found.index > from) chunks.push(Buffer.from(html.slice(from, found.index)));
      chunks.push(...this.parts[Number(found[1])]!);
      from = found.index + found[0].length;
    }
    if (from < html.length) chunks.push(Buffer.from(html.slice(from)));
    return chunks;
  }
}

function send(res: Response, html: string, parts: KeptParts): void {
  const chunks = parts.chunks(html);
  if (!res.get('Content-Type')) res.type('html');
  res.set('Content-Length', String(chunks.reduce((length, chunk) => length + chunk.length, 0)));
  if (res.req.method === 'HEAD') {
    res.end();
    return;
  }
  // one write to the socket for them all
  res.cork();
  for (const chunk of chunks) res.write(chunk);
  res.end();
}

/** Has every page `res.render` sends (without a callback) sent in parts. */
export function sendPagesInParts(app: Express): void {
  const render = app.response.render as (this: Response, view: string, options: object, done: Done) => void;
  function renderInParts(this: Response, view: string, options?: object, done?: Done): void {
    if (typeof options === 'function') return render.call(this, view, {}, options as Done);
    if (done) return render.call(this, view, options ?? {}, done);
    const parts = new KeptParts();
    render.call(this, view, { ...options, keptParts: parts }, (error, html) => {
      if (error) this.req.next!(error);
      else send(this, html ?? '', parts);
    });
  }
  app.response.render = renderInParts as Response['render'];
}
