// Plans: their versions, evidence base and outcome framework; priorities mapped to outcomes and
// indicators, owned by a body and a lead person; actions with leads, partners, dates or a
// recurrence, milestones and progress updates. An action's lead may post its updates with the
// member role; anyone else needs to be an editor.
import type { Database } from '../../platform/db/database.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import type { Caller } from '../../platform/http/auth.ts';
import { forbidden, notFound } from '../../platform/http/errors.ts';
import { can } from '../../platform/http/permissions.ts';
import { RuleViolation } from '../../platform/http/validation.ts';
import { datedAt, today } from '../../platform/http/date-input.ts';
import { inTenant } from '../../platform/tenant.ts';
import type { DB, Trx } from '../../schema.ts';
import type { IndicatorsService, IndicatorSummary } from '../indicators/index.ts';
import {
  plansRepository as repository,
  type ActionRow,
  type EvidenceRow,
  type OutcomeRow,
  type PlanRow,
  type PlanValues,
  type PriorityRow,
  type VersionRow,
} from './plans.repository.ts';
import { planText } from './plan-text.ts';
import {
  actionDetails,
  actionValues,
  checkAction,
  checkPriority,
  mustFindAction,
  mustFindPlan,
  type ActionDetail,
  type NewAction,
  type NewPriority,
} from './plans.parts.ts';
import { planEditing } from './plans.editing.ts';
import type { MailService } from '../../platform/mail/outbox.ts';
import { newPlanActionMail } from './plans-mail.ts';
import type { ActionStatus, EvidenceKind, UpdateRag } from './plans.vocabulary.ts';
import {
  defaultFramework,
  entryKind,
  frameworkLabel,
  outcomeFrameworks,
  type FrameworkEntryKind,
  type FrameworkKey,
} from './outcome-frameworks.ts';

export type { ActionDetail, NewAction, NewPriority } from './plans.parts.ts';

export interface NewEvidence {
  kind: EvidenceKind;
  title: string;
  /** At the precision known: '2006', '2008-05' or '2009-05-12'. */
  dated?: string | undefined;
  link?: string | undefined;
}

export interface NewUpdate {
  reportedOn: string;
  rag: UpdateRag;
  commentary: string;
  status?: ActionStatus | undefined;
}

/** An outcome of the plan, and whether it is an outcome or an enabler of its framework. */
export interface OutcomeDetail extends OutcomeRow {
  kind: FrameworkEntryKind;
}

export interface PriorityDetail extends PriorityRow {
  outcomes: OutcomeDetail[];
  indicators: IndicatorSummary[];
  actions: ActionDetail[];
}

export interface PlanDetail {
  plan: PlanRow;
  outcomes: OutcomeDetail[];
  evidence: EvidenceRow[];
  priorities: PriorityDetail[];
  versions: VersionRow[];
}

