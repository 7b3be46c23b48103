import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defaultFramework, entryKind, frameworkLabel, outcomeFrameworks } from './outcome-frameworks.ts';

describe('outcome frameworks', () => {
  it('hold the five Every Child Matters outcomes, and the National Framework’s four outcomes and three enablers', () => {
    assert.deepEqual(
      outcomeFrameworks['every-child-matters'].entries.map((entry) => entry.title),
      [
        'Be healthy',
        'Stay safe',
        'Enjoy and achieve',
        'Make a positive contribution',
        'Achieve economic well-being',
      ],
    );
    const national = outcomeFrameworks['national-framework-2023'].entries;
    assert.equal(national.filter((entry) => entry.kind === 'outcome').length, 4);
    assert.equal(national.filter((entry) => entry.kind === 'enabler').length, 3);
    assert.equal(new Set(national.map((entry) => entry.code)).size, 7);
  });

  it('name each framework with the month of its source', () => {
    assert.equal(frameworkLabel('every-child-matters'), 'Every Child Matters (September 2003)');
    assert.equal(
      frameworkLabel('national-framework-2023'),
      'Children’s Social Care National Framework (December 2023)',
    );
  });

  it('give a plan nobody chose for the framework of its start: Every Child Matters to 31 October 2010', () => {
    assert.equal(defaultFramework('2009-04-01'), 'every-child-matters');
    assert.equal(defaultFramework('2010-10-31'), 'every-child-matters');
    assert.equal(defaultFramework('2010-11-01'), 'national-framework-2023');
    assert.equal(defaultFramework('2026-04-01'), 'national-framework-2023');
  });

  it('tell an enabler from an outcome, and count a local outcome as an outcome', () => {
    assert.equal(entryKind('national-framework-2023', 'E2'), 'enabler');
    assert.equal(entryKind('national-framework-2023', 'O1'), 'outcome');
    assert.equal(entryKind(null, 'L1'), 'outcome');
  });
});
