// Changing and deleting the parts of a plan (ADR 0016): priorities (and their order), actions
// with everything that hangs off them, and milestones. Every change needs an editor, runs in
// one transaction and is audited before and after; a priority with actions is not deleted.
import { lockVersion, withoutVersion } from '../../platform/db/row-version.ts';
import type { Database } from '../../platform/db/database.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import type { Caller } from '../../platform/http/auth.ts';
import { notFound } from '../../platform/http/errors.ts';
import { RuleViolation } from '../../platform/http/validation.ts';
import { today } from '../../platform/http/date-input.ts';
import { inTenant } from '../../platform/tenant.ts';
import type { DB } from '../../schema.ts';
import { plansRepository as repository } from './plans.repository.ts';
import { linkedSinceShown } from './plan-part-links.ts';
import {
  actionDetails,
  actionValues,
  checkAction,
  checkPriority,
  mustFindAction,
  mustFindMilestone,
  mustFindPlan,
  mustFindPriority,
  priorityHasActions,
  type NewAction,
  type NewPriority,
} from './plans.parts.ts';

/**
 * A deletion the database refuses because another module's rows still point at the part (money
 * recorded in Resources since the delete page was shown): a rule, shown on the page, not a 500.
 */
async function linkedElsewhere(what: 'priority' | 'action', deletion: Promise<void>): Promise<void> {
  try {
    await deletion;
  } catch (error) {
    const { code, constraint } = error as { code?: string; constraint?: string };
    if (code === '23503')
      throw new RuleViolation([{ path: 'refusal', message: linkedSinceShown(what, constraint) }]);
    throw error;
  }
}