export function plansService(
  db: Database<DB>,
  indicators: Pick<IndicatorsService, 'summariesWithin'>,
  mail?: MailService,
) {
  /** The whole plan as at a date (for overdue updates), inside a transaction the caller holds. */
  async function detailWithin(trx: Trx, plan: PlanRow, asAt: string): Promise<PlanDetail> {
    const [outcomeRows, evidence, priorities, actions, versions] = await Promise.all([
      repository.outcomes(trx, plan.id),
      repository.evidence(trx, plan.id),
      repository.priorities(trx, plan.id),
      repository.actions(trx, { planId: plan.id }),
      repository.versions(trx, plan.id),
    ]);
    const links = await repository.priorityLinks(
      trx,
      priorities.map((priority) => priority.id),
    );
    const linkedIndicators = new Set(links.indicators.map((link) => link.indicatorId));
    const summaries = linkedIndicators.size
      ? await indicators.summariesWithin(trx, [...linkedIndicators])
      : [];
    const details = await actionDetails(trx, actions, asAt, plan.endsOn);
    const outcomes = outcomeRows.map((outcome) => ({
      ...outcome,
      kind: entryKind(outcome.framework, outcome.code),
    }));
    return {
      plan,
      outcomes,
      evidence,
      versions,
      priorities: priorities.map((priority) => ({
        ...priority,
        outcomes: outcomes.filter((outcome) =>
          links.outcomes.some((link) => link.priorityId === priority.id && link.outcomeId === outcome.id),
        ),
        indicators: summaries.filter((summary) =>
          links.indicators.some(
            (link) => link.priorityId === priority.id && link.indicatorId === summary.indicator.id,
          ),
        ),
        actions: details.filter((action) => action.priorityId === priority.id),
      })),
    };
  }

  async function snapshotVersion(
    trx: Trx,
    caller: Caller,
    partnershipId: string,
    plan: PlanRow,
    note: string,
  ) {
    const detail = await detailWithin(trx, plan, today());
    return repository.insertVersion(trx, partnershipId, plan.id, {
      recordedOn: today(),
      note,
      snapshot: planText(detail),
      recordedBy: caller.actor.label,
    });
  }

  return {
    detailWithin,

    list: (caller: Caller) => inTenant(db, caller, 'partnership.read', (trx) => repository.list(trx)),

    /** Every plan that is not superseded, in full, as at a date (for accountability views). */
    current(caller: Caller, asAt = today()): Promise<PlanDetail[]> {
      return inTenant(db, caller, 'partnership.read', async (trx) => {
        const plans = (await repository.list(trx)).filter((plan) => plan.status !== 'superseded');
        const details: PlanDetail[] = [];
        for (const plan of plans) details.push(await detailWithin(trx, plan, asAt));
        return details;
      });
    },

    /** A plan in full as at a date. */
    bySlug(caller: Caller, slug: string, asAt = today()): Promise<PlanDetail | null> {
      return inTenant(db, caller, 'partnership.read', async (trx) => {
        const plan = await repository.bySlug(trx, slug);
        return plan ? detailWithin(trx, plan, asAt) : null;
      });
    },

    /** One action of a plan with its partners, milestones and updates, and whether the caller leads it. */
    action(caller: Caller, slug: string, actionId: string, asAt = today()) {
      return inTenant(db, caller, 'partnership.read', async (trx) => {
        const plan = await mustFindPlan(trx, slug);
        const action = await mustFindAction(trx, plan.id, actionId);
        const [detail] = await actionDetails(trx, [action], asAt, plan.endsOn);
        const priority = (await repository.priorityById(trx, action.priorityId))!;
        return { plan, priority, action: detail!, mayUpdate: await mayUpdate(trx, caller, action) };
      });
    },

    /** Bodies, people, organisations and indicators to choose from in the plan forms. */
    choices(caller: Caller) {
      return inTenant(db, caller, 'partnership.read', async (trx) => ({
        ...(await repository.choices(trx)),
        indicators: (await indicators.summariesWithin(trx)).map((summary) => summary.indicator),
      }));
    },

    create(caller: Caller, input: PlanValues): Promise<PlanRow> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        if (await repository.slugTaken(trx, input.slug))
          throw new RuleViolation([
            { path: 'slug', message: 'A plan with this short name already exists: choose another' },
          ]);
        const framework = input.framework ?? defaultFramework(input.startsOn);
        const id = await repository.insert(trx, partnershipId, { ...input, framework });
        await insertFramework(trx, partnershipId, id, framework);
        const plan = (await repository.byId(trx, id))!;
        await snapshotVersion(trx, caller, partnershipId, plan, 'First version');
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'create',
          entityType: 'plan',
          entityId: id,
          summary: `Added the plan ${plan.title}`,
          after: plan,
        });
        return plan;
      });
    },

    update(caller: Caller, slug: string, input: PlanValues): Promise<PlanRow> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const before = await mustFindPlan(trx, slug);
        if (await repository.slugTaken(trx, input.slug, before.id))
          throw new RuleViolation([
            { path: 'slug', message: 'A plan with this short name already exists: choose another' },
          ]);
        const framework = input.framework ?? before.framework;
        if (framework !== before.framework) {
          const links = await repository.frameworkLinks(trx, before.id);
          if (links)
            throw new RuleViolation([
              {
                path: 'framework',
                message: `The outcome framework cannot change while priorities link to its outcomes (${links} ${links === 1 ? 'link' : 'links'}): take the ${outcomeFrameworks[before.framework].title} outcomes off the plan’s priorities first`,
              },
            ]);
          await repository.deleteFrameworkOutcomes(trx, before.id);
        }
        await repository.update(trx, before.id, { ...input, framework });
        if (framework !== before.framework) {
          const ids = await insertFramework(trx, partnershipId, before.id, framework);
          await repository.frameworkOutcomesFirst(trx, before.id, ids);
        }
        const after = (await repository.byId(trx, before.id))!;
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'plan',
          entityId: before.id,
          summary: [
            before.status === after.status
              ? `Changed the plan ${after.title}`
              : `Changed the plan ${after.title}: ${before.status} → ${after.status}`,
            ...(before.framework === after.framework
              ? []
              : [`its outcome framework is now ${frameworkLabel(after.framework)}`]),
          ].join('; '),
          before,
          after,
        });
        return after;
      });
    },

    /** Keeps the plan as it stands now as a new version (a refresh), with a note of why. */
    recordVersion(caller: Caller, slug: string, note: string): Promise<number> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const plan = await mustFindPlan(trx, slug);
        const number = await snapshotVersion(trx, caller, partnershipId, plan, note);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'create',
          entityType: 'plan version',
          entityId: plan.id,
          summary: `Recorded version ${number} of ${plan.title}: ${note}`,
        });
        return number;
      });
    },

    addOutcome(caller: Caller, slug: string, title: string): Promise<void> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const plan = await mustFindPlan(trx, slug);
        const outcomes = await repository.outcomes(trx, plan.id);
        if (outcomes.some((outcome) => outcome.title.toLowerCase() === title.toLowerCase()))
          throw new RuleViolation([{ path: 'title', message: 'The plan already has this outcome' }]);
        const code = `L${outcomes.filter((outcome) => !outcome.framework).length + 1}`;
        const id = await repository.insertOutcome(trx, partnershipId, plan.id, {
          code,
          title,
          framework: null,
        });
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'create',
          entityType: 'plan outcome',
          entityId: id,
          summary: `Added the local outcome “${title}” to ${plan.title}`,
        });
      });
    },

    addEvidence(caller: Caller, slug: string, input: NewEvidence): Promise<void> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const plan = await mustFindPlan(trx, slug);
        const dated = input.dated ? datedAt(input.dated) : null;
        const row = {
          kind: input.kind,
          title: input.title,
          datedOn: dated?.date ?? null,
          datedPrecision: dated?.precision ?? null,
          link: input.link ?? null,
        };
        await repository.insertEvidence(trx, partnershipId, plan.id, row);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'create',
          entityType: 'plan evidence',
          entityId: plan.id,
          summary: `Added “${input.title}” to the evidence base of ${plan.title}`,
          after: row,
        });
      });
    },

    addPriority(caller: Caller, slug: string, input: NewPriority): Promise<string> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const plan = await mustFindPlan(trx, slug);
        await checkPriority(trx, plan, input);
        const id = await repository.insertPriority(trx, partnershipId, plan.id, {
          title: input.title,
          description: input.description ?? null,
          ownerBodyId: input.ownerBodyId ?? null,
          leadPersonId: input.leadPersonId ?? null,
          outcomeIds: input.outcomeIds,
          indicatorIds: input.indicatorIds,
        });
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'create',
          entityType: 'plan priority',
          entityId: id,
          summary: `Added the priority “${input.title}” to ${plan.title}`,
          after: input,
        });
        return id;
      });
    },

    async addAction(caller: Caller, slug: string, priorityId: string, input: NewAction): Promise<string> {
      await mail?.ready();
      const added = await inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const plan = await mustFindPlan(trx, slug);
        const priority = await repository.priorityById(trx, priorityId);
        if (!priority || priority.planId !== plan.id) throw notFound();
        await checkAction(trx, input);
        const id = await repository.insertAction(trx, partnershipId, { priorityId, ...actionValues(input) });
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'create',
          entityType: 'plan action',
          entityId: id,
          summary: `Added an action to “${priority.title}”: ${input.text}`,
          after: input,
        });
        if (mail) await newPlanActionMail(trx, mail, caller.actor, partnershipId, id);
        return id;
      });
      mail?.notify();
      return added;
    },

    addMilestone(
      caller: Caller,
      slug: string,
      actionId: string,
      input: { text: string; dueOn?: string | undefined; doneOn?: string | undefined },
    ): Promise<void> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const plan = await mustFindPlan(trx, slug);
        const action = await mustFindAction(trx, plan.id, actionId);
        await repository.insertMilestone(trx, partnershipId, {
          actionId: action.id,
          text: input.text,
          dueOn: input.dueOn ?? null,
          doneOn: input.doneOn ?? null,
        });
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'create',
          entityType: 'plan milestone',
          entityId: action.id,
          summary: `Added the milestone “${input.text}” to an action of ${plan.title}`,
          after: input,
        });
      });
    },

    ...planEditing(db),

    /** A progress update: by an editor, or by the action's lead with the member role. */
    postUpdate(caller: Caller, slug: string, actionId: string, input: NewUpdate): Promise<void> {
      return inTenant(db, caller, 'partnership.contribute', async (trx, partnershipId) => {
        const plan = await mustFindPlan(trx, slug);
        const action = await mustFindAction(trx, plan.id, actionId);
        if (!(await mayUpdate(trx, caller, action)))
          throw forbidden('Only the action’s lead, or an editor, can post an update on this action.');
        await repository.insertUpdate(trx, partnershipId, {
          actionId: action.id,
          reportedOn: input.reportedOn,
          rag: input.rag,
          commentary: input.commentary,
          authorUserId: caller.userId,
          authorLabel: caller.actor.label,
        });
        if (input.status && input.status !== action.status)
          await repository.setActionStatus(trx, action.id, input.status);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'create',
          entityType: 'plan action update',
          entityId: action.id,
          summary: `Progress on “${action.text}”: ${input.rag}`,
          before: { status: action.status },
          after: input,
        });
      });
    },
  };
}

/** Copies a framework's outcomes (and enablers) into the plan, in the framework's order. */
async function insertFramework(
  trx: Trx,
  partnershipId: string,
  planId: string,
  framework: FrameworkKey,
): Promise<string[]> {
  const ids: string[] = [];
  for (const { code, title } of outcomeFrameworks[framework].entries)
    ids.push(await repository.insertOutcome(trx, partnershipId, planId, { code, title, framework }));
  return ids;
}

/** Editors may update any action; a member only one they lead (their e-mail is the lead's). */
async function mayUpdate(trx: Trx, caller: Caller, action: ActionRow): Promise<boolean> {
  if (can(caller, 'partnership.edit')) return true;
  if (!caller.userId || !can(caller, 'partnership.contribute')) return false;
  const email = (await repository.userEmail(trx, caller.userId))?.toLowerCase();
  if (!email) return false;
  return (await repository.leadEmails(trx, action)).some((lead) => lead.toLowerCase() === email);
}

export type PlansService = ReturnType<typeof plansService>;
