import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  decodeText,
  describeLines,
  detectTextEncoding,
  encodingWarning,
  textEncodingChoice,
} from './text-encoding.ts';

const latin1 = (text: string) => Buffer.from(text, 'latin1');

describe('the encoding of an imported text file', () => {
  it('reads UTF-8 with and without a byte-order mark', () => {
    const plain = Buffer.from('name\nZoë Brontë\n', 'utf8');
    assert.deepEqual(decodeText(plain), {
      text: 'name\nZoë Brontë\n',
      encoding: 'utf-8',
      detectedBy: 'content',
      unreadableLines: [],
    });
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), plain]);
    const read = decodeText(withBom);
    assert.equal(read.text, 'name\nZoë Brontë\n', 'the mark is not part of the text');
    assert.equal(read.detectedBy, 'byte-order mark');
  });

  it('reads UTF-16 with its byte-order mark, either way round', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('name\r\nZoë\r\n', 'utf16le')]);
    assert.deepEqual(
      { ...decodeText(le), unreadableLines: undefined },
      {
        text: 'name\r\nZoë\r\n',
        encoding: 'utf-16le',
        detectedBy: 'byte-order mark',
        unreadableLines: undefined,
      },
    );
    const be = Buffer.from(le);
    be.swap16();
    assert.equal(decodeText(be).text, 'name\r\nZoë\r\n');
    assert.equal(decodeText(be).encoding, 'utf-16be');
  });

  it('reads a Latin-1 or Windows-1252 file (Excel’s plain CSV) by rule: "Zoë" stays Zoë', () => {
    const read = decodeText(latin1('name\nZoë\nRenée Müller\n'));
    assert.equal(read.text, 'name\nZoë\nRenée Müller\n');
    assert.equal(read.encoding, 'windows-1252');
    assert.deepEqual(read.unreadableLines, []);
    // Windows-1252's own characters in 0x80-0x9F: curly apostrophe, euro, en dash
    assert.equal(
      decodeText(Buffer.from([0x4f, 0x92, 0x42, 0x72, 0x69, 0x65, 0x6e, 0x20, 0x80, 0x35, 0x96])).text,
      'O’Brien €5–',
    );
  });

  it('names the lines holding bytes that cannot be read', () => {
    // 0x81 and 0x9D have no character in Windows-1252
    const content = Buffer.concat([
      latin1('name\nZoë\n'),
      Buffer.from([0x41, 0x81, 0x0a]),
      latin1('Ann\n'),
      Buffer.from([0x9d, 0x0a]),
    ]);
    const read = decodeText(content);
    assert.deepEqual(read.unreadableLines, [3, 5]);
    assert.match(
      encodingWarning(read.encoding, read.unreadableLines)!,
      /could not be read as Windows-1252 on lines 3 and 5/,
    );
    assert.equal(encodingWarning(read.encoding, []), undefined);
  });

  it('takes the encoding the person chose, and warns when it does not fit the file', () => {
    const read = decodeText(latin1('name\nZoë\n'), 'utf-8');
    assert.equal(read.detectedBy, 'choice');
    assert.equal(read.text, 'name\nZo\uFFFD\n');
    assert.deepEqual(read.unreadableLines, [2]);
    assert.equal(decodeText(latin1('Zoë'), 'iso-8859-1').text, 'Zoë');
    assert.deepEqual(
      decodeText(Buffer.from([0x41, 0x85]), 'iso-8859-1').unreadableLines,
      [1],
      'C1 in Latin-1 proper',
    );
    assert.equal(
      decodeText(Buffer.from('Zoë', 'utf16le'), 'utf-16le').text,
      'Zoë',
      'no mark needed when chosen',
    );
  });

  it('detects by rule, and reads the form’s choice', () => {
    assert.equal(detectTextEncoding(Buffer.from('plain ascii')).encoding, 'utf-8');
    assert.equal(detectTextEncoding(latin1('café')).encoding, 'windows-1252');
    assert.equal(textEncodingChoice(''), 'auto');
    assert.equal(textEncodingChoice(undefined), 'auto');
    assert.equal(textEncodingChoice('windows-1252'), 'windows-1252');
    assert.equal(textEncodingChoice('ebcdic'), undefined);
    assert.equal(describeLines([4]), 'line 4');
    assert.equal(describeLines([1, 2, 3], 'row'), 'rows 1, 2 and 3');
    assert.equal(
      describeLines(
        [...Array(12).keys()].map((n) => n + 1),
        'row',
      ),
      'rows 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 2 more',
    );
  });
});
