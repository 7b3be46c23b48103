// Holding partners to account, from the plans as they stand on a date: what each organisation
// leads or contributes to, and the exceptions for each owning body (actions off track or
// overdue, red indicators). Pure functions over plan details.
import type { IndicatorSummary } from '../indicators/index.ts';
import { formatDate } from '../../platform/dates.ts';
import type { ActionDetail, PlanDetail, PriorityDetail } from './plans.service.ts';

export interface ActionInPlan {
  plan: PlanDetail['plan'];
  priority: PriorityDetail;
  action: ActionDetail;
}

export interface PartnerView {
  leads: ActionInPlan[];
  contributes: ActionInPlan[];
  overdue: number;
}

const everyAction = (details: PlanDetail[]): ActionInPlan[] =>
  details.flatMap((detail) =>
    detail.priorities.flatMap((priority) =>
      priority.actions.map((action) => ({ plan: detail.plan, priority, action })),
    ),
  );

/** Every action an organisation leads or contributes to, in plan and priority order. */
export function partnerView(details: PlanDetail[], organisationId: string): PartnerView {
  const all = everyAction(details);
  const leads = all.filter((entry) => entry.action.leadOrganisationId === organisationId);
  const contributes = all.filter(
    (entry) =>
      entry.action.leadOrganisationId !== organisationId &&
      entry.action.partners.some((partner) => partner.organisationId === organisationId),
  );
  return {
    leads,
    contributes,
    overdue: [...leads, ...contributes].filter((entry) => entry.action.overdue).length,
  };
}

export interface ExceptionAction extends ActionInPlan {
  reasons: string[];
}

export interface BodyExceptions {
  body: { id: string | null; name: string; slug: string | null };
  actions: ExceptionAction[];
  indicators: { plan: PlanDetail['plan']; priority: PriorityDetail; summary: IndicatorSummary }[];
}

/** Why an action needs the body's attention: off track by its latest update, or overdue. */
export function reasonsOf(action: ActionDetail): string[] {
  if (action.status === 'completed' || action.status === 'cancelled') return [];
  const reasons: string[] = [];
  if (action.latest?.rag === 'red') reasons.push('Off track (red at the latest update)');
  if (action.overduePeriods.length)
    reasons.push(`Update missing for ${action.overduePeriods.map((period) => period.label).join('; ')}`);
  else if (action.overdue) reasons.push(`Overdue: due by ${formatDate(action.dueOn)}`);
  return reasons;
}

/** For each owning body (and priorities with none), its off-track and overdue actions and red indicators. */
export function exceptionsByBody(details: PlanDetail[]): BodyExceptions[] {
  const byBody = new Map<string, BodyExceptions>();
  const entryFor = (priority: PriorityDetail) => {
    const key = priority.ownerBodyId ?? '';
    let entry = byBody.get(key);
    if (!entry) {
      entry = {
        body: {
          id: priority.ownerBodyId,
          name: priority.ownerBodyName ?? 'No owning body',
          slug: priority.ownerBodySlug,
        },
        actions: [],
        indicators: [],
      };
      byBody.set(key, entry);
    }
    return entry;
  };
  for (const detail of details)
    for (const priority of detail.priorities) {
      const actions = priority.actions
        .map((action) => ({ plan: detail.plan, priority, action, reasons: reasonsOf(action) }))
        .filter((entry) => entry.reasons.length);
      const indicators = priority.indicators
        .filter((summary) => summary.performance.latest?.rag === 'red')
        .map((summary) => ({ plan: detail.plan, priority, summary }));
      if (actions.length || indicators.length) {
        const entry = entryFor(priority);
        entry.actions.push(...actions);
        entry.indicators.push(...indicators);
      }
    }
  return [...byBody.values()].sort((a, b) =>
    a.body.id === null ? 1 : b.body.id === null ? -1 : a.body.name.localeCompare(b.body.name),
  );
}

export interface Highlight {
  priorities: {
    plan: PlanDetail['plan'];
    priority: PriorityDetail;
    actions: (ActionDetail & { updatesInPeriod: ActionDetail['updates'] })[];
  }[];
}

/** A body's priorities with their actions, the updates dated within the period, and indicators. */
export function highlightOf(details: PlanDetail[], bodyId: string, from: string, to: string): Highlight {
  return {
    priorities: details.flatMap((detail) =>
      detail.priorities
        .filter((priority) => priority.ownerBodyId === bodyId)
        .map((priority) => ({
          plan: detail.plan,
          priority,
          actions: priority.actions.map((action) => ({
            ...action,
            updatesInPeriod: action.updates.filter(
              (update) => update.reportedOn >= from && update.reportedOn <= to,
            ),
          })),
        })),
    ),
  };
}
