import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Request, Response } from 'express';
import nunjucks from 'nunjucks';
import type { Database } from '../db/database.ts';
import { today } from '../http/date-input.ts';
import { KeptPage, type KeptDeclaration } from '../http/kept-pages.ts';
import { KeepExtension } from './kept-html.ts';

const env = new nunjucks.Environment(null, { autoescape: true });
/** A kept part's pieces, kept as bytes, as text. */
const texts = (pieces: readonly Buffer[]) => pieces.map((piece) => piece.toString());
env.addExtension('keep', new KeepExtension());

/** A database that keeps everything by partnership and key, as the data version would. */
function fakeDb() {
  const kept = new Map<string, unknown>();
  const keys: string[] = [];
  let computed = 0;
  const keep = <T>(partnershipId: string, key: string, compute: () => T): T => {
    keys.push(key);
    const at = `${partnershipId}|${key}`;
    if (!kept.has(at)) {
      computed += 1;
      kept.set(at, compute());
    }
    return kept.get(at) as T;
  };
  const db = {
    keptNow: keep,
    keptFor: keep,
    versionMoved: async () => false,
  } as unknown as Database<unknown>;
  return { db, kept, keys, computed: () => computed };
}

const request = (
  options: {
    method?: string;
    role?: string | null;
    platformAdmin?: boolean;
    user?: string;
    url?: string;
  } = {},
) =>
  ({
    method: options.method ?? 'GET',
    originalUrl: options.url ?? '/partnerships/p/structure?at=2009',
    tenant: {
      partnershipId: 'p-id',
      slug: 'p',
      name: 'P',
      role: options.role === undefined ? 'editor' : options.role,
    },
    user: { id: options.user ?? 'ann', platformAdmin: options.platformAdmin ?? false },
  }) as unknown as Request;
const response = () =>
  ({ locals: { csrfToken: 'secret-token', cspNonce: 'nonce-value' } }) as unknown as Response;

function pageFor(
  db: Database<unknown>,
  req: Request,
  declaration: KeptDeclaration = {},
  check = false,
  res: Response = response(),
) {
  return new KeptPage({ db, check }, req, res, 'structure', declaration);
}

const page = `<p>{{ intro }}</p>{% keep %}<ul>{% for x in items %}<li>{{ x }}</li>{% endfor %}</ul><input name="_csrf" value="{{ csrfToken }}"><a href="?_csrf={{ csrfToken | urlencode }}">upload</a>{% endkeep %}`;

