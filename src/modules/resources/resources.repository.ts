// Resources: all their SQL. Names of organisations, priorities, actions and decisions are not
// read here: the service takes them from the membership, plans and meetings modules.
import type { Trx } from '../../schema.ts';

export interface FundValues {
  slug: string;
  name: string;
  kind: string;
  hostOrganisationId: string | null;
  purpose: string | null;
  agreementDocument: string | null;
  agreementStartsOn: string | null;
  agreementEndsOn: string | null;
  reviewOn: string | null;
  source: string | null;
}

export interface FundRow extends FundValues {
  id: string;
}

export interface ContributionValues {
  fundId: string;
  organisationId: string;
  year: number;
  form: string;
  description: string | null;
  planned: number | null;
  agreed: number | null;
  received: number | null;
}
export interface ContributionRow extends ContributionValues {
  id: string;
}

export interface SpendingValues {
  fundId: string;
  year: number;
  priorityId: string;
  actionId: string | null;
  serviceId: string | null;
  description: string | null;
  planned: number | null;
  committed: number | null;
  actual: number | null;
  decisionId: string | null;
}
export interface SpendingRow extends SpendingValues {
  id: string;
}

export interface PledgeValues {
  organisationId: string;
  priorityId: string;
  actionId: string | null;
  resource: string;
  description: string;
  amount: number | null;
  fromYear: number;
  toYear: number;
  status: string;
  pledgedOn: string;
  dueOn: string | null;
  agreedBy: string | null;
  decisionId: string | null;
}
export interface PledgeRow extends PledgeValues {
  id: string;
}

export interface ServiceValues {
  name: string;
  provider: string;
  providerOrganisationId: string | null;
  annualValue: number | null;
  startsOn: string | null;
  endsOn: string | null;
  fundId: string | null;
  status: string;
}
export interface ServiceRow extends ServiceValues {
  id: string;
}

export interface PrincipleRow {
  id: string;
  planId: string;
  position: number;
  text: string;
  source: string | null;
}

const fundColumns = [
  'id',
  'slug',
  'name',
  'kind',
  'host_organisation_id as hostOrganisationId',
  'purpose',
  'agreement_document as agreementDocument',
  'agreement_starts_on as agreementStartsOn',
  'agreement_ends_on as agreementEndsOn',
  'review_on as reviewOn',
  'source',
] as const;

/** The columns a contribution's values are written to (insert and update alike). */
const contributionColumns = (row: ContributionValues) => ({
  fund_id: row.fundId,
  organisation_id: row.organisationId,
  year: row.year,
  form: row.form,
  description: row.description,
  planned_pence: row.planned,
  agreed_pence: row.agreed,
  received_pence: row.received,
});

const spendingColumns = (row: SpendingValues) => ({
  fund_id: row.fundId,
  year: row.year,
  priority_id: row.priorityId,
  action_id: row.actionId,
  service_id: row.serviceId,
  description: row.description,
  planned_pence: row.planned,
  committed_pence: row.committed,
  actual_pence: row.actual,
  decision_id: row.decisionId,
});

const pledgeColumns = (values: PledgeValues) => ({
  organisation_id: values.organisationId,
  priority_id: values.priorityId,
  action_id: values.actionId,
  resource: values.resource,
  description: values.description,
  amount_pence: values.amount,
  from_year: values.fromYear,
  to_year: values.toYear,
  status: values.status,
  pledged_on: values.pledgedOn,
  due_on: values.dueOn,
  agreed_by: values.agreedBy,
  decision_id: values.decisionId,
});

const serviceColumns = (values: ServiceValues) => ({
  name: values.name,
  provider: values.provider,
  provider_organisation_id: values.providerOrganisationId,
  annual_value_pence: values.annualValue,
  starts_on: values.startsOn,
  ends_on: values.endsOn,
  fund_id: values.fundId,
  status: values.status,
});

