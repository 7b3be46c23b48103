// A plan's resources as the plans module and the public site show them (issue 21, ADR 0036):
// for one financial year, each priority's spending from funds (planned, committed, actual), the
// partners' pledges (agreed or delivered, proposed) and commissioned services (current,
// proposed), written out in pounds, with the pledges that count in the year listed by partner.
// Pure: the service reads the entries and gives them here.
import type { PlanPart, PlanPartLinks, PlanResources } from '../plans/index.ts';
import { financialYearOf, formatPounds, parseYear, yearLabel } from './money.ts';
import { resourcesByPriority } from './statement.ts';
import type { ResourcesData } from './resources.service.ts';
import { pledgeResources, pledgeStatuses } from './resources.vocabulary.ts';

export const planResourceHeadings = [
  'Spending planned',
  'Spending committed',
  'Spending actual',
  'Pledges agreed or delivered',
  'Pledges proposed',
  'Commissioned services, current',
  'Commissioned services, proposed',
];

const figures = [
  'planned',
  'committed',
  'actual',
  'pledgedAgreed',
  'pledgedProposed',
  'servicesCurrent',
  'servicesProposed',
] as const;

/** The financial year asked for ("2009" or "2009-10") if it is one of `years`. */
function askedYear(asked: string | undefined, years: number[]): number | null {
  const text = (asked ?? '').trim();
  const year = /^\d{4}$/.test(text) ? Number(text) : parseYear(text);
  return year !== null && years.includes(year) ? year : null;
}

/**
 * The resources of one plan's priorities for the year asked, when it is one of the plan's; or
 * else for the year of `asAt`, brought within the plan's years (its first before it starts,
 * its last after it ends). Null when the plan is not one of the partnership's.
 */
export function planResourcesOf(
  data: ResourcesData,
  planId: string,
  asked: string | undefined,
  asAt: string,
): PlanResources | null {
  const plan = data.plans.find((candidate) => candidate.id === planId);
  if (!plan) return null;
  const first = financialYearOf(plan.startsOn);
  const last = Math.max(first, financialYearOf(plan.endsOn));
  const years = Array.from({ length: last - first + 1 }, (_, index) => first + index);
  const year = askedYear(asked, years) ?? Math.min(last, Math.max(first, financialYearOf(asAt)));
  const priorities = data.priorities.filter((priority) => priority.plan.id === plan.id);
  const ids = new Set(priorities.map((priority) => priority.id));
  const { rows, total } = resourcesByPriority(
    priorities.map((priority) => priority.id),
    data,
    year,
    years,
  );
  const inYear = data.pledges.filter(
    (pledge) =>
      ids.has(pledge.priorityId) &&
      pledge.status !== 'withdrawn' &&
      pledge.fromYear <= year &&
      year <= pledge.toYear,
  );
  const recorded =
    data.spending.some((row) => ids.has(row.priorityId)) ||
    data.pledges.some((pledge) => ids.has(pledge.priorityId)) ||
    data.services.some((service) => service.priorityIds.some((id) => ids.has(id)));
  return {
    planId: plan.id,
    period: yearLabel(year),
    years: years.map((candidate) => ({
      value: String(candidate),
      label: yearLabel(candidate),
      shown: candidate === year,
    })),
    headings: planResourceHeadings,
    rows: rows.map((row, index) => {
      const priority = priorities[index]!;
      return {
        priorityId: priority.id,
        label: `${priority.position}. ${priority.title}`,
        cells: figures.map((key) => formatPounds(row[key])),
        pledges: inYear
          .filter((pledge) => pledge.priorityId === priority.id)
          .map(
            (pledge) =>
              `${pledge.organisationName}: ${pledgeResources[pledge.resource as keyof typeof pledgeResources] ?? pledge.resource}, ${pledge.description}` +
              `${pledge.amount === null ? ' (not valued)' : `, ${formatPounds(pledge.amount)} a year`}` +
              `, ${yearLabel(pledge.fromYear)}${pledge.toYear === pledge.fromYear ? '' : ` to ${yearLabel(pledge.toYear)}`}` +
              ` (${(pledgeStatuses[pledge.status as keyof typeof pledgeStatuses] ?? pledge.status).toLowerCase()})`,
          ),
      };
    }),
    total: { label: 'All priorities', cells: figures.map((key) => formatPounds(total[key])) },
    recorded,
    notes: [
      `Spending is from the partnership's funds in ${yearLabel(year)}; a pledge counts its amount for each year it covers; a commissioned service counts its value a year, in full against each priority it serves.`,
    ],
  };
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const names = (list: readonly string[]) =>
  list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;

/**
 * What the resources hold against a plan's priority or action, written out for its delete page
 * (ADR 0036, ADR 0048): spending and pledges keep it (their foreign keys hold: money recorded
 * is not dropped by deleting a plan part); a fund's or a commissioned service's link to a
 * priority goes with it, and the fund or service stays.
 */
export function planPartLinksOf(data: ResourcesData, part: PlanPart): PlanPartLinks {
  const on = (row: { priorityId: string; actionId: string | null }) =>
    'priorityId' in part ? row.priorityId === part.priorityId : row.actionId === part.actionId;
  const spending = data.spending.filter(on);
  const pledges = data.pledges.filter(on);
  const keeping: string[] = [];
  if (spending.length) {
    const funds = data.funds
      .filter((fund) => spending.some((row) => row.fundId === fund.id))
      .map((f) => f.name);
    keeping.push(`${count(spending.length, 'spending entry', 'spending entries')} of ${names(funds)}`);
  }
  if (pledges.length) {
    const partners = [...new Set(pledges.map((pledge) => pledge.organisationName))];
    keeping.push(`${count(pledges.length, 'pledge')} by ${names(partners)}`);
  }
  const going: string[] = [];
  if ('priorityId' in part) {
    const funds = data.funds.filter((fund) => fund.priorityIds.includes(part.priorityId)).map((f) => f.name);
    if (funds.length)
      going.push(
        `Its place among the priorities ${names(funds)} ${funds.length === 1 ? 'serves (the fund stays)' : 'serve (the funds stay)'}`,
      );
    const services = data.services
      .filter((service) => service.priorityIds.includes(part.priorityId))
      .map((s) => s.name);
    if (services.length)
      going.push(
        `Its place among the priorities of ${count(services.length, 'commissioned service')}, ${names(services)} (the ${services.length === 1 ? 'service stays' : 'services stay'})`,
      );
  }
  return { keeping, going };
}
