// Resources: funds and their agreements, contributions and spending by financial year,
// pledges, commissioned services and the plans' financial principles; the statements and
// reports made from them. Every rule about money is checked here before anything is written,
// in the write's own transaction, with an audit row.
import type { Database } from '../../platform/db/database.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import type { Caller } from '../../platform/http/auth.ts';
import { notFound } from '../../platform/http/errors.ts';
import { RuleViolation, type FieldProblem } from '../../platform/http/validation.ts';
import { today } from '../../platform/http/date-input.ts';
import { formatDate } from '../../platform/views/nunjucks.ts';
import { inTenant } from '../../platform/tenant.ts';
import type { DB, Trx } from '../../schema.ts';
import { planPrioritiesWithin, type PlanPart, type PriorityReference } from '../plans/index.ts';
import { organisationsWithin, organisationEndedBy } from '../membership/index.ts';
import { decisionsWithin } from '../record/index.ts';
import {
  resourcesRepository as repository,
  type ContributionValues,
  type FundRow,
  type FundValues,
  type PledgeValues,
  type ServiceValues,
  type SpendingValues,
} from './resources.repository.ts';
import { financialYearOf, formatPounds, yearEnd, yearLabel, yearStart } from './money.ts';
import { planPartLinksOf, planResourcesOf } from './resources.plan.ts';
import {
  fundStatement,
  pledgeDueOn,
  pledgeOverdue,
  resourcesByPartner,
  resourcesByPriority,
  type ContributionEntry,
  type PledgeEntry,
  type ServiceEntry,
  type SpendingEntry,
} from './statement.ts';

export interface NewFund extends Omit<FundValues, 'source'> {
  priorityIds: string[];
  source?: string | null;
}

/** Everything the partnership holds about its resources, with names, read in one transaction. */
async function everything(trx: Trx) {
  const [
    funds,
    fundPriorities,
    fundDecisions,
    contributions,
    spending,
    pledges,
    services,
    servicePriorities,
    principles,
    organisations,
    planned,
  ] = await Promise.all([
    repository.funds(trx),
    repository.fundPriorities(trx),
    repository.fundDecisions(trx),
    repository.contributions(trx),
    repository.spending(trx),
    repository.pledges(trx),
    repository.services(trx),
    repository.servicePriorities(trx),
    repository.principles(trx),
    organisationsWithin(trx),
    planPrioritiesWithin(trx),
  ]);
  const organisationName = new Map(organisations.map((o) => [o.id, o.name]));
  const priorityById = new Map(planned.priorities.map((p) => [p.id, p]));
  const actionText = new Map(
    planned.priorities.flatMap((p) => p.actions.map((a) => [a.id, a.text] as const)),
  );
  const serviceName = new Map(services.map((s) => [s.id, s.name]));
  const contributionEntries: ContributionEntry[] = contributions.map((row) => ({
    ...row,
    organisationName: organisationName.get(row.organisationId) ?? 'Unknown organisation',
  }));
  const spendingEntries: SpendingEntry[] = spending.map((row) => ({
    ...row,
    priorityTitle: priorityById.get(row.priorityId)?.title ?? 'Unknown priority',
    actionText: row.actionId ? (actionText.get(row.actionId) ?? null) : null,
    serviceName: row.serviceId ? (serviceName.get(row.serviceId) ?? null) : null,
  }));
  const pledgeEntries: (PledgeEntry & {
    pledgedOn: string;
    agreedBy: string | null;
    decisionId: string | null;
  })[] = pledges.map((row) => ({
    ...row,
    organisationName: organisationName.get(row.organisationId) ?? 'Unknown organisation',
  }));
  const serviceEntries: (ServiceEntry & (typeof services)[number] & { providerName: string })[] =
    services.map((service) => ({
      ...service,
      // a partner of the partnership by its name now; a provider outside it as written
      providerName: service.providerOrganisationId
        ? (organisationName.get(service.providerOrganisationId) ?? service.provider)
        : service.provider,
      priorityIds: servicePriorities
        .filter((link) => link.serviceId === service.id)
        .map((link) => link.priorityId),
    }));
  return {
    funds: funds.map((fund) => ({
      ...fund,
      hostName: fund.hostOrganisationId ? (organisationName.get(fund.hostOrganisationId) ?? null) : null,
      priorityIds: fundPriorities.filter((link) => link.fundId === fund.id).map((link) => link.priorityId),
      decisionIds: fundDecisions.filter((link) => link.fundId === fund.id).map((link) => link.decisionId),
    })),
    contributions: contributionEntries,
    spending: spendingEntries,
    pledges: pledgeEntries,
    services: serviceEntries,
    principles,
    organisations,
    plans: planned.plans,
    priorities: planned.priorities,
    priorityById,
  };
}
export type ResourcesData = Awaited<ReturnType<typeof everything>>;
export type FundDetail = ResourcesData['funds'][number];

