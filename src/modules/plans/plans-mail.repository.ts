// SQL for the plan messages of issue 18: an action's lead with an address (the lead person, the
// lead body's lead officer, else the priority's lead person) and the actions of the plans in
// force, with their updates' dates, for the daily reminders.
import type { Trx } from '../../schema.ts';
import type { Recurrence } from './recurrence.ts';

export interface RemindedAction {
  id: string;
  text: string;
  dueOn: string | null;
  recurrence: Recurrence | null;
  recursFrom: string | null;
  recursUntil: string | null;
  status: 'not started' | 'in progress' | 'completed' | 'cancelled';
  planSlug: string;
  planTitle: string;
  planEndsOn: string;
  leadName: string | null;
  leadEmail: string | null;
  /** The dates its updates report on. */
  updates: string[];
}

const leadQuery = (trx: Trx) =>
  trx
    .selectFrom('plan_actions as a')
    .innerJoin('plan_priorities as pr', 'pr.id', 'a.priority_id')
    .innerJoin('plans as plan', 'plan.id', 'pr.plan_id')
    .leftJoin('people as person', 'person.id', 'a.lead_person_id')
    .leftJoin('bodies as b', 'b.id', 'a.lead_body_id')
    .leftJoin('people as officer', 'officer.id', 'b.lead_officer_person_id')
    .leftJoin('people as owner', 'owner.id', 'pr.lead_person_id')
    .select((eb) => [
      'a.id',
      'a.text',
      'a.due_on as dueOn',
      'a.recurrence',
      'a.recurs_from as recursFrom',
      'a.recurs_until as recursUntil',
      'a.status',
      'plan.slug as planSlug',
      'plan.title as planTitle',
      'plan.ends_on as planEndsOn',
      // the first of the lead person, the lead body's officer and the priority's lead with an address
      eb
        .case()
        .when('person.email', 'is not', null)
        .then(eb.ref('person.name'))
        .when('officer.email', 'is not', null)
        .then(eb.ref('officer.name'))
        .else(eb.ref('owner.name'))
        .end()
        .as('leadName'),
      eb.fn.coalesce('person.email', 'officer.email', 'owner.email').as('leadEmail'),
    ]);

export const plansMailRepository = {
  /** One action with its lead's name and address. */
  async action(trx: Trx, id: string): Promise<Omit<RemindedAction, 'updates'> | undefined> {
    return leadQuery(trx).where('a.id', '=', id).executeTakeFirst();
  },

  /**
   * Open actions (not completed or cancelled) of agreed or published plans that have begun by
   * `asOf` and ended no earlier than `endedAfter`, with a lead who has an address.
   */
  async remindable(trx: Trx, asOf: string, endedAfter: string): Promise<RemindedAction[]> {
    const rows = await leadQuery(trx)
      .where('plan.status', 'in', ['agreed', 'published'])
      .where('plan.starts_on', '<=', asOf)
      .where('plan.ends_on', '>=', endedAfter)
      .where('a.status', 'not in', ['completed', 'cancelled'])
      .where((eb) => eb.or([eb('a.due_on', 'is not', null), eb('a.recurrence', 'is not', null)]))
      .where((eb) => eb.fn.coalesce('person.email', 'officer.email', 'owner.email'), 'is not', null)
      .execute();
    if (!rows.length) return [];
    const updates = await trx
      .selectFrom('plan_action_updates')
      .select(['action_id as actionId', 'reported_on as reportedOn'])
      .where(
        'action_id',
        'in',
        rows.map((row) => row.id),
      )
      .execute();
    return rows.map((row) => ({
      ...row,
      updates: updates.filter((update) => update.actionId === row.id).map((update) => update.reportedOn),
    }));
  },

  /** The partnership's slug, for the links in its messages. */
  async slugOf(trx: Trx, partnershipId: string): Promise<string> {
    const row = await trx
      .selectFrom('partnerships')
      .select('slug')
      .where('id', '=', partnershipId)
      .executeTakeFirstOrThrow();
    return row.slug;
  },
};
