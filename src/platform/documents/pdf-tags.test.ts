// Every PDF the product prints goes through PdfPrinter.print, which finishes its tags (ADR 0047):
// no non-standard structure type without a role map (Chromium writes Strong and Em), the text of
// table cells in the tag tree (the compliance PDF's "Outcome" cells, which hold a Strong tag),
// the space where a line wraps kept in bookmarks and tags, en-GB, the title in the window.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PDFString } from 'pdf-lib';
import { PDFDocument, PDFName } from 'pdf-lib';
import { PdfPrinter, PrinterClosed, keepSpacesAtWraps } from './pdf.ts';
import { structureTypes, unmappedTypes } from './pdf-tags.ts';

const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Compliance</title>
<style>h1, p { width: 160px; }</style></head><body><main>
  <h1>Children and Young People's Partnership Board</h1>
  <p>Some <strong>strong</strong> and <em>emphasised</em>
     text that wraps over several lines here.</p>
  <table><thead><tr><th scope="col">Rule</th><th scope="col">Outcome</th></tr></thead>
    <tbody><tr><td>A chair</td><td><strong class="govuk-tag">Met on paper</strong></td></tr></tbody></table>
  <pre>kept
  as  written</pre>
</main></body></html>`;

describe('every printed PDF’s tags', () => {
  const printer = new PdfPrinter();
  const dir = mkdtempSync(join(tmpdir(), 'cooperate-pdf-tags-'));
  after(async () => {
    await printer.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('collapses the template’s white space but keeps the text’s spaces and pre', () => {
    const kept = keepSpacesAtWraps(html);
    assert.match(kept, /<h1>Children and Young People's Partnership Board<\/h1>/);
    assert.match(kept, /Some <strong>strong<\/strong> and <em>emphasised<\/em> text that wraps/);
    assert.match(kept, /<pre>kept\n {2}as {2}written<\/pre>/);
    assert.match(kept, /white-space: pre-wrap/);
  });

  it(
    'maps Strong and Em to standard types, keeps cells’ text and the spaces at line wraps',
    { skip: !printer.available },
    async () => {
      const bytes = await printer.print(html, { title: 'Compliance on 14 September 2009' });
      const pdf = await PDFDocument.load(bytes);
      const types = structureTypes(pdf);
      assert.equal(types.get('Strong'), 'Span');
      assert.equal(types.get('Em'), 'Span');
      assert.deepEqual(unmappedTypes(pdf), []);
      assert.equal(pdf.getTitle(), 'Compliance on 14 September 2009');
      assert.equal((pdf.catalog.lookup(PDFName.of('Lang')) as PDFString).decodeText(), 'en-GB');
      if (existsSync('/usr/bin/pdfinfo')) {
        const path = join(dir, 'tags.pdf');
        writeFileSync(path, bytes);
        const struct = execFileSync('pdfinfo', ['-struct-text', path], { encoding: 'utf8' });
        assert.doesNotMatch(struct, /wrong type/);
        assert.match(struct, /"Children and Young People's Partnership Board"/);
        assert.match(struct, /TD[\s\S]*"Met on paper"/, 'the Outcome cell’s text is in the tags');
        assert.match(struct, /"strong"/);
        if (!existsSync('/usr/bin/qpdf')) return;
        const dump = execFileSync('qpdf', ['--qdf', '--object-streams=disable', path, '-'], {
          encoding: 'latin1',
        });
        assert.match(
          dump,
          /\/Title \(Children and Young People's Partnership Board\)/,
          'the bookmark keeps its spaces',
        );
      }
    },
  );
});

describe('a printer that has been closed', () => {
  it('prints nothing more, so a job still running at a stop starts no browser nobody closes', async (t) => {
    const printer = new PdfPrinter();
    if (!printer.available) return t.skip('Chromium is not installed');
    await printer.close();
    await assert.rejects(printer.print(html, { title: 'Too late' }), PrinterClosed);
  });
});
