// Minutes, decisions and actions: all their SQL.
import { sql } from 'kysely';
import type { Trx } from '../../schema.ts';

export interface MinutesRow {
  id: string;
  agendaItemId: string;
  text: string;
  status: string;
  approvedOn: string | null;
  approvedAtMeetingId: string | null;
}

export interface DecisionRow {
  id: string;
  agendaItemId: string;
  text: string;
  delegatedTo: string | null;
  outcome: string | null;
  outcomeOn: string | null;
}

export interface ActionRow {
  id: string;
  meetingId: string;
  meetingTitle: string;
  meetingStartsAt: Date;
  agendaItemId: string | null;
  text: string;
  ownerPersonId: string | null;
  ownerPersonName: string | null;
  ownerYoungPerson: boolean | null;
  ownerOrganisationId: string | null;
  ownerOrganisationName: string | null;
  /** No owner yet: "to be confirmed". */
  ownerToBeConfirmed: boolean;
  /** Its number, "CTB/2010/14", when a body of its meeting has a code for action numbers. */
  reference: string | null;
  dueOn: string | null;
  status: string;
  /** The plan priority it serves (its id: named through the plans module). */
  planPriorityId: string | null;
  updates: { text: string; status: string; recordedBy: string; createdAt: Date }[];
}

export interface ActionValues {
  agendaItemId: string | null;
  text: string;
  ownerPersonId: string | null;
  ownerOrganisationId: string | null;
  /** No owner yet: "to be confirmed" (issue 24). */
  ownerToBeConfirmed?: boolean | undefined;
  /** Its number as the minutes give it; the next free one for the body and year when left out. */
  number?: number | undefined;
  dueOn: string | null;
  /** The plan priority it serves, when raised for one (issue 23). */
  planPriorityId?: string | null | undefined;
}

/** An action's number: the body's code, the year and the number ("CTB/2010/14"). */
export interface ActionReference {
  bodyId: string;
  code: string;
  year: number;
  number: number;
}

