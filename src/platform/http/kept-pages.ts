// Caching, declared once (ADR 0056). A page that is kept says so on its route:
//
//   router.get('/structure', keptPage('structure', { by: ['date'] }), async (req, res) => {
//     const page = await pageRead(res, () => readEverythingThePageShows(req));
//     res.render(view, { ...page, … });
//   });
//
// and its template marks the part of the page rendered from that read with `{% keep %}`. A JSON
// answer is declared with its handler, built and serialised once:
//   router.get('/bodies', keptAnswer('structure answer', { by: ['date'] }, async (req) => answer)); The
// page's read and the HTML of that part are kept under one key: the partnership's data version
// (a trigger moves it on with every change to the partnership's rows, ADR 0021), the page's
// address (path and query), the caller's role (always), and the inputs the route names: `date`
// (today), `user` (the signed-in user, where what is shown depends on who they are). A page of
// what spans partnerships (the list of partnerships) names it (`across`) and is kept under the
// platform's version of it instead (ADR 0060). Values the
// handler works out per request after the read (whether a meeting has happened) are added to
// the HTML's key with `pageInput`. Services and repositories only read, in one transaction: no
// cache is decided at a call.
//
// Outside production (`check`), every answer served from what was kept is worked out again and
// compared: a page whose read or HTML depends on something its declaration does not name fails
// the first test that shows it to two callers the declaration cannot tell apart.
import { isDeepStrictEqual } from 'node:util';
import type { Request, RequestHandler, Response } from 'express';
import type { Database, SpanningList } from '../db/database.ts';
import { today } from './date-input.ts';

/** What a kept page may depend on besides the partnership's data, the address and the role. */
export type KeptInput = 'date' | 'user';

export interface KeptDeclaration {
  by?: readonly KeptInput[];
  /** The partnership whose data the page shows, when the address has no tenant (the public site). */
  partnership?: (req: Request, res: Response) => string | undefined;
  /**
   * The page shows national reference data only (the local authorities), which changes only with
   * a release (its migrations): kept until the process ends, whoever asks.
   */
  reference?: boolean;
  /**
   * The page shows what spans partnerships, which no one partnership's version covers: the list
   * of partnerships a caller may see (with `by: ['user']`), kept under the platform's version of
   * that list (ADR 0060: a trigger moves it with every change to a partnership or its members).
   */
  across?: SpanningList;
}

/** Where reference pages are kept: no partnership has this id, and its version is the release. */
const referenceScope = '00000000-0000-0000-0000-000000000000';

/** Where what spans partnerships is kept (ADR 0060): no partnership's id is a name. */
const acrossScope = (name: string) => `across ${name}`;

/** How pages are kept, for a whole app: installed once by the composition root. */
export interface PageKeeper {
  db: Database<unknown>;
  /** Work every answer served from what was kept out again and compare (tests). */
  check: boolean;
}

/** Stands for the CSRF token in kept HTML (letters and hyphens: unchanged by any escaping). */
export const csrfPlaceholder = 'kept-csrf-token-placeholder';

export class KeptPage {
  private readonly inputs: string[] = [];
  private readonly keeper: PageKeeper;
  private readonly req: Request;
  private readonly res: Response;
  private readonly declared: string;
  private readonly partnership: (req: Request, res: Response) => string | undefined;
  private readonly reference: boolean;
  private readonly across: SpanningList | undefined;
  /** The version of what spans partnerships as this request read it, when the page is `across`. */
  private acrossVersion: string | undefined;

  constructor(keeper: PageKeeper, req: Request, res: Response, name: string, declaration: KeptDeclaration) {
    this.keeper = keeper;
    this.req = req;
    this.res = res;
    this.reference = declaration.reference ?? false;
    this.across = declaration.across;
    const across = this.across;
    this.partnership = this.reference
      ? () => referenceScope
      : across
        ? () => acrossScope(across)
        : (declaration.partnership ?? ((request) => request.tenant?.partnershipId));
    const by = new Set(declaration.by ?? []);
    const role = `${req.tenant?.role ?? ''}${req.user?.platformAdmin ? '+platform' : ''}`;
    this.declared = [
      `page ${name}`,
      req.originalUrl,
      `role ${role}`,
      by.has('date') ? `date ${today()}` : '',
      by.has('user') ? `user ${req.user?.id ?? ''}` : '',
    ].join('|');
  }

