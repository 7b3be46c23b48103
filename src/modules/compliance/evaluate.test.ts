import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  check,
  evaluate,
  type Snapshot,
  type SnapshotBody,
  type SnapshotHolder,
  type SeatEvidence,
  type SnapshotSeat,
} from './evaluate.ts';
import { describeAttendance } from './compliance.present.ts';
import type { Condition, RuleSet } from './ruleset.schema.ts';
import { readRuleSets } from './rulesets.ts';

type SeatInput = Partial<SnapshotSeat> & Pick<SnapshotSeat, 'id' | 'bodyId' | 'position' | 'label'>;
const holder = (name: string, more: Partial<SnapshotHolder> = {}): SnapshotHolder => ({
  name,
  youngPerson: false,
  category: null,
  startsOn: null,
  endsOn: null,
  ...more,
});
const seat = (input: SeatInput): SnapshotSeat => ({
  role: 'member',
  voting: true,
  category: null,
  independent: false,
  chairOf: null,
  holders: [],
  ...input,
});
const body = (id: string, slug: string, name: string, kind: string, external = false): SnapshotBody => ({
  id,
  slug,
  name,
  kind,
  external,
  attendanceThreshold: 50,
});

/** The one builder: a board with members recorded, a sub-group, an LSCB with seats but no holders. */
function partnership(change: (snapshot: Snapshot) => void = () => undefined): Snapshot {
  const snapshot: Snapshot = {
    date: '2009-09-14',
    authorityType: 'metropolitan borough',
    bodies: [
      body('b', 'board', 'Trust Board', 'board'),
      body('g', 'group', 'Sub-group', 'sub-group'),
      body('l', 'lscb', 'LSCB', 'safeguarding-board', true),
    ],
    seats: [
      seat({
        id: 's1',
        bodyId: 'b',
        position: 1,
        label: 'Chair',
        role: 'chair',
        independent: true,
        holders: [holder('A Chair', { startsOn: '2008-04-01' })],
        attendance: { held: 4, attended: 4 },
      }),
      seat({ id: 's2', bodyId: 'b', position: 2, label: 'A head teacher', category: 'school' }),
      seat({
        id: 's3',
        bodyId: 'b',
        position: 3,
        label: 'Chair of the LSCB',
        chairOf: { kinds: [], slugs: ['lscb'] },
      }),
      seat({
        id: 's4',
        bodyId: 'g',
        position: 1,
        label: 'Youth member',
        voting: false,
        holders: [holder('Secret Name', { youngPerson: true })],
      }),
      seat({ id: 's5', bodyId: 'l', position: 1, label: 'Police', category: 'police' }),
      seat({
        id: 's6',
        bodyId: 'l',
        position: 2,
        label: 'Independent chair',
        role: 'chair',
        independent: null,
      }),
    ],
    links: [{ kind: 'informs', fromBodyId: 'g', toBodyId: 'l' }],
  };
  change(snapshot);
  return snapshot;
}
const snapshot = partnership();
const statusOf = (condition: Condition, of = snapshot) => check(of, condition).status;

