// All the plan SQL. Names of bodies, people and organisations are read here by join, as the
// compliance module reads seats: one query, inside the tenant's transaction.
import { versionColumn } from '../../platform/db/row-version.ts';
import { sql } from 'kysely';
import type { Trx } from '../../schema.ts';
import type {
  ActionStatus,
  EvidenceKind,
  LeadKind,
  PlanKind,
  PlanStatus,
  Recurrence,
  UpdateRag,
} from './plans.vocabulary.ts';
import type { FrameworkKey } from './outcome-frameworks.ts';

export interface PlanValues {
  slug: string;
  title: string;
  kind: PlanKind;
  startsOn: string;
  endsOn: string;
  vision: string | null;
  status: PlanStatus;
  resourcing: string | null;
  /** The outcome framework; left out, a new plan takes the default for its start and a change keeps it. */
  framework?: FrameworkKey | undefined;
}
export interface PlanRow extends PlanValues {
  id: string;
  framework: FrameworkKey;
}

export interface OutcomeRow {
  id: string;
  position: number;
  code: string;
  title: string;
  /** The framework the outcome comes from; null for a local outcome. */
  framework: FrameworkKey | null;
}

export interface EvidenceRow {
  id: string;
  position: number;
  kind: EvidenceKind;
  title: string;
  datedOn: string | null;
  datedPrecision: 'day' | 'month' | 'year' | null;
  link: string | null;
}

export interface PriorityRow {
  id: string;
  /** The row's version, which an edit form carries (ADR 0044). */
  version?: string;
  position: number;
  title: string;
  description: string | null;
  ownerBodyId: string | null;
  ownerBodyName: string | null;
  ownerBodySlug: string | null;
  leadPersonId: string | null;
  leadPersonName: string | null;
}

export interface ActionRow {
  id: string;
  /** The row's version, which an edit form carries (ADR 0044). */
  version?: string;
  priorityId: string;
  position: number;
  text: string;
  leadKind: LeadKind;
  leadPersonId: string | null;
  leadOrganisationId: string | null;
  leadBodyId: string | null;
  leadName: string;
  dueOn: string | null;
  recurrence: Recurrence | null;
  recursFrom: string | null;
  recursUntil: string | null;
  status: ActionStatus;
}

export interface MilestoneRow {
  id: string;
  actionId: string;
  position: number;
  text: string;
  dueOn: string | null;
  doneOn: string | null;
}

export interface UpdateRow {
  id: string;
  actionId: string;
  reportedOn: string;
  rag: UpdateRag;
  commentary: string;
  authorLabel: string;
}

export interface VersionRow {
  id: string;
  number: number;
  recordedOn: string;
  note: string;
  snapshot: string;
  recordedBy: string;
}

const planColumns = [
  'id',
  'slug',
  'title',
  'kind',
  'starts_on as startsOn',
  'ends_on as endsOn',
  'vision',
  'status',
  'resourcing',
  'outcome_framework as framework',
] as const;

/** Each ordered table: the column that numbers its rows and the parent they are numbered under. */
const sequences = {
  plan_evidence: { parent: 'plan_id', column: 'position' },
  plan_outcomes: { parent: 'plan_id', column: 'position' },
  plan_priorities: { parent: 'plan_id', column: 'position' },
  plan_actions: { parent: 'priority_id', column: 'position' },
  plan_milestones: { parent: 'action_id', column: 'position' },
  plan_versions: { parent: 'plan_id', column: 'number' },
} as const;

/** The number the next row of `table` under `parentId` takes: one after the last. */
const nextPosition = async (trx: Trx, table: keyof typeof sequences, parentId: string): Promise<number> => {
  const { parent, column } = sequences[table];
  const { rows } = await sql<{ last: number | null }>`select max(${sql.ref(column)}) as last
    from ${sql.table(table)} where ${sql.ref(parent)} = ${parentId}`.execute(trx);
  return (rows[0]?.last ?? 0) + 1;
};

