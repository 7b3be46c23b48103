import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { byteOrderMark, csvCell, toCsv } from './csv.ts';

const read = (text: string) => parse(text, { bom: true }) as string[][];

describe('CSV files', () => {
  it('starts with the byte-order mark and a header row, also with no rows', () => {
    const empty = toCsv(['Name', { key: 'gss', header: 'GSS code' }], []);
    assert.equal(empty, `${byteOrderMark}Name,GSS code\r\n`);
    assert.throws(() => toCsv([], []), /at least one column/);
  });

  it('never lets a cell a user typed run as a formula in a spreadsheet (OWASP)', () => {
    const typed = [
      '=HYPERLINK("http://evil.example","x")',
      '+1+1',
      '-2+3',
      '@SUM(A1)',
      '\tTab',
      '\rReturn',
      '-',
      '-5 apples',
      'plain',
      'a=1',
      '',
    ];
    const text = toCsv(
      ['typed'],
      typed.map((value) => ({ typed: value })),
    );
    assert.deepEqual(
      read(text)
        .slice(1)
        .map(([cell]) => cell),
      [
        `'=HYPERLINK("http://evil.example","x")`,
        "'+1+1",
        "'-2+3",
        "'@SUM(A1)",
        "'\tTab",
        "'\rReturn",
        "'-",
        "'-5 apples",
        'plain',
        'a=1',
        '',
      ],
    );
    // a header is text a user may have typed too (a survey's question)
    assert.equal(read(toCsv(['=1+1'], []))[0]![0], "'=1+1");
  });

  it('keeps numbers as numbers, also a plain negative number given as text', () => {
    assert.equal(
      toCsv(['a', 'b', 'c', 'd'], [[-5, 3.5, '-12.50', '-0.5']]).split('\r\n')[1],
      '-5,3.5,-12.50,-0.5',
    );
    assert.equal(csvCell(-Infinity), "'-Infinity");
    assert.equal(csvCell(Number.NaN), 'NaN');
    assert.equal(csvCell(10n), '10');
  });

  it('quotes as RFC 4180 says, with CRLF between records', () => {
    const cells = [
      'a,b',
      'say "hi"',
      'two\nlines',
      'Zoë’s',
      null,
      undefined,
      new Date('2009-04-01T00:00:00Z'),
    ];
    const text = toCsv(
      cells.map((_, index) => `c${index}`),
      [cells],
    );
    assert.ok(text.endsWith('\r\n'));
    assert.ok(text.split('\r\n')[1]!.startsWith('"a,b","say ""hi""","two\nlines",Zoë’s,,,2009'));
    assert.deepEqual(read(text)[1], [
      'a,b',
      'say "hi"',
      'two\nlines',
      'Zoë’s',
      '',
      '',
      '2009-04-01T00:00:00.000Z',
    ]);
  });

  it('reads records by the columns’ keys and refuses a row of the wrong length', () => {
    const text = toCsv(
      [
        { key: 'b', header: 'B' },
        { key: 'a', header: 'A' },
      ],
      [{ a: 1, b: 2, c: 3 }],
    );
    assert.deepEqual(read(text), [
      ['B', 'A'],
      ['2', '1'],
    ]);
    assert.throws(() => toCsv(['a', 'b'], [[1]]), /1 cells for 2 columns/);
  });
});
