// What other modules may read of plans inside a transaction they hold (the resources module
// puts money against priorities and actions): every plan's priorities and their actions.
import type { Trx } from '../../schema.ts';
import { plansRepository as repository, type PlanRow } from './plans.repository.ts';

export interface PriorityReference {
  id: string;
  position: number;
  title: string;
  plan: Pick<PlanRow, 'id' | 'slug' | 'title' | 'kind' | 'startsOn' | 'endsOn' | 'status'>;
  actions: { id: string; position: number; text: string }[];
}

/** The plans, each with its priorities in order and their actions, inside the caller's transaction. */
export async function planPrioritiesWithin(
  trx: Trx,
): Promise<{ plans: PlanRow[]; priorities: PriorityReference[] }> {
  const plans = await repository.list(trx);
  const priorities: PriorityReference[] = [];
  for (const plan of plans) {
    const [rows, actions] = await Promise.all([
      repository.priorities(trx, plan.id),
      repository.actions(trx, { planId: plan.id }),
    ]);
    for (const row of rows)
      priorities.push({
        id: row.id,
        position: row.position,
        title: row.title,
        plan: {
          id: plan.id,
          slug: plan.slug,
          title: plan.title,
          kind: plan.kind,
          startsOn: plan.startsOn,
          endsOn: plan.endsOn,
          status: plan.status,
        },
        actions: actions
          .filter((action) => action.priorityId === row.id)
          .map((action) => ({ id: action.id, position: action.position, text: action.text })),
      });
  }
  return { plans, priorities };
}
