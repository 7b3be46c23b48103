// What the money adds up to, worked out from the entries alone (pure, unit-tested): a fund's
// statement for a year or across years (contributions, spending, budget, balance, variance),
// resources by priority and by partner, and the exceptions (a fund's spending past its budget,
// a pledge overdue). Every figure is integer pence, added with `sumPence` (ADR 0027).
import { sumPence, yearEnd, yearStart } from './money.ts';

export interface ContributionEntry {
  id: string;
  fundId: string;
  organisationId: string;
  organisationName: string;
  year: number;
  form: string;
  description: string | null;
  planned: number | null;
  agreed: number | null;
  received: number | null;
}

export interface SpendingEntry {
  id: string;
  fundId: string;
  year: number;
  priorityId: string;
  priorityTitle: string;
  actionId: string | null;
  actionText: string | null;
  serviceId: string | null;
  serviceName: string | null;
  description: string | null;
  planned: number | null;
  committed: number | null;
  actual: number | null;
  decisionId: string | null;
}

export interface PledgeEntry {
  id: string;
  organisationId: string;
  organisationName: string;
  priorityId: string;
  actionId: string | null;
  resource: string;
  description: string;
  amount: number | null;
  fromYear: number;
  toYear: number;
  status: string;
  dueOn: string | null;
}

export interface ServiceEntry {
  id: string;
  name: string;
  annualValue: number | null;
  startsOn: string | null;
  endsOn: string | null;
  status: string;
  priorityIds: string[];
}

export interface Totals {
  planned: number;
  agreed: number;
  received: number;
}

export interface SpendTotals {
  planned: number;
  committed: number;
  actual: number;
}

const contributionTotals = (rows: ContributionEntry[]): Totals => ({
  planned: sumPence(rows.map((row) => row.planned)),
  agreed: sumPence(rows.map((row) => row.agreed)),
  received: sumPence(rows.map((row) => row.received)),
});

const spendTotals = (rows: SpendingEntry[]): SpendTotals => ({
  planned: sumPence(rows.map((row) => row.planned)),
  committed: sumPence(rows.map((row) => row.committed)),
  actual: sumPence(rows.map((row) => row.actual)),
});

const inYear = (year: number | null) => (row: { year: number }) => year === null || row.year === year;

function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

export interface FundStatement {
  year: number | null;
  years: number[];
  contributions: {
    byPartner: {
      organisationId: string;
      organisationName: string;
      cash: Totals;
      inKind: Totals;
      total: Totals;
    }[];
    cash: Totals;
    inKind: Totals;
    total: Totals;
  };
  spending: {
    byPriority: { priorityId: string; priorityTitle: string; totals: SpendTotals }[];
    total: SpendTotals;
  };
  /** What the partners agreed to put in (cash and in kind at their agreed value). */
  budget: number;
  /** Received, less spent (actual). */
  balance: number;
  /** Spent (actual) less planned spending: above nothing is an overspend against the plan. */
  spendingVariance: number;
  /** Received less agreed: below nothing is money still to come in. */
  contributionVariance: number;
  /** Committed and actual spending together (committed is what is promised and not yet spent). */
  exposure: number;
  /** By how much the exposure passes the budget; 0 when it does not. */
  overBudgetBy: number;
}

/** A fund's statement for one financial year (`year`), or across all its years (null). */
export function fundStatement(
  contributionsOfFund: ContributionEntry[],
  spendingOfFund: SpendingEntry[],
  year: number | null,
): FundStatement {
  const contributions = contributionsOfFund.filter(inYear(year));
  const spending = spendingOfFund.filter(inYear(year));
  const years = [...new Set([...contributionsOfFund, ...spendingOfFund].map((row) => row.year))].sort();
  const byPartner = [...groupBy(contributions, (row) => row.organisationId).values()]
    .map((rows) => ({
      organisationId: rows[0]!.organisationId,
      organisationName: rows[0]!.organisationName,
      cash: contributionTotals(rows.filter((row) => row.form === 'cash')),
      inKind: contributionTotals(rows.filter((row) => row.form !== 'cash')),
      total: contributionTotals(rows),
    }))
    .sort((a, b) => a.organisationName.localeCompare(b.organisationName));
  const byPriority = [...groupBy(spending, (row) => row.priorityId).values()].map((rows) => ({
    priorityId: rows[0]!.priorityId,
    priorityTitle: rows[0]!.priorityTitle,
    totals: spendTotals(rows),
  }));
  const total = contributionTotals(contributions);
  const spent = spendTotals(spending);
  const exposure = sumPence([spent.committed, spent.actual]);
  return {
    year,
    years,
    contributions: {
      byPartner,
      cash: contributionTotals(contributions.filter((row) => row.form === 'cash')),
      inKind: contributionTotals(contributions.filter((row) => row.form !== 'cash')),
      total,
    },
    spending: { byPriority, total: spent },
    budget: total.agreed,
    balance: total.received - spent.actual,
    spendingVariance: spent.actual - spent.planned,
    contributionVariance: total.received - total.agreed,
    exposure,
    overBudgetBy: spending.length && exposure > total.agreed ? exposure - total.agreed : 0,
  };
}

/** The years a pledge counts in, within `years` (or all of its own when `years` is null). */
const pledgeYears = (pledge: PledgeEntry, year: number | null) =>
  year === null
    ? pledge.toYear - pledge.fromYear + 1
    : pledge.fromYear <= year && year <= pledge.toYear
      ? 1
      : 0;

