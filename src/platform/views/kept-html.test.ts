import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Request, Response } from 'express';
import nunjucks from 'nunjucks';
import type { Database } from '../db/database.ts';
import { today } from '../http/date-input.ts';
import { KeepExtension, keepRenderedFor, type KeepRendered } from './kept-html.ts';

const env = new nunjucks.Environment(null, { autoescape: true });
env.addExtension('keep', new KeepExtension());

/** A keeper that keeps everything by key, as the partnership's kept reads would. */
function keeper() {
  const kept = new Map<string, string[]>();
  let renders = 0;
  const keep: KeepRendered = (key, render) => {
    if (!kept.has(key)) {
      renders += 1;
      kept.set(key, render());
    }
    return kept.get(key)!;
  };
  return { keep, kept, renders: () => renders };
}

const page = `<p>{{ intro }}</p>{% keep "part", id %}<ul>{% for x in items %}<li>{{ x }}</li>{% endfor %}</ul><input name="_csrf" value="{{ csrfToken }}"><a href="?_csrf={{ csrfToken | urlencode }}">upload</a>{% endkeep %}`;

describe('kept parts of a page ({% keep %})', () => {
  it('renders a part once for its key and serves what was kept after, escaped as before', () => {
    const { keep, renders } = keeper();
    const first = env.renderString(page, { keepRendered: keep, id: 1, items: ['<a>'], intro: 'one' });
    const second = env.renderString(page, { keepRendered: keep, id: 1, items: ['changed'], intro: 'two' });
    assert.equal(renders(), 1);
    assert.match(first, /<li>&lt;a&gt;<\/li>/);
    assert.match(second, /<li>&lt;a&gt;<\/li>/, 'the kept part, not the changed list');
    assert.match(second, /<p>two<\/p>/, 'what is outside the part is rendered every time');
    env.renderString(page, { keepRendered: keep, id: 2, items: [] });
    assert.equal(renders(), 2, 'another key renders again');
  });

  it("gives each viewer's forms their own CSRF token, never the first viewer's", () => {
    const { keep, kept } = keeper();
    const first = env.renderString(page, { keepRendered: keep, id: 1, items: [], csrfToken: 'token-of-ann' });
    const second = env.renderString(page, {
      keepRendered: keep,
      id: 1,
      items: [],
      csrfToken: 'token-of-bob',
    });
    assert.match(first, /value="token-of-ann"/);
    assert.match(second, /value="token-of-bob"/);
    assert.match(second, /_csrf=token-of-bob"/);
    assert.doesNotMatch(second, /token-of-ann/);
    assert.doesNotMatch([...kept.values()].flat().join(), /token-of/, 'what is kept holds no token');
  });

  it('renders every time where nothing is kept', () => {
    const html = env.renderString(page, { id: 1, items: ['a'], csrfToken: 't' });
    assert.match(html, /<li>a<\/li>.*value="t"/);
  });
});

describe("a partnership page's keeper", () => {
  const fakeDb = () => {
    const keys: string[] = [];
    const db = {
      keptNow: <T>(_partnershipId: string, key: string, compute: () => T) => {
        keys.push(key);
        return compute();
      },
    } as unknown as Database<unknown>;
    return { db, keys };
  };
  const request = (method: string, role: string | null, platformAdmin = false) =>
    ({
      method,
      originalUrl: '/partnerships/p/structure?at=2009',
      tenant: { partnershipId: 'p-id', slug: 'p', name: 'P', role },
      user: { platformAdmin },
    }) as unknown as Request;
  const response = { locals: { csrfToken: 'secret-token', cspNonce: 'nonce-value' } } as unknown as Response;

  it("keeps under the address, the caller's role, today's date and the part's own key", () => {
    const { db, keys } = fakeDb();
    keepRenderedFor(db, request('GET', 'editor'), response)('"part"', () => ['html']);
    keepRenderedFor(db, request('GET', null, true), response)('"part"', () => ['html']);
    assert.deepEqual(keys, [
      `html|/partnerships/p/structure?at=2009|editor|${today()}|"part"`,
      `html|/partnerships/p/structure?at=2009|+platform|${today()}|"part"`,
    ]);
  });

  it('never keeps a page sent back after a form was posted', () => {
    const { db, keys } = fakeDb();
    assert.deepEqual(
      keepRenderedFor(db, request('POST', 'editor'), response)('"part"', () => ['html']),
      ['html'],
    );
    assert.deepEqual(keys, []);
  });

  it('refuses to keep a part holding the CSP nonce or the CSRF token', () => {
    const { db } = fakeDb();
    const keep = keepRenderedFor(db, request('GET', 'viewer'), response);
    assert.throws(() => keep('"part"', () => ['<script nonce="nonce-value">']), /CSP nonce/);
    assert.throws(() => keep('"part"', () => ['<form>', 'value="secret-token"']), /CSRF token/);
  });
});