/** The years a fund's agreement covers, as a message when a year is outside them. */
function outsideAgreement(fund: FundRow, year: number): string | null {
  if (fund.agreementStartsOn && yearEnd(year) < fund.agreementStartsOn)
    return `${yearLabel(year)} is before the fund’s agreement starts (${formatDate(fund.agreementStartsOn)})`;
  if (fund.agreementEndsOn && yearStart(year) > fund.agreementEndsOn)
    return `${yearLabel(year)} is after the fund’s agreement ends (${formatDate(fund.agreementEndsOn)})`;
  return null;
}

/** The problems with contributions, each at `path` (a field) or a line of an import. */
function contributionProblems(data: ResourcesData, fund: FundDetail, row: ContributionValues): string[] {
  const problems: string[] = [];
  const organisation = data.organisations.find((o) => o.id === row.organisationId);
  if (!organisation) problems.push('Select a partner from the list of the partnership’s organisations');
  else if (organisationEndedBy(organisation, yearStart(row.year)))
    problems.push(
      `${organisation.name} had ended (${formatDate(organisation.endsOn!)}) before ${yearLabel(row.year)} began: it was not a partner then`,
    );
  const outside = outsideAgreement(fund, row.year);
  if (outside) problems.push(outside);
  return problems;
}

function spendingProblems(data: ResourcesData, fund: FundDetail, row: SpendingValues): string[] {
  const problems: string[] = [];
  const priority = data.priorityById.get(row.priorityId);
  if (!priority) problems.push('Select a priority from the list');
  else if (!fund.priorityIds.includes(row.priorityId))
    problems.push(`${fund.name} does not serve the priority “${priority.title}”: add it to the fund first`);
  if (row.actionId && priority && !priority.actions.some((action) => action.id === row.actionId))
    problems.push('The action is not one of the priority’s actions');
  if (row.actionId && row.serviceId)
    problems.push('Spending is on an action or a commissioned service, not both');
  if (row.serviceId && !data.services.some((service) => service.id === row.serviceId))
    problems.push('Select a commissioned service from the list');
  const outside = outsideAgreement(fund, row.year);
  if (outside) problems.push(outside);
  return problems;
}

/** The problems with a pledge, each at its field. */
async function pledgeProblems(
  data: ResourcesData,
  trx: Trx,
  caller: Caller,
  values: PledgeValues,
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const organisation = data.organisations.find((o) => o.id === values.organisationId);
  if (!organisation)
    problems.push({ path: 'organisationId', message: 'Select the partner from the list of organisations' });
  else if (organisationEndedBy(organisation, values.pledgedOn))
    problems.push({
      path: 'organisationId',
      message: `${organisation.name} had ended (${formatDate(organisation.endsOn!)}) by ${formatDate(values.pledgedOn)}: it was not a partner on that date`,
    });
  const priority = data.priorityById.get(values.priorityId);
  if (!priority) problems.push({ path: 'priorityId', message: 'Select a priority from the list' });
  else if (values.actionId && !priority.actions.some((a) => a.id === values.actionId))
    problems.push({ path: 'actionId', message: 'The action is not one of the priority’s actions' });
  if (values.decisionId && !(await decisionsWithin(trx, caller)).some((d) => d.id === values.decisionId))
    problems.push({ path: 'decisionId', message: 'Select the decision from the list' });
  return problems;
}

