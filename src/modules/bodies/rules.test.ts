import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { changedRules, describeRule, latestRules, placesOn, rulesOn, type DatedRule } from './rules.ts';

const row = (rule: DatedRule['rule'], holdsFrom: string | null, value: unknown): DatedRule => ({
  bodyId: 'b',
  rule,
  holdsFrom,
  precision: 'day',
  value,
});

describe('a body’s rules with their dates', () => {
  const rows = [
    row('quorum', null, { minimum: 12 }),
    row('quorum', '2010-04-01', { minimum: 13 }),
    row('membership-cap', '2009-01-01', 20),
    row('membership-cap', '2011-01-01', null),
  ];

  it('judges each date by the rule holding then: the latest from on or before it', () => {
    assert.deepEqual(rulesOn(rows, 'b', '2007-05-01').quorum, { minimum: 12 });
    assert.deepEqual(rulesOn(rows, 'b', '2010-03-31').quorum, { minimum: 12 });
    assert.deepEqual(rulesOn(rows, 'b', '2010-04-01').quorum, { minimum: 13 });
    assert.equal(rulesOn(rows, 'b', '2008-12-31')['membership-cap'], null, 'none before its first date');
    assert.equal(rulesOn(rows, 'b', '2009-06-01')['membership-cap'], 20);
    assert.equal(rulesOn(rows, 'b', '2012-01-01')['membership-cap'], null, 'a rule removed from a date');
    assert.equal(rulesOn(rows, 'other', '2010-04-01').quorum, null, 'another body’s rows never count');
    assert.deepEqual(latestRules(rows, 'b').quorum, { minimum: 13 });
  });

  it('finds what the form changed, whatever the order of categories or cadence', () => {
    const current = latestRules(
      [
        row('quorum', null, { minimum: 6, categories: ['police', 'health'] }),
        row('cadence', null, [{ kind: 'board-meeting', perYear: 4 }]),
      ],
      'b',
    );
    assert.deepEqual(
      changedRules(current, {
        quorum: { categories: ['health', 'police'], minimum: 6 },
        cadence: [{ kind: 'board-meeting', perYear: 4 }],
        'membership-cap': null,
        chairing: { kind: 'office', detail: 'the Lead Member' },
      }),
      ['chairing'],
    );
  });

  it('says each rule in words', () => {
    assert.equal(
      describeRule('quorum', { minimum: 13, categories: ['police'] }, { police: 'Police' }),
      '13 voting members present, including Police',
    );
    assert.equal(
      describeRule('cadence', [{ kind: 'board-meeting', perYear: 4 }]),
      'At least 4 meetings a year',
    );
    assert.equal(
      describeRule('cadence', [
        { kind: 'board-meeting', perYear: 1 },
        { kind: 'annual-event', perYear: 1 },
        { kind: 'deep-dive', perYear: 2 },
      ]),
      'At least 1 meeting, 1 annual event, 2 deep dives a year',
    );
    assert.equal(describeRule('membership-cap', 20), '20 members at most');
    assert.equal(describeRule('quorum', null), 'None');
  });

  it('gives a seat’s places on a date', () => {
    const places = [
      { holdsFrom: null, places: 2 },
      { holdsFrom: '2010-04-01', places: 1 },
    ];
    assert.equal(placesOn(places, '2009-01-01', 9), 2);
    assert.equal(placesOn(places, '2010-04-01', 9), 1);
    assert.equal(placesOn([], '2010-04-01', 3), 3);
  });
});