/** Numbers the rows of `table` under `parentId` 1, 2, 3… in their order, closing any gap a deletion left. */
const renumber = async (trx: Trx, table: keyof typeof sequences, parentId: string): Promise<void> => {
  const { parent, column } = sequences[table];
  await sql`update ${sql.table(table)} t set ${sql.ref(column)} = ordered.n
    from (select id, row_number() over (order by ${sql.ref(column)}, id) as n
          from ${sql.table(table)} where ${sql.ref(parent)} = ${parentId}) ordered
    where t.id = ordered.id and t.${sql.ref(column)} <> ordered.n`.execute(trx);
};

export const plansRepository = {
  list(trx: Trx): Promise<PlanRow[]> {
    return trx
      .selectFrom('plans')
      .select(planColumns)
      .orderBy('starts_on', 'desc')
      .orderBy('title')
      .execute();
  },

  bySlug(trx: Trx, slug: string): Promise<PlanRow | undefined> {
    return trx.selectFrom('plans').select(planColumns).where('slug', '=', slug).executeTakeFirst();
  },

  byId(trx: Trx, id: string): Promise<PlanRow | undefined> {
    return trx.selectFrom('plans').select(planColumns).where('id', '=', id).executeTakeFirst();
  },

  async slugTaken(trx: Trx, slug: string, exceptId?: string): Promise<boolean> {
    let query = trx.selectFrom('plans').select('id').where('slug', '=', slug);
    if (exceptId) query = query.where('id', '!=', exceptId);
    return Boolean(await query.executeTakeFirst());
  },

  async insert(trx: Trx, partnershipId: string, values: PlanValues): Promise<string> {
    const row = await trx
      .insertInto('plans')
      .values({
        partnership_id: partnershipId,
        slug: values.slug,
        title: values.title,
        kind: values.kind,
        starts_on: values.startsOn,
        ends_on: values.endsOn,
        vision: values.vision,
        status: values.status,
        resourcing: values.resourcing,
        outcome_framework: values.framework,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async update(trx: Trx, id: string, values: PlanValues): Promise<void> {
    await trx
      .updateTable('plans')
      .set({
        slug: values.slug,
        title: values.title,
        kind: values.kind,
        starts_on: values.startsOn,
        ends_on: values.endsOn,
        vision: values.vision,
        status: values.status,
        resourcing: values.resourcing,
        outcome_framework: values.framework,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
  },

  outcomes(trx: Trx, planId: string): Promise<OutcomeRow[]> {
    return trx
      .selectFrom('plan_outcomes')
      .select(['id', 'position', 'code', 'title', 'framework'])
      .where('plan_id', '=', planId)
      .orderBy('position')
      .execute();
  },

  async insertOutcome(
    trx: Trx,
    partnershipId: string,
    planId: string,
    outcome: { code: string; title: string; framework: FrameworkKey | null },
  ): Promise<string> {
    const row = await trx
      .insertInto('plan_outcomes')
      .values({
        partnership_id: partnershipId,
        plan_id: planId,
        position: await nextPosition(trx, 'plan_outcomes', planId),
        code: outcome.code,
        title: outcome.title,
        framework: outcome.framework,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  /** Outcomes of any of the partnership's plans by id, with their framework (to say why one is refused). */
  outcomesByIds(
    trx: Trx,
    ids: string[],
  ): Promise<{ id: string; title: string; framework: FrameworkKey | null }[]> {
    if (!ids.length) return Promise.resolve([]);
    return trx
      .selectFrom('plan_outcomes')
      .select(['id', 'title', 'framework'])
      .where('id', 'in', ids)
      .execute();
  },

  /** How many links from priorities the plan's framework outcomes have. */
  async frameworkLinks(trx: Trx, planId: string): Promise<number> {
    const row = await trx
      .selectFrom('plan_priority_outcomes as l')
      .innerJoin('plan_outcomes as o', 'o.id', 'l.outcome_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('o.plan_id', '=', planId)
      .where('o.framework', 'is not', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** Takes the plan's framework outcomes away (none may be linked), before its framework changes. */
  async deleteFrameworkOutcomes(trx: Trx, planId: string): Promise<void> {
    await trx
      .deleteFrom('plan_outcomes')
      .where('plan_id', '=', planId)
      .where('framework', 'is not', null)
      .execute();
  },

  /** Puts the framework outcomes first (in the order given), the local ones after, numbered 1..n. */
  async frameworkOutcomesFirst(trx: Trx, planId: string, frameworkIds: string[]): Promise<void> {
    await sql`update plan_outcomes set position = position + 100000
      where plan_id = ${planId} and framework is null`.execute(trx);
    for (const [index, id] of frameworkIds.entries())
      await trx
        .updateTable('plan_outcomes')
        .set({ position: index + 1 })
        .where('id', '=', id)
        .execute();
    await renumber(trx, 'plan_outcomes', planId);
  },

  evidence(trx: Trx, planId: string): Promise<EvidenceRow[]> {
    return trx
      .selectFrom('plan_evidence')
      .select([
        'id',
        'position',
        'kind',
        'title',
        'dated_on as datedOn',
        'dated_precision as datedPrecision',
        'link',
      ])
      .where('plan_id', '=', planId)
      .orderBy('position')
      .execute();
  },

  async insertEvidence(
    trx: Trx,
    partnershipId: string,
    planId: string,
    evidence: Omit<EvidenceRow, 'id' | 'position'>,
  ): Promise<void> {
    await trx
      .insertInto('plan_evidence')
      .values({
        partnership_id: partnershipId,
        plan_id: planId,
        position: await nextPosition(trx, 'plan_evidence', planId),
        kind: evidence.kind,
        title: evidence.title,
        dated_on: evidence.datedOn,
        dated_precision: evidence.datedPrecision,
        link: evidence.link,
      })
      .execute();
  },

  priorities(trx: Trx, planId: string): Promise<PriorityRow[]> {
    return trx
      .selectFrom('plan_priorities as p')
      .leftJoin('bodies as b', 'b.id', 'p.owner_body_id')
      .leftJoin('people as person', 'person.id', 'p.lead_person_id')
      .select([
        'p.id',
        'p.position',
        'p.title',
        'p.description',
        'p.owner_body_id as ownerBodyId',
        'b.name as ownerBodyName',
        'b.slug as ownerBodySlug',
        'p.lead_person_id as leadPersonId',
        'person.name as leadPersonName',
        versionColumn('p'),
      ])
      .where('p.plan_id', '=', planId)
      .orderBy('p.position')
      .execute();
  },

  async priorityLinks(
    trx: Trx,
    priorityIds: string[],
  ): Promise<{
    outcomes: { priorityId: string; outcomeId: string }[];
    indicators: { priorityId: string; indicatorId: string }[];
  }> {
    if (!priorityIds.length) return { outcomes: [], indicators: [] };
    const [outcomes, indicators] = await Promise.all([
      trx
        .selectFrom('plan_priority_outcomes')
        .select(['priority_id as priorityId', 'outcome_id as outcomeId'])
        .where('priority_id', 'in', priorityIds)
        .execute(),
      trx
        .selectFrom('plan_priority_indicators')
        .select(['priority_id as priorityId', 'indicator_id as indicatorId'])
        .where('priority_id', 'in', priorityIds)
        .execute(),
    ]);
    return { outcomes, indicators };
  },

  async insertPriority(
    trx: Trx,
    partnershipId: string,
    planId: string,
    priority: {
      title: string;
      description: string | null;
      ownerBodyId: string | null;
      leadPersonId: string | null;
      outcomeIds: string[];
      indicatorIds: string[];
    },
  ): Promise<string> {
    const row = await trx
      .insertInto('plan_priorities')
      .values({
        partnership_id: partnershipId,
        plan_id: planId,
        position: await nextPosition(trx, 'plan_priorities', planId),
        title: priority.title,
        description: priority.description,
        owner_body_id: priority.ownerBodyId,
        lead_person_id: priority.leadPersonId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await linkPriority(trx, partnershipId, row.id, priority);
    return row.id;
  },

  async updatePriority(
    trx: Trx,
    partnershipId: string,
    id: string,
    priority: {
      title: string;
      description: string | null;
      ownerBodyId: string | null;
      leadPersonId: string | null;
      outcomeIds: string[];
      indicatorIds: string[];
    },
  ): Promise<void> {
    await trx
      .updateTable('plan_priorities')
      .set({
        title: priority.title,
        description: priority.description,
        owner_body_id: priority.ownerBodyId,
        lead_person_id: priority.leadPersonId,
      })
      .where('id', '=', id)
      .execute();
    await trx.deleteFrom('plan_priority_outcomes').where('priority_id', '=', id).execute();
    await trx.deleteFrom('plan_priority_indicators').where('priority_id', '=', id).execute();
    await linkPriority(trx, partnershipId, id, priority);
  },

  /** Swaps the positions of two priorities of the same plan. */
  async swapPriorities(
    trx: Trx,
    first: { id: string; position: number },
    second: { id: string; position: number },
  ): Promise<void> {
    await trx
      .updateTable('plan_priorities')
      .set({ position: second.position })
      .where('id', '=', first.id)
      .execute();
    await trx
      .updateTable('plan_priorities')
      .set({ position: first.position })
      .where('id', '=', second.id)
      .execute();
  },

  /** Deletes a priority (its links to outcomes and indicators go with it) and renumbers the rest. */
  async deletePriority(trx: Trx, id: string, planId: string): Promise<void> {
    await trx.deleteFrom('plan_priorities').where('id', '=', id).execute();
    await renumber(trx, 'plan_priorities', planId);
  },

  priorityById(trx: Trx, id: string): Promise<{ id: string; planId: string; title: string } | undefined> {
    return trx
      .selectFrom('plan_priorities')
      .select(['id', 'plan_id as planId', 'title'])
      .where('id', '=', id)
      .executeTakeFirst();
  },

  actions(trx: Trx, filter: { planId?: string; actionId?: string }): Promise<ActionRow[]> {
    let query = trx
      .selectFrom('plan_actions as a')
      .innerJoin('plan_priorities as p', 'p.id', 'a.priority_id')
      .leftJoin('people as person', 'person.id', 'a.lead_person_id')
      .leftJoin('organisations as o', 'o.id', 'a.lead_organisation_id')
      .leftJoin('bodies as b', 'b.id', 'a.lead_body_id')
      .select((eb) => [
        'a.id',
        'a.priority_id as priorityId',
        'a.position',
        'a.text',
        'a.lead_kind as leadKind',
        'a.lead_person_id as leadPersonId',
        'a.lead_organisation_id as leadOrganisationId',
        'a.lead_body_id as leadBodyId',
        eb.fn.coalesce('person.name', 'o.name', 'b.name').$castTo<string>().as('leadName'),
        'a.due_on as dueOn',
        'a.recurrence',
        'a.recurs_from as recursFrom',
        'a.recurs_until as recursUntil',
        'a.status',
        versionColumn('a'),
      ])
      .orderBy('p.position')
      .orderBy('a.position');
    if (filter.planId) query = query.where('p.plan_id', '=', filter.planId);
    if (filter.actionId) query = query.where('a.id', '=', filter.actionId);
    return query.execute();
  },

  async insertAction(
    trx: Trx,
    partnershipId: string,
    action: Omit<ActionRow, 'id' | 'position' | 'leadName'> & { partnerIds: string[] },
  ): Promise<string> {
    const row = await trx
      .insertInto('plan_actions')
      .values({
        partnership_id: partnershipId,
        priority_id: action.priorityId,
        position: await nextPosition(trx, 'plan_actions', action.priorityId),
        ...actionColumns(action),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await linkPartners(trx, partnershipId, row.id, action.partnerIds);
    return row.id;
  },

  async updateAction(
    trx: Trx,
    partnershipId: string,
    id: string,
    action: Omit<ActionRow, 'id' | 'position' | 'leadName' | 'priorityId'> & { partnerIds: string[] },
  ): Promise<void> {
    await trx.updateTable('plan_actions').set(actionColumns(action)).where('id', '=', id).execute();
    await trx.deleteFrom('plan_action_partners').where('action_id', '=', id).execute();
    await linkPartners(trx, partnershipId, id, action.partnerIds);
  },

  /** Deletes an action (its partners, milestones and updates go with it) and renumbers the rest. */
  async deleteAction(trx: Trx, id: string, priorityId: string): Promise<void> {
    await trx.deleteFrom('plan_actions').where('id', '=', id).execute();
    await renumber(trx, 'plan_actions', priorityId);
  },

  async setActionStatus(trx: Trx, actionId: string, status: ActionStatus): Promise<void> {
    await trx.updateTable('plan_actions').set({ status }).where('id', '=', actionId).execute();
  },

  partners(
    trx: Trx,
    actionIds: string[],
  ): Promise<{ actionId: string; organisationId: string; name: string }[]> {
    if (!actionIds.length) return Promise.resolve([]);
    return trx
      .selectFrom('plan_action_partners as ap')
      .innerJoin('organisations as o', 'o.id', 'ap.organisation_id')
      .select(['ap.action_id as actionId', 'ap.organisation_id as organisationId', 'o.name'])
      .where('ap.action_id', 'in', actionIds)
      .orderBy('o.name')
      .execute();
  },

  milestones(trx: Trx, actionIds: string[]): Promise<MilestoneRow[]> {
    if (!actionIds.length) return Promise.resolve([]);
    return trx
      .selectFrom('plan_milestones')
      .select(['id', 'action_id as actionId', 'position', 'text', 'due_on as dueOn', 'done_on as doneOn'])
      .where('action_id', 'in', actionIds)
      .orderBy('position')
      .execute();
  },

  async insertMilestone(
    trx: Trx,
    partnershipId: string,
    milestone: Omit<MilestoneRow, 'id' | 'position'>,
  ): Promise<void> {
    await trx
      .insertInto('plan_milestones')
      .values({
        partnership_id: partnershipId,
        action_id: milestone.actionId,
        position: await nextPosition(trx, 'plan_milestones', milestone.actionId),
        text: milestone.text,
        due_on: milestone.dueOn,
        done_on: milestone.doneOn,
      })
      .execute();
  },

  async updateMilestone(
    trx: Trx,
    id: string,
    milestone: { text: string; dueOn: string | null; doneOn: string | null },
  ): Promise<void> {
    await trx
      .updateTable('plan_milestones')
      .set({ text: milestone.text, due_on: milestone.dueOn, done_on: milestone.doneOn })
      .where('id', '=', id)
      .execute();
  },

  async deleteMilestone(trx: Trx, id: string, actionId: string): Promise<void> {
    await trx.deleteFrom('plan_milestones').where('id', '=', id).execute();
    await renumber(trx, 'plan_milestones', actionId);
  },

  updates(trx: Trx, actionIds: string[]): Promise<UpdateRow[]> {
    if (!actionIds.length) return Promise.resolve([]);
    return trx
      .selectFrom('plan_action_updates')
      .select([
        'id',
        'action_id as actionId',
        'reported_on as reportedOn',
        'rag',
        'commentary',
        'author_label as authorLabel',
      ])
      .where('action_id', 'in', actionIds)
      .orderBy('reported_on')
      .orderBy('created_at')
      .execute();
  },

  async insertUpdate(
    trx: Trx,
    partnershipId: string,
    update: Omit<UpdateRow, 'id'> & { authorUserId: string | null },
  ): Promise<void> {
    await trx
      .insertInto('plan_action_updates')
      .values({
        partnership_id: partnershipId,
        action_id: update.actionId,
        reported_on: update.reportedOn,
        rag: update.rag,
        commentary: update.commentary,
        author_user_id: update.authorUserId,
        author_label: update.authorLabel,
      })
      .execute();
  },

  versions(trx: Trx, planId: string): Promise<VersionRow[]> {
    return trx
      .selectFrom('plan_versions')
      .select(['id', 'number', 'recorded_on as recordedOn', 'note', 'snapshot', 'recorded_by as recordedBy'])
      .where('plan_id', '=', planId)
      .orderBy('number')
      .execute();
  },

  async insertVersion(
    trx: Trx,
    partnershipId: string,
    planId: string,
    version: Omit<VersionRow, 'id' | 'number'>,
  ): Promise<number> {
    const number = await nextPosition(trx, 'plan_versions', planId);
    await trx
      .insertInto('plan_versions')
      .values({
        partnership_id: partnershipId,
        plan_id: planId,
        number,
        recorded_on: version.recordedOn,
        note: version.note,
        snapshot: version.snapshot,
        recorded_by: version.recordedBy,
      })
      .execute();
    return number;
  },

  /** Which of these ids are the partnership's (row-level security hides the others). */
  async known(
    trx: Trx,
    table: 'bodies' | 'people' | 'organisations' | 'indicators',
    ids: string[],
  ): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await trx.selectFrom(table).select('id').where('id', 'in', ids).execute();
    return new Set(rows.map((row) => row.id));
  },

  /** The e-mail addresses that identify an action's lead: the person's, or the lead body's lead officer's. */
  async leadEmails(trx: Trx, action: ActionRow): Promise<string[]> {
    if (action.leadPersonId) {
      const person = await trx
        .selectFrom('people')
        .select('email')
        .where('id', '=', action.leadPersonId)
        .executeTakeFirst();
      return person?.email ? [person.email] : [];
    }
    if (action.leadBodyId) {
      const officer = await trx
        .selectFrom('bodies as b')
        .innerJoin('people as p', 'p.id', 'b.lead_officer_person_id')
        .select('p.email')
        .where('b.id', '=', action.leadBodyId)
        .executeTakeFirst();
      return officer?.email ? [officer.email] : [];
    }
    return [];
  },

  async userEmail(trx: Trx, userId: string): Promise<string | undefined> {
    return (await trx.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirst())?.email;
  },

  /** Every option a plan form offers: the partnership's bodies, people and organisations. */
  async choices(trx: Trx) {
    const [bodies, people, organisations] = await Promise.all([
      trx.selectFrom('bodies').select(['id', 'name']).orderBy('name').execute(),
      trx.selectFrom('people').select(['id', 'name']).orderBy('name').execute(),
      trx.selectFrom('organisations').select(['id', 'name']).orderBy('name').execute(),
    ]);
    return { bodies, people, organisations };
  },
};

/** Links a priority to its outcomes and indicators (a new priority, or one whose links were cleared). */
async function linkPriority(
  trx: Trx,
  partnershipId: string,
  priorityId: string,
  links: { outcomeIds: string[]; indicatorIds: string[] },
): Promise<void> {
  if (links.outcomeIds.length)
    await trx
      .insertInto('plan_priority_outcomes')
      .values(
        links.outcomeIds.map((outcomeId) => ({
          partnership_id: partnershipId,
          priority_id: priorityId,
          outcome_id: outcomeId,
        })),
      )
      .execute();
  if (links.indicatorIds.length)
    await trx
      .insertInto('plan_priority_indicators')
      .values(
        links.indicatorIds.map((indicatorId) => ({
          partnership_id: partnershipId,
          priority_id: priorityId,
          indicator_id: indicatorId,
        })),
      )
      .execute();
}

/** Names an action's contributing partners (a new action, or one whose partners were cleared). */
async function linkPartners(
  trx: Trx,
  partnershipId: string,
  actionId: string,
  organisationIds: string[],
): Promise<void> {
  if (organisationIds.length)
    await trx
      .insertInto('plan_action_partners')
      .values(
        organisationIds.map((organisationId) => ({
          partnership_id: partnershipId,
          action_id: actionId,
          organisation_id: organisationId,
        })),
      )
      .execute();
}

/** An action's own columns, as a new or changed action writes them. */
function actionColumns(action: Omit<ActionRow, 'id' | 'position' | 'leadName' | 'priorityId'>) {
  return {
    text: action.text,
    lead_kind: action.leadKind,
    lead_person_id: action.leadPersonId,
    lead_organisation_id: action.leadOrganisationId,
    lead_body_id: action.leadBodyId,
    due_on: action.dueOn,
    recurrence: action.recurrence,
    recurs_from: action.recursFrom,
    recurs_until: action.recursUntil,
    status: action.status,
  };
}
