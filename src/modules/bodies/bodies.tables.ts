import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T | null, string | null, string | null>;
type Updated = ColumnType<Date, Date | string | undefined, Date | string>;

export interface QuorumRule {
  /** At least this many voting members present… */
  minimum?: number;
  /** …or at least this fraction of the voting seats (e.g. 1/3 as 0.3334)… */
  fraction?: number;
  /** …including someone on behalf of each of these statutory categories. */
  categories?: string[];
}

export interface CadenceRule {
  /** Meeting kind: board-meeting, annual-event, deep-dive, development-session, workshop. */
  kind: string;
  /** How many a year, at least. */
  perYear: number;
}

export interface BodiesTable {
  id: Generated<string>;
  partnership_id: string;
  slug: string;
  name: string;
  short_name: string | null;
  kind: string;
  purpose: string | null;
  takes_decisions: Generated<boolean>;
  focus_type: string | null;
  focus: string | null;
  area: string | null;
  starts_on: string | null;
  ends_on: string | null;
  /** How precisely its own start and end are known: 'day', 'month' or 'year' (migration 0064). */
  starts_precision: Generated<string>;
  ends_precision: Generated<string>;
  membership_cap: number | null;
  quorum_rule: Json<QuorumRule>;
  cadence_rules: Json<CadenceRule[]>;
  notes: string | null;
  lead_officer_person_id: string | null;
  /** Attendance (per cent of held meetings) below which a held seat is flagged. */
  attendance_threshold: Generated<number>;
  /** The code its actions are numbered with ("CTB" in "CTB/2010/14"), migration 0060. */
  action_code: ColumnType<string | null, string | null | undefined, string | null>;
  position: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Updated;
}

export interface BodyStatusEventsTable {
  id: Generated<string>;
  partnership_id: string;
  body_id: string;
  status: string;
  effective_on: string;
  precision: Generated<string>;
  previous_name: string | null;
  new_name: string | null;
  related_body_id: string | null;
  detail: string | null;
  created_at: Generated<Date>;
}

export interface BodyRelationshipsTable {
  id: Generated<string>;
  partnership_id: string;
  from_body_id: string;
  to_body_id: string;
  kind: string;
  starts_on: string | null;
  ends_on: string | null;
  /** How precisely the start and end are known: 'day', 'month' or 'year' (migration 0057). */
  starts_precision: Generated<string>;
  ends_precision: Generated<string>;
  notes: string | null;
  created_at: Generated<Date>;
}

export interface TermsOfReferenceTable {
  id: Generated<string>;
  partnership_id: string;
  body_id: string;
  version: number;
  adopted_on: string;
  precision: Generated<string>;
  adopted_by: string | null;
  title: string;
  text: string;
  created_at: Generated<Date>;
}

/** A rule of a body holding from a date (null: from the start) until the next of its kind (ADR 0040). */
export interface BodyRulesTable {
  id: Generated<string>;
  partnership_id: string;
  body_id: string;
  rule: string;
  holds_from: string | null;
  precision: Generated<string>;
  value: Json<unknown>;
  created_at: Generated<Date>;
}

/** Items carried to every new meeting of the body, in order. */
export interface StandingItemsTable {
  id: Generated<string>;
  partnership_id: string;
  body_id: string;
  position: number;
  title: string;
}

export interface BodiesTables {
  body_rules: BodyRulesTable;
  standing_items: StandingItemsTable;
  bodies: BodiesTable;
  body_status_events: BodyStatusEventsTable;
  body_relationships: BodyRelationshipsTable;
  terms_of_reference: TermsOfReferenceTable;
}