export const resourcesRepository = {
  funds: (trx: Trx): Promise<FundRow[]> =>
    trx.selectFrom('funds').select(fundColumns).orderBy('name').execute(),

  fundBySlug: (trx: Trx, slug: string): Promise<FundRow | undefined> =>
    trx.selectFrom('funds').select(fundColumns).where('slug', '=', slug).executeTakeFirst(),

  async insertFund(trx: Trx, partnershipId: string, values: FundValues): Promise<string> {
    const row = await trx
      .insertInto('funds')
      .values({
        partnership_id: partnershipId,
        slug: values.slug,
        name: values.name,
        kind: values.kind,
        host_organisation_id: values.hostOrganisationId,
        purpose: values.purpose,
        agreement_document: values.agreementDocument,
        agreement_starts_on: values.agreementStartsOn,
        agreement_ends_on: values.agreementEndsOn,
        review_on: values.reviewOn,
        source: values.source,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  fundPriorities: (trx: Trx): Promise<{ fundId: string; priorityId: string }[]> =>
    trx.selectFrom('fund_priorities').select(['fund_id as fundId', 'priority_id as priorityId']).execute(),

  async insertFundPriorities(trx: Trx, partnershipId: string, fundId: string, priorityIds: string[]) {
    if (!priorityIds.length) return;
    await trx
      .insertInto('fund_priorities')
      .values(priorityIds.map((id) => ({ partnership_id: partnershipId, fund_id: fundId, priority_id: id })))
      .execute();
  },

  fundDecisions: (trx: Trx): Promise<{ fundId: string; decisionId: string }[]> =>
    trx.selectFrom('fund_decisions').select(['fund_id as fundId', 'decision_id as decisionId']).execute(),

  async insertFundDecision(trx: Trx, partnershipId: string, fundId: string, decisionId: string) {
    await trx
      .insertInto('fund_decisions')
      .values({ partnership_id: partnershipId, fund_id: fundId, decision_id: decisionId })
      .onConflict((conflict) => conflict.doNothing())
      .execute();
  },

  contributions(trx: Trx, fundId?: string): Promise<ContributionRow[]> {
    let query = trx
      .selectFrom('fund_contributions')
      .select([
        'id',
        'fund_id as fundId',
        'organisation_id as organisationId',
        'year',
        'form',
        'description',
        'planned_pence as planned',
        'agreed_pence as agreed',
        'received_pence as received',
      ])
      .orderBy('year')
      .orderBy('created_at')
      .orderBy('id');
    if (fundId) query = query.where('fund_id', '=', fundId);
    return query.execute();
  },

  async insertContributions(trx: Trx, partnershipId: string, rows: ContributionValues[]): Promise<string[]> {
    if (!rows.length) return [];
    const inserted = await trx
      .insertInto('fund_contributions')
      .values(rows.map((row) => ({ partnership_id: partnershipId, ...contributionColumns(row) })))
      .returning('id')
      .execute();
    return inserted.map((row) => row.id);
  },

  spending(trx: Trx, fundId?: string): Promise<SpendingRow[]> {
    let query = trx
      .selectFrom('fund_spending')
      .select([
        'id',
        'fund_id as fundId',
        'year',
        'priority_id as priorityId',
        'action_id as actionId',
        'service_id as serviceId',
        'description',
        'planned_pence as planned',
        'committed_pence as committed',
        'actual_pence as actual',
        'decision_id as decisionId',
      ])
      .orderBy('year')
      .orderBy('created_at')
      .orderBy('id');
    if (fundId) query = query.where('fund_id', '=', fundId);
    return query.execute();
  },

  async insertSpending(trx: Trx, partnershipId: string, rows: SpendingValues[]): Promise<string[]> {
    if (!rows.length) return [];
    const inserted = await trx
      .insertInto('fund_spending')
      .values(rows.map((row) => ({ partnership_id: partnershipId, ...spendingColumns(row) })))
      .returning('id')
      .execute();
    return inserted.map((row) => row.id);
  },

  pledges: (trx: Trx): Promise<PledgeRow[]> =>
    trx
      .selectFrom('pledges')
      .select([
        'id',
        'organisation_id as organisationId',
        'priority_id as priorityId',
        'action_id as actionId',
        'resource',
        'description',
        'amount_pence as amount',
        'from_year as fromYear',
        'to_year as toYear',
        'status',
        'pledged_on as pledgedOn',
        'due_on as dueOn',
        'agreed_by as agreedBy',
        'decision_id as decisionId',
      ])
      .orderBy('pledged_on')
      .orderBy('id')
      .execute(),

  async insertPledge(trx: Trx, partnershipId: string, values: PledgeValues): Promise<string> {
    const row = await trx
      .insertInto('pledges')
      .values({ partnership_id: partnershipId, ...pledgeColumns(values) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  services: (trx: Trx): Promise<ServiceRow[]> =>
    trx
      .selectFrom('commissioned_services')
      .select([
        'id',
        'name',
        'provider',
        'provider_organisation_id as providerOrganisationId',
        'annual_value_pence as annualValue',
        'starts_on as startsOn',
        'ends_on as endsOn',
        'fund_id as fundId',
        'status',
      ])
      .orderBy('name')
      .execute(),

  servicePriorities: (trx: Trx): Promise<{ serviceId: string; priorityId: string }[]> =>
    trx
      .selectFrom('commissioned_service_priorities')
      .select(['service_id as serviceId', 'priority_id as priorityId'])
      .execute(),

  async insertService(
    trx: Trx,
    partnershipId: string,
    values: ServiceValues,
    priorityIds: string[],
  ): Promise<string> {
    const row = await trx
      .insertInto('commissioned_services')
      .values({ partnership_id: partnershipId, ...serviceColumns(values) })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (priorityIds.length)
      await trx
        .insertInto('commissioned_service_priorities')
        .values(
          priorityIds.map((id) => ({ partnership_id: partnershipId, service_id: row.id, priority_id: id })),
        )
        .execute();
    return row.id;
  },

  async updateContribution(trx: Trx, id: string, row: ContributionValues): Promise<void> {
    await trx
      .updateTable('fund_contributions')
      .set(contributionColumns(row))
      .where('id', '=', id)
      .where('fund_id', '=', row.fundId)
      .execute();
  },

  async deleteContribution(trx: Trx, id: string): Promise<void> {
    await trx.deleteFrom('fund_contributions').where('id', '=', id).execute();
  },

  async updateSpending(trx: Trx, id: string, row: SpendingValues): Promise<void> {
    await trx
      .updateTable('fund_spending')
      .set(spendingColumns(row))
      .where('id', '=', id)
      .where('fund_id', '=', row.fundId)
      .execute();
  },

  async deleteSpending(trx: Trx, id: string): Promise<void> {
    await trx.deleteFrom('fund_spending').where('id', '=', id).execute();
  },

  async updatePledge(trx: Trx, id: string, values: PledgeValues): Promise<void> {
    await trx.updateTable('pledges').set(pledgeColumns(values)).where('id', '=', id).execute();
  },

  async deletePledge(trx: Trx, id: string): Promise<void> {
    await trx.deleteFrom('pledges').where('id', '=', id).execute();
  },

  /** Changes a service and replaces the priorities it serves. */
  async updateService(
    trx: Trx,
    partnershipId: string,
    id: string,
    values: ServiceValues,
    priorityIds: string[],
  ): Promise<void> {
    await trx.updateTable('commissioned_services').set(serviceColumns(values)).where('id', '=', id).execute();
    await trx.deleteFrom('commissioned_service_priorities').where('service_id', '=', id).execute();
    if (priorityIds.length)
      await trx
        .insertInto('commissioned_service_priorities')
        .values(
          priorityIds.map((priorityId) => ({
            partnership_id: partnershipId,
            service_id: id,
            priority_id: priorityId,
          })),
        )
        .execute();
  },

  /**
   * Deletes a service (its links to priorities go with it); spending recorded on it stays on
   * its priority, without the service. Returns the ids of the spending entries unlinked.
   */
  async deleteService(trx: Trx, id: string): Promise<string[]> {
    const unlinked = await trx
      .updateTable('fund_spending')
      .set({ service_id: null })
      .where('service_id', '=', id)
      .returning('id')
      .execute();
    await trx.deleteFrom('commissioned_services').where('id', '=', id).execute();
    return unlinked.map((row) => row.id);
  },

  principles: (trx: Trx): Promise<PrincipleRow[]> =>
    trx
      .selectFrom('plan_financial_principles')
      .select(['id', 'plan_id as planId', 'position', 'text', 'source'])
      .orderBy('plan_id')
      .orderBy('position')
      .execute(),

  async insertPrinciple(
    trx: Trx,
    partnershipId: string,
    planId: string,
    text: string,
    source: string | null,
  ): Promise<{ id: string; position: number }> {
    const last = await trx
      .selectFrom('plan_financial_principles')
      .select((eb) => eb.fn.max('position').as('position'))
      .where('plan_id', '=', planId)
      .executeTakeFirst();
    const position = Number(last?.position ?? 0) + 1;
    const row = await trx
      .insertInto('plan_financial_principles')
      .values({ partnership_id: partnershipId, plan_id: planId, position, text, source })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id, position };
  },

  async updatePrinciple(trx: Trx, id: string, text: string): Promise<void> {
    await trx.updateTable('plan_financial_principles').set({ text }).where('id', '=', id).execute();
  },

  /**
   * Deletes a principle and numbers the plan's others 1..n again, one at a time upwards (the
   * position is unique in a plan and checked row by row).
   */
  async deletePrinciple(trx: Trx, id: string, planId: string): Promise<void> {
    await trx.deleteFrom('plan_financial_principles').where('id', '=', id).execute();
    const rest = await trx
      .selectFrom('plan_financial_principles')
      .select(['id', 'position'])
      .where('plan_id', '=', planId)
      .orderBy('position')
      .execute();
    for (const [index, row] of rest.entries())
      if (row.position !== index + 1)
        await trx
          .updateTable('plan_financial_principles')
          .set({ position: index + 1 })
          .where('id', '=', row.id)
          .execute();
  },
};
