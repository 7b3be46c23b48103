import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { check, evaluate, type Snapshot } from './evaluate.ts';
import type { RuleSet } from './ruleset.schema.ts';
import { readRuleSets } from './rulesets.ts';

const snapshot: Snapshot = {
  date: '2009-09-14',
  authorityType: 'metropolitan borough',
  bodies: [
    { id: 'b', slug: 'board', name: 'Trust Board', kind: 'board', external: false },
    { id: 'g', slug: 'group', name: 'Sub-group', kind: 'sub-group', external: false },
    { id: 'l', slug: 'lscb', name: 'LSCB', kind: 'safeguarding-board', external: true },
  ],
  seats: [
    {
      id: 's1',
      bodyId: 'b',
      position: 1,
      label: 'Chair',
      role: 'chair',
      voting: true,
      category: null,
      independent: true,
      chairOf: null,
      holders: [{ name: 'A Chair', youngPerson: false, category: null }],
    },
    {
      id: 's2',
      bodyId: 'b',
      position: 2,
      label: 'A head teacher',
      role: 'member',
      voting: true,
      category: 'school',
      independent: false,
      chairOf: null,
      holders: [],
    },
    {
      id: 's3',
      bodyId: 'b',
      position: 3,
      label: 'Chair of the LSCB',
      role: 'member',
      voting: true,
      category: null,
      independent: false,
      chairOf: { kinds: [], slugs: ['lscb'] },
      holders: [],
    },
    {
      id: 's4',
      bodyId: 'g',
      position: 1,
      label: 'Youth member',
      role: 'member',
      voting: false,
      category: null,
      independent: false,
      chairOf: null,
      holders: [{ name: 'Secret Name', youngPerson: true, category: null }],
    },
    {
      id: 's5',
      bodyId: 'l',
      position: 1,
      label: 'Police',
      role: 'member',
      voting: true,
      category: 'police',
      independent: false,
      chairOf: null,
      holders: [],
    },
  ],
  links: [{ kind: 'informs', fromBodyId: 'g', toBodyId: 'l' }],
};

describe('rule conditions', () => {
  it('a seat of a category, on the bodies named, with its evidence', () => {
    assert.deepEqual(check(snapshot, { seat: { on: { kind: ['board'] }, category: ['school'] } }), {
      met: true,
      evidence: [{ type: 'seat', body: 'Trust Board', position: 2, label: 'A head teacher', holders: [] }],
    });
    assert.equal(
      check(snapshot, { seat: { category: ['police'] } }).met,
      false,
      'external bodies do not count by default',
    );
    assert.equal(
      check(snapshot, { seat: { on: { kind: ['safeguarding-board'] }, category: ['police'] } }).met,
      true,
    );
  });

  it('a seat by role, vote, independence or as the chair of another body', () => {
    assert.equal(check(snapshot, { seat: { role: ['chair'], independent: true } }).met, true);
    assert.equal(check(snapshot, { seat: { voting: false } }).met, true);
    assert.equal(check(snapshot, { seat: { chairOf: { kind: ['safeguarding-board'] } } }).met, true);
    assert.equal(check(snapshot, { seat: { chairOf: { kind: ['health-and-wellbeing-board'] } } }).met, false);
  });

  it('a member who is a young person, never named in the evidence', () => {
    const result = check(snapshot, { member: { youngPerson: true } });
    assert.equal(result.met, true);
    assert.deepEqual(result.evidence, [
      { type: 'member', body: 'Sub-group', seat: 'Youth member', name: 'a young person' },
    ]);
    assert.equal(check(snapshot, { member: { on: { kind: ['board'] }, youngPerson: true } }).met, false);
  });

  it('a body of a kind, and a link between kinds', () => {
    assert.equal(check(snapshot, { body: { kind: ['board'], internal: true } }).met, true);
    assert.equal(check(snapshot, { body: { kind: ['network'] } }).met, false);
    assert.equal(
      check(snapshot, { link: { kind: ['informs'], to: { kind: ['safeguarding-board'] } } }).met,
      true,
    );
    assert.equal(
      check(snapshot, { link: { kind: ['reports-to'], to: { kind: ['safeguarding-board'] } } }).met,
      false,
    );
  });

  it('any and all', () => {
    const yes = { body: { kind: ['board'] } };
    const no = { body: { kind: ['network'] } };
    assert.equal(check(snapshot, { any: [no, yes] }).met, true);
    assert.equal(check(snapshot, { all: [no, yes] }).met, false);
    assert.equal(check(snapshot, { all: [yes, yes] }).met, true);
  });
});

describe('evaluation on a date', () => {
  const set: RuleSet = {
    id: 'test',
    title: 'Test',
    source: 'Test',
    from: '2005-01-01',
    rules: [
      {
        id: 'old',
        title: 'Old',
        source: 's',
        strength: 'law',
        until: '2008-12-31',
        condition: { body: { kind: ['board'] } },
      },
      {
        id: 'county',
        title: 'County',
        source: 's',
        strength: 'law',
        appliesTo: { authorityTypes: ['county council'] },
        condition: { body: { kind: ['board'] } },
      },
      {
        id: 'now',
        title: 'Now',
        source: 's',
        strength: 'guidance',
        condition: { body: { kind: ['board'] } },
      },
    ],
  };

  it('gives not applicable for a rule out of force or for another kind of area', () => {
    const results = evaluate([set], snapshot);
    assert.deepEqual(
      results.map((r) => [r.rule.id, r.status, r.reason]),
      [
        ['old', 'not-applicable', 'Not in force on this date'],
        ['county', 'not-applicable', 'Applies only to county council areas'],
        ['now', 'met', undefined],
      ],
    );
  });

  it('leaves out rule sets not in force on the date', () => {
    assert.deepEqual(evaluate([{ ...set, until: '2008-01-01' }], snapshot), []);
  });

  it('ships rule sets that all pass their schema', async () => {
    const sets = await readRuleSets();
    assert.ok(sets.length >= 4);
    assert.ok(sets.every((s) => s.rules.length > 0));
  });
});