const serviceRuns = (service: ServiceEntry, year: number) =>
  (!service.startsOn || service.startsOn <= yearEnd(year)) &&
  (!service.endsOn || service.endsOn >= yearStart(year));

export const currentServiceStatuses = ['procuring', 'active', 'ended'];

export interface PriorityResources {
  priorityId: string;
  planned: number;
  committed: number;
  actual: number;
  pledgedAgreed: number;
  pledgedProposed: number;
  servicesCurrent: number;
  servicesProposed: number;
  /** Committed and actual spending, agreed or delivered pledges and current services. */
  current: number;
  /** Planned spending, proposed pledges and proposed services. */
  proposed: number;
}

/**
 * What each priority has, for one financial year or across `years`: spending from funds,
 * pledges (money, or what was valued), and commissioned services at their annual value in
 * each year they run. A service serving several priorities counts in full against each.
 */
export function resourcesByPriority(
  priorityIds: string[],
  entries: { spending: SpendingEntry[]; pledges: PledgeEntry[]; services: ServiceEntry[] },
  year: number | null,
  years: number[],
): { rows: PriorityResources[]; total: Omit<PriorityResources, 'priorityId'> } {
  const counted = year === null ? years : [year];
  const rows = priorityIds.map((priorityId) => {
    const spending = entries.spending.filter((row) => row.priorityId === priorityId && inYear(year)(row));
    const spent = spendTotals(spending);
    const pledges = entries.pledges.filter((pledge) => pledge.priorityId === priorityId);
    const pledged = (statuses: string[]) =>
      sumPence(
        pledges
          .filter((pledge) => statuses.includes(pledge.status) && pledge.amount !== null)
          .map((pledge) => pledge.amount! * pledgeYears(pledge, year)),
      );
    const services = entries.services.filter((service) => service.priorityIds.includes(priorityId));
    const serviceValue = (current: boolean) =>
      sumPence(
        services
          .filter((service) =>
            current ? currentServiceStatuses.includes(service.status) : service.status === 'proposed',
          )
          .flatMap((service) =>
            counted.filter((y) => serviceRuns(service, y)).map(() => service.annualValue),
          ),
      );
    const row = {
      priorityId,
      ...spent,
      pledgedAgreed: pledged(['agreed', 'delivered']),
      pledgedProposed: pledged(['proposed']),
      servicesCurrent: serviceValue(true),
      servicesProposed: serviceValue(false),
    };
    return {
      ...row,
      current: sumPence([row.committed, row.actual, row.pledgedAgreed, row.servicesCurrent]),
      proposed: sumPence([row.planned, row.pledgedProposed, row.servicesProposed]),
    };
  });
  const add = (key: keyof Omit<PriorityResources, 'priorityId'>) => sumPence(rows.map((row) => row[key]));
  return {
    rows,
    total: {
      planned: add('planned'),
      committed: add('committed'),
      actual: add('actual'),
      pledgedAgreed: add('pledgedAgreed'),
      pledgedProposed: add('pledgedProposed'),
      servicesCurrent: add('servicesCurrent'),
      servicesProposed: add('servicesProposed'),
      current: add('current'),
      proposed: add('proposed'),
    },
  };
}

export interface PartnerResources {
  organisationId: string;
  organisationName: string;
  cash: Totals;
  inKind: Totals;
  pledgedAgreed: number;
  pledgedProposed: number;
}

/** What each partner puts in, for a year or across years: contributions to every fund and pledges. */
export function resourcesByPartner(
  contributions: ContributionEntry[],
  pledges: PledgeEntry[],
  year: number | null,
): PartnerResources[] {
  const inThisYear = contributions.filter(inYear(year));
  const names = new Map<string, string>();
  for (const row of inThisYear) names.set(row.organisationId, row.organisationName);
  for (const pledge of pledges)
    if (pledgeYears(pledge, year)) names.set(pledge.organisationId, pledge.organisationName);
  return [...names]
    .map(([organisationId, organisationName]) => {
      const own = inThisYear.filter((row) => row.organisationId === organisationId);
      const pledged = (statuses: string[]) =>
        sumPence(
          pledges
            .filter(
              (p) => p.organisationId === organisationId && statuses.includes(p.status) && p.amount !== null,
            )
            .map((p) => p.amount! * pledgeYears(p, year)),
        );
      return {
        organisationId,
        organisationName,
        cash: contributionTotals(own.filter((row) => row.form === 'cash')),
        inKind: contributionTotals(own.filter((row) => row.form !== 'cash')),
        pledgedAgreed: pledged(['agreed', 'delivered']),
        pledgedProposed: pledged(['proposed']),
      };
    })
    .sort((a, b) => a.organisationName.localeCompare(b.organisationName));
}

/** The day a pledge is due: its own date, or else the last day of its last financial year. */
export const pledgeDueOn = (pledge: Pick<PledgeEntry, 'dueOn' | 'toYear'>): string =>
  pledge.dueOn ?? yearEnd(pledge.toYear);

/** An agreed pledge not delivered by the day it was due. */
export const pledgeOverdue = (
  pledge: Pick<PledgeEntry, 'dueOn' | 'toYear' | 'status'>,
  asAt: string,
): boolean => pledge.status === 'agreed' && pledgeDueOn(pledge) < asAt;
