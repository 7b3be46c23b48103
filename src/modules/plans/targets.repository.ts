// What other modules may point at in a partnership's plans: priorities and actions, with their
// plan (the voice module links what young people said to them). Read in the caller's own
// transaction, so row-level security keeps them to its tenant.
import type { Trx } from '../../schema.ts';

export interface PlanTarget {
  id: string;
  title: string;
  planSlug: string;
  planTitle: string;
  priorityId: string;
}

export const planTargets = {
  priorities: (trx: Trx, ids?: string[]): Promise<PlanTarget[]> => {
    if (ids && !ids.length) return Promise.resolve([]);
    let query = trx
      .selectFrom('plan_priorities as r')
      .innerJoin('plans as p', 'p.id', 'r.plan_id')
      .select(['r.id', 'r.title', 'p.slug as planSlug', 'p.title as planTitle', 'r.id as priorityId'])
      .orderBy('p.starts_on', 'desc')
      .orderBy('r.position');
    if (ids) query = query.where('r.id', 'in', ids);
    return query.execute();
  },
  actions: (trx: Trx, ids?: string[]): Promise<PlanTarget[]> => {
    if (ids && !ids.length) return Promise.resolve([]);
    let query = trx
      .selectFrom('plan_actions as a')
      .innerJoin('plan_priorities as r', 'r.id', 'a.priority_id')
      .innerJoin('plans as p', 'p.id', 'r.plan_id')
      .select(['a.id', 'a.text as title', 'p.slug as planSlug', 'p.title as planTitle', 'r.id as priorityId'])
      .orderBy('p.starts_on', 'desc')
      .orderBy('r.position')
      .orderBy('a.position');
    if (ids) query = query.where('a.id', 'in', ids);
    return query.execute();
  },
};

/**
 * The plan priorities that measure an indicator, with their plan's title, in order (the
 * indicators module refuses to delete an indicator a priority measures).
 */
export const prioritiesMeasuring = (
  trx: Trx,
  indicatorId: string,
): Promise<{ plan: string; title: string }[]> =>
  trx
    .selectFrom('plan_priority_indicators as link')
    .innerJoin('plan_priorities as p', 'p.id', 'link.priority_id')
    .innerJoin('plans', 'plans.id', 'p.plan_id')
    .select(['p.title', 'plans.title as plan'])
    .where('link.indicator_id', '=', indicatorId)
    .orderBy('plans.title')
    .orderBy('p.position')
    .execute();
