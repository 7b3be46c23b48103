import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  changesBetween,
  loopThrough,
  nameAt,
  structureAt,
  type Relationship,
  type StatusEvent,
} from './structure.ts';

const trust = { id: 'trust', slug: 'trust', name: 'Medway Children’s Trust', kind: 'board' };
const network = { id: 'can', slug: 'can', name: 'Medway Children’s Action Network', kind: 'network' };
const hwb = {
  id: 'hwb',
  slug: 'hwb',
  name: 'Health and Wellbeing Board',
  kind: 'health-and-wellbeing-board',
};
const event = (
  bodyId: string,
  status: StatusEvent['status'],
  effectiveOn: string,
  extra: Partial<StatusEvent> = {},
): StatusEvent => ({
  bodyId,
  status,
  effectiveOn,
  precision: 'day',
  previousName: null,
  newName: null,
  relatedBodyId: null,
  detail: null,
  ...extra,
});
const events = [
  event('trust', 'established', '2008-11-01', { precision: 'month' }),
  event('trust', 'under-review', '2013-01-01', { precision: 'year' }),
  event('can', 'proposed', '2013-10-01'),
  event('trust', 'replaced', '2013-11-01', { relatedBodyId: 'can', precision: 'month' }),
  event('can', 'established', '2013-11-01', { precision: 'month' }),
];
const relationships: Relationship[] = [
  { id: 'r1', fromBodyId: 'can', toBodyId: 'hwb', kind: 'informs', startsOn: '2013-11-01', endsOn: null },
  {
    id: 'r2',
    fromBodyId: 'trust',
    toBodyId: 'can',
    kind: 'replaced-by',
    startsOn: '2013-11-01',
    endsOn: null,
  },
];
const bodies = [trust, network, hwb];

describe('the structure as at a date', () => {
  it('shows Medway’s Trust before the change and its Network after', () => {
    const before = structureAt(bodies, events, relationships, '2013-09-30');
    assert.deepEqual(
      before.bodies.map((entry) => [entry.body.id, entry.status]),
      [
        ['trust', 'under-review'],
        ['hwb', 'established'],
      ],
    );
    assert.deepEqual(before.relationships, []);
    const between = structureAt(bodies, events, relationships, '2013-10-15');
    assert.deepEqual(
      between.bodies.map((entry) => [entry.body.id, entry.status]),
      [
        ['trust', 'under-review'],
        ['can', 'proposed'],
        ['hwb', 'established'],
      ],
    );
    const after = structureAt(bodies, events, relationships, '2014-01-01');
    assert.deepEqual(
      after.bodies.map((entry) => [entry.body.id, entry.status]),
      [
        ['can', 'established'],
        ['hwb', 'established'],
      ],
    );
    assert.deepEqual(
      after.relationships.map((r) => r.id),
      ['r1'],
    );
  });

  it('shows nothing of a body before it was proposed', () => {
    assert.deepEqual(
      structureAt(bodies, events, relationships, '2008-10-31').bodies.map((entry) => entry.body.id),
      ['hwb'],
    );
  });

  it('uses the name a body had on the date', () => {
    const history = [
      event('x', 'established', '2007-01-01'),
      event('x', 'renamed', '2010-06-01', { previousName: 'Old name', newName: 'New name' }),
    ];
    const body = { id: 'x', slug: 'x', name: 'New name', kind: 'board' };
    assert.equal(nameAt(body, history, '2009-01-01'), 'Old name');
    assert.equal(nameAt(body, history, '2011-01-01'), 'New name');
    const at = structureAt([body], history, [], '2011-01-01');
    assert.equal(at.bodies[0]!.status, 'established', 'a renaming keeps the status');
  });

  it('lists the changes between two dates, oldest first', () => {
    const changes = changesBetween(bodies, events, relationships, '2013-09-30', '2014-01-01');
    assert.deepEqual(
      changes.map((change) => [change.date, change.text]),
      [
        ['2013-10-01', 'Medway Children’s Action Network: proposed'],
        ['2013-11-01', 'Medway Children’s Trust replaced by Medway Children’s Action Network'],
        ['2013-11-01', 'Medway Children’s Action Network: established'],
        ['2013-11-01', 'Began: Medway Children’s Action Network informs Health and Wellbeing Board'],
        ['2013-11-01', 'Began: Medway Children’s Trust replaced by Medway Children’s Action Network'],
      ],
    );
  });
});

describe('loops in the hierarchy', () => {
  const links = [
    { fromBodyId: 'a', toBodyId: 'b', kind: 'reports-to' as const },
    { fromBodyId: 'b', toBodyId: 'c', kind: 'accountable-to' as const },
  ];

  it('refuses a body reporting to itself', () => {
    assert.deepEqual(loopThrough([], 'a', 'a', 'informs'), ['a', 'a']);
  });

  it('refuses a loop of any length through the hierarchical kinds', () => {
    assert.deepEqual(loopThrough(links, 'c', 'a', 'reports-to'), ['c', 'a', 'b', 'c']);
    assert.deepEqual(loopThrough(links, 'b', 'a', 'sub-function-of'), ['b', 'a', 'b']);
  });

  it('allows loops of information, and hierarchies without loops', () => {
    assert.equal(loopThrough(links, 'c', 'a', 'informs'), null);
    assert.equal(loopThrough(links, 'a', 'c', 'reports-to'), null);
  });
});