/** The problems with a commissioned service, each at its field. */
function serviceProblems(data: ResourcesData, values: ServiceValues, priorityIds: string[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (
    values.providerOrganisationId &&
    !data.organisations.some((o) => o.id === values.providerOrganisationId)
  )
    problems.push({
      path: 'providerOrganisationId',
      message: 'Select the provider from the list of the partnership’s organisations',
    });
  if (!values.providerOrganisationId && !values.provider.trim())
    problems.push({ path: 'provider', message: 'Enter the name of the provider outside the partnership' });
  if (values.fundId && !data.funds.some((fund) => fund.id === values.fundId))
    problems.push({ path: 'fundId', message: 'Select the fund from the list' });
  if (priorityIds.some((id) => !data.priorityById.has(id)))
    problems.push({ path: 'priorityIds', message: 'Select priorities from the list' });
  const fund = data.funds.find((candidate) => candidate.id === values.fundId);
  if (fund && priorityIds.some((id) => !fund.priorityIds.includes(id)))
    problems.push({
      path: 'priorityIds',
      message: `${fund.name} does not serve every priority chosen: choose only the priorities it serves`,
    });
  return problems;
}

/** A service provided by one of the partnership's organisations is named as the organisation is. */
const withProviderName = (data: ResourcesData, values: ServiceValues): ServiceValues => {
  const organisation = data.organisations.find((o) => o.id === values.providerOrganisationId);
  return organisation
    ? { ...values, provider: organisation.name }
    : { ...values, providerOrganisationId: null };
};

/** A contribution's problems at the form's fields. */
const contributionFields = (problems: string[]): FieldProblem[] =>
  problems.map((message) => ({
    path:
      /partner|organisation/i.test(message) && !/before .* began/.test(message) ? 'organisationId' : 'year',
    message,
  }));

/** Spending's problems at the form's fields. */
const spendingFields = (problems: string[]): FieldProblem[] =>
  problems.map((message) => ({
    path: /year|agreement/.test(message)
      ? 'year'
      : /action/.test(message)
        ? 'actionId'
        : /service/.test(message)
          ? 'serviceId'
          : /decision/.test(message)
            ? 'decisionId'
            : 'priorityId',
    message,
  }));

/** What a contribution or spending entry says in the audit trail: its amounts in pounds. */
const amountsText = (amounts: [string, number | null][]) =>
  amounts
    .filter(([, pence]) => pence !== null)
    .map(([label, pence]) => `${label} ${formatPounds(pence)}`)
    .join(', ');

export interface ImportLine {
  line: number;
  kind: 'contribution' | 'spending';
  year: number;
  /** contribution: the partner's name; spending: the priority, as "plan-slug 2" or its title. */
  organisation: string | null;
  form: string | null;
  priority: string | null;
  action: string | null;
  description: string | null;
  planned: number | null;
  middle: number | null;
  last: number | null;
}

export function resourcesService(db: Database<DB>) {
  const mustFindFund = (data: ResourcesData, slug: string) => {
    const fund = data.funds.find((candidate) => candidate.slug === slug);
    if (!fund) throw notFound();
    return fund;
  };

  /** Finds the priority an import row names: "plan-slug 2", "Priority 2" (one plan) or its title. */
  const priorityNamed = (
    data: ResourcesData,
    fund: FundDetail,
    text: string,
  ): PriorityReference | undefined => {
    const wanted = text.trim().toLowerCase();
    const served = fund.priorityIds.map((id) => data.priorityById.get(id)!).filter(Boolean);
    const bySlug = /^([a-z0-9-]+)\s+(\d+)$/.exec(wanted);
    const byNumber = /^priority\s+(\d+)$/.exec(wanted);
    return (
      served.find((p) => p.title.toLowerCase() === wanted) ??
      (bySlug
        ? served.find((p) => p.plan.slug === bySlug[1] && p.position === Number(bySlug[2]))
        : undefined) ??
      (byNumber && new Set(served.map((p) => p.plan.id)).size === 1
        ? served.find((p) => p.position === Number(byNumber[1]))
        : undefined) ??
      data.priorities.find((p) => p.title.toLowerCase() === wanted)
    );
  };

  /** Each import row as what it would write, and every problem with its line. */
  function planImport(data: ResourcesData, fund: FundDetail, lines: ImportLine[]) {
    const problems: { line: number; message: string }[] = [];
    const contributions: (ContributionValues & { line: number; organisationName: string })[] = [];
    const spending: (SpendingValues & { line: number; priorityTitle: string; actionText: string | null })[] =
      [];
    for (const line of lines) {
      const add = (message: string) => problems.push({ line: line.line, message });
      if (line.kind === 'contribution') {
        const organisation = data.organisations.find(
          (o) => o.name.toLowerCase() === (line.organisation ?? '').trim().toLowerCase(),
        );
        if (!organisation) {
          add(`organisation: “${line.organisation ?? ''}” is not one of the partnership’s organisations`);
          continue;
        }
        const row: ContributionValues = {
          fundId: fund.id,
          organisationId: organisation.id,
          year: line.year,
          form: line.form ?? 'cash',
          description: line.description,
          planned: line.planned,
          agreed: line.middle,
          received: line.last,
        };
        for (const message of contributionProblems(data, fund, row)) add(message);
        contributions.push({ ...row, line: line.line, organisationName: organisation.name });
      } else {
        const priority = line.priority ? priorityNamed(data, fund, line.priority) : undefined;
        if (!priority) {
          add(`priority: “${line.priority ?? ''}” is not a priority of the partnership’s plans`);
          continue;
        }
        const action = line.action
          ? priority.actions.find(
              (a) =>
                a.text.toLowerCase() === line.action!.trim().toLowerCase() ||
                String(a.position) === line.action,
            )
          : undefined;
        if (line.action && !action) add(`action: “${line.action}” is not an action of “${priority.title}”`);
        const row: SpendingValues = {
          fundId: fund.id,
          year: line.year,
          priorityId: priority.id,
          actionId: action?.id ?? null,
          serviceId: null,
          description: line.description,
          planned: line.planned,
          committed: line.middle,
          actual: line.last,
          decisionId: null,
        };
        for (const message of spendingProblems(data, fund, row)) add(message);
        spending.push({
          ...row,
          line: line.line,
          priorityTitle: priority.title,
          actionText: action?.text ?? null,
        });
      }
    }
    return { contributions, spending, problems: problems.sort((a, b) => a.line - b.line) };
  }

  const read = <T>(caller: Caller, work: (data: ResourcesData, trx: Trx) => Promise<T> | T) =>
    inTenant(db, caller, 'partnership.read', async (trx) => work(await everything(trx), trx));

  return {
    /** Everything, for the pages and the API. */
    all: (caller: Caller) => read(caller, (data) => data),

    /** One fund, its entries and its statement for a year (or across years, with null). */
    fund: (caller: Caller, slug: string, year: number | null) =>
      read(caller, async (data, trx) => {
        const fund = mustFindFund(data, slug);
        const contributions = data.contributions.filter((row) => row.fundId === fund.id);
        const spending = data.spending.filter((row) => row.fundId === fund.id);
        const decisions = (await decisionsWithin(trx, caller)).filter((d) => fund.decisionIds.includes(d.id));
        return {
          fund,
          priorities: fund.priorityIds.map((id) => data.priorityById.get(id)!).filter(Boolean),
          contributions: contributions.filter((row) => year === null || row.year === year),
          spending: spending.filter((row) => year === null || row.year === year),
          statement: fundStatement(contributions, spending, year),
          services: data.services.filter((service) => service.fundId === fund.id),
          decisions,
          data,
        };
      }),

    /** What the forms offer: partners not ended today, priorities by plan, decisions, funds, services. */
    choices: (caller: Caller) =>
      read(caller, async (data, trx) => ({
        organisations: data.organisations,
        priorities: data.priorities,
        decisions: await decisionsWithin(trx, caller),
        funds: data.funds,
        services: data.services,
        plans: data.plans,
      })),

    /** Resources by priority (each plan) and by partner for a year or across years, and the exceptions. */
    report: (caller: Caller, year: number | null, asAt = today()) =>
      read(caller, (data) => {
        const years = [
          ...new Set([
            ...data.contributions.map((row) => row.year),
            ...data.spending.map((row) => row.year),
            ...data.pledges.flatMap((p) =>
              Array.from({ length: p.toYear - p.fromYear + 1 }, (_, index) => p.fromYear + index),
            ),
          ]),
        ].sort();
        const byPlan = data.plans.map((plan) => {
          const priorities = data.priorities.filter((p) => p.plan.id === plan.id);
          const planYears = (() => {
            const from = financialYearOf(plan.startsOn);
            const to = financialYearOf(plan.endsOn);
            return Array.from({ length: Math.max(0, to - from + 1) }, (_, index) => from + index);
          })();
          return {
            plan,
            priorities,
            principles: data.principles.filter((principle) => principle.planId === plan.id),
            resources: resourcesByPriority(
              priorities.map((p) => p.id),
              data,
              year,
              [...new Set([...planYears, ...years])].sort(),
            ),
          };
        });
        return {
          year,
          years,
          byPlan,
          byPartner: resourcesByPartner(data.contributions, data.pledges, year),
          exceptions: exceptionsOf(data, asAt),
          data,
        };
      }),

    /** The exceptions on a date: funds whose spending passes their budget in a year, pledges overdue. */
    exceptions: (caller: Caller, asAt = today()) => read(caller, (data) => exceptionsOf(data, asAt)),

    createFund(caller: Caller, input: NewFund): Promise<string> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const data = await everything(trx);
        const problems: FieldProblem[] = [];
        if (data.funds.some((fund) => fund.slug === input.slug))
          problems.push({
            path: 'slug',
            message: 'A fund with this short name already exists: choose another',
          });
        if (input.hostOrganisationId && !data.organisations.some((o) => o.id === input.hostOrganisationId))
          problems.push({
            path: 'hostOrganisationId',
            message: 'Select the host from the list of organisations',
          });
        if (input.priorityIds.some((id) => !data.priorityById.has(id)))
          problems.push({ path: 'priorityIds', message: 'Select priorities from the list' });
        if (problems.length) throw new RuleViolation(problems);
        const { priorityIds, ...values } = input;
        const id = await repository.insertFund(trx, partnershipId, {
          ...values,
          source: values.source ?? null,
        });
        await repository.insertFundPriorities(trx, partnershipId, id, priorityIds);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'create',
          entityType: 'fund',
          entityId: id,
          summary: `Added the fund ${input.name}`,
          after: input,
        });
        return id;
      });
    },

    addContribution(
      caller: Caller,
      fundSlug: string,
      values: Omit<ContributionValues, 'fundId'>,
    ): Promise<string> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const data = await everything(trx);
        const fund = mustFindFund(data, fundSlug);
        const row = { ...values, fundId: fund.id };
        const problems = contributionProblems(data, fund, row);
        if (problems.length) throw new RuleViolation(contributionFields(problems));
        const [id] = await repository.insertContributions(trx, partnershipId, [row]);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'create',
          entityType: 'fund contribution',
          entityId: id!,
          summary: `Recorded a contribution to ${fund.name} for ${yearLabel(row.year)}: ${[
            row.planned !== null ? `planned ${formatPounds(row.planned)}` : '',
            row.agreed !== null ? `agreed ${formatPounds(row.agreed)}` : '',
            row.received !== null ? `received ${formatPounds(row.received)}` : '',
          ]
            .filter(Boolean)
            .join(', ')}`,
          after: row,
        });
        return id!;
      });
    },

    addSpending(caller: Caller, fundSlug: string, values: Omit<SpendingValues, 'fundId'>): Promise<string> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const data = await everything(trx);
        const fund = mustFindFund(data, fundSlug);
        const row = { ...values, fundId: fund.id };
        const problems = spendingProblems(data, fund, row);
        if (row.decisionId && !(await decisionsWithin(trx, caller)).some((d) => d.id === row.decisionId))
          problems.push('Select the decision from the list');
        if (problems.length) throw new RuleViolation(spendingFields(problems));
        const [id] = await repository.insertSpending(trx, partnershipId, [row]);
        if (row.decisionId) await repository.insertFundDecision(trx, partnershipId, fund.id, row.decisionId);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'create',
          entityType: 'fund spending',
          entityId: id!,
          summary: `Recorded spending from ${fund.name} for ${yearLabel(row.year)} on “${data.priorityById.get(row.priorityId)!.title}”`,
          after: row,
        });
        return id!;
      });
    },

    linkDecision(caller: Caller, fundSlug: string, decisionId: string): Promise<void> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const data = await everything(trx);
        const fund = mustFindFund(data, fundSlug);
        const decision = (await decisionsWithin(trx, caller)).find((d) => d.id === decisionId);
        if (!decision)
          throw new RuleViolation([{ path: 'decisionId', message: 'Select the decision from the list' }]);
        await repository.insertFundDecision(trx, partnershipId, fund.id, decisionId);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'fund',
          entityId: fund.id,
          summary: `Linked the decision “${decision.text}” (${decision.meetingTitle}) to ${fund.name}`,
        });
      });
    },

    addPledge(caller: Caller, values: PledgeValues): Promise<string> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const data = await everything(trx);
        const problems = await pledgeProblems(data, trx, caller, values);
        if (problems.length) throw new RuleViolation(problems);
        const organisation = data.organisations.find((o) => o.id === values.organisationId);
        const priority = data.priorityById.get(values.priorityId);
        const id = await repository.insertPledge(trx, partnershipId, values);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'create',
          entityType: 'pledge',
          entityId: id,
          summary: `Recorded ${organisation!.name}’s pledge to “${priority!.title}”`,
          after: values,
        });
        return id;
      });
    },

    addService(caller: Caller, values: ServiceValues, priorityIds: string[]): Promise<string> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const data = await everything(trx);
        const problems = serviceProblems(data, values, priorityIds);
        if (problems.length) throw new RuleViolation(problems);
        values = withProviderName(data, values);
        const id = await repository.insertService(trx, partnershipId, values, priorityIds);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'create',
          entityType: 'commissioned service',
          entityId: id,
          summary: `Added the commissioned service ${values.name} (${values.provider})`,
          after: { ...values, priorityIds },
        });
        return id;
      });
    },

    addPrinciple(
      caller: Caller,
      planSlug: string,
      text: string,
      source: string | null = null,
    ): Promise<number> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const data = await everything(trx);
        const plan = data.plans.find((candidate) => candidate.slug === planSlug);
        if (!plan) throw notFound();
        const { id, position } = await repository.insertPrinciple(trx, partnershipId, plan.id, text, source);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'create',
          entityType: 'financial principle',
          entityId: id,
          summary: `Added financial principle ${position} to ${plan.title}`,
          after: { text, source },
        });
        return position;
      });
    },

    /** The resources of plans' priorities for a financial year (the plan on a page, the public site). */
    planResources: (caller: Caller, planIds: string[], year: string | undefined, asAt = today()) =>
      read(caller, (data) =>
        planIds.map((id) => planResourcesOf(data, id, year, asAt)).filter((found) => found !== null),
      ),

    /** What the resources hold against a plan's priority or action, for its delete page (ADR 0048). */
    planPartLinks: (caller: Caller, part: PlanPart) => read(caller, (data) => planPartLinksOf(data, part)),

    /** A fund's contribution by its id, with the fund; a 404 for anything else. */
    contribution: (caller: Caller, fundSlug: string, id: string) =>
      read(caller, (data) => {
        const fund = mustFindFund(data, fundSlug);
        const entry = data.contributions.find((row) => row.id === id && row.fundId === fund.id);
        if (!entry) throw notFound();
        return { fund, entry };
      }),

    /** A fund's spending entry by its id, with the fund; a 404 for anything else. */
    spendingEntry: (caller: Caller, fundSlug: string, id: string) =>
      read(caller, (data) => {
        const fund = mustFindFund(data, fundSlug);
        const entry = data.spending.find((row) => row.id === id && row.fundId === fund.id);
        if (!entry) throw notFound();
        return { fund, entry };
      }),

    /** A pledge by its id, with its priority; a 404 for anything else. */
    pledge: (caller: Caller, id: string) =>
      read(caller, (data) => {
        const pledge = data.pledges.find((row) => row.id === id);
        if (!pledge) throw notFound();
        return { pledge, priority: data.priorityById.get(pledge.priorityId) ?? null };
      }),

    /** A commissioned service by its id, with the spending recorded on it; a 404 for anything else. */
    service: (caller: Caller, id: string) =>
      read(caller, (data) => {
        const service = data.services.find((row) => row.id === id);
        if (!service) throw notFound();
        return {
          service,
          spending: data.spending.filter((row) => row.serviceId === id),
          fund: data.funds.find((fund) => fund.id === service.fundId) ?? null,
        };
      }),

    /** A plan's financial principle by its id; a 404 for anything else. */
    principle: (caller: Caller, planSlug: string, id: string) =>
      read(caller, (data) => {
        const plan = data.plans.find((candidate) => candidate.slug === planSlug);
        const principle = data.principles.find((row) => row.id === id && row.planId === plan?.id);
        if (!plan || !principle) throw notFound();
        return { plan, principle };
      }),

    /** Corrects a contribution, by the same rules as recording one. */
    updateContribution(
      caller: Caller,
      fundSlug: string,
      id: string,
      values: Omit<ContributionValues, 'fundId'>,
    ): Promise<void> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const data = await everything(trx);
        const fund = mustFindFund(data, fundSlug);
        const before = data.contributions.find((row) => row.id === id && row.fundId === fund.id);
        if (!before) throw notFound();
        const row = { ...values, fundId: fund.id };
        const problems = contributionProblems(data, fund, row);
        if (problems.length) throw new RuleViolation(contributionFields(problems));
        await repository.updateContribution(trx, id, row);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'fund contribution',
          entityId: id,
          summary: `Changed ${before.organisationName}’s contribution to ${fund.name} for ${yearLabel(before.year)}: now ${yearLabel(row.year)}, ${amountsText(
            [
              ['planned', row.planned],
              ['agreed', row.agreed],
              ['received', row.received],
            ],
          )}`,
          before,
          after: row,
        });
      });
    },

    deleteContribution(caller: Caller, fundSlug: string, id: string): Promise<void> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const data = await everything(trx);
        const fund = mustFindFund(data, fundSlug);
        const before = data.contributions.find((row) => row.id === id && row.fundId === fund.id);
        if (!before) throw notFound();
        await repository.deleteContribution(trx, id);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'delete',
          entityType: 'fund contribution',
          entityId: id,
          summary: `Deleted ${before.organisationName}’s contribution to ${fund.name} for ${yearLabel(before.year)} (${amountsText(
            [
              ['planned', before.planned],
              ['agreed', before.agreed],
              ['received', before.received],
            ],
          )})`,
          before,
        });
      });
    },

    /** Corrects a spending entry, by the same rules as recording one. */
    updateSpending(
      caller: Caller,
      fundSlug: string,
      id: string,
      values: Omit<SpendingValues, 'fundId'>,
    ): Promise<void> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const data = await everything(trx);
        const fund = mustFindFund(data, fundSlug);
        const before = data.spending.find((row) => row.id === id && row.fundId === fund.id);
        if (!before) throw notFound();
        const row = { ...values, fundId: fund.id };
        const problems = spendingProblems(data, fund, row);
        if (row.decisionId && !(await decisionsWithin(trx, caller)).some((d) => d.id === row.decisionId))
          problems.push('Select the decision from the list');
        if (problems.length) throw new RuleViolation(spendingFields(problems));
        await repository.updateSpending(trx, id, row);
        if (row.decisionId) await repository.insertFundDecision(trx, partnershipId, fund.id, row.decisionId);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'fund spending',
          entityId: id,
          summary: `Changed spending from ${fund.name} on “${before.priorityTitle}” for ${yearLabel(before.year)}: now “${data.priorityById.get(row.priorityId)!.title}”, ${yearLabel(row.year)}, ${amountsText(
            [
              ['planned', row.planned],
              ['committed', row.committed],
              ['actual', row.actual],
            ],
          )}`,
          before,
          after: row,
        });
      });
    },

    deleteSpending(caller: Caller, fundSlug: string, id: string): Promise<void> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const data = await everything(trx);
        const fund = mustFindFund(data, fundSlug);
        const before = data.spending.find((row) => row.id === id && row.fundId === fund.id);
        if (!before) throw notFound();
        await repository.deleteSpending(trx, id);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'delete',
          entityType: 'fund spending',
          entityId: id,
          summary: `Deleted spending from ${fund.name} on “${before.priorityTitle}” for ${yearLabel(before.year)} (${amountsText(
            [
              ['planned', before.planned],
              ['committed', before.committed],
              ['actual', before.actual],
            ],
          )})`,
          before,
        });
      });
    },

    /** Corrects a pledge, by the same rules as recording one. */
    updatePledge(caller: Caller, id: string, values: PledgeValues): Promise<void> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const data = await everything(trx);
        const before = data.pledges.find((row) => row.id === id);
        if (!before) throw notFound();
        const problems = await pledgeProblems(data, trx, caller, values);
        if (problems.length) throw new RuleViolation(problems);
        await repository.updatePledge(trx, id, values);
        const organisation = data.organisations.find((o) => o.id === values.organisationId)!;
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'pledge',
          entityId: id,
          summary: `Changed ${organisation.name}’s pledge to “${data.priorityById.get(values.priorityId)!.title}” (${values.description}, ${values.status})`,
          before,
          after: values,
        });
      });
    },

    deletePledge(caller: Caller, id: string): Promise<void> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const data = await everything(trx);
        const before = data.pledges.find((row) => row.id === id);
        if (!before) throw notFound();
        await repository.deletePledge(trx, id);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'delete',
          entityType: 'pledge',
          entityId: id,
          summary: `Deleted ${before.organisationName}’s pledge to “${data.priorityById.get(before.priorityId)?.title ?? ''}” (${before.description})`,
          before,
        });
      });
    },

    /** Corrects a commissioned service and the priorities it serves, by the same rules as adding one. */
    updateService(caller: Caller, id: string, values: ServiceValues, priorityIds: string[]): Promise<void> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const data = await everything(trx);
        const before = data.services.find((row) => row.id === id);
        if (!before) throw notFound();
        const problems = serviceProblems(data, values, priorityIds);
        // spending from a fund on this service stays on a priority the fund serves
        const fund = data.funds.find((candidate) => candidate.id === values.fundId);
        if (fund && data.spending.some((row) => row.serviceId === id && row.fundId !== fund.id))
          problems.push({
            path: 'fundId',
            message: `Spending from another fund is recorded on this service: it cannot be paid only by ${fund.name}`,
          });
        if (problems.length) throw new RuleViolation(problems);
        const after = withProviderName(data, values);
        await repository.updateService(trx, partnershipId, id, after, priorityIds);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'commissioned service',
          entityId: id,
          summary: `Changed the commissioned service ${after.name} (${after.provider})`,
          before,
          after: { ...after, priorityIds },
        });
      });
    },

    /** Deletes a service; spending recorded on it stays on its priority, without the service. */
    deleteService(caller: Caller, id: string): Promise<void> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const data = await everything(trx);
        const before = data.services.find((row) => row.id === id);
        if (!before) throw notFound();
        const unlinked = await repository.deleteService(trx, id);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'delete',
          entityType: 'commissioned service',
          entityId: id,
          summary: `Deleted the commissioned service ${before.name} (${before.providerName})${
            unlinked.length
              ? `; ${unlinked.length} spending ${unlinked.length === 1 ? 'entry stays' : 'entries stay'} on ${unlinked.length === 1 ? 'its priority' : 'their priorities'}, without the service`
              : ''
          }`,
          before: { ...before, spendingUnlinked: unlinked },
        });
      });
    },

    updatePrinciple(caller: Caller, planSlug: string, id: string, text: string): Promise<void> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const data = await everything(trx);
        const plan = data.plans.find((candidate) => candidate.slug === planSlug);
        const before = data.principles.find((row) => row.id === id && row.planId === plan?.id);
        if (!plan || !before) throw notFound();
        await repository.updatePrinciple(trx, id, text);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'financial principle',
          entityId: id,
          summary: `Changed financial principle ${before.position} of ${plan.title}`,
          before,
          after: { ...before, text },
        });
      });
    },

    /** Deletes a principle; the plan's others are numbered 1, 2, 3… again. */
    deletePrinciple(caller: Caller, planSlug: string, id: string): Promise<void> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const data = await everything(trx);
        const plan = data.plans.find((candidate) => candidate.slug === planSlug);
        const before = data.principles.find((row) => row.id === id && row.planId === plan?.id);
        if (!plan || !before) throw notFound();
        await repository.deletePrinciple(trx, id, plan.id);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'delete',
          entityType: 'financial principle',
          entityId: id,
          summary: `Deleted financial principle ${before.position} of ${plan.title}: the later ones are numbered again`,
          before,
        });
      });
    },

    /** What importing these rows into a fund would do, and every problem. Writes nothing. */
    previewImport: (caller: Caller, fundSlug: string, lines: ImportLine[]) =>
      read(caller, (data) => ({
        fund: mustFindFund(data, fundSlug),
        ...planImport(data, mustFindFund(data, fundSlug), lines),
      })),

    /** Imports contributions and spending in one transaction: all of them, or (on any problem) none. */
    importRows(caller: Caller, fundSlug: string, lines: ImportLine[], fileName: string) {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const data = await everything(trx);
        const fund = mustFindFund(data, fundSlug);
        const planned = planImport(data, fund, lines);
        if (planned.problems.length)
          throw new RuleViolation(
            planned.problems.map((p) => ({ path: 'file', message: `Row ${p.line}: ${p.message}` })),
          );
        const strip = <T extends { line: number }>({ line: _line, ...rest }: T) => rest;
        await repository.insertContributions(
          trx,
          partnershipId,
          planned.contributions.map(({ organisationName: _n, ...row }) => strip(row)),
        );
        await repository.insertSpending(
          trx,
          partnershipId,
          planned.spending.map(({ priorityTitle: _p, actionText: _a, ...row }) => strip(row)),
        );
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'import',
          entityType: 'fund',
          entityId: fund.id,
          summary: `Imported ${planned.contributions.length} contributions and ${planned.spending.length} spending rows into ${fund.name} from ${fileName}`,
        });
        return planned;
      });
    },
  };
}