export const recordRepository = {
  minutes: (trx: Trx, itemIds: string[]): Promise<MinutesRow[]> =>
    itemIds.length
      ? trx
          .selectFrom('minutes')
          .select([
            'id',
            'agenda_item_id as agendaItemId',
            'text',
            'status',
            'approved_on as approvedOn',
            'approved_at_meeting_id as approvedAtMeetingId',
          ])
          .where('agenda_item_id', 'in', itemIds)
          .execute()
      : Promise.resolve([]),

  async saveMinutes(trx: Trx, partnershipId: string, itemId: string, text: string): Promise<void> {
    await trx
      .insertInto('minutes')
      .values({ partnership_id: partnershipId, agenda_item_id: itemId, text })
      .onConflict((oc) => oc.column('agenda_item_id').doUpdateSet({ text, updated_at: new Date() }))
      .execute();
  },

  async approve(trx: Trx, itemIds: string[], meetingId: string, on: string): Promise<void> {
    await trx
      .updateTable('minutes')
      .set({ status: 'approved', approved_at_meeting_id: meetingId, approved_on: on, updated_at: new Date() })
      .where('agenda_item_id', 'in', itemIds)
      .where('status', '=', 'draft')
      .execute();
  },

  decisions: (trx: Trx, itemIds: string[]): Promise<DecisionRow[]> =>
    itemIds.length
      ? trx
          .selectFrom('decisions')
          .select([
            'id',
            'agenda_item_id as agendaItemId',
            'text',
            'delegated_to as delegatedTo',
            'outcome',
            'outcome_on as outcomeOn',
          ])
          .where('agenda_item_id', 'in', itemIds)
          .orderBy('created_at')
          .execute()
      : Promise.resolve([]),

  async addDecision(
    trx: Trx,
    partnershipId: string,
    itemId: string,
    values: { text: string; delegatedTo: string | null },
  ): Promise<string> {
    return (
      await trx
        .insertInto('decisions')
        .values({
          partnership_id: partnershipId,
          agenda_item_id: itemId,
          text: values.text,
          delegated_to: values.delegatedTo,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  },

  async recordOutcome(trx: Trx, id: string, outcome: string, on: string): Promise<void> {
    await trx.updateTable('decisions').set({ outcome, outcome_on: on }).where('id', '=', id).execute();
  },

  /** Actions with their owner, meeting and updates; filtered by meetings, status or owner. */
  async actions(
    trx: Trx,
    filter: {
      meetingIds?: string[];
      status?: string;
      ownerId?: string;
      ids?: string[];
      planPriorityIds?: string[];
      /** Only those raised for a plan priority. */
      withPlanPriority?: boolean;
    } = {},
  ): Promise<ActionRow[]> {
    let query = trx
      .selectFrom('actions as a')
      .innerJoin('meetings as m', 'm.id', 'a.meeting_id')
      .leftJoin('people as p', 'p.id', 'a.owner_person_id')
      .leftJoin('organisations as o', 'o.id', 'a.owner_organisation_id')
      .select([
        'a.id',
        'a.meeting_id as meetingId',
        'm.title as meetingTitle',
        'm.starts_at as meetingStartsAt',
        'a.agenda_item_id as agendaItemId',
        'a.text',
        'a.owner_person_id as ownerPersonId',
        'p.name as ownerPersonName',
        'p.young_person as ownerYoungPerson',
        'a.owner_organisation_id as ownerOrganisationId',
        'o.name as ownerOrganisationName',
        'a.owner_to_be_confirmed as ownerToBeConfirmed',
        'a.reference_code as referenceCode',
        'a.reference_year as referenceYear',
        'a.reference_number as referenceNumber',
        'a.due_on as dueOn',
        'a.status',
        'a.plan_priority_id as planPriorityId',
      ])
      .orderBy('a.due_on', (ob) => ob.asc().nullsLast())
      .orderBy('a.created_at');
    if (filter.meetingIds) {
      if (!filter.meetingIds.length) return [];
      query = query.where('a.meeting_id', 'in', filter.meetingIds);
    }
    if (filter.ids) {
      if (!filter.ids.length) return [];
      query = query.where('a.id', 'in', filter.ids);
    }
    if (filter.planPriorityIds) {
      if (!filter.planPriorityIds.length) return [];
      query = query.where('a.plan_priority_id', 'in', filter.planPriorityIds);
    }
    if (filter.withPlanPriority) query = query.where('a.plan_priority_id', 'is not', null);
    if (filter.status) query = query.where('a.status', '=', filter.status);
    if (filter.ownerId)
      query = query.where((eb) =>
        eb.or([
          eb('a.owner_person_id', '=', filter.ownerId!),
          eb('a.owner_organisation_id', '=', filter.ownerId!),
        ]),
      );
    const rows = await query.execute();
    if (!rows.length) return [];
    const updates = await trx
      .selectFrom('action_updates')
      .select([
        'action_id as actionId',
        'text',
        'status',
        'recorded_by as recordedBy',
        'created_at as createdAt',
      ])
      .where(
        'action_id',
        'in',
        rows.map((row) => row.id),
      )
      .orderBy('created_at')
      .execute();
    return rows.map(({ referenceCode, referenceYear, referenceNumber, ...row }) => ({
      ...row,
      reference: referenceCode ? `${referenceCode}/${referenceYear}/${referenceNumber}` : null,
      updates: updates.filter((u) => u.actionId === row.id).map(({ actionId: _, ...rest }) => rest),
    }));
  },

  /** The numbers a body's actions of a year already have. */
  async numbersTaken(trx: Trx, bodyId: string, year: number): Promise<number[]> {
    const rows = await trx
      .selectFrom('actions')
      .select('reference_number as number')
      .where('reference_body_id', '=', bodyId)
      .where('reference_year', '=', year)
      .execute();
    return rows.map((row) => row.number!);
  },

  async addAction(
    trx: Trx,
    partnershipId: string,
    meetingId: string,
    values: ActionValues,
    reference: ActionReference | null = null,
  ): Promise<string> {
    return (
      await trx
        .insertInto('actions')
        .values({
          partnership_id: partnershipId,
          meeting_id: meetingId,
          agenda_item_id: values.agendaItemId,
          text: values.text,
          owner_person_id: values.ownerPersonId,
          owner_organisation_id: values.ownerOrganisationId,
          owner_to_be_confirmed: values.ownerToBeConfirmed ?? false,
          reference_body_id: reference?.bodyId ?? null,
          reference_code: reference?.code ?? null,
          reference_year: reference?.year ?? null,
          reference_number: reference?.number ?? null,
          due_on: values.dueOn,
          plan_priority_id: values.planPriorityId ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  },

  /** Links an action to the plan priority it serves, or to none. */
  async linkPriority(trx: Trx, id: string, planPriorityId: string | null): Promise<void> {
    await trx
      .updateTable('actions')
      .set({ plan_priority_id: planPriorityId, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  },

  async updateAction(
    trx: Trx,
    partnershipId: string,
    id: string,
    update: { text: string; status: string; recordedBy: string },
  ): Promise<void> {
    await trx
      .updateTable('actions')
      .set({ status: update.status, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await trx
      .insertInto('action_updates')
      .values({
        partnership_id: partnershipId,
        action_id: id,
        text: update.text,
        status: update.status,
        recorded_by: update.recordedBy,
      })
      .execute();
  },

  owners: async (trx: Trx) => ({
    people: await trx
      .selectFrom('people')
      .select(['id', 'name'])
      .where('young_person', '=', false)
      .orderBy('name')
      .execute(),
    organisations: await trx.selectFrom('organisations').select(['id', 'name']).orderBy('name').execute(),
  }),
};

/** What of the record points at an agenda item: its minutes, decisions and actions, counted. */
export async function recordOnItem(trx: Trx, itemId: string) {
  const { rows } = await sql<{ minutes: string; decisions: string; actions: string }>`
    select
      (select count(*) from minutes where agenda_item_id = ${itemId}) as minutes,
      (select count(*) from decisions where agenda_item_id = ${itemId}) as decisions,
      (select count(*) from actions where agenda_item_id = ${itemId}) as actions`.execute(trx);
  const row = rows[0]!;
  return { minutes: Number(row.minutes), decisions: Number(row.decisions), actions: Number(row.actions) };
}

/** The approval of a meeting's minutes, if any of its items' minutes are approved: when, and at which meeting. */
export const minutesApprovalOf = (trx: Trx, meetingId: string) =>
  trx
    .selectFrom('minutes as mi')
    .innerJoin('agenda_items as i', 'i.id', 'mi.agenda_item_id')
    .leftJoin('meetings as at', 'at.id', 'mi.approved_at_meeting_id')
    .select(['mi.approved_on as approvedOn', 'at.title as atTitle'])
    .where('i.meeting_id', '=', meetingId)
    .where('mi.status', '=', 'approved')
    .orderBy('mi.approved_on')
    .executeTakeFirst();
