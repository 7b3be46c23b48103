import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { etagOf } from './security.ts';

describe('ETags', () => {
  it('gives an API answer the same weak ETag for the same bytes, and another for others', () => {
    const json = Buffer.from('{"authorities":[]}');
    assert.match(etagOf(json) ?? '', /^W\/"/);
    assert.equal(etagOf(json), etagOf(Buffer.from('{"authorities":[]}')));
    assert.notEqual(etagOf(json), etagOf(Buffer.from('{"authorities":[1]}')));
    assert.equal(etagOf('{"a":1}', 'utf8'), etagOf(Buffer.from('{"a":1}')));
  });

  it('gives a page none: its CSP nonce makes every copy differ', () => {
    assert.equal(etagOf(Buffer.from('<!DOCTYPE html>\n<html lang="en">…</html>')), undefined);
    assert.equal(etagOf('<!DOCTYPE html><html></html>'), undefined);
  });
});
