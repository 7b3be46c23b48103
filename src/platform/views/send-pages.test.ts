import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { KeptParts } from './send-pages.ts';

describe('pages sent in parts (ADR 0061)', () => {
  it('sends the text around each kept part and the part’s bytes, the token between its pieces', () => {
    const parts = new KeptParts();
    const form = parts.place([Buffer.from('<form><input value="'), Buffer.from('"></form>')], 'token-1');
    const plain = parts.place([Buffer.from('<p>Children’s Trust – 2009</p>')], 'token-1');
    const html = `<main>${form}<h2>Née</h2>${plain}</main>`;
    assert.doesNotMatch(form + plain, /Children|form/, 'the page’s text holds marks, not the parts');
    const sent = Buffer.concat(parts.chunks(html)).toString();
    assert.equal(
      sent,
      '<main><form><input value="token-1"></form><h2>Née</h2><p>Children’s Trust – 2009</p></main>',
    );
  });

  it('leaves a page with no kept part as it is, and a mark of another process’s as text', () => {
    const parts = new KeptParts();
    assert.equal(Buffer.concat(parts.chunks('<p>a</p>')).toString(), '<p>a</p>');
    const other = '\u0000kept-another-0\u0000';
    assert.equal(Buffer.concat(parts.chunks(`<p>${other}</p>`)).toString(), `<p>${other}</p>`);
  });
});