export function planEditing(db: Database<DB>) {
  return {
    /** Changes a priority's text, outcomes, indicators, owning body and lead. */
    /** Changes a priority; `version` is the one the change was based on (ADR 0044). */
    updatePriority(
      caller: Caller,
      slug: string,
      priorityId: string,
      input: NewPriority,
      version?: string,
    ): Promise<void> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const plan = await mustFindPlan(trx, slug);
        const priority = { table: 'plan_priorities', id: priorityId, entityType: 'plan priority' };
        await lockVersion(trx, { ...priority, what: 'this priority' }, version);
        const before = withoutVersion(await mustFindPriority(trx, plan, priorityId)); // as it is, locked
        await checkPriority(trx, plan, input);
        await repository.updatePriority(trx, partnershipId, before.id, {
          title: input.title,
          description: input.description ?? null,
          ownerBodyId: input.ownerBodyId ?? null,
          leadPersonId: input.leadPersonId ?? null,
          outcomeIds: input.outcomeIds,
          indicatorIds: input.indicatorIds,
        });
        const after = withoutVersion(await mustFindPriority(trx, plan, priorityId));
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'plan priority',
          entityId: before.id,
          summary: `Changed priority ${before.position} of ${plan.title}: ${after.title}`,
          before,
          after,
        });
      });
    },

    /** Moves a priority one place up or down the plan's order (a no-op at either end). */
    movePriority(caller: Caller, slug: string, priorityId: string, direction: 'up' | 'down'): Promise<void> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const plan = await mustFindPlan(trx, slug);
        const priorities = await repository.priorities(trx, plan.id);
        const index = priorities.findIndex((row) => row.id === priorityId);
        if (index < 0) throw notFound();
        const moving = priorities[index]!;
        const other = priorities[direction === 'up' ? index - 1 : index + 1];
        if (!other)
          throw new RuleViolation([
            {
              path: 'direction',
              message: `Priority ${moving.position} is already ${direction === 'up' ? 'first' : 'last'}`,
            },
          ]);
        await repository.swapPriorities(trx, moving, other);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'plan priority',
          entityId: moving.id,
          summary: `Moved “${moving.title}” from priority ${moving.position} to ${other.position} of ${plan.title}`,
          before: { position: moving.position },
          after: { position: other.position },
        });
      });
    },

    /**
     * Deletes a priority that has no actions. One with actions is refused, so that no action,
     * milestone or update is lost by deleting the priority above it: delete or keep them first.
     */
    deletePriority(caller: Caller, slug: string, priorityId: string): Promise<void> {
      return linkedElsewhere(
        'priority',
        inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
          const plan = await mustFindPlan(trx, slug);
          const before = await mustFindPriority(trx, plan, priorityId);
          const actions = (await repository.actions(trx, { planId: plan.id })).filter(
            (action) => action.priorityId === before.id,
          );
          if (actions.length)
            throw new RuleViolation([{ path: 'priority', message: priorityHasActions(actions.length) }]);
          await repository.deletePriority(trx, before.id, plan.id);
          await recordChange(trx, caller.actor, {
            partnershipId,
            action: 'delete',
            entityType: 'plan priority',
            entityId: before.id,
            summary: `Deleted priority ${before.position} of ${plan.title}: ${before.title}`,
            before,
          });
        }),
      );
    },

    /** Changes an action's text, lead, partners, date or recurrence, and status. */
    /** Changes an action; `version` is the one the change was based on (ADR 0044). */
    updateAction(
      caller: Caller,
      slug: string,
      actionId: string,
      input: NewAction,
      version?: string,
    ): Promise<void> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const plan = await mustFindPlan(trx, slug);
        const target = { table: 'plan_actions', id: actionId, entityType: 'plan action' };
        await lockVersion(trx, { ...target, what: 'this action' }, version);
        const action = withoutVersion(await mustFindAction(trx, plan.id, actionId)); // as it is, locked
        const [before] = await actionDetails(trx, [action], today(), plan.endsOn);
        await checkAction(trx, input);
        await repository.updateAction(trx, partnershipId, action.id, actionValues(input));
        const after = withoutVersion(await mustFindAction(trx, plan.id, actionId));
        const partners = await repository.partners(trx, [action.id]);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'plan action',
          entityId: action.id,
          summary: `Changed an action of ${plan.title}: ${after.text}`,
          before: { ...action, partners: before!.partners.map((partner) => partner.name) },
          after: { ...after, partners: partners.map((partner) => partner.name) },
        });
      });
    },

    /** Deletes an action with its partners, milestones and updates, all kept in the audit trail. */
    deleteAction(caller: Caller, slug: string, actionId: string): Promise<void> {
      return linkedElsewhere(
        'action',
        inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
          const plan = await mustFindPlan(trx, slug);
          const action = await mustFindAction(trx, plan.id, actionId);
          const [detail] = await actionDetails(trx, [action], today(), plan.endsOn);
          await repository.deleteAction(trx, action.id, action.priorityId);
          await recordChange(trx, caller.actor, {
            partnershipId,
            action: 'delete',
            entityType: 'plan action',
            entityId: action.id,
            summary: `Deleted an action of ${plan.title} with its ${detail!.updates.length} updates and ${detail!.milestones.length} milestones: ${action.text}`,
            before: {
              ...action,
              partners: detail!.partners.map((partner) => partner.name),
              milestones: detail!.milestones,
              updates: detail!.updates,
            },
          });
        }),
      );
    },

    updateMilestone(
      caller: Caller,
      slug: string,
      actionId: string,
      milestoneId: string,
      input: { text: string; dueOn?: string | undefined; doneOn?: string | undefined },
    ): Promise<void> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const plan = await mustFindPlan(trx, slug);
        const action = await mustFindAction(trx, plan.id, actionId);
        const before = await mustFindMilestone(trx, action.id, milestoneId);
        const after = { text: input.text, dueOn: input.dueOn ?? null, doneOn: input.doneOn ?? null };
        await repository.updateMilestone(trx, before.id, after);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'plan milestone',
          entityId: before.id,
          summary: `Changed the milestone “${after.text}” of an action of ${plan.title}`,
          before,
          after: { ...before, ...after },
        });
      });
    },

    deleteMilestone(caller: Caller, slug: string, actionId: string, milestoneId: string): Promise<void> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const plan = await mustFindPlan(trx, slug);
        const action = await mustFindAction(trx, plan.id, actionId);
        const before = await mustFindMilestone(trx, action.id, milestoneId);
        await repository.deleteMilestone(trx, before.id, action.id);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'delete',
          entityType: 'plan milestone',
          entityId: before.id,
          summary: `Deleted the milestone “${before.text}” of an action of ${plan.title}`,
          before,
        });
      });
    },
  };
}
