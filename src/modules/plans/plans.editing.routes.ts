// The pages that change and delete the parts of a plan (ADR 0016): priorities (and their
// order), actions and milestones. Mounted with the other plan pages.
import type { Request, Router } from 'express';
import { callerOf, requirePermission, tenantOf } from '../../platform/http/auth.ts';
import { flash } from '../../platform/http/forms.ts';
import { confirmDeletion, type ConfirmDeletion } from '../../platform/http/confirm-deletion.ts';
import { versionIn } from '../../platform/db/row-version.ts';
import { badRequest, notFound } from '../../platform/http/errors.ts';
import { RuleViolation } from '../../platform/http/validation.ts';
import type { PlansService } from './plans.service.ts';
import { actionSchema, milestoneSchema, prioritySchema } from './plans.schemas.ts';
import { recurrences } from './plans.vocabulary.ts';
import { priorityHasActions } from './plans.parts.ts';
import {
  actionLogKeepsIt,
  moneyKeepsIt,
  type PlanPart,
  type PlanPartLinks,
  type PlanPartLinksOf,
} from './plan-part-links.ts';
import { dateValues, isId, itemsOf, outcomeChoicesOf, type Body, type PlanPages } from './plan-pages.ts';

type Items = { value: string; text: string }[];

export function planEditingRoutes(
  router: Router,
  pages: PlanPages,
  plans: PlansService,
  partLinks?: PlanPartLinksOf,
): void {
  const { common, planPath, planOr404, form, choices, actionOr404 } = pages;

  /** The plan and one of its priorities, from the address; a 404 for anything else. */
  async function priorityOr404(req: Request) {
    if (!isId(req.params.priority)) throw notFound();
    const detail = await planOr404(req);
    const priority = detail.priorities.find((candidate) => candidate.id === req.params.priority);
    if (!priority) throw notFound();
    return { detail, priority };
  }

  form({
    path: '/plans/:plan/priorities/:priority/edit',
    view: 'priority-form.njk',
    title: 'Change a priority',
    schema: prioritySchema,
    locals: async (req) => {
      const { detail, priority } = await priorityOr404(req);
      return {
        ...(await choices(req)),
        ...outcomeChoicesOf(detail),
        submitText: 'Save the priority',
        backLink: `${planPath(req)}#priority-${priority.id}`,
      };
    },
    defaults: async (req) => {
      const { priority } = await priorityOr404(req);
      return {
        title: priority.title,
        description: priority.description,
        ownerBodyId: priority.ownerBodyId,
        leadPersonId: priority.leadPersonId,
        outcomeIds: priority.outcomes.map((outcome) => outcome.id),
        indicatorIds: priority.indicators.map((summary) => summary.indicator.id),
        version: priority.version,
      };
    },
    conflictFields: (page) => [
      { name: 'title', label: 'Priority' },
      { name: 'description', label: 'Description' },
      { name: 'outcomeIds', label: 'Outcomes', items: page.outcomeItems as Items },
      { name: 'indicatorIds', label: 'Indicators', items: page.indicatorItems as Items },
      { name: 'ownerBodyId', label: 'Owned by', items: page.bodyItems as Items },
      { name: 'leadPersonId', label: 'Lead person', items: page.personItems as Items },
    ],
    save: async (req, value) => {
      await plans.updatePriority(
        callerOf(req),
        String(req.params.plan),
        String(req.params.priority),
        value,
        versionIn(req.body),
      );
      return `${planPath(req)}#priority-${String(req.params.priority)}`;
    },
    done: 'Priority changed',
  });

  router.post(
    '/plans/:plan/priorities/:priority/move',
    requirePermission('partnership.edit'),
    async (req, res) => {
      const { priority } = await priorityOr404(req);
      const direction = (req.body as Body).direction;
      if (direction !== 'up' && direction !== 'down') throw badRequest('Say whether to move it up or down.');
      try {
        await plans.movePriority(callerOf(req), String(req.params.plan), priority.id, direction);
      } catch (error) {
        if (error instanceof RuleViolation) throw badRequest(error.message);
        throw error;
      }
      flash(req, `Priority ${priority.position} moved ${direction}`);
      res.redirect(303, `${planPath(req)}#priority-${priority.id}`);
    },
  );

  /** A page that asks before deleting, or says why it cannot: GET shows it, POST deletes (ADR 0048). */
  const deletePage = (spec: Omit<ConfirmDeletion, 'permission' | 'locals'>) =>
    confirmDeletion(router, { ...spec, permission: requirePermission('partnership.edit'), locals: common });

  deletePage({
    path: '/plans/:plan/priorities/:priority/delete',
    title: 'Delete a priority',
    buttonText: 'Delete the priority',
    about: async (req) => {
      const { detail, priority } = await priorityOr404(req);
      const links = await linksOf(req, { priorityId: priority.id });
      return {
        caption: `${tenantOf(req).name}: ${detail.plan.title}`,
        subject: `Priority ${priority.position}: ${priority.title}`,
        goes: [
          ...(priority.outcomes.length ? ['Its links to the plan’s outcomes (the outcomes stay)'] : []),
          ...(priority.indicators.length
            ? ['Its links to indicators (the indicators and their figures stay)']
            : []),
          ...links.going,
        ],
        refusal: priority.actions.length
          ? priorityHasActions(priority.actions.length)
          : links.logged?.length
            ? actionLogKeepsIt(links.logged)
            : links.keeping.length
              ? moneyKeepsIt('priority', links.keeping)
              : undefined,
        backLink: `${planPath(req)}#priority-${priority.id}`,
      };
    },
    remove: async (req) => {
      await plans.deletePriority(callerOf(req), String(req.params.plan), String(req.params.priority));
      return `${planPath(req)}#priorities`;
    },
    done: 'Priority deleted',
  });

  /** What resources link to the part, as the composition root tells (nothing when it does not). */
  async function linksOf(req: Request, part: PlanPart): Promise<PlanPartLinks> {
    return partLinks ? partLinks(callerOf(req), part) : { keeping: [], going: [] };
  }

  const actionFormLocals = async (req: Request) => {
    const found = await actionOr404(req);
    return {
      priority: found.priority,
      ...(await choices(req)),
      recurrenceItems: itemsOf(recurrences),
      submitText: 'Save the action',
      backLink: `${planPath(req)}/actions/${found.action.id}`,
    };
  };

  form({
    path: '/plans/:plan/actions/:action/edit',
    view: 'action-form.njk',
    title: 'Change an action',
    schema: actionSchema,
    dates: ['dueOn', 'recursFrom', 'recursUntil'],
    locals: actionFormLocals,
    defaults: async (req) => {
      const { action } = await actionOr404(req);
      return {
        text: action.text,
        leadKind: action.leadKind,
        leadPersonId: action.leadPersonId,
        leadOrganisationId: action.leadOrganisationId,
        leadBodyId: action.leadBodyId,
        partnerIds: action.partners.map((partner) => partner.organisationId),
        timing: action.recurrence ? 'recurring' : action.dueOn ? 'date' : 'none',
        ...dateValues('dueOn', action.dueOn),
        recurrence: action.recurrence,
        ...dateValues('recursFrom', action.recursFrom),
        ...dateValues('recursUntil', action.recursUntil),
        status: action.status,
        version: action.version,
      };
    },
    conflictFields: (page) => [
      { name: 'text', label: 'Action' },
      { name: 'leadKind', label: 'Led by' },
      { name: 'leadPersonId', label: 'Lead person', items: page.personItems as Items },
      { name: 'leadOrganisationId', label: 'Lead organisation', items: page.organisationItems as Items },
      { name: 'leadBodyId', label: 'Lead body', items: page.bodyItems as Items },
      { name: 'partnerIds', label: 'Contributing partners', items: page.organisationItems as Items },
      { name: 'timing', label: 'When' },
      { name: 'dueOn', label: 'Due', date: true },
      { name: 'recurrence', label: 'Recurs' },
      { name: 'recursFrom', label: 'Recurs from', date: true },
      { name: 'recursUntil', label: 'Recurs until', date: true },
      { name: 'status', label: 'Status' },
    ],
    save: async (req, value) => {
      await plans.updateAction(
        callerOf(req),
        String(req.params.plan),
        String(req.params.action),
        value,
        versionIn(req.body),
      );
      return `${planPath(req)}/actions/${String(req.params.action)}`;
    },
    done: 'Action changed',
  });

  deletePage({
    path: '/plans/:plan/actions/:action/delete',
    title: 'Delete an action',
    buttonText: 'Delete the action',
    about: async (req) => {
      const { plan, priority, action } = await actionOr404(req);
      const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
      const links = await linksOf(req, { actionId: action.id });
      return {
        caption: `${tenantOf(req).name}: ${plan.title}`,
        subject: `${action.text} (under priority: ${priority.title})`,
        refusal: links.keeping.length ? moneyKeepsIt('action', links.keeping) : undefined,
        goes: [
          ...(action.updates.length
            ? [count(action.updates.length, 'progress update', 'progress updates')]
            : []),
          ...(action.milestones.length ? [count(action.milestones.length, 'milestone', 'milestones')] : []),
          ...(action.partners.length
            ? [
                `Its list of ${count(action.partners.length, 'contributing partner', 'contributing partners')} (the organisations stay)`,
              ]
            : []),
        ],
        backLink: `${planPath(req)}/actions/${action.id}`,
      };
    },
    remove: async (req) => {
      const { priority } = await actionOr404(req);
      await plans.deleteAction(callerOf(req), String(req.params.plan), String(req.params.action));
      return `${planPath(req)}#priority-${priority.id}`;
    },
    done: 'Action deleted, with its milestones and updates',
  });

  const milestoneOr404 = async (req: Request) => {
    if (!isId(req.params.milestone)) throw notFound();
    const found = await actionOr404(req);
    const milestone = found.action.milestones.find((candidate) => candidate.id === req.params.milestone);
    if (!milestone) throw notFound();
    return { ...found, milestone };
  };

  form({
    path: '/plans/:plan/actions/:action/milestones/:milestone/edit',
    view: 'milestone-form.njk',
    title: 'Change a milestone',
    schema: milestoneSchema,
    dates: ['dueOn', 'doneOn'],
    locals: async (req) => {
      const found = await milestoneOr404(req);
      return {
        action: found.action,
        submitText: 'Save the milestone',
        backLink: `${planPath(req)}/actions/${found.action.id}`,
      };
    },
    defaults: async (req) => {
      const { milestone } = await milestoneOr404(req);
      return {
        text: milestone.text,
        ...dateValues('dueOn', milestone.dueOn),
        ...dateValues('doneOn', milestone.doneOn),
      };
    },
    save: async (req, value) => {
      await plans.updateMilestone(
        callerOf(req),
        String(req.params.plan),
        String(req.params.action),
        String(req.params.milestone),
        value,
      );
      return `${planPath(req)}/actions/${String(req.params.action)}`;
    },
    done: 'Milestone changed',
  });

  deletePage({
    path: '/plans/:plan/actions/:action/milestones/:milestone/delete',
    title: 'Delete a milestone',
    buttonText: 'Delete the milestone',
    about: async (req) => {
      const { plan, action, milestone } = await milestoneOr404(req);
      return {
        caption: `${tenantOf(req).name}: ${plan.title}`,
        subject: `The milestone “${milestone.text}” of the action “${action.text}”${milestone.doneOn ? ' (done)' : ''}`,
        stays: ['The action, its other milestones and its progress updates'],
        backLink: `${planPath(req)}/actions/${action.id}#milestones`,
      };
    },
    remove: async (req) => {
      const { action, milestone } = await milestoneOr404(req);
      await plans.deleteMilestone(callerOf(req), String(req.params.plan), action.id, milestone.id);
      return `${planPath(req)}/actions/${action.id}#milestones`;
    },
    done: 'Milestone deleted',
  });
}