  /** The key, or null when this request is served fresh (a form sent back, no partnership). */
  private key(): { partnershipId: string; key: string } | null {
    if (!this.asked()) return null;
    const partnershipId = this.partnership(this.req, this.res);
    if (this.reference) this.keeper.db.noteVersion(referenceScope, 'release');
    return partnershipId ? { partnershipId, key: this.declared } : null;
  }

  /** Whether the page is asked for (GET, HEAD), not sent back after a form was posted. */
  private asked(): boolean {
    return this.req.method === 'GET' || this.req.method === 'HEAD';
  }

  /**
   * Reads the version of what spans partnerships, for a page declared `across`, before anything
   * the page shows (so what is kept under it is at least as new), and notes it for the request.
   */
  private async readAcross(): Promise<void> {
    if (!this.across || this.acrossVersion !== undefined || !this.asked()) return;
    this.acrossVersion = await this.keeper.db.platformVersion(this.across);
    this.keeper.db.noteVersion(acrossScope(this.across), this.acrossVersion);
  }

  /** Whether the partnership's data changed while this request was served (reference data: never). */
  private async moved(partnershipId: string): Promise<boolean> {
    if (this.reference) return false;
    if (this.across) return (await this.keeper.db.platformVersion(this.across)) !== this.acrossVersion;
    return this.keeper.db.versionMoved(partnershipId);
  }

  /** Names a value worked out for this request after the read: part of the HTML's key. */
  input(name: string, value: unknown): void {
    this.inputs.push(`${name} ${JSON.stringify(value ?? null)}`);
  }

  /** The page's read, kept; `part` names a second read of the same page. */
  async read<T>(compute: () => Promise<T>, part = 'read'): Promise<T> {
    await this.readAcross();
    const at = this.key();
    if (!at) return compute();
    let fresh = false;
    const answer = await this.keeper.db.keptFor(at.partnershipId, `${at.key}|${part}`, () => {
      fresh = true;
      return compute();
    });
    if (this.keeper.check && !fresh) {
      const again = await compute();
      if (!sameAnswer(again, answer) && !(await this.moved(at.partnershipId)))
        throw new Error(
          `The kept read of ${this.declared} differs from a fresh one: it depends on an input its route does not declare`,
        );
    }
    return answer;
  }

  /**
   * The `{% keep %}` part's HTML, in pieces split where the CSRF token goes, encoded (UTF-8) as it
   * is kept: sent as they are, outside V8's heap (ADR 0061).
   */
  html(render: () => string[]): readonly Buffer[] {
    const encoded = (pieces: string[]) => pieces.map((piece) => Buffer.from(piece));
    const at = this.key();
    if (!at) return encoded(render());
    let fresh = false;
    const locals = this.res.locals as { csrfToken?: string; cspNonce?: string };
    const pieces = this.keeper.db.keptNow(at.partnershipId, `${at.key}|html|${this.inputs.join('|')}`, () => {
      fresh = true;
      const rendered = render();
      for (const secret of [locals.csrfToken, locals.cspNonce])
        if (secret && rendered.some((piece) => piece.includes(secret)))
          throw new Error(
            "A kept part of a page holds the request's CSRF token or CSP nonce: render it outside {% keep %}",
          );
      return encoded(rendered);
    });
    if (
      this.keeper.check &&
      !fresh &&
      render().join(csrfPlaceholder) !== pieces.map((piece) => piece.toString()).join(csrfPlaceholder)
    )
      throw new Error(
        `The kept HTML of ${this.declared} differs from a fresh rendering: it depends on an input its route does not declare`,
      );
    return pieces;
  }
}

