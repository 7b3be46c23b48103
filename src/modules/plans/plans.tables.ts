import type { ColumnType, Generated } from 'kysely';
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

type Updated = ColumnType<Date, Date | string | undefined, Date | string>;
type Day = ColumnType<string, string, string>;

export interface PlansTable {
  id: Generated<string>;
  partnership_id: string;
  slug: string;
  title: string;
  kind: PlanKind;
  starts_on: Day;
  ends_on: Day;
  vision: string | null;
  status: Generated<PlanStatus>;
  resourcing: string | null;
  outcome_framework: Generated<FrameworkKey>;
  created_at: Generated<Date>;
  updated_at: Updated;
}

export interface PlanVersionsTable {
  id: Generated<string>;
  partnership_id: string;
  plan_id: string;
  number: number;
  recorded_on: Day;
  note: string;
  snapshot: string;
  recorded_by: string;
}

export interface PlanEvidenceTable {
  id: Generated<string>;
  partnership_id: string;
  plan_id: string;
  position: number;
  kind: EvidenceKind;
  title: string;
  dated_on: Day | null;
  dated_precision: 'day' | 'month' | 'year' | null;
  link: string | null;
}

export interface PlanOutcomesTable {
  id: Generated<string>;
  partnership_id: string;
  plan_id: string;
  position: number;
  code: string;
  title: string;
  /** The framework the row comes from; null for a local outcome. */
  framework: FrameworkKey | null;
}

export interface PlanPrioritiesTable {
  id: Generated<string>;
  partnership_id: string;
  plan_id: string;
  position: number;
  title: string;
  description: string | null;
  owner_body_id: string | null;
  lead_person_id: string | null;
}

export interface PlanPriorityOutcomesTable {
  partnership_id: string;
  priority_id: string;
  outcome_id: string;
}

export interface PlanPriorityIndicatorsTable {
  partnership_id: string;
  priority_id: string;
  indicator_id: string;
}

export interface PlanActionsTable {
  id: Generated<string>;
  partnership_id: string;
  priority_id: string;
  position: number;
  text: string;
  lead_kind: LeadKind;
  lead_person_id: string | null;
  lead_organisation_id: string | null;
  lead_body_id: string | null;
  due_on: Day | null;
  recurrence: Recurrence | null;
  recurs_from: Day | null;
  recurs_until: Day | null;
  status: Generated<ActionStatus>;
}

export interface PlanActionPartnersTable {
  partnership_id: string;
  action_id: string;
  organisation_id: string;
}

export interface PlanMilestonesTable {
  id: Generated<string>;
  partnership_id: string;
  action_id: string;
  position: number;
  text: string;
  due_on: Day | null;
  done_on: Day | null;
}

export interface PlanActionUpdatesTable {
  id: Generated<string>;
  partnership_id: string;
  action_id: string;
  reported_on: Day;
  rag: UpdateRag;
  commentary: string;
  author_user_id: string | null;
  author_label: string;
  created_at: Generated<Date>;
}

export interface PlansTables {
  plans: PlansTable;
  plan_versions: PlanVersionsTable;
  plan_evidence: PlanEvidenceTable;
  plan_outcomes: PlanOutcomesTable;
  plan_priorities: PlanPrioritiesTable;
  plan_priority_outcomes: PlanPriorityOutcomesTable;
  plan_priority_indicators: PlanPriorityIndicatorsTable;
  plan_actions: PlanActionsTable;
  plan_action_partners: PlanActionPartnersTable;
  plan_milestones: PlanMilestonesTable;
  plan_action_updates: PlanActionUpdatesTable;
}
