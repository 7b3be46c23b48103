import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateQuorum, quorumFromApologies } from './quorum.ts';

const members = (...categories: (string | null)[]) => categories.map((category) => ({ category }));

describe('quorum', () => {
  it('needs at least the minimum number of voting members', () => {
    assert.deepEqual(evaluateQuorum({ minimum: 3 }, 10, members(null, null)), {
      met: false,
      required: 3,
      present: 2,
      missing: [],
    });
    assert.equal(evaluateQuorum({ minimum: 3 }, 10, members(null, null, null)).met, true);
  });

  it('needs a fraction of the voting places, rounded up', () => {
    assert.equal(evaluateQuorum({ fraction: 1 / 3 }, 10, members(null, null, null)).required, 4);
    assert.equal(evaluateQuorum({ fraction: 1 / 3 }, 9, members(null, null, null)).met, true);
    assert.equal(evaluateQuorum({ minimum: 5, fraction: 1 / 3 }, 9, members(null, null, null)).required, 5);
  });

  it('needs someone for each named category', () => {
    const rule = { minimum: 2, categories: ['local-authority', 'health', 'police'] };
    const short = evaluateQuorum(rule, 12, members('local-authority', 'health', null));
    assert.deepEqual(short, { met: false, required: 2, present: 3, missing: ['police'] });
    assert.equal(evaluateQuorum(rule, 12, members('local-authority', 'health', 'police')).met, true);
    assert.equal(evaluateQuorum({ categories: ['health'] }, 12, members('health')).required, null);
  });

  it('says nothing without a rule', () => {
    assert.deepEqual(evaluateQuorum(null, 12, members(null)), {
      met: null,
      required: null,
      present: 1,
      missing: [],
    });
    assert.equal(evaluateQuorum({ categories: [] }, 12, []).met, null);
  });

  it('is not known from a register of apologies only, unless those known there make it', () => {
    // nobody named present: not "0 of 8, not quorate" but not known, with what was needed
    assert.deepEqual(quorumFromApologies({ minimum: 8 }, 19, []), {
      met: null,
      required: 8,
      present: 0,
      missing: [],
      unknown: true,
    });
    assert.equal(quorumFromApologies({ minimum: 2 }, 5, members(null, null)).met, true);
    assert.equal(quorumFromApologies(null, 5, []).unknown, undefined, 'no rule is no rule');
  });
});
