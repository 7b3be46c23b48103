import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeRecurrence, overdueOf, overduePeriods, periodsDue } from './recurrence.ts';

describe('recurring actions', () => {
  it('divides "quarterly from April 2009" into quarters, only those ended by the date', () => {
    assert.deepEqual(periodsDue('quarterly', '2009-04-01', '2009-09-14'), [
      { start: '2009-04-01', end: '2009-06-30', label: 'April to June 2009' },
    ]);
    assert.deepEqual(
      periodsDue('quarterly', '2009-04-01', '2010-04-01').map((period) => period.label),
      ['April to June 2009', 'July to September 2009', 'October to December 2009', 'January to March 2010'],
    );
    assert.deepEqual(periodsDue('quarterly', '2009-04-01', '2009-06-30'), [], 'the last day is not yet over');
  });

  it('handles months and years, and stops where the action stops recurring', () => {
    assert.deepEqual(
      periodsDue('monthly', '2009-11-01', '2010-02-15').map((period) => period.label),
      ['November 2009', 'December 2009', 'January 2010'],
    );
    assert.deepEqual(
      periodsDue('annually', '2009-04-01', '2011-05-01').map((period) => period.label),
      ['April 2009 to March 2010', 'April 2010 to March 2011'],
    );
    assert.equal(periodsDue('quarterly', '2009-04-01', '2012-01-01', '2009-12-31').length, 3);
  });

  it('is overdue for every ended period with no update in it', () => {
    const updates = ['2009-05-20', '2009-10-02'];
    assert.deepEqual(
      overduePeriods('quarterly', '2009-04-01', updates, '2010-04-15').map((period) => period.label),
      ['July to September 2009', 'January to March 2010'],
    );
    assert.deepEqual(overduePeriods('quarterly', '2009-04-01', ['2009-06-30'], '2009-07-01'), []);
  });

  it('says when an action is overdue: a dated one after its date, a recurring one for a missed period', () => {
    const dated = { dueOn: '2009-12-31', recurrence: null, recursFrom: null, recursUntil: null };
    assert.equal(overdueOf({ ...dated, status: 'in progress' }, [], '2009-12-31').overdue, false);
    assert.equal(overdueOf({ ...dated, status: 'in progress' }, [], '2010-01-01').overdue, true);
    assert.equal(overdueOf({ ...dated, status: 'completed' }, [], '2010-01-01').overdue, false);
    const quarterly = {
      dueOn: null,
      recurrence: 'quarterly' as const,
      recursFrom: '2009-04-01',
      recursUntil: null,
      status: 'in progress' as const,
    };
    const result = overdueOf(quarterly, ['2009-06-01'], '2009-10-05');
    assert.equal(result.overdue, true);
    assert.deepEqual(
      result.periods.map((period) => period.label),
      ['July to September 2009'],
    );
  });

  it('describes a recurrence as the documents do', () => {
    assert.equal(describeRecurrence('quarterly', '2009-04-01'), 'Quarterly from April 2009');
  });
});
