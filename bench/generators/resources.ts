// Every partnership's pooled fund at national scale (issue 21): a section 10 pooled fund
// serving every priority of the plan (performance step), with ten financial years of
// contributions from each of the partnership's organisations (planned, agreed, received; a
// third in kind) and spending on each priority and action (planned, committed, actual).
// Written through the resources service's import, one transaction a partnership, as a
// partnership's own file would be. All figures are made up: the fund says so. Idempotent: a
// partnership that has the fund is left as it is.
import { systemCaller } from '../../src/platform/http/auth.ts';
import type { ImportLine } from '../../src/modules/resources/index.ts';
import type { GeneratorStep } from './context.ts';
import { benchFundSlug, benchPlanSlug } from '../identities.ts';

const years = Array.from({ length: 10 }, (_, index) => 2006 + index);

export const resourcesStep: GeneratorStep = {
  name: 'resources',
  async run({ services, caller, random, partnerships, progress }) {
    for (const [index, partnership] of partnerships.entries()) {
      const inPartnership = systemCaller(caller.actor.label, partnership.id);
      progress(index + 1, partnerships.length);
      const data = await services.resources.all(inPartnership);
      if (data.funds.some((fund) => fund.slug === benchFundSlug)) continue;
      const priorities = data.priorities.filter((priority) => priority.plan.slug === benchPlanSlug);
      await services.resources.createFund(inPartnership, {
        slug: benchFundSlug,
        name: 'Children’s Trust pooled fund (illustrative)',
        kind: 'pooled-s10',
        hostOrganisationId: data.organisations[0]?.id ?? null,
        purpose: 'Illustrative bench data: every figure is made up',
        agreementDocument: 'Illustrative section 10 agreement',
        agreementStartsOn: '2006-04-01',
        agreementEndsOn: '2016-03-31',
        reviewOn: null,
        source: 'Generated for the benchmark; not a real fund',
        priorityIds: priorities.map((priority) => priority.id),
      });
      const lines: ImportLine[] = [];
      let line = 1;
      for (const year of years) {
        for (const [at, organisation] of data.organisations.entries()) {
          if (organisation.endsOn && organisation.endsOn < `${year}-04-01`) continue;
          const agreed = random.int(1_000_000, 50_000_000);
          lines.push({
            line: ++line,
            kind: 'contribution',
            year,
            organisation: organisation.name,
            form: at % 3 === 2 ? 'staff time' : 'cash',
            priority: null,
            action: null,
            description: null,
            planned: agreed + random.int(0, 100_000),
            middle: agreed,
            last: agreed - random.int(0, 100_000),
          });
        }
        for (const priority of priorities)
          for (const action of [null, ...priority.actions]) {
            const planned = random.int(100_000, 20_000_000);
            lines.push({
              line: ++line,
              kind: 'spending',
              year,
              organisation: null,
              form: null,
              priority: `${priority.plan.slug} ${priority.position}`,
              action: action ? String(action.position) : null,
              description: null,
              planned,
              middle: random.int(0, 1_000_000),
              last: Math.max(0, planned - random.int(-500_000, 500_000)),
            });
          }
      }
      await services.resources.importRows(inPartnership, benchFundSlug, lines, 'bench generator');
    }
  },
};
