import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { shortName } from './short-name.ts';

const messages = (value: unknown) => {
  const result = shortName('executive-board').safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
};

describe('a short name for web addresses', () => {
  it('takes letters, numbers and single hyphens, in lower case', () => {
    assert.equal(shortName('x').parse(' Executive-Board-2 '), 'executive-board-2');
  });

  it('gives one message for each problem, and one only for a blank answer', () => {
    assert.deepEqual(messages(''), ['Enter a short name for web addresses']);
    assert.deepEqual(messages('   '), ['Enter a short name for web addresses']);
    assert.deepEqual(messages(undefined), ['Enter a short name for web addresses']);
    assert.deepEqual(messages('a'.repeat(61)), ['Short name must be 60 characters or fewer']);
    assert.deepEqual(messages('board--one'), [
      'Short name must contain only letters, numbers and single hyphens, like executive-board',
    ]);
  });
});
