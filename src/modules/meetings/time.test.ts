import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fromLondon, hasHappened, londonParts } from './time.ts';

describe('London meeting times', () => {
  it('reads winter times as UTC and summer times as UTC+1', () => {
    assert.equal(fromLondon('2009-01-21', '10:00').toISOString(), '2009-01-21T10:00:00.000Z');
    assert.equal(fromLondon('2009-07-01', '14:30').toISOString(), '2009-07-01T13:30:00.000Z');
  });

  it('handles the days the clocks change', () => {
    // 29 March 2009: 01:00 GMT became 02:00 BST.
    assert.equal(fromLondon('2009-03-29', '00:30').toISOString(), '2009-03-29T00:30:00.000Z');
    assert.equal(fromLondon('2009-03-29', '03:00').toISOString(), '2009-03-29T02:00:00.000Z');
    // 25 October 2009: 02:00 BST became 01:00 GMT; 12:00 is GMT.
    assert.equal(fromLondon('2009-10-25', '12:00').toISOString(), '2009-10-25T12:00:00.000Z');
  });

  it('says a meeting has happened once held or started, and a cancelled one never', () => {
    const now = Date.parse('2009-06-01T12:00:00Z');
    const past = new Date('2009-05-01T10:00:00Z');
    const future = new Date('2009-07-01T10:00:00Z');
    assert.equal(hasHappened({ state: 'scheduled', startsAt: past }, now), true);
    assert.equal(hasHappened({ state: 'scheduled', startsAt: new Date(now) }, now), true);
    assert.equal(hasHappened({ state: 'scheduled', startsAt: future }, now), false);
    assert.equal(hasHappened({ state: 'held', startsAt: future }, now), true);
    assert.equal(hasHappened({ state: 'cancelled', startsAt: past }, now), false);
    assert.equal(hasHappened({ state: 'cancelled', startsAt: future }, now), false);
  });

  it('gives back the date and time a form shows', () => {
    assert.deepEqual(londonParts(new Date('2009-07-01T13:30:00Z')), { date: '2009-07-01', time: '14:30' });
    assert.deepEqual(londonParts(fromLondon('2009-12-31', '23:45')), { date: '2009-12-31', time: '23:45' });
  });
});