describe('the kept part of a page ({% keep %}, ADR 0056)', () => {
  it('renders the part once for its route’s key and serves what was kept after, escaped as before', () => {
    const { db, computed } = fakeDb();
    const first = env.renderString(page, { keptPage: pageFor(db, request()), items: ['<a>'], intro: 'one' });
    const second = env.renderString(page, {
      keptPage: pageFor(db, request()),
      items: ['changed'],
      intro: 'two',
    });
    assert.equal(computed(), 1);
    assert.match(first, /<li>&lt;a&gt;<\/li>/);
    assert.match(second, /<li>&lt;a&gt;<\/li>/, 'the kept part, not the changed list');
    assert.match(second, /<p>two<\/p>/, 'what is outside the part is rendered every time');
  });

  it("gives each viewer's forms their own CSRF token, never the first viewer's", () => {
    const { db, kept } = fakeDb();
    const first = env.renderString(page, {
      keptPage: pageFor(db, request()),
      items: [],
      csrfToken: 'token-of-ann',
    });
    const second = env.renderString(page, {
      keptPage: pageFor(db, request({ user: 'bob' })),
      items: [],
      csrfToken: 'token-of-bob',
    });
    assert.match(first, /value="token-of-ann"/);
    assert.match(second, /value="token-of-bob"/);
    assert.match(second, /_csrf=token-of-bob"/);
    assert.doesNotMatch(second, /token-of-ann/);
    assert.doesNotMatch(JSON.stringify([...kept.values()]), /token-of/, 'what is kept holds no token');
  });

  it('renders every time on a page whose route declared nothing', () => {
    const html = env.renderString(page, { items: ['a'], csrfToken: 't' });
    assert.match(html, /<li>a<\/li>.*value="t"/);
  });

  it('names nothing itself: what the part depends on is declared on the route', () => {
    assert.throws(() => env.renderString('{% keep "part", id %}x{% endkeep %}', {}), /declared on its route/);
  });
});

describe('a kept page’s key (ADR 0056)', () => {
  it("always holds the address and the caller's role, and the date and the user only where declared", async () => {
    const { db, keys } = fakeDb();
    await pageFor(db, request()).read(async () => 1);
    await pageFor(db, request({ role: null, platformAdmin: true })).read(async () => 2);
    await pageFor(db, request(), { by: ['date'] }).read(async () => 3);
    await pageFor(db, request(), { by: ['user'] }).read(async () => 4);
    assert.deepEqual(keys, [
      'page structure|/partnerships/p/structure?at=2009|role editor|||read',
      'page structure|/partnerships/p/structure?at=2009|role +platform|||read',
      `page structure|/partnerships/p/structure?at=2009|role editor|date ${today()}||read`,
      'page structure|/partnerships/p/structure?at=2009|role editor||user ann|read',
    ]);
  });

  it('never lets two roles share a kept page, nor two users where the user is declared', async () => {
    const { db } = fakeDb();
    const shown = (req: Request, declaration: KeptDeclaration = {}) =>
      pageFor(db, req, declaration).read(async () => (req.tenant?.role ?? '') + req.user!.id);
    assert.equal(await shown(request({ role: 'editor' })), 'editorann');
    assert.equal(
      await shown(request({ role: 'viewer' })),
      'viewerann',
      'a viewer is not served the editor’s',
    );
    assert.equal(await shown(request({ role: 'editor', user: 'bob' })), 'editorann', 'one role, one page');
    assert.equal(await shown(request({ user: 'bob' }), { by: ['user'] }), 'editorbob');
  });

  it('names the values the HTML depends on that were worked out after the read', () => {
    const { db, keys } = fakeDb();
    const kept = pageFor(db, request());
    kept.input('happened', true);
    kept.html(() => ['html']);
    assert.match(keys[0]!, /\|html\|happened true$/);
  });

  it('never keeps a page sent back after a form was posted', async () => {
    const { db, keys } = fakeDb();
    assert.equal(await pageFor(db, request({ method: 'POST' })).read(async () => 'fresh'), 'fresh');
    assert.deepEqual(texts(pageFor(db, request({ method: 'POST' })).html(() => ['html'])), ['html']);
    assert.deepEqual(keys, []);
  });

  it('refuses to keep a part holding the CSP nonce or the CSRF token', () => {
    const { db } = fakeDb();
    assert.throws(() => pageFor(db, request()).html(() => ['<script nonce="nonce-value">']), /CSP nonce/);
    assert.throws(
      () => pageFor(db, request({ url: '/other' })).html(() => ['<form>', 'value="secret-token"']),
      /CSRF token/,
    );
  });

  it('checks, outside production, that what it serves is what a fresh read and rendering give', async () => {
    const { db } = fakeDb();
    // a read that depends on the user, on a page that does not declare the user
    const read = (user: string) =>
      pageFor(db, request({ user }), {}, true).read(async () => `seats of ${user}`);
    assert.equal(await read('ann'), 'seats of ann');
    await assert.rejects(read('bob'), /depends on an input its route does not declare/);
    const html = (user: string) =>
      texts(pageFor(db, request({ user }), {}, true).html(() => [`hello ${user}`]));
    assert.deepEqual(html('ann'), ['hello ann']);
    assert.throws(() => html('bob'), /depends on an input its route does not declare/);
    // the same answer passes
    assert.deepEqual(
      texts(pageFor(db, request({ user: 'bob', url: '/same' }), {}, true).html(() => ['same'])),
      ['same'],
    );
    assert.deepEqual(texts(pageFor(db, request({ url: '/same' }), {}, true).html(() => ['same'])), ['same']);
  });
});