describe('rule conditions', () => {
  it('a held seat of a category that does not say which partner it is: not recorded, with the seat', () => {
    const sha = { category: ['strategic-health-authority'], unspecified: ['health-commissioner'] };
    const pct = { category: ['primary-care-trust'], unspecified: ['health-commissioner'] };
    const both: Condition = { all: [{ seat: sha }, { seat: pct }] };
    const health = (category: string, position = 7) =>
      seat({
        id: `h${position}`,
        bodyId: 'b',
        position,
        label: `Health ${position}`,
        category,
        holders: [holder('H')],
      });
    const unsaid = check(
      partnership((s) => s.seats.push(health('health-commissioner'))),
      both,
    );
    assert.equal(unsaid.status, 'not-recorded');
    assert.match(
      unsaid.reason!,
      /Health 7: recorded as health commissioner, which does not say whether it is the strategic health authority/,
    );
    assert.deepEqual(
      unsaid.evidence.map((e) => e.type === 'seat' && e.label),
      ['Health 7', 'Health 7'],
    );
    // a Primary Care Trust alone meets one of the two partners the Act names
    const pctOnly = partnership((s) => s.seats.push(health('primary-care-trust')));
    assert.equal(check(pctOnly, both).status, 'not-met');
    assert.equal(check(pctOnly, { seat: pct }).status, 'met');
    const twoPartners = partnership((s) =>
      s.seats.push(health('primary-care-trust'), health('strategic-health-authority', 8)),
    );
    assert.equal(check(twoPartners, both).status, 'met');
    // without `unspecified`, the general category is simply not the one asked for
    assert.equal(
      check(
        partnership((s) => s.seats.push(health('health-commissioner'))),
        { seat: { category: ['primary-care-trust'] } },
      ).status,
      'not-met',
    );
  });
  it('a seat of the category that nobody holds on a body whose members are recorded: seat vacant', () => {
    const result = check(snapshot, { seat: { on: { kind: ['board'] }, category: ['school'] } });
    assert.equal(result.status, 'seat-vacant');
    assert.deepEqual(
      result.evidence.map((e) => (e.type === 'seat' ? [e.label, e.holders] : [])),
      [['A head teacher', []]],
    );
    assert.match(
      result.reason!,
      /Members of Trust Board are recorded on this date, but nobody holds the seat/,
    );
  });

  it('a held seat: met, naming the holder on the date and the dates behind it', () => {
    const held = partnership((s) => {
      s.seats[1]!.holders = [holder('Head Teacher', { startsOn: '2009-01-01' })];
      s.seats[1]!.startsOn = '2008-09-01';
      s.seats[1]!.attendance = { held: 3, attended: 2 };
    });
    const result = check(held, { seat: { on: { kind: ['board'] }, category: ['school'] } });
    assert.equal(result.status, 'met');
    assert.deepEqual(result.evidence, [
      {
        type: 'seat',
        seatId: 's2',
        bodyId: 'b',
        bodySlug: 'board',
        body: 'Trust Board',
        position: 2,
        label: 'A head teacher',
        holders: ['Head Teacher'],
        from: '2008-09-01',
        until: null,
        heldSince: ['2009-01-01'],
        attendance: { held: 3, attended: 2, threshold: 50 },
      },
    ]);
  });

  it('a joint post counts for each of its organisations’ categories (issue 15)', () => {
    const joint = (jointCategories: string[]) =>
      partnership((s) => {
        s.seats[1]!.holders = [
          holder('Joint Commissioner', { category: 'local-authority', jointCategories }),
        ];
      });
    const pct = { seat: { on: { kind: ['board'] }, category: ['primary-care-trust'] } } as Condition;
    assert.equal(check(joint([]), pct).status, 'not-met');
    assert.equal(check(joint(['primary-care-trust']), pct).status, 'met');
    const member = { member: { on: { kind: ['board'] }, category: ['primary-care-trust'] } } as Condition;
    assert.equal(check(joint(['primary-care-trust']), member).status, 'met');
    // still counted for its first organisation
    const council = { seat: { on: { kind: ['board'] }, category: ['local-authority'] } } as Condition;
    assert.equal(check(joint(['primary-care-trust']), council).status, 'met');
  });

  it('seats recorded with nobody in any of them: met on paper', () => {
    assert.equal(
      statusOf({ seat: { on: { kind: ['safeguarding-board'] }, category: ['police'] } }),
      'met-on-paper',
    );
  });

  it('no seats recorded for the body on the date, or no such body: not recorded, saying what would settle it', () => {
    const bare = partnership((s) => (s.seats = s.seats.filter((seat) => seat.bodyId !== 'b')));
    const result = check(bare, { seat: { on: { kind: ['board'] }, category: ['school'] } });
    assert.equal(result.status, 'not-recorded');
    assert.match(result.reason!, /No seats of Trust Board are recorded on this date/);
    assert.equal(statusOf({ seat: { on: { kind: ['health-and-wellbeing-board'] } } }), 'not-recorded');
  });

  it('seats recorded and none of the kind: not met; external bodies do not count by default', () => {
    assert.equal(statusOf({ seat: { category: ['police'] } }), 'not-met');
    assert.equal(statusOf({ seat: { on: { kind: ['board'] }, category: ['jobcentre-plus'] } }), 'not-met');
  });

  it('a fact left unknown is not recorded: whether the LSCB chair is independent', () => {
    const result = check(snapshot, {
      seat: { on: { kind: ['safeguarding-board'] }, role: ['chair'], independent: true },
    });
    assert.equal(result.status, 'not-recorded');
    assert.match(result.reason!, /independent of the partners is not recorded/);
    assert.equal(statusOf({ seat: { on: { kind: ['board'] }, role: ['chair'], independent: true } }), 'met');
  });

  it('a seat whose organisation ended counts for no category after the end, and says so', () => {
    const ended = partnership((s) => {
      s.seats[1]!.category = null;
      s.seats[1]!.lapsed = {
        category: 'school',
        reason: 'Its organisation, Old School, ended on 2009-08-31',
      };
      s.seats[1]!.holders = [holder('Head Teacher')];
    });
    const result = check(ended, { seat: { on: { kind: ['board'] }, category: ['school'] } });
    assert.equal(result.status, 'not-met');
    assert.equal(result.reason, 'A head teacher: Its organisation, Old School, ended on 2009-08-31');
  });

  it('a seat held ex officio: as the chair of another body, or by a named office', () => {
    // the LSCB's chair seat is empty, so the board's "chair of the LSCB" seat has no holder
    assert.equal(
      statusOf({ seat: { on: { kind: ['board'] }, chairOf: { kind: ['safeguarding-board'] } } }),
      'seat-vacant',
    );
    const chaired = partnership((s) => (s.seats[5]!.holders = [holder('LSCB Chair')]));
    const result = check(chaired, {
      seat: { on: { kind: ['board'] }, chairOf: { kind: ['safeguarding-board'] } },
    });
    assert.equal(result.status, 'met', 'held by whoever chairs the LSCB on the date');
    assert.deepEqual(result.evidence[0]!.type === 'seat' && result.evidence[0]!.holders, ['LSCB Chair']);
    assert.equal(statusOf({ seat: { chairOf: { kind: ['health-and-wellbeing-board'] } } }), 'not-met');
    const dcs = partnership((s) => {
      s.seats[1]!.office = 'director-of-childrens-services';
      s.seats[1]!.holders = [holder('A Director')];
    });
    assert.equal(
      statusOf({ seat: { on: { kind: ['board'] }, office: ['director-of-childrens-services'] } }, dcs),
      'met',
    );
    assert.equal(
      statusOf({ seat: { on: { kind: ['board'] }, office: ['director-of-public-health'] } }, dcs),
      'not-met',
    );
  });

  it('a member who is a young person, never named in the evidence', () => {
    const result = check(snapshot, { member: { youngPerson: true } });
    assert.equal(result.status, 'met');
    assert.deepEqual(result.evidence, [
      {
        type: 'member',
        body: 'Sub-group',
        seat: 'Youth member',
        name: 'a young person',
        from: null,
        until: null,
      },
    ]);
    assert.equal(statusOf({ member: { on: { kind: ['board'] }, youngPerson: true } }), 'not-met');
    const unnamed = partnership((s) => (s.seats = s.seats.map((seat) => ({ ...seat, holders: [] }))));
    assert.equal(
      statusOf({ member: { on: { kind: ['board'] }, youngPerson: true } }, unnamed),
      'not-recorded',
    );
  });

  it('a body of a kind, and a link between kinds', () => {
    assert.equal(statusOf({ body: { kind: ['board'], internal: true } }), 'met');
    assert.equal(
      statusOf({ body: { kind: ['network'] } }),
      'not-met',
      'the partnership keeps its own bodies',
    );
    assert.equal(statusOf({ body: { kind: ['health-and-wellbeing-board'] } }), 'not-recorded');
    assert.equal(statusOf({ link: { kind: ['informs'], to: { kind: ['safeguarding-board'] } } }), 'met');
    assert.equal(
      statusOf({ link: { kind: ['reports-to'], to: { kind: ['safeguarding-board'] } } }),
      'not-met',
    );
    assert.equal(
      statusOf({ link: { kind: ['reports-to'], to: { kind: ['local-strategic-partnership'] } } }),
      'not-recorded',
    );
  });

  it('any takes the most favourable outcome, all the least', () => {
    const yes = { body: { kind: ['board'] } };
    const no = { body: { kind: ['network'] } };
    const unknown = { body: { kind: ['health-and-wellbeing-board'] } };
    const vacant = { seat: { on: { kind: ['board'] }, category: ['school'] } };
    assert.equal(statusOf({ any: [no, yes] }), 'met');
    assert.equal(statusOf({ all: [no, yes] }), 'not-met');
    assert.equal(statusOf({ all: [yes, yes] }), 'met');
    assert.equal(statusOf({ any: [no, unknown] }), 'not-recorded');
    assert.equal(statusOf({ any: [no, vacant] }), 'seat-vacant');
    assert.equal(statusOf({ all: [yes, vacant] }), 'seat-vacant');
  });
});

