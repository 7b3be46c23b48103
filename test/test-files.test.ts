// The test files of a suite share a process (test/run.ts, --test-isolation=none): a hook at a
// file's top level belongs to the process's root, so `beforeEach` and `afterEach` there would
// run around every other file's tests as well. They belong inside a `describe`.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { globSync, readFileSync } from 'node:fs';

describe('test files that share a process', () => {
  it('have no beforeEach or afterEach at their top level', () => {
    const files = globSync('{src,test,bench,e2e}/**/*.test.ts');
    assert.ok(files.length > 100, `only ${files.length} test files found`);
    const offending = files.filter((file) => /^(beforeEach|afterEach)\(/m.test(readFileSync(file, 'utf8')));
    assert.deepEqual(offending, []);
  });
});
