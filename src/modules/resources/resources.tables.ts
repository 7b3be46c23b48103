import type { ColumnType, Generated } from 'kysely';

type Updated = ColumnType<Date, Date | string | undefined, Date | string>;
/** Integer pence (bigint, which the engine reads as a number: exact below 2^53). */
type Pence = number | null;

export interface FundsTable {
  id: Generated<string>;
  partnership_id: string;
  slug: string;
  name: string;
  kind: string;
  host_organisation_id: string | null;
  purpose: string | null;
  agreement_document: string | null;
  agreement_starts_on: string | null;
  agreement_ends_on: string | null;
  review_on: string | null;
  source: string | null;
  created_at: Generated<Date>;
  updated_at: Updated;
}

export interface FundPrioritiesTable {
  partnership_id: string;
  fund_id: string;
  priority_id: string;
}

export interface FundDecisionsTable {
  partnership_id: string;
  fund_id: string;
  decision_id: string;
}

export interface CommissionedServicesTable {
  id: Generated<string>;
  partnership_id: string;
  name: string;
  provider: string;
  provider_organisation_id: string | null;
  annual_value_pence: Pence;
  starts_on: string | null;
  ends_on: string | null;
  fund_id: string | null;
  status: string;
  created_at: Generated<Date>;
}

export interface CommissionedServicePrioritiesTable {
  partnership_id: string;
  service_id: string;
  priority_id: string;
}

export interface FundContributionsTable {
  id: Generated<string>;
  partnership_id: string;
  fund_id: string;
  organisation_id: string;
  year: number;
  form: string;
  description: string | null;
  planned_pence: Pence;
  agreed_pence: Pence;
  received_pence: Pence;
  created_at: Generated<Date>;
}

export interface FundSpendingTable {
  id: Generated<string>;
  partnership_id: string;
  fund_id: string;
  year: number;
  priority_id: string;
  action_id: string | null;
  service_id: string | null;
  description: string | null;
  planned_pence: Pence;
  committed_pence: Pence;
  actual_pence: Pence;
  decision_id: string | null;
  created_at: Generated<Date>;
}

export interface PledgesTable {
  id: Generated<string>;
  partnership_id: string;
  organisation_id: string;
  priority_id: string;
  action_id: string | null;
  resource: string;
  description: string;
  amount_pence: Pence;
  from_year: number;
  to_year: number;
  status: string;
  pledged_on: string;
  due_on: string | null;
  agreed_by: string | null;
  decision_id: string | null;
  created_at: Generated<Date>;
}

export interface PlanFinancialPrinciplesTable {
  id: Generated<string>;
  partnership_id: string;
  plan_id: string;
  position: number;
  text: string;
  source: string | null;
}

export interface ResourcesTables {
  funds: FundsTable;
  fund_priorities: FundPrioritiesTable;
  fund_decisions: FundDecisionsTable;
  commissioned_services: CommissionedServicesTable;
  commissioned_service_priorities: CommissionedServicePrioritiesTable;
  fund_contributions: FundContributionsTable;
  fund_spending: FundSpendingTable;
  pledges: PledgesTable;
  plan_financial_principles: PlanFinancialPrinciplesTable;
}
