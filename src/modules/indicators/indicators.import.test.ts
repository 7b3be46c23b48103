import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { comparatorNamed, readIndicatorFile } from './indicators.import.ts';

const csv = (lines: string[]) => Buffer.from(lines.join('\n'));

describe('reading comparators in an indicator file', () => {
  it('knows each comparator by its key or its label, in any case, and nothing else', () => {
    assert.equal(comparatorNamed('England'), 'england');
    assert.equal(comparatorNamed('England average'), 'england');
    assert.equal(comparatorNamed('Statistical neighbours’ average'), 'statistical neighbours');
    assert.equal(comparatorNamed("statistical  neighbours'"), 'statistical neighbours');
    assert.equal(comparatorNamed('REGION'), 'region');
    assert.equal(comparatorNamed('Regional average'), 'region');
    assert.equal(comparatorNamed(''), null);
    assert.equal(comparatorNamed('Wales'), undefined);
    assert.equal(comparatorNamed('North West'), undefined);
  });

  it('reads a comparator row with its value, and a row without one as the partnership’s own', async () => {
    const read = await readIndicatorFile(
      'figures.csv',
      csv(['indicator,period,value,comparator', 'NI 73,2008/09,72.5,', 'NI 73,2008/09,73.1,England']),
    );
    assert.deepEqual(read.problems, []);
    assert.deepEqual(
      read.rows.map((row) => [row.line, row.value, row.comparator, row.breakdownKind]),
      [
        [2, 72.5, null, 'all'],
        [3, 73.1, 'england', 'all'],
      ],
    );
  });

  it('refuses a comparator row with a target, a group, no value or marked illustrative', async () => {
    const read = await readIndicatorFile(
      'figures.csv',
      csv([
        'indicator,period,value,group,target,tolerance,illustrative,comparator',
        'NI 73,2008/09,73.1,,75,2,,England',
        'NI 73,2008/09,,,,,,region',
        'NI 73,2008/09,70,,,,yes,statistical neighbours',
      ]),
    );
    assert.deepEqual(read.problems, [
      {
        line: 2,
        message: 'comparator: A comparator row has no target or tolerance: give those in a row of their own',
      },
      { line: 3, message: 'value: A comparator row needs the comparator’s value' },
      { line: 4, message: 'illustrative: A comparator’s figure is published, not illustrative' },
    ]);
    assert.equal(read.rows.length, 0);
  });
});
