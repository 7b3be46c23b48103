import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { performanceOf, valueProblems } from './performance.ts';

const target = (period: string, periodStart: string, value: number) => ({
  period,
  periodStart,
  target: value,
  toleranceKind: 'absolute' as const,
  tolerance: 2,
});
const value = (period: string, periodStart: string, amount: number, breakdown = '') => ({
  period,
  periodStart,
  breakdownKind: breakdown ? ('group' as const) : ('all' as const),
  breakdown,
  value: amount,
});

describe('an indicator’s performance', () => {
  it('rates each period against its own target, in time order, and gives the latest with its direction', () => {
    const result = performanceOf(
      'higher',
      [
        target('2009-10', '2009-04-01', 75),
        target('2008-09', '2008-04-01', 70),
        target('2010-11', '2010-04-01', 80),
      ],
      [
        value('2009-10', '2009-04-01', 74),
        value('2008-09', '2008-04-01', 71),
        value('2009-10', '2009-04-01', 40, 'Looked-after children'),
      ],
    );
    assert.deepEqual(
      result.periods.map((entry) => [entry.period, entry.value, entry.target?.target ?? null, entry.rag]),
      [
        ['2008-09', 71, 70, 'green'],
        ['2009-10', 74, 75, 'amber'],
        ['2010-11', null, 80, null],
      ],
    );
    assert.equal(result.latest?.period, '2009-10');
    assert.equal(result.latest?.direction, 'improving');
  });

  it('has no latest position and no direction without values', () => {
    assert.equal(performanceOf('lower', [], []).latest, null);
    assert.equal(performanceOf('lower', [], [value('2009', '2009-01-01', 3)]).latest?.direction, null);
  });
});

describe('checking a value against its indicator', () => {
  const percentage = { frequency: 'financial year' as const, unit: 'percentage' as const };
  it('accepts a percentage from 0 to 100 in a period of the indicator’s frequency', () => {
    assert.deepEqual(valueProblems(percentage, { period: '2008-09', value: 100 }), []);
    assert.deepEqual(valueProblems(percentage, { period: '2008/09', value: 0 }), []);
  });
  it('refuses a percentage over 100 and a period that is not one of the indicator’s', () => {
    assert.deepEqual(valueProblems(percentage, { period: '2009', value: 100.5 }), [
      {
        path: 'period',
        message: '“2009” is not a financial year, which this indicator is measured in: write it like 2008-09',
      },
      { path: 'value', message: 'Value is a percentage: it must be between 0 and 100' },
    ]);
  });
  it('allows negative gaps in percentage points, and any rate', () => {
    assert.deepEqual(
      valueProblems(
        { frequency: 'academic year', unit: 'percentage points' },
        { period: '2008/09', value: -12 },
      ),
      [],
    );
    assert.deepEqual(
      valueProblems({ frequency: 'calendar year', unit: 'rate' }, { period: '2009', value: 450 }),
      [],
    );
  });
});
