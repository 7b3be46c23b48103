// Funds (each with its contributions and spending by financial year), pledges and commissioned
// services of a partnership, under /api/v1/partnerships/{slug}. Amounts are integer pence.
import { Router } from 'express';
import { callerOf } from '../../platform/http/auth.ts';
import { badRequest, notFound } from '../../platform/http/errors.ts';
import type { ResourcesData, ResourcesService } from './resources.service.ts';
import { fundStatement } from './statement.ts';
import { parseYear, yearLabel } from './money.ts';
import { keptAnswer } from '../../platform/http/kept-pages.ts';
import type {
  FundJson,
  FundListJson,
  PledgeListJson,
  ResourcesReportJson,
  ServiceListJson,
} from './resources.api.schemas.ts';
import type {
  ContributionForm,
  FundKind,
  PledgeResource,
  PledgeStatus,
  ServiceStatus,
} from './resources.vocabulary.ts';

// The columns' check constraints hold the words to the vocabulary; the types say so here, and
// the API's contract test checks every answer against its schema (ADR 0042).

function fundJson(data: ResourcesData, fund: ResourcesData['funds'][number]): FundJson {
  const contributions = data.contributions.filter((row) => row.fundId === fund.id);
  const spending = data.spending.filter((row) => row.fundId === fund.id);
  const statement = fundStatement(contributions, spending, null);
  return {
    id: fund.id,
    slug: fund.slug,
    name: fund.name,
    kind: fund.kind as FundKind,
    host: fund.hostName,
    purpose: fund.purpose,
    agreement: {
      document: fund.agreementDocument,
      startsOn: fund.agreementStartsOn,
      endsOn: fund.agreementEndsOn,
      reviewOn: fund.reviewOn,
    },
    source: fund.source,
    priorities: fund.priorityIds.map((id) => {
      const priority = data.priorityById.get(id)!;
      return { id, plan: priority.plan.slug, position: priority.position, title: priority.title };
    }),
    decisionIds: fund.decisionIds,
    years: statement.years.map((year) => {
      const ofYear = fundStatement(contributions, spending, year);
      return {
        year: yearLabel(year),
        contributions: contributions
          .filter((row) => row.year === year)
          .map((row) => ({
            partner: row.organisationName,
            form: row.form as ContributionForm,
            description: row.description,
            plannedPence: row.planned,
            agreedPence: row.agreed,
            receivedPence: row.received,
          })),
        spending: spending
          .filter((row) => row.year === year)
          .map((row) => ({
            priority: row.priorityTitle,
            priorityId: row.priorityId,
            action: row.actionText,
            service: row.serviceName,
            description: row.description,
            plannedPence: row.planned,
            committedPence: row.committed,
            actualPence: row.actual,
          })),
        budgetPence: ofYear.budget,
        balancePence: ofYear.balance,
        spendingVariancePence: ofYear.spendingVariance,
        overBudgetByPence: ofYear.overBudgetBy,
      };
    }),
  };
}

export function resourcesApi(resources: ResourcesService): Router {
  const router = Router({ mergeParams: true });

  router.get(
    '/funds',
    keptAnswer('funds answer', { by: ['date'] }, async (req) => {
      const data = await resources.all(callerOf(req));
      const answer: FundListJson = {
        count: data.funds.length,
        items: data.funds.map((fund) => fundJson(data, fund)),
      };
      return answer;
    }),
  );

  router.get(
    '/funds/:fund',
    keptAnswer('fund answer', { by: ['date'] }, async (req) => {
      const data = await resources.all(callerOf(req));
      const fund = data.funds.find(
        (candidate) => candidate.slug === req.params.fund || candidate.id === req.params.fund,
      );
      if (!fund) throw notFound(`There is no fund ${String(req.params.fund)}.`);
      return fundJson(data, fund);
    }),
  );

  router.get(
    '/pledges',
    keptAnswer('pledges answer', { by: ['date'] }, async (req) => {
      const data = await resources.all(callerOf(req));
      const answer: PledgeListJson = {
        count: data.pledges.length,
        items: data.pledges.map((pledge) => {
          const priority = data.priorityById.get(pledge.priorityId);
          return {
            id: pledge.id,
            partner: pledge.organisationName,
            priority: priority
              ? {
                  id: priority.id,
                  plan: priority.plan.slug,
                  position: priority.position,
                  title: priority.title,
                }
              : null,
            actionId: pledge.actionId,
            resource: pledge.resource as PledgeResource,
            description: pledge.description,
            amountPencePerYear: pledge.amount,
            fromYear: yearLabel(pledge.fromYear),
            toYear: yearLabel(pledge.toYear),
            status: pledge.status as PledgeStatus,
            pledgedOn: pledge.pledgedOn,
            dueOn: pledge.dueOn,
            agreedBy: pledge.agreedBy,
            decisionId: pledge.decisionId,
          };
        }),
      };
      return answer;
    }),
  );

  router.get(
    '/commissioned-services',
    keptAnswer('services answer', { by: ['date'] }, async (req) => {
      const data = await resources.all(callerOf(req));
      const answer: ServiceListJson = {
        count: data.services.length,
        items: data.services.map((service) => ({
          id: service.id,
          name: service.name,
          provider: service.providerName,
          providerOrganisationId: service.providerOrganisationId,
          annualValuePence: service.annualValue,
          startsOn: service.startsOn,
          endsOn: service.endsOn,
          fund: data.funds.find((fund) => fund.id === service.fundId)?.slug ?? null,
          status: service.status as ServiceStatus,
          priorityIds: service.priorityIds,
        })),
      };
      return answer;
    }),
  );

  router.get(
    '/resources',
    keptAnswer('resources answer', { by: ['date'] }, async (req) => {
      const raw = typeof req.query.year === 'string' ? req.query.year : '';
      const year = raw ? parseYear(raw) : null;
      if (raw && year === null) throw badRequest('year must be a financial year like 2009-10');
      const report = await resources.report(callerOf(req), year);
      const answer: ResourcesReportJson = {
        year: year === null ? null : yearLabel(year),
        plans: report.byPlan.map((group) => ({
          plan: group.plan.slug,
          principles: group.principles.map((p) => ({ position: p.position, text: p.text })),
          priorities: group.resources.rows.map((row) => {
            const priority = group.priorities.find((p) => p.id === row.priorityId)!;
            return { id: row.priorityId, position: priority.position, title: priority.title, pence: row };
          }),
        })),
        partners: report.byPartner,
        exceptions: report.exceptions.map((e) => ({ kind: e.kind, text: e.text })),
      };
      return answer;
    }),
  );

  return router;
}
