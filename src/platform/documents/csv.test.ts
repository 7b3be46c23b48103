import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { toCsv } from './csv.ts';

describe('CSV files', () => {
  it('never lets a cell a user typed run as a formula in a spreadsheet', () => {
    const typed = ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\tTab', 'plain'];
    const text = toCsv([{ typed: typed[0] }, ...typed.slice(1).map((value) => ({ typed: value }))], {
      header: true,
    });
    const cells = (parse(text, { columns: true }) as { typed: string }[]).map((row) => row.typed);
    assert.deepEqual(cells, [
      `'=HYPERLINK("http://evil.example","x")`,
      "'+1+1",
      "'-2+3",
      "'@SUM(A1)",
      "'\tTab",
      'plain',
    ]);
  });

  it('keeps numbers as numbers', () => {
    assert.equal(toCsv([[-5, 3.5]]), '-5,3.5\n');
  });
});
