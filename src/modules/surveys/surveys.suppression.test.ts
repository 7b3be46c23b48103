import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isSuppressed, shareable, suppressedMark } from './surveys.suppression.ts';

const children = { kind: 'number', aboutChildren: true };

describe('small-number suppression', () => {
  it('suppresses counts about children below the threshold, zero included', () => {
    for (const text of ['0', '1', '4', ' 3 ']) assert.equal(isSuppressed(children, text, 5), true, text);
    assert.equal(shareable(children, '4', 5), suppressedMark);
  });

  it('shows counts at or above the threshold', () => {
    assert.equal(isSuppressed(children, '5', 5), false);
    assert.equal(shareable(children, '12', 5), '12');
  });

  it('follows the threshold it is given', () => {
    assert.equal(isSuppressed(children, '7', 10), true);
    assert.equal(isSuppressed(children, '10', 10), false);
  });

  it('leaves other answers alone: numbers not about children, text, dates, no response', () => {
    assert.equal(isSuppressed({ kind: 'number', aboutChildren: false }, '2', 5), false);
    assert.equal(isSuppressed({ kind: 'text', aboutChildren: true }, '2', 5), false);
    assert.equal(isSuppressed({ kind: 'date', aboutChildren: false }, '2011-06-21', 5), false);
    assert.equal(isSuppressed(children, null, 5), false);
    assert.equal(isSuppressed(children, '', 5), false);
  });
});
