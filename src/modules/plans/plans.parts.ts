// What every plan write shares: finding a plan's parts by their ids (a 404 for anything else),
// checking the answers that name bodies, people, organisations and indicators against the
// partnership's own, and an action's details (partners, milestones, updates, what is overdue).
import { notFound } from '../../platform/http/errors.ts';
import { formatDate } from '../../platform/dates.ts';
import { RuleViolation } from '../../platform/http/validation.ts';
import type { Trx } from '../../schema.ts';
import {
  plansRepository as repository,
  type ActionRow,
  type MilestoneRow,
  type PlanRow,
  type UpdateRow,
} from './plans.repository.ts';
import { describeRecurrence, overdueOf, type DuePeriod, type Recurrence } from './recurrence.ts';
import type { ActionStatus, LeadKind } from './plans.vocabulary.ts';
import { outcomeFrameworks } from './outcome-frameworks.ts';

export interface NewPriority {
  title: string;
  description?: string | undefined;
  ownerBodyId?: string | undefined;
  leadPersonId?: string | undefined;
  outcomeIds: string[];
  indicatorIds: string[];
}

export interface NewAction {
  text: string;
  leadKind: LeadKind;
  leadId: string;
  partnerIds: string[];
  dueOn?: string | undefined;
  recurrence?: Recurrence | undefined;
  recursFrom?: string | undefined;
  recursUntil?: string | undefined;
  status: ActionStatus;
}

export interface ActionDetail extends ActionRow {
  partners: { organisationId: string; name: string }[];
  milestones: MilestoneRow[];
  updates: UpdateRow[];
  latest: UpdateRow | null;
  overdue: boolean;
  overduePeriods: DuePeriod[];
  when: string;
}

const whenOf = (action: ActionRow) =>
  action.recurrence && action.recursFrom
    ? describeRecurrence(action.recurrence, action.recursFrom)
    : action.dueOn
      ? `By ${formatDate(action.dueOn)}`
      : 'No date set';

/** A recurring action with no last date of its own recurs until its plan ends. */
export async function actionDetails(
  trx: Trx,
  actions: ActionRow[],
  asAt: string,
  planEndsOn: string,
): Promise<ActionDetail[]> {
  const ids = actions.map((action) => action.id);
  const [partners, milestones, updates] = await Promise.all([
    repository.partners(trx, ids),
    repository.milestones(trx, ids),
    repository.updates(trx, ids),
  ]);
  return actions.map((action) => {
    const own = updates.filter((update) => update.actionId === action.id);
    const overdue = overdueOf(
      { ...action, recursUntil: action.recursUntil ?? planEndsOn },
      own.map((update) => update.reportedOn),
      asAt,
    );
    return {
      ...action,
      partners: partners.filter((partner) => partner.actionId === action.id),
      milestones: milestones.filter((milestone) => milestone.actionId === action.id),
      updates: own,
      latest: own.at(-1) ?? null,
      overdue: overdue.overdue,
      overduePeriods: overdue.periods,
      when: whenOf(action),
    };
  });
}

/** Why a priority cannot be deleted yet. */
export const priorityHasActions = (count: number) =>
  `This priority still has ${count} ${count === 1 ? 'action' : 'actions'}: delete ${count === 1 ? 'it' : 'them'} first, so that no action, milestone or update is lost by accident`;

/** An action's columns from the form's answers: one lead, and a date or a recurrence. */
export const actionValues = (input: NewAction) => ({
  text: input.text,
  leadKind: input.leadKind,
  leadPersonId: input.leadKind === 'person' ? input.leadId : null,
  leadOrganisationId: input.leadKind === 'organisation' ? input.leadId : null,
  leadBodyId: input.leadKind === 'body' ? input.leadId : null,
  dueOn: input.recurrence ? null : (input.dueOn ?? null),
  recurrence: input.recurrence ?? null,
  recursFrom: input.recurrence ? (input.recursFrom ?? null) : null,
  recursUntil: input.recurrence ? (input.recursUntil ?? null) : null,
  status: input.status,
  partnerIds: input.partnerIds,
});

export async function mustFindPlan(trx: Trx, slug: string): Promise<PlanRow> {
  const plan = await repository.bySlug(trx, slug);
  if (!plan) throw notFound();
  return plan;
}

export async function mustFindAction(trx: Trx, planId: string, actionId: string): Promise<ActionRow> {
  const [action] = await repository.actions(trx, { planId, actionId });
  if (!action) throw notFound();
  return action;
}

async function checkKnown(
  trx: Trx,
  table: 'bodies' | 'people' | 'organisations' | 'indicators',
  ids: string[],
  path: string,
  message: string,
): Promise<void> {
  const known = await repository.known(trx, table, ids);
  if (ids.some((id) => !known.has(id))) throw new RuleViolation([{ path, message }]);
}

export async function checkPriority(trx: Trx, plan: PlanRow, input: NewPriority): Promise<void> {
  const outcomes = new Set((await repository.outcomes(trx, plan.id)).map((outcome) => outcome.id));
  const strangers = input.outcomeIds.filter((id) => !outcomes.has(id));
  if (strangers.length) {
    const other = (await repository.outcomesByIds(trx, strangers)).find(
      (outcome) => outcome.framework && outcome.framework !== plan.framework,
    );
    throw new RuleViolation([
      {
        path: 'outcomeIds',
        message: other?.framework
          ? `“${other.title}” belongs to ${outcomeFrameworks[other.framework].title}, but this plan uses ${outcomeFrameworks[plan.framework].title}: choose this plan’s outcomes`
          : 'Select outcomes of this plan',
      },
    ]);
  }
  if (input.ownerBodyId)
    await checkKnown(
      trx,
      'bodies',
      [input.ownerBodyId],
      'ownerBodyId',
      'Select the owning body from the list',
    );
  if (input.leadPersonId)
    await checkKnown(
      trx,
      'people',
      [input.leadPersonId],
      'leadPersonId',
      'Select the lead person from the list',
    );
  await checkKnown(
    trx,
    'indicators',
    input.indicatorIds,
    'indicatorIds',
    'Select indicators the partnership tracks',
  );
}

export async function checkAction(trx: Trx, input: NewAction): Promise<void> {
  const leadTable = { person: 'people', organisation: 'organisations', body: 'bodies' } as const;
  await checkKnown(trx, leadTable[input.leadKind], [input.leadId], 'leadId', 'Select the lead from the list');
  await checkKnown(trx, 'organisations', input.partnerIds, 'partnerIds', 'Select partners from the list');
  if (input.recursUntil && input.recursFrom && input.recursUntil < input.recursFrom)
    throw new RuleViolation([
      { path: 'recursUntil', message: 'The last date must be after the date it recurs from' },
    ]);
}

/** A priority of the plan with the ids of its outcomes and indicators, or a 404. */
export async function mustFindPriority(trx: Trx, plan: PlanRow, priorityId: string) {
  const priority = (await repository.priorities(trx, plan.id)).find((row) => row.id === priorityId);
  if (!priority) throw notFound();
  const links = await repository.priorityLinks(trx, [priority.id]);
  return {
    ...priority,
    outcomeIds: links.outcomes.map((link) => link.outcomeId),
    indicatorIds: links.indicators.map((link) => link.indicatorId),
  };
}

export async function mustFindMilestone(
  trx: Trx,
  actionId: string,
  milestoneId: string,
): Promise<MilestoneRow> {
  const milestone = (await repository.milestones(trx, [actionId])).find((row) => row.id === milestoneId);
  if (!milestone) throw notFound();
  return milestone;
}