export interface ResourceException {
  kind: 'over budget' | 'pledge overdue';
  text: string;
  href: { fund?: string; year?: number };
}

function exceptionsOf(data: ResourcesData, asAt: string): ResourceException[] {
  const found: ResourceException[] = [];
  for (const fund of data.funds) {
    const contributions = data.contributions.filter((row) => row.fundId === fund.id);
    const spending = data.spending.filter((row) => row.fundId === fund.id);
    for (const year of [...new Set(spending.map((row) => row.year))].sort()) {
      const statement = fundStatement(contributions, spending, year);
      if (statement.overBudgetBy > 0)
        found.push({
          kind: 'over budget',
          text: `${fund.name}, ${yearLabel(year)}: spending committed and actual (${formatPounds(statement.exposure)}) passes the budget the partners agreed (${formatPounds(statement.budget)}) by ${formatPounds(statement.overBudgetBy)}`,
          href: { fund: fund.slug, year },
        });
    }
  }
  for (const pledge of data.pledges)
    if (pledgeOverdue(pledge, asAt)) {
      const priority = data.priorityById.get(pledge.priorityId);
      found.push({
        kind: 'pledge overdue',
        text: `${pledge.organisationName}’s pledge to “${priority?.title ?? ''}” (${pledge.description}) was due by ${formatDate(pledgeDueOn(pledge))} and is not delivered`,
        href: {},
      });
    }
  return found;
}

export type ResourcesService = ReturnType<typeof resourcesService>;
