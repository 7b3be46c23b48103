// A seat recommended rather than constituted ("a GP should become a member", ADR 0037) is not
// part of the body: no rule counts it, held or not, and the evaluation names it apart.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { check, recommendedSeats, type Snapshot, type SnapshotSeat } from './evaluate.ts';
import type { Condition } from './ruleset.schema.ts';

const seat = (more: Partial<SnapshotSeat> & Pick<SnapshotSeat, 'id' | 'label'>): SnapshotSeat => ({
  bodyId: 'b',
  position: 1,
  role: 'member',
  voting: true,
  category: null,
  independent: false,
  chairOf: null,
  holders: [],
  ...more,
});
const holder = (name: string) => ({ name, youngPerson: false, category: null, startsOn: null, endsOn: null });

function board(...seats: SnapshotSeat[]): Snapshot {
  return {
    date: '2009-09-14',
    authorityType: 'metropolitan borough',
    bodies: [
      {
        id: 'b',
        slug: 'board',
        name: 'Trust Board',
        kind: 'board',
        external: false,
        attendanceThreshold: 50,
      },
    ],
    seats: [
      seat({ id: 'chair', label: 'Chair', role: 'chair', holders: [holder('Chair person')] }),
      ...seats.map((s, index) => ({ ...s, position: index + 2 })),
    ],
    links: [],
  };
}

const gp: Condition = { seat: { on: { kind: ['board'] }, category: ['gp'] } };
const gpSeat = (more: Partial<SnapshotSeat> = {}) =>
  seat({ id: 'gp', label: 'A GP should become a member', category: 'gp', ...more });

describe('recommended seats in compliance', () => {
  it('a constituted seat of the category counts: held, met; empty, seat vacant', () => {
    assert.equal(check(board(gpSeat({ holders: [holder('Dr A')] })), gp).status, 'met');
    assert.equal(check(board(gpSeat()), gp).status, 'seat-vacant');
  });

  it('the same seat recommended meets no rule, held or not, and is not even “on paper”', () => {
    const empty = check(board(gpSeat({ recommended: true })), gp);
    assert.equal(empty.status, 'not-met');
    assert.deepEqual(empty.evidence, []);
    const held = check(board(gpSeat({ recommended: true, holders: [holder('Dr A')] })), gp);
    assert.equal(held.status, 'not-met');
    assert.ok(!JSON.stringify(held.evidence).includes('Dr A'));
  });

  it('a body whose only seats are recommended has no seats recorded for the rules', () => {
    const snapshot = board(gpSeat({ recommended: true }));
    snapshot.seats = snapshot.seats.filter((s) => s.id === 'gp');
    assert.equal(check(snapshot, gp).status, 'not-recorded');
  });

  it('the evaluation names the recommended seats apart, with their body', () => {
    assert.deepEqual(
      recommendedSeats(board(gpSeat({ recommended: true }), gpSeat({ id: 'x', label: 'X' }))),
      [{ body: 'Trust Board', label: 'A GP should become a member' }],
    );
    assert.deepEqual(recommendedSeats(board(gpSeat())), []);
  });
});
