// Today's rule sets (Children Act 2004 s16E, Working Together 2023, Health and Social Care Act
// 2012 s194): the shipped files parse, every rule cites its source and dates, and a partnership
// whose area's safeguarding partnership records the three partners meets them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate, type Snapshot } from './evaluate.ts';
import type { RuleSet } from './ruleset.schema.ts';
import { readRuleSets } from './rulesets.ts';

const today = ['children-act-2004-s16e', 'working-together-2023', 'health-and-social-care-act-2012-s194'];

/** A section, subsection, regulation, paragraph or chapter: "s16E(3)", "s194(2)(a)", "chapter 2". */
const citesProvision = /\bss?\d+[A-Z]*\b|\bs\d+[A-Z]*\(|section \d|\breg\. \d|paragraph|chapter \d|Sch\. \d/i;

interface SeatSpec {
  body: string;
  label: string;
  category?: string;
  office?: string;
  role?: string;
  independent?: boolean;
  holder?: string;
}

/**
 * The one place that knows the Snapshot's shape: a partnership on a date with its own board,
 * the area's safeguarding children partnership and Health and Wellbeing Board (external bodies),
 * and the seats given. If evaluate.ts's Snapshot changes, change this function only.
 */
function partnership(date: string, seats: SeatSpec[]): Snapshot {
  const body = (id: string, slug: string, name: string, kind: string, external: boolean) => ({
    id,
    slug,
    name,
    kind,
    external,
    attendanceThreshold: 50,
  });
  const bodies = [
    body('b', 'board', 'Children’s Partnership Board', 'board', false),
    body('s', 'scp', 'Safeguarding Children Partnership', 'safeguarding-board', true),
    body('h', 'hwb', 'Health and Wellbeing Board', 'health-and-wellbeing-board', true),
  ];
  const bodyId = (slug: string) => bodies.find((body) => body.slug === slug)!.id;
  return {
    date,
    authorityType: 'metropolitan borough',
    bodies,
    seats: seats.map((spec, index) => {
      // Built as a variable, not a literal in place, so that fields the Snapshot does not (yet)
      // declare, such as the office a seat is held by ex officio, pass the type check.
      const seat = {
        id: `seat-${index + 1}`,
        bodyId: bodyId(spec.body),
        position: index + 1,
        label: spec.label,
        role: spec.role ?? 'member',
        voting: true,
        category: spec.category ?? null,
        office: spec.office ?? null,
        independent: spec.independent ?? false,
        chairOf: null,
        holders: [
          {
            name: spec.holder ?? `Holder of ${spec.label}`,
            youngPerson: false,
            category: spec.category ?? null,
            startsOn: null,
            endsOn: null,
          },
        ],
      };
      return seat;
    }),
    links: [],
  };
}

const safeguardingSeats: SeatSpec[] = [
  {
    body: 'scp',
    label: 'Chief Executive, the Council',
    category: 'local-authority',
    office: 'council-chief-executive',
  },
  {
    body: 'scp',
    label: 'Chief Executive, the Integrated Care Board',
    category: 'health-commissioner',
    office: 'icb-chief-executive',
  },
  { body: 'scp', label: 'Chief Constable', category: 'police', office: 'chief-officer-of-police' },
  { body: 'scp', label: 'A head teacher', category: 'school' },
  { body: 'scp', label: 'Independent scrutineer', office: 'independent-scrutineer', independent: true },
];

const healthAndWellbeingSeats: SeatSpec[] = [
  {
    body: 'hwb',
    label: 'Leader of the Council',
    category: 'local-authority',
    office: 'councillor',
    role: 'chair',
  },
  {
    body: 'hwb',
    label: 'Director of Adult Social Services',
    category: 'local-authority',
    office: 'director-of-adult-social-services',
  },
  {
    body: 'hwb',
    label: 'Director of Children’s Services',
    category: 'local-authority',
    office: 'director-of-childrens-services',
  },
  {
    body: 'hwb',
    label: 'Director of Public Health',
    category: 'local-authority',
    office: 'director-of-public-health',
  },
  {
    body: 'hwb',
    label: 'Healthwatch',
    category: 'voluntary-community',
    office: 'healthwatch-representative',
  },
  { body: 'hwb', label: 'Integrated Care Board', category: 'health-commissioner' },
];

async function todaysSets(): Promise<RuleSet[]> {
  return (await readRuleSets()).filter((set) => today.includes(set.id));
}

function statuses(sets: RuleSet[], snapshot: Snapshot, setId: string): Record<string, string> {
  return Object.fromEntries(
    evaluate(sets, snapshot)
      .filter((result) => result.ruleSet.id === setId)
      .map((result) => [result.rule.id, result.status]),
  );
}

describe('the shipped rule sets', () => {
  it('every file parses, today’s among them', async () => {
    const sets = await readRuleSets();
    for (const id of today)
      assert.ok(
        sets.some((set) => set.id === id),
        `${id} is shipped`,
      );
  });

  it('every law rule cites a section and every rule of today’s sets its provision and dates', async () => {
    for (const set of await readRuleSets()) {
      for (const rule of set.rules) {
        if (rule.strength === 'law')
          assert.match(rule.source, citesProvision, `${set.id}/${rule.id} cites a section`);
        if (rule.from && rule.until)
          assert.ok(rule.from <= rule.until, `${set.id}/${rule.id} dates in order`);
      }
    }
    for (const set of await todaysSets()) {
      for (const rule of set.rules) {
        assert.match(rule.source, citesProvision, `${set.id}/${rule.id} cites a provision`);
        if (rule.strength === 'law') assert.ok(rule.from, `${set.id}/${rule.id} has a commencement date`);
        assert.ok(!rule.from || rule.from >= set.from, `${set.id}/${rule.id} starts within its set`);
      }
    }
  });
});

describe('a partnership on 2026-12-01', () => {
  const date = '2026-12-01';

  it('whose safeguarding partnership seats the local authority, the ICB and the police meets s16E and Working Together 2023', async () => {
    const sets = await todaysSets();
    const snapshot = partnership(date, safeguardingSeats);
    assert.deepEqual(statuses(sets, snapshot, 'children-act-2004-s16e'), {
      arrangements: 'met',
      'partner-local-authority': 'met',
      'partner-ccg': 'not-applicable',
      'partner-icb': 'met',
      'partner-police': 'met',
    });
    const guidance = statuses(sets, snapshot, 'working-together-2023');
    assert.ok(Object.keys(guidance).length > 0, 'Working Together 2023 is in force');
    for (const [rule, status] of Object.entries(guidance)) assert.equal(status, 'met', rule);
  });

  it('without the police seat, the police rules are not met and the others still are', async () => {
    const sets = await todaysSets();
    const snapshot = partnership(
      date,
      safeguardingSeats.filter((seat) => seat.category !== 'police'),
    );
    const law = statuses(sets, snapshot, 'children-act-2004-s16e');
    assert.equal(law['partner-police'], 'not-met');
    assert.equal(law['partner-local-authority'], 'met');
    assert.equal(law['partner-icb'], 'met');
    const guidance = statuses(sets, snapshot, 'working-together-2023');
    assert.equal(guidance['lsp-police'], 'not-met');
    assert.equal(guidance['dsp-police'], 'not-met');
    assert.equal(guidance['lsp-local-authority'], 'met');
    assert.equal(guidance['dsp-icb'], 'met');
  });

  it('with no safeguarding partnership recorded, s16E is not met', async () => {
    // An external body the partnership has not recorded is a gap in the record ("not recorded")
    // rather than a breach; either way the rules are not met.
    const sets = await todaysSets();
    const snapshot = partnership(date, healthAndWellbeingSeats);
    snapshot.bodies = snapshot.bodies.filter((body) => body.kind !== 'safeguarding-board');
    const law = statuses(sets, snapshot, 'children-act-2004-s16e');
    for (const rule of ['arrangements', 'partner-local-authority', 'partner-icb', 'partner-police'])
      assert.ok(['not-met', 'not-recorded'].includes(law[rule]!), `${rule}: ${law[rule]}`);
  });

  it('whose Health and Wellbeing Board has its core members meets s194, the ICB wording applying', async () => {
    const sets = await todaysSets();
    assert.deepEqual(
      statuses(sets, partnership(date, healthAndWellbeingSeats), 'health-and-social-care-act-2012-s194'),
      {
        board: 'met',
        councillor: 'met',
        'director-of-adult-social-services': 'met',
        'director-of-childrens-services': 'met',
        'director-of-public-health': 'met',
        healthwatch: 'met',
        ccg: 'not-applicable',
        icb: 'met',
      },
    );
  });
});

describe('on earlier dates', () => {
  it('before 1 July 2022 the health partner is a clinical commissioning group', async () => {
    const sets = await todaysSets();
    const law = statuses(sets, partnership('2020-01-15', safeguardingSeats), 'children-act-2004-s16e');
    assert.equal(law['partner-ccg'], 'met');
    assert.equal(law['partner-icb'], 'not-applicable');
    assert.deepEqual(
      statuses(sets, partnership('2020-01-15', safeguardingSeats), 'working-together-2023'),
      {},
    );
  });

  it('before 29 June 2018 no s16E rule applies', async () => {
    const sets = await todaysSets();
    assert.deepEqual(
      statuses(sets, partnership('2018-06-28', safeguardingSeats), 'children-act-2004-s16e'),
      {},
    );
  });
});

describe('Children Act 2004 s10(4)(f): Connexions, then the provider of support services under s68', () => {
  // The words of s10(4)(f) were substituted on 26 January 2009 (Education and Skills Act 2008,
  // s169(1), Sch 1 para 83; S.I. 2008/3077, art 4) and (f) has not been repealed since: see the
  // rule set's comment and data/reference/README.md.
  const s10 = async () => (await readRuleSets()).filter((set) => set.id === 'children-act-2004-s10');
  const youth = async (date: string, seats: SeatSpec[]) => {
    const result = statuses(await s10(), partnership(date, seats), 'children-act-2004-s10');
    return { connexions: result.connexions, youth: result['youth-support-services'] };
  };
  const council: SeatSpec = {
    body: 'board',
    label: 'Director of Children’s Services',
    category: 'local-authority',
  };
  const provider: SeatSpec = { body: 'board', label: 'Connexions', category: 'connexions' };
  const police: SeatSpec = { body: 'board', label: 'Chief Superintendent', category: 'police' };

  it('cites the amendment and its commencement, and nothing is left to check', async () => {
    const [set] = await s10();
    const rule = (id: string) => set!.rules.find((candidate) => candidate.id === id)!;
    assert.equal(rule('connexions').until, '2009-01-25');
    assert.equal(rule('youth-support-services').from, '2009-01-26');
    assert.equal(rule('youth-support-services').until, undefined, 's10(4)(f) is still in force');
    assert.match(rule('youth-support-services').source, /Sch 1 para 83/);
    assert.match(rule('youth-support-services').source, /S\.I\. 2008\/3077, art 4/);
    for (const each of await readRuleSets())
      for (const candidate of each.rules)
        assert.doesNotMatch(
          `${candidate.source} ${candidate.note ?? ''}`,
          /\(check\)/,
          `${each.id}/${candidate.id} has nothing left to check`,
        );
  });

  it('asks for Connexions to 25 January 2009 and for the s68 provider from the next day', async () => {
    assert.deepEqual(await youth('2009-01-25', [council, provider]), {
      connexions: 'met',
      youth: 'not-applicable',
    });
    assert.deepEqual(await youth('2009-01-26', [council, provider]), {
      connexions: 'not-applicable',
      youth: 'met',
    });
  });

  it('still applies in 2026: the council’s seat alone leaves it "not recorded", no likely provider "not met"', async () => {
    assert.equal((await youth('2026-12-01', [council, provider])).youth, 'met');
    // The council may provide the services itself (s68(3)(a)): its seat does not say.
    assert.equal((await youth('2026-12-01', [council])).youth, 'not-recorded');
    assert.equal((await youth('2026-12-01', [police])).youth, 'not-met');
    // Before the amendment only a Connexions seat counted.
    assert.equal((await youth('2008-07-14', [council])).connexions, 'not-met');
  });
});
