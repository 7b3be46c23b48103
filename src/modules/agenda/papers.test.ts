import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkPaper, paperSizeLimit } from './papers.ts';

describe('what a paper may be', () => {
  it('accepts a PDF, a Word file and plain text by name and content', () => {
    assert.deepEqual(checkPaper('report.pdf', Buffer.from('%PDF-1.7\n…')), {
      ok: true,
      mediaType: 'application/pdf',
    });
    assert.equal(checkPaper('Report.DOCX', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2])).ok, true);
    assert.equal(checkPaper('notes.txt', Buffer.from('Item 5: statutory guidance')).ok, true);
  });

  it('refuses other types, renamed files, empty files and files over 10 MB', () => {
    assert.equal(checkPaper('virus.exe', Buffer.from('MZ')).ok, false);
    const renamed = checkPaper('report.pdf', Buffer.from('<html>not a pdf</html>'));
    assert.equal(renamed.ok, false);
    assert.match(renamed.ok ? '' : renamed.message, /not really a \.pdf file/);
    assert.equal(checkPaper('empty.pdf', Buffer.alloc(0)).ok, false);
    const large = Buffer.alloc(paperSizeLimit + 1);
    large.write('%PDF-');
    const tooLarge = checkPaper('large.pdf', large);
    assert.equal(tooLarge.ok ? '' : tooLarge.message, 'The paper must be smaller than 10 MB');
    assert.equal(checkPaper('binary.txt', Buffer.from([0x41, 0x00, 0x42])).ok, false);
  });
});
