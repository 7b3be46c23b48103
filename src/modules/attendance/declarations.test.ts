import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { expectedMember } from '../../../test/support/meetings.ts';
import type { AttendanceRecord } from './attendance.ts';
import {
  declarants,
  declarationProblems,
  type DeclarationContext,
  type DeclarationInput,
} from './declarations.ts';

const member = expectedMember;
const record = (personId: string, status: string) =>
  ({
    meetingId: 'x',
    personId,
    personName: `Person ${personId}`,
    youngPerson: false,
    status,
    forMembershipId: null,
    chaired: false,
    agendaItemId: null,
  }) satisfies AttendanceRecord;

describe('who may declare an interest at a meeting', () => {
  it('is the members on the meeting’s date, substitutes and those in attendance, each once', () => {
    const people = declarants(
      '2009-03-20',
      [
        member('a'),
        member('a2', { personId: 'p-a', membershipId: 'm-a2' }),
        member('gone', { endsOn: '2009-01-01' }),
        member('later', { startsOn: '2009-04-01' }),
        member('yp', { youngPerson: true }),
      ],
      [
        record('p-a', 'present'),
        record('sub', 'substitute'),
        record('guest', 'in-attendance'),
        record('p-x', 'absent'),
      ],
      new Set(['guest']),
    );
    assert.deepEqual(people, [
      { id: 'p-a', name: 'Person a' },
      { id: 'p-yp', name: 'A young person' },
      { id: 'sub', name: 'Person sub' },
      { id: 'guest', name: 'A young person' },
    ]);
  });
});

describe('the rules for a declaration of interest', () => {
  const input: DeclarationInput = {
    agendaItemId: 'item-1',
    personId: 'p-a',
    kind: 'disclosable-pecuniary',
    nature: 'Director of a bidding provider',
    participation: 'left-room',
    interestId: null,
  };
  const context: DeclarationContext = {
    cancelled: false,
    happened: true,
    itemIds: ['item-1', 'item-2'],
    people: [
      { id: 'p-a', name: 'Anne' },
      { id: 'p-b', name: 'Bill' },
    ],
    own: null,
    interests: [
      { id: 'int-a', personId: 'p-a' },
      { id: 'int-b', personId: 'p-b' },
    ],
  };
  const paths = (i: Partial<DeclarationInput>, c: Partial<DeclarationContext> = {}) =>
    declarationProblems({ ...input, ...i }, { ...context, ...c }).map((p) => `${p.path}: ${p.message}`);

  it('lets a clerk record anyone on the register, at any time, with their own register entry', () => {
    assert.deepEqual(paths({}), []);
    assert.deepEqual(paths({ personId: 'p-b', interestId: 'int-b' }), []);
    assert.deepEqual(paths({}, { happened: false }), []);
  });

  it('refuses a person not on the register, an item not of this meeting, and an empty nature', () => {
    assert.deepEqual(paths({ personId: 'p-z', agendaItemId: 'elsewhere', nature: '  ' }), [
      'agendaItemId: Select an item on this meeting’s agenda',
      'personId: Select someone on this meeting’s attendance register or in attendance',
      'nature: Describe the nature of the interest',
    ]);
  });

  it('refuses another person’s register entry', () => {
    assert.deepEqual(paths({ interestId: 'int-b' }), [
      'interestId: Select an entry of Anne’s register of interests, or none',
    ]);
  });

  it('lets a member declare only their own interest, and only before the meeting', () => {
    assert.deepEqual(paths({}, { own: ['p-a'], happened: false }), []);
    assert.deepEqual(paths({ personId: 'p-b' }, { own: ['p-a'], happened: false }), [
      'personId: You can declare only your own interests: ask the clerk to record anyone else’s',
    ]);
    assert.deepEqual(paths({}, { own: ['p-a'], happened: true }), [
      'personId: The meeting has already started: ask the clerk to record your declaration',
    ]);
  });

  it('refuses anything on a cancelled meeting', () => {
    assert.deepEqual(paths({}, { cancelled: true }), [
      'agendaItemId: The meeting was cancelled: there is nothing to declare at',
    ]);
  });
});
