import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  financialYearOf,
  formatPounds,
  parsePounds,
  parseYear,
  poundsDecimal,
  sumPence,
  yearLabel,
} from './money.ts';

describe('money in pence', () => {
  it('reads pounds as written, exactly', () => {
    assert.deepEqual(parsePounds('£1,250.50'), { pence: 125_050 });
    assert.deepEqual(parsePounds('1250.5'), { pence: 125_050 });
    assert.deepEqual(parsePounds('0.10'), { pence: 10 });
    assert.deepEqual(parsePounds('2,400,000'), { pence: 240_000_000 });
    assert.deepEqual(parsePounds('0'), { pence: 0 });
    // 0.1 + 0.2 is not 0.3 in floating point; in pence it is
    const tenth = parsePounds('0.10') as { pence: number };
    const fifth = parsePounds('0.20') as { pence: number };
    assert.equal(sumPence([tenth.pence, fifth.pence]), (parsePounds('0.30') as { pence: number }).pence);
  });

  it('refuses negative amounts, more than two decimals, words and huge figures', () => {
    assert.deepEqual(parsePounds('-5'), { problem: 'negative' });
    assert.deepEqual(parsePounds('-£5.00'), { problem: 'negative' });
    assert.deepEqual(parsePounds('12.345'), { problem: 'too many decimals' });
    assert.deepEqual(parsePounds('twelve'), { problem: 'not a number' });
    assert.deepEqual(parsePounds('1e5'), { problem: 'not a number' });
    // thousands separators only in the "1,234" form, "1,5" never £15 (ADR 0048)
    assert.deepEqual(parsePounds('1,5'), { problem: 'not a number' });
    assert.deepEqual(parsePounds('1234,567'), { problem: 'not a number' });
    assert.deepEqual(parsePounds('12,34,567'), { problem: 'not a number' });
    assert.deepEqual(parsePounds('£1,234,567.50'), { pence: 123_456_750 });
    assert.deepEqual(parsePounds('1e308'), { problem: 'not a number' });
    assert.deepEqual(parsePounds(''), { problem: 'blank' });
    assert.deepEqual(parsePounds('1000000000000.01'), { problem: 'too large' });
  });

  it('shows pounds with pence and thousands', () => {
    assert.equal(formatPounds(125_050), '£1,250.50');
    assert.equal(formatPounds(-2_000), '-£20.00');
    assert.equal(formatPounds(5), '£0.05');
    assert.equal(formatPounds(null), '');
    assert.equal(poundsDecimal(123_456_789_012), '1234567890.12');
  });

  it('adds many amounts exactly', () => {
    const amounts = Array.from({ length: 10_000 }, (_, index) => (index % 97) + 1);
    assert.equal(
      sumPence(amounts),
      amounts.reduce((a, b) => a + b, 0),
    );
    assert.throws(() => sumPence([Number.MAX_SAFE_INTEGER, 10]), RangeError);
  });

  it('names financial years April to March', () => {
    assert.equal(financialYearOf('2009-04-01'), 2009);
    assert.equal(financialYearOf('2010-03-31'), 2009);
    assert.equal(yearLabel(2009), '2009-10');
    assert.equal(yearLabel(1999), '1999-00');
    assert.equal(parseYear('2011/12'), 2011);
    assert.equal(parseYear('2009-2010'), 2009);
    assert.equal(parseYear('2009-11'), null);
  });
});
