import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { derivedFrom } from './versioned-reads.ts';

describe('what a page derives from an answer', () => {
  it('is derived once for the same answer and again for another', () => {
    let derivations = 0;
    const tree = (answer: { bodies: string[] }) =>
      derivedFrom(answer, 'tree', () => {
        derivations += 1;
        return answer.bodies.join(' > ');
      });
    const kept = { bodies: ['Board', 'Sub-group'] };
    assert.equal(tree(kept), 'Board > Sub-group');
    assert.equal(tree(kept), 'Board > Sub-group');
    assert.equal(derivations, 1);
    assert.equal(tree({ bodies: ['Board'] }), 'Board');
    assert.equal(derivations, 2);
    assert.equal(
      derivedFrom(kept, 'count', () => kept.bodies.length),
      2,
      'each key apart',
    );
  });

  it('is tried again after a derivation that failed', async () => {
    const answer = {};
    let attempts = 0;
    const diagram = () =>
      derivedFrom(answer, 'diagram', async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('layout failed');
        return '<svg/>';
      });
    await assert.rejects(diagram(), /layout failed/);
    assert.equal(await diagram(), '<svg/>');
    assert.equal(attempts, 2);
  });
});