describe('attendance beside the seat', () => {
  const rule: RuleSet = {
    id: 'a',
    title: 'A',
    source: 'A',
    from: '2005-01-01',
    rules: [
      {
        id: 'chair',
        title: 'Chair',
        source: 's',
        strength: 'guidance',
        condition: { seat: { on: { kind: ['board'] }, role: ['chair'] } },
      },
    ],
  };
  it('a partner who sent apologies to every meeting of the year is flagged', () => {
    const absent = partnership((s) => (s.seats[0]!.attendance = { held: 4, attended: 0 }));
    const [result] = evaluate([rule], absent);
    assert.equal(result!.status, 'met');
    assert.equal(result!.rarelyAttended, true);
  });
  it('at or above the body’s threshold, or with no register in the year, it is not', () => {
    assert.equal(evaluate([rule], snapshot)[0]!.rarelyAttended, false);
    const half = partnership((s) => (s.seats[0]!.attendance = { held: 4, attended: 2 }));
    assert.equal(evaluate([rule], half)[0]!.rarelyAttended, false);
    const strict = partnership((s) => {
      s.seats[0]!.attendance = { held: 4, attended: 2 };
      s.bodies[0]!.attendanceThreshold = 75;
    });
    assert.equal(evaluate([rule], strict)[0]!.rarelyAttended, true);
    const none = partnership((s) => (s.seats[0]!.attendance = { held: 0, attended: 0 }));
    assert.equal(evaluate([rule], none)[0]!.rarelyAttended, false);
  });
  it('a named substitute’s attendance counts, unless the rule asks for the holder in person', () => {
    // came to one meeting of four in person and to two more by a named substitute
    const deputised = partnership((s) => (s.seats[0]!.attendance = { held: 4, attended: 3, inPerson: 1 }));
    const allowed = evaluate([rule], deputised)[0]!;
    assert.equal(allowed.status, 'met');
    assert.equal(allowed.rarelyAttended, false);
    assert.deepEqual((allowed.evidence[0] as SeatEvidence).attendance, {
      held: 4,
      attended: 3,
      threshold: 50,
    });
    const inPerson: RuleSet = {
      ...rule,
      rules: [
        {
          ...rule.rules[0]!,
          condition: { seat: { on: { kind: ['board'] }, role: ['chair'], substitutes: false } },
        },
      ],
    };
    const strict = evaluate([inPerson], deputised)[0]!;
    assert.equal(strict.status, 'met', 'the seat is held either way: a substitute stands in for a holder');
    assert.equal(strict.rarelyAttended, true);
    assert.deepEqual((strict.evidence[0] as SeatEvidence).attendance, {
      held: 4,
      attended: 1,
      threshold: 50,
      substitutes: false,
    });
    assert.equal(
      describeAttendance(strict.evidence[0]!),
      'Attended in person 1 of 4 meetings in the twelve months before (below 50%): the rule does not count substitutes',
    );
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
