import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { expectedMember } from '../../../test/support/meetings.ts';
import {
  attendanceAppendix,
  buildRegister,
  type AttendanceRecord,
  type ExpectedMember,
} from './attendance.ts';

const member = (id: string, values: Partial<ExpectedMember> = {}): ExpectedMember =>
  expectedMember(id, { organisationName: 'Council', ...values });
const record = (meetingId: string, personId: string, status: string, forMembershipId: string | null = null) =>
  ({
    meetingId,
    personId,
    personName: personId,
    youngPerson: false,
    status,
    forMembershipId,
    chaired: false,
    agendaItemId: null,
  }) satisfies AttendanceRecord;

describe('the attendance register', () => {
  it('gives each member’s status and substitute, and the quorum from voting members there', () => {
    const members = [
      member('a', { category: 'local-authority' }),
      member('b', { category: 'health' }),
      member('c', { category: 'police' }),
      member('d', { voting: false }),
    ];
    const register = buildRegister(
      members,
      [
        record('x', 'p-a', 'present'),
        record('x', 'p-b', 'apologies'),
        record('x', 'deputy', 'substitute', 'm-b'),
        record('x', 'p-c', 'absent'),
        record('x', 'p-d', 'present'),
        record('x', 'officer', 'in-attendance'),
      ],
      [
        {
          id: 'board',
          quorumRule: { minimum: 2, categories: ['local-authority', 'health', 'police'] },
          votingPlaces: 3,
        },
      ],
    );
    assert.deepEqual(
      register.rows.map((row) => [row.member.personId, row.status, row.substitute?.id ?? null]),
      [
        ['p-a', 'present', null],
        ['p-b', 'apologies', 'deputy'],
        ['p-c', 'absent', null],
        ['p-d', 'present', null],
      ],
    );
    assert.deepEqual(register.inAttendance, [{ id: 'officer', name: 'officer' }]);
    // a and b's substitute are voting and there; d is not voting; nobody for the police
    assert.deepEqual(register.quorum[0]!.result, {
      met: false,
      required: 2,
      present: 2,
      missing: ['police'],
    });
  });
});

describe('the attendance appendix', () => {
  const held = [
    { id: 'm1', date: '2009-01-10' },
    { id: 'm2', date: '2009-04-10' },
    { id: 'm3', date: '2009-07-10' },
  ];
  it('counts expected, attended, apologies, substitutes and absences per member and organisation', () => {
    const appendix = attendanceAppendix(
      held,
      [
        member('a', { organisationName: 'Council' }),
        member('b', { organisationName: 'PCT', startsOn: '2009-03-01' }),
        member('y', { organisationName: 'Council', youngPerson: true }),
      ],
      [
        record('m1', 'p-a', 'present'),
        record('m2', 'p-a', 'apologies'),
        record('m3', 'p-a', 'present'),
        record('m2', 'p-b', 'apologies'),
        record('m2', 'deputy', 'substitute', 'm-b'),
        record('m3', 'p-b', 'present'),
        // a meeting not in the list (cancelled) never counts
        record('cancelled', 'p-b', 'present'),
      ],
    );
    assert.equal(appendix.meetings, 3);
    assert.deepEqual(
      appendix.members.map((row) => [
        row.name,
        row.expected,
        row.attended,
        row.apologies,
        row.substitutes,
        row.absent,
        row.notRecorded,
        row.rate,
      ]),
      [
        ['Person a', 3, 2, 1, 0, 0, 0, 0.667],
        ['Person b', 2, 1, 1, 1, 0, 0, 0.5],
        // nothing recorded of them: not recorded, never absent, and no rate (issue 24)
        ['A young person', 3, 0, 0, 0, 0, 3, null],
      ],
    );
    assert.deepEqual(
      appendix.organisations.map((row) => [
        row.organisation,
        row.expected,
        row.attended,
        row.substitutes,
        row.rate,
      ]),
      [
        // the rate over the recorded meetings only: 2 of Person a's 3
        ['Council', 6, 2, 0, 0.667],
        ['PCT', 2, 1, 1, 1],
      ],
    );
  });

  it('gives no rate when nothing was expected', () => {
    const appendix = attendanceAppendix([], [member('a')], []);
    assert.equal(appendix.members[0]!.rate, null);
  });
});
