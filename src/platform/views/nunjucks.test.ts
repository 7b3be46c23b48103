import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate, formatDateTime } from './nunjucks.ts';

describe('dates on pages', () => {
  it('are written the GOV.UK way, at the precision known', () => {
    assert.equal(formatDate('2009-09-14'), '14 September 2009');
    assert.equal(formatDate('2007-04'), 'April 2007');
    assert.equal(formatDate('2007'), '2007');
    assert.equal(formatDate(null), '');
    assert.equal(formatDate(new Date('2013-10-01T23:30:00Z')), '2 October 2013', 'in UK time');
  });

  it('give times with am and pm', () => {
    assert.equal(formatDateTime(new Date('2009-01-21T14:00:00Z')), '21 January 2009 at 2pm');
    assert.equal(formatDateTime(new Date('2009-07-21T13:30:00Z')), '21 July 2009 at 2:30pm', 'in UK time');
  });
});
