import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { directionOf, ragOf } from './rag.ts';

const points = (amount: number) => ({ kind: 'absolute' as const, amount });
const percent = (amount: number) => ({ kind: 'relative' as const, amount });

describe('RAG from value, target, tolerance and polarity', () => {
  describe('higher is better (target 80%, tolerance 2 points)', () => {
    const rag = (value: number) => ragOf(value, 80, points(2), 'higher');
    it('is green on the target and above it', () => {
      assert.equal(rag(80), 'green');
      assert.equal(rag(93.5), 'green');
    });
    it('is amber just below the target and exactly at the tolerance edge', () => {
      assert.equal(rag(79.9), 'amber');
      assert.equal(rag(78), 'amber');
    });
    it('is red beyond the edge', () => {
      assert.equal(rag(77.99), 'red');
      assert.equal(rag(10), 'red');
    });
  });

  describe('lower is better (target 40 per 1,000, tolerance 5% of target)', () => {
    const rag = (value: number) => ragOf(value, 40, percent(5), 'lower');
    it('is green on the target and below it', () => {
      assert.equal(rag(40), 'green');
      assert.equal(rag(12), 'green');
    });
    it('is amber above the target up to the edge (42)', () => {
      assert.equal(rag(40.1), 'amber');
      assert.equal(rag(42), 'amber');
    });
    it('is red beyond the edge', () => {
      assert.equal(rag(42.01), 'red');
    });
  });

  it('keeps decimal edges exact despite binary floating point', () => {
    // 45.3 - 43.3 is 1.9999999999999957 in binary; 0.3 - 0.1 is 0.19999999999999998.
    assert.equal(ragOf(43.3, 45.3, points(2), 'higher'), 'amber');
    assert.equal(ragOf(0.3, 0.1, points(0.2), 'lower'), 'amber');
    assert.equal(ragOf(10.3, 10.1, points(0.2), 'lower'), 'amber');
  });

  it('with no tolerance, anything short of target is red', () => {
    assert.equal(ragOf(79.9, 80, points(0), 'higher'), 'red');
    assert.equal(ragOf(80, 80, points(0), 'higher'), 'green');
  });

  it('gives no rating for an indicator with no better direction', () => {
    assert.equal(ragOf(5, 80, points(2), 'none'), null);
  });
});

describe('direction of travel', () => {
  it('follows the polarity', () => {
    assert.equal(directionOf(70, 72, 'higher'), 'improving');
    assert.equal(directionOf(72, 70, 'higher'), 'worsening');
    assert.equal(directionOf(40, 38, 'lower'), 'improving');
    assert.equal(directionOf(38, 40, 'lower'), 'worsening');
  });
  it('says no change for an equal value, and only up or down with no polarity', () => {
    assert.equal(directionOf(0.1 + 0.2, 0.3, 'higher'), 'no change');
    assert.equal(directionOf(5, 6, 'none'), 'up');
    assert.equal(directionOf(6, 5, 'none'), 'down');
  });
});
