import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parsePeriod, periodProblem } from './periods.ts';

describe('reporting periods', () => {
  it('reads financial and academic years, either separator, to their dates', () => {
    assert.deepEqual(parsePeriod('financial year', '2008/09'), {
      key: '2008-09',
      label: '2008-09',
      start: '2008-04-01',
      end: '2009-03-31',
    });
    assert.deepEqual(parsePeriod('academic year', '2009-2010'), {
      key: '2009/10',
      label: '2009/10',
      start: '2009-09-01',
      end: '2010-08-31',
    });
    assert.equal(parsePeriod('financial year', '1999-00')?.end, '2000-03-31');
  });

  it('reads financial quarters, Q4 in the next calendar year', () => {
    assert.deepEqual(parsePeriod('quarter', '2009-10 Q1'), {
      key: '2009-10 Q1',
      label: '2009-10 Q1',
      start: '2009-04-01',
      end: '2009-06-30',
    });
    assert.equal(parsePeriod('quarter', '2009-10 q3')?.start, '2009-10-01');
    assert.deepEqual(
      [parsePeriod('quarter', '2009-10 Q4')?.start, parsePeriod('quarter', '2009-10 Q4')?.end],
      ['2010-01-01', '2010-03-31'],
    );
  });

  it('reads calendar years and months', () => {
    assert.equal(parsePeriod('calendar year', '2009')?.end, '2009-12-31');
    assert.deepEqual(parsePeriod('month', '2008-02'), {
      key: '2008-02',
      label: 'February 2008',
      start: '2008-02-01',
      end: '2008-02-29',
    });
  });

  it('refuses periods that do not fit the frequency or do not exist', () => {
    assert.equal(parsePeriod('financial year', '2008-10'), null);
    assert.equal(parsePeriod('financial year', '2009'), null);
    assert.equal(parsePeriod('calendar year', '2008-09'), null);
    assert.equal(parsePeriod('quarter', '2009-10 Q5'), null);
    assert.equal(parsePeriod('month', '2009-13'), null);
    assert.equal(parsePeriod('calendar year', '1066'), null);
    assert.equal(parsePeriod('academic year', 'last year'), null);
  });

  it('says how to write the period', () => {
    assert.equal(
      periodProblem('financial year', '2009'),
      '“2009” is not a financial year, which this indicator is measured in: write it like 2008-09',
    );
    assert.equal(periodProblem('quarter', ' '), 'Enter the period, like 2009-10 Q1');
  });
});
