import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFilesInvalid } from '../../platform/data-files.ts';
import {
  categoryInForce,
  organisationEndedBy,
  readStatutoryCategories,
  statutoryCategories,
} from './statutory-categories.ts';
import { categoryValues } from './membership.vocabulary.ts';

describe('statutory categories over time', () => {
  it('lists every category of the vocabulary, each date with a source', () => {
    const categories = statutoryCategories();
    assert.deepEqual(Object.keys(categories).sort(), [...categoryValues].sort());
    for (const entry of Object.values(categories))
      for (const dated of [entry.from, entry.until]) if (dated) assert.ok(dated.source.length > 20);
  });

  it('ends the Learning and Skills Council on 31 March 2010 and keeps the others', () => {
    assert.equal(categoryInForce('learning-and-skills-council', '2009-09-14'), true);
    assert.equal(categoryInForce('learning-and-skills-council', '2010-03-31'), true);
    assert.equal(categoryInForce('learning-and-skills-council', '2010-04-01'), false);
    assert.equal(categoryInForce('health-commissioner', '2013-04-01'), true);
    assert.equal(categoryInForce('police', '2012-11-22'), true);
    assert.equal(categoryInForce('no-such-category', '2010-01-01'), false);
  });

  it('says an organisation has ended from the day after its last day', () => {
    const pct = { endsOn: '2013-03-31' };
    assert.equal(organisationEndedBy(pct, '2013-03-31'), false);
    assert.equal(organisationEndedBy(pct, '2013-04-01'), true);
    assert.equal(organisationEndedBy({ endsOn: null }, '2099-01-01'), false);
  });

  it('refuses a file that misses a category, dates one without a source or ends before it begins', () => {
    const folder = mkdtempSync(join(tmpdir(), 'categories-'));
    const file = join(folder, 'statutory-categories.yaml');
    writeFileSync(
      file,
      [
        'categories:',
        '  connexions:',
        '    from: { date: 2011-01-01, source: An Act }',
        '    until: { date: 2010-01-01 }',
      ].join('\n'),
    );
    assert.throws(
      () => readStatutoryCategories(file),
      (error: unknown) =>
        error instanceof DataFilesInvalid &&
        error.problems.some((p) => p.path === 'categories.connexions.until.source') &&
        error.problems.some((p) => p.path === 'categories.local-authority'),
    );
  });
});
