import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { averageOf, benchmarkRows, benchmarkSummary, rankOf } from './benchmark.ts';

const at = (period: string, value: number) => ({
  period,
  periodStart: `20${period.slice(2, 4)}-09-01`,
  value,
});

describe('averaging and ranking', () => {
  it('averages only the values there are, to two decimals', () => {
    assert.equal(averageOf([]), null);
    assert.equal(averageOf([70, 71, 73]), 71.33);
    assert.equal(averageOf([5]), 5);
  });

  it('ranks in the better direction, ties sharing a rank', () => {
    assert.equal(rankOf(74, [70, 75, 74], 'higher'), 2);
    assert.equal(rankOf(74, [70, 75, 74], 'lower'), 2);
    assert.equal(rankOf(70, [70, 75, 74], 'lower'), 1);
    assert.equal(rankOf(76, [70, 75], 'higher'), 1);
    assert.equal(rankOf(74, [70, 75], 'none'), null);
  });

  it('lines up periods by their start, averaging the neighbours that published each one', () => {
    const rows = benchmarkRows({
      polarity: 'higher',
      own: [at('2009/10', 74), at('2008/09', 70)],
      neighbours: [
        { name: 'A', values: [at('2008/09', 68), at('2009/10', 76)] },
        { name: 'B', values: [at('2009/10', 72)] },
      ],
      england: [at('2009/10', 73), at('2010/11', 75)],
    });
    assert.deepEqual(
      rows.map((row) => row.period),
      ['2008/09', '2009/10', '2010/11'],
    );
    assert.deepEqual(rows[0], {
      period: '2008/09',
      own: 70,
      neighbours: [68, null],
      average: 68,
      averaged: 1,
      england: null,
      rank: 1,
      rankedAmong: 2,
    });
    assert.deepEqual(rows[1], {
      period: '2009/10',
      own: 74,
      neighbours: [76, 72],
      average: 74,
      averaged: 2,
      england: 73,
      rank: 2,
      rankedAmong: 3,
    });
    assert.equal(rows[2]!.own, null);
    assert.equal(rows[2]!.rank, null);
    assert.equal(rows[2]!.average, null);
  });

  it('says what the latest period shows', () => {
    const rows = benchmarkRows({
      polarity: 'lower',
      own: [at('2009/10', 10)],
      neighbours: [{ name: 'A', values: [at('2009/10', 12)] }],
      england: [at('2009/10', 11)],
    });
    assert.equal(
      benchmarkSummary(rows, { partnership: 'Dudley', code: 'NI 1', unit: 'percentage', polarity: 'lower' }),
      'In 2009/10, Dudley: 10%; the average of 1 statistical neighbour publishing it: 12%; England: 11%. Ranked 1 of 2 (lower is better).',
    );
    assert.equal(
      benchmarkSummary([], { partnership: 'Dudley', code: 'NI 1', unit: 'number', polarity: 'lower' }),
      'Dudley has no values of NI 1 to compare yet.',
    );
  });
});

describe('a period with no neighbour', () => {
  it('has no average and no rank', () => {
    const [row] = benchmarkRows({ polarity: 'higher', own: [at('2009/10', 5)], neighbours: [], england: [] });
    assert.deepEqual(row, {
      period: '2009/10',
      own: 5,
      neighbours: [],
      average: null,
      averaged: 0,
      england: null,
      rank: null,
      rankedAmong: 1,
    });
  });
});