/** Answers compared as data (bytes as bytes). */
const sameAnswer = (a: unknown, b: unknown) =>
  Buffer.isBuffer(a) && Buffer.isBuffer(b) ? a.equals(b) : isDeepStrictEqual(comparable(a), comparable(b));

/** Answers compared as data: functions by name, maps and sets by their entries. */
function comparable(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (_key, entry: unknown) =>
      entry instanceof Map
        ? [...entry]
        : entry instanceof Set
          ? [...entry]
          : typeof entry === 'function'
            ? `function ${(entry as { name?: string }).name ?? ''}`
            : entry,
    ) ?? 'null',
  );
}

/** Installs the keeper: every request may then declare its page kept. */
export function pageKeeper(keeper: PageKeeper): RequestHandler {
  return (_req, res, next) => {
    res.locals.pageKeeper = keeper;
    next();
  };
}

/** The request's kept page, declared under its name (nothing kept where no keeper is installed). */
function declare(
  req: Request,
  res: Response,
  name: string,
  declaration: KeptDeclaration,
): KeptPage | undefined {
  const keeper = res.locals.pageKeeper as PageKeeper | undefined;
  const page = keeper ? new KeptPage(keeper, req, res, name, declaration) : undefined;
  res.locals.keptPage = page;
  return page;
}

/** Declares the route's page kept, by its name and the inputs it depends on (ADR 0056). */
export function keptPage(name: string, declaration: KeptDeclaration = {}): RequestHandler {
  return (req, res, next) => {
    declare(req, res, name, declaration);
    next();
  };
}

/**
 * The handler of a JSON answer (the API's) declared kept on its route (ADR 0059): `build` works
 * the answer out from the request, and it is built, serialised and encoded once under the page's
 * key and the same bytes sent again (kept as bytes, outside V8's heap: a large answer kept as
 * text was encoded again on every request, ADR 0061). What `build` throws (a query refused,
 * nothing found) is answered as any route's error, and nothing is kept.
 */
export function keptAnswer(
  name: string,
  declaration: KeptDeclaration,
  build: (req: Request) => Promise<unknown>,
): RequestHandler {
  return async (req, res) => {
    const page = declare(req, res, name, declaration);
    const serialised = async () => Buffer.from(JSON.stringify(await build(req)));
    res.type('json').send(page ? await page.read(serialised, 'json') : await serialised());
  };
}

/** The page's read: kept when its route declared the page kept, else read every time. */
export function pageRead<T>(res: Response, compute: () => Promise<T>, part?: string): Promise<T> {
  const page = res.locals.keptPage as KeptPage | undefined;
  return page ? page.read(compute, part) : compute();
}

/** Names a value the kept HTML depends on, worked out for this request after the read. */
export function pageInput(res: Response, name: string, value: unknown): void {
  (res.locals.keptPage as KeptPage | undefined)?.input(name, value);
}

/**
 * A read declared kept where it is defined, for reads a page shares with other answers (the
 * public meeting page, which the public search and OParl read too): kept under the
 * partnership's data version, its name and its arguments, which must be all it depends on.
 */
export function keptRead<A extends (string | number | boolean | null)[], T>(
  keeper: PageKeeper,
  name: string,
  read: (partnershipId: string, ...args: A) => Promise<T>,
): (partnershipId: string, ...args: A) => Promise<T> {
  return async (partnershipId, ...args) => {
    let fresh = false;
    const answer = await keeper.db.keptFor(partnershipId, `read ${name}|${JSON.stringify(args)}`, () => {
      fresh = true;
      return read(partnershipId, ...args);
    });
    if (keeper.check && !fresh) {
      const again = await read(partnershipId, ...args);
      if (!sameAnswer(again, answer) && !(await keeper.db.versionMoved(partnershipId)))
        throw new Error(
          `The kept read ${name} differs from a fresh one: it depends on more than its arguments`,
        );
    }
    return answer;
  };
}
