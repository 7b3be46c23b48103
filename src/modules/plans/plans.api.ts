// Plans, one plan in full, and a partner's accountability, under /api/v1/partnerships/{slug}.
import { Router } from 'express';
import { callerOf } from '../../platform/http/auth.ts';
import { badRequest, notFound } from '../../platform/http/errors.ts';
import { today } from '../../platform/http/date-input.ts';
import type { PlansService, PlanDetail } from './plans.service.ts';
import { partnerView, type ActionInPlan } from './accountability.ts';
import type { ActionDetail } from './plans.service.ts';
import { outcomeFrameworks } from './outcome-frameworks.ts';
import { keptAnswer } from '../../platform/http/kept-pages.ts';
import type { AccountabilityJson, PlanActionJson, PlanJson, PlanListJson } from './plans.api.schemas.ts';

const planSummary = (plan: PlanDetail['plan']) => ({
  id: plan.id,
  slug: plan.slug,
  title: plan.title,
  kind: plan.kind,
  startsOn: plan.startsOn,
  endsOn: plan.endsOn,
  status: plan.status,
  outcomeFramework: plan.framework,
});

const actionJson = (action: ActionDetail): PlanActionJson => ({
  id: action.id,
  text: action.text,
  lead: { kind: action.leadKind, name: action.leadName },
  partners: action.partners.map((partner) => partner.name),
  dueOn: action.dueOn,
  recurrence: action.recurrence
    ? { every: action.recurrence, from: action.recursFrom, until: action.recursUntil }
    : null,
  status: action.status,
  latestRag: action.latest?.rag ?? null,
  latestUpdateOn: action.latest?.reportedOn ?? null,
  overdue: action.overdue,
  overduePeriods: action.overduePeriods.map((period) => period.label),
});

const entryJson = (entry: ActionInPlan) => ({
  plan: entry.plan.slug,
  priority: entry.priority.position,
  ...actionJson(entry.action),
});

export function plansApi(plans: PlansService): Router {
  const router = Router({ mergeParams: true });

  router.get('/plans', async (req, res) => {
    const list = await plans.list(callerOf(req));
    const answer: PlanListJson = { count: list.length, items: list.map(planSummary) };
    res.json(answer);
  });

  router.get(
    '/plans/:plan',
    keptAnswer('plan answer', { by: ['date'] }, async (req) => {
      const wanted = String(req.params.plan);
      const slug = (await plans.list(callerOf(req))).find(
        (plan) => plan.id === wanted || plan.slug === wanted,
      )?.slug;
      const detail = slug ? await plans.bySlug(callerOf(req), slug) : null;
      if (!detail) throw notFound(`There is no plan ${wanted}.`);
      const answer: PlanJson = {
        ...planSummary(detail.plan),
        vision: detail.plan.vision,
        resourcing: detail.plan.resourcing,
        framework: {
          key: detail.plan.framework,
          title: outcomeFrameworks[detail.plan.framework].title,
          source: outcomeFrameworks[detail.plan.framework].source,
          published: outcomeFrameworks[detail.plan.framework].published,
          link: outcomeFrameworks[detail.plan.framework].link,
        },
        outcomes: detail.outcomes.map(({ code, title, framework, kind }) => ({
          code,
          title,
          kind,
          framework,
          local: framework === null,
          everyChildMatters: framework === 'every-child-matters',
        })),
        evidence: detail.evidence.map(({ kind, title, datedOn, datedPrecision, link }) => ({
          kind,
          title,
          dated: datedOn ? { date: datedOn, precision: datedPrecision } : null,
          link,
        })),
        versions: detail.versions.map(({ number, recordedOn, note }) => ({ number, recordedOn, note })),
        priorities: detail.priorities.map((priority) => ({
          position: priority.position,
          title: priority.title,
          outcomes: priority.outcomes.map((outcome) => outcome.code),
          owner: priority.ownerBodySlug
            ? { slug: priority.ownerBodySlug, name: priority.ownerBodyName }
            : null,
          lead: priority.leadPersonName,
          indicators: priority.indicators.map((summary) => ({
            code: summary.indicator.code,
            rag: summary.performance.latest?.rag ?? null,
          })),
          actions: priority.actions.map(actionJson),
        })),
      };
      return answer;
    }),
  );

  router.get('/accountability', async (req, res) => {
    const wanted = typeof req.query.organisation === 'string' ? req.query.organisation.trim() : '';
    if (!wanted)
      throw badRequest('Say which organisation.', [
        { path: 'organisation', message: 'Give the organisation’s id or its name' },
      ]);
    const { organisations } = await plans.choices(callerOf(req));
    const organisation = organisations.find(
      (candidate) => candidate.id === wanted || candidate.name.toLowerCase() === wanted.toLowerCase(),
    );
    if (!organisation) throw notFound(`The partnership has no organisation ${wanted}.`);
    const asAt = today();
    const view = partnerView(await plans.current(callerOf(req), asAt), organisation.id);
    const answer: AccountabilityJson = {
      organisation: { id: organisation.id, name: organisation.name },
      asAt,
      overdue: view.overdue,
      leads: view.leads.map(entryJson),
      contributes: view.contributes.map(entryJson),
    };
    res.json(answer);
  });

  return router;
}
