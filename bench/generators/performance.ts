// Every partnership's plan and indicators at national scale: 40 tracked indicators with ten
// years of values (everyone, 7 groups and 8 areas: about a million values over 153
// partnerships) and targets, and a CYPP of 7 priorities with 5 actions each, a third of them
// quarterly with ten quarters of updates. Values go in as one import per partnership, as a
// partnership's own file would; the plan through the plans service. All figures are made up
// and marked illustrative. Idempotent: a partnership that has the plan is left as it is.
import { systemCaller } from '../../src/platform/http/auth.ts';
import { parsePeriod } from '../../src/modules/indicators/index.ts';
import type { GeneratorStep } from './context.ts';
import { benchIndicatorCode, benchPlanSlug } from '../identities.ts';

const groups = [
  'Looked-after children',
  'Free school meals',
  'Special educational needs',
  'Black and minority ethnic',
  'Boys',
  'Girls',
  'Young carers',
];
const areas = ['North', 'South', 'East', 'West', 'Central', 'Town centre', 'Rural', 'Coastal'];
const years = Array.from({ length: 10 }, (_, index) => 2006 + index);

export const performanceStep: GeneratorStep = {
  name: 'performance',
  async run({ services, caller, random, partnerships, say, progress }) {
    const library = await services.indicators.library(systemCaller(caller.actor.label, partnerships[0]!.id), {
      set: 'nis2008',
    });
    const chosen = [
      library.find((entry) => entry.code === benchIndicatorCode)!,
      ...library.filter((entry) => entry.code !== benchIndicatorCode && entry.unit === 'percentage'),
    ].slice(0, 40);
    let values = 0;
    for (const [index, partnership] of partnerships.entries()) {
      const inPartnership = systemCaller(caller.actor.label, partnership.id);
      progress(index + 1, partnerships.length);
      if (await services.plans.bySlug(inPartnership, benchPlanSlug)) continue;
      const tracked = new Set(
        (await services.indicators.list(inPartnership)).map((row) => row.indicator.code),
      );
      for (const entry of chosen)
        if (!tracked.has(entry.code)) await services.indicators.track(inPartnership, entry.key);
      const rows = chosen.flatMap((entry) => {
        let level = random.int(30, 80);
        return years.flatMap((year) => {
          const period = parsePeriod(
            entry.frequency,
            `${year}-${String((year + 1) % 100).padStart(2, '0')}`,
          )!.key;
          level = Math.min(99, Math.max(1, level + random.int(-3, 4)));
          const row = (breakdownKind: 'all' | 'group' | 'area', breakdown: string, value: number) => ({
            line: 0,
            indicator: entry.code,
            period,
            value: Math.min(100, Math.max(0, Math.round(value * 10) / 10)),
            breakdownKind,
            breakdown,
            target: breakdownKind === 'all' ? Math.min(100, level + random.int(-2, 4)) : null,
            tolerance: breakdownKind === 'all' ? { kind: 'absolute' as const, amount: 2 } : null,
            illustrative: true,
            comparator: null,
          });
          return [
            row('all', '', level),
            ...groups.map((group) => row('group', group, level - random.int(0, 25))),
            ...areas.map((area) => row('area', area, level + random.int(-10, 10))),
          ];
        });
      });
      const numbered = rows.map((row, at) => ({ ...row, line: at + 2 }));
      await services.indicators.importRows(inPartnership, numbered, 'bench-values.csv');
      values += numbered.length;

      await services.plans.create(inPartnership, {
        slug: benchPlanSlug,
        title: `Children and Young People’s Plan (${partnership.name})`,
        kind: "children and young people's plan",
        startsOn: '2009-04-01',
        endsOn: '2019-03-31',
        vision: 'Illustrative plan made by the benchmark generator.',
        status: 'published',
        resourcing: null,
      });
      const detail = (await services.plans.bySlug(inPartnership, benchPlanSlug))!;
      const bodies = await services.bodies.list(inPartnership);
      const indicators = (await services.indicators.list(inPartnership)).map((row) => row.indicator.id);
      for (let p = 0; p < 7; p++) {
        const priorityId = await services.plans.addPriority(inPartnership, benchPlanSlug, {
          title: `Priority ${p + 1} of the illustrative plan`,
          ownerBodyId: bodies[p % bodies.length]?.id,
          outcomeIds: [detail.outcomes[p % 5]!.id],
          indicatorIds: indicators.slice(p * 5, p * 5 + 5),
        });
        for (let a = 0; a < 5; a++) {
          const recurring = a % 3 === 0;
          const actionId = await services.plans.addAction(inPartnership, benchPlanSlug, priorityId, {
            text: `Action ${p + 1}.${a + 1} of the illustrative plan`,
            leadKind: 'body',
            leadId: bodies[(p + a) % bodies.length]!.id,
            partnerIds: [],
            ...(recurring
              ? { recurrence: 'quarterly' as const, recursFrom: '2009-04-01' }
              : { dueOn: `${2010 + a}-03-31` }),
            status: 'in progress',
          });
          for (let q = 0; q < (recurring ? 10 : 2); q++)
            await services.plans.postUpdate(inPartnership, benchPlanSlug, actionId, {
              reportedOn: `${2009 + Math.floor((q + 1) / 4)}-${String(((q * 3 + 5) % 12) + 1).padStart(2, '0')}-15`,
              rag: random.pick(['green', 'green', 'amber', 'red'] as const),
              commentary: 'Illustrative progress update.',
            });
        }
      }
    }
    say(`imported ${values} indicator values and targets; plans made`);
  },
};
