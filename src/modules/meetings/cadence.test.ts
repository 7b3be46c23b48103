import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cadenceCheck } from './cadence.ts';

const medway = [
  { kind: 'board-meeting', perYear: 3 },
  { kind: 'annual-event', perYear: 1 },
  { kind: 'deep-dive', perYear: 2 },
];
const meeting = (kind: string, startsOn: string, state = 'held') => ({ kind, startsOn, state });

describe('the cadence check', () => {
  it('lists each year with what was held against what the rules ask', () => {
    const years = cadenceCheck(
      medway,
      [
        meeting('board-meeting', '2014-02-01'),
        meeting('joint-meeting', '2014-06-01'),
        meeting('board-meeting', '2014-10-01'),
        meeting('annual-event', '2014-11-01'),
        meeting('deep-dive', '2014-04-01'),
        meeting('deep-dive', '2014-09-01'),
        meeting('board-meeting', '2015-02-01'),
        meeting('deep-dive', '2015-03-01'),
      ],
      { today: '2016-01-10' },
    );
    assert.deepEqual(
      years.map((year) => [year.year, year.fallsShort, year.current]),
      [
        [2014, false, false],
        [2015, true, false],
        [2016, true, true],
      ],
    );
    assert.deepEqual(
      years[1]!.counts.map((count) => [count.kind, count.held, count.short]),
      [
        ['board-meeting', 1, 2],
        ['annual-event', 0, 1],
        ['deep-dive', 1, 1],
      ],
    );
  });

  it('does not count cancelled meetings', () => {
    const [year] = cadenceCheck(
      [{ kind: 'board-meeting', perYear: 2 }],
      [meeting('board-meeting', '2014-02-01'), meeting('board-meeting', '2014-05-01', 'cancelled')],
      { today: '2014-12-31' },
    );
    assert.equal(year!.counts[0]!.held, 1);
    assert.equal(year!.fallsShort, true);
  });

  it('starts at the year asked for, and checks nothing without rules', () => {
    assert.equal(cadenceCheck(medway, [], { from: 2013, today: '2014-03-01' }).length, 2);
    assert.deepEqual(cadenceCheck([], [meeting('board-meeting', '2014-02-01')], { today: '2015-01-01' }), []);
    assert.deepEqual(cadenceCheck([{ kind: 'workshop', perYear: 0 }], [], { today: '2015-01-01' }), []);
  });
});
