import type { ColumnType, Generated } from 'kysely';

type Updated = ColumnType<Date, Date | string | undefined, Date | string>;
type Instant = ColumnType<Date, Date | string, Date | string>;

export interface MeetingsTable {
  id: Generated<string>;
  partnership_id: string;
  title: string;
  kind: string;
  starts_at: Instant;
  ends_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  place: string | null;
  online_url: string | null;
  state: Generated<string>;
  notes: string | null;
  /** Moved on by a trigger when what a calendar shows changes (iCalendar SEQUENCE, migration 0052). */
  sequence: Generated<number>;
  /** What the register records: 'all', 'apologies' or 'present'; null: no register (migration 0060). */
  register_scope: ColumnType<string | null, string | null | undefined, string | null>;
  /** The amendment, when the minutes were approved as amended. */
  minutes_amendment: ColumnType<string | null, string | null | undefined, string | null>;
  /** False when the minutes give no start time: kept at midnight, shown as the date alone (0057). */
  start_time_known: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Updated;
}

export interface MeetingBodiesTable {
  partnership_id: string;
  meeting_id: string;
  body_id: string;
}

export interface MeetingsTables {
  meetings: MeetingsTable;
  meeting_bodies: MeetingBodiesTable;
}

export interface AgendaItemsTable {
  id: Generated<string>;
  partnership_id: string;
  meeting_id: string;
  number: number;
  title: string;
  purpose: string;
  presenter: string | null;
  exempt: Generated<boolean>;
  exempt_paragraph: number | null;
  exempt_reason: string | null;
  /** Its start time in England ('14:30'), if the agenda gives one. */
  starts_at_time: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Generated<Date>;
  updated_at: Updated;
}

export interface PapersTable {
  id: Generated<string>;
  partnership_id: string;
  agenda_item_id: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  content: Buffer;
  created_at: Generated<Date>;
}

export interface AttendanceTable {
  id: Generated<string>;
  partnership_id: string;
  meeting_id: string;
  person_id: string;
  status: string;
  for_membership_id: string | null;
  recorded_at: Generated<Date>;
  /** This person chaired the meeting (present, or a substitute). */
  chaired: Generated<boolean>;
  /** The agenda item a guest came for. */
  agenda_item_id: string | null;
}

/** Attendees the minutes only count: "3 young people", "about 29 members of the public". */
export interface AttendanceCountsTable {
  id: Generated<string>;
  partnership_id: string;
  meeting_id: string;
  position: number;
  description: string;
  count: number;
  approximate: Generated<boolean>;
}

type DateColumn = string | null;

export interface MinutesTable {
  id: Generated<string>;
  partnership_id: string;
  agenda_item_id: string;
  text: string;
  status: Generated<string>;
  approved_at_meeting_id: string | null;
  approved_on: DateColumn;
  updated_at: Updated;
}

export interface DecisionsTable {
  id: Generated<string>;
  partnership_id: string;
  agenda_item_id: string;
  text: string;
  delegated_to: string | null;
  outcome: string | null;
  outcome_on: DateColumn;
  created_at: Generated<Date>;
}

export interface ActionsTable {
  id: Generated<string>;
  partnership_id: string;
  meeting_id: string;
  agenda_item_id: string | null;
  text: string;
  owner_person_id: string | null;
  owner_organisation_id: string | null;
  /** No owner yet: "to be confirmed". */
  owner_to_be_confirmed: Generated<boolean>;
  /** Its number: the body's code, the year and a number per body and year ("CTB/2010/14"). */
  reference_body_id: ColumnType<string | null, string | null | undefined, string | null>;
  reference_code: ColumnType<string | null, string | null | undefined, string | null>;
  reference_year: ColumnType<number | null, number | null | undefined, number | null>;
  reference_number: ColumnType<number | null, number | null | undefined, number | null>;
  due_on: DateColumn;
  status: Generated<string>;
  /** The plan priority it serves, when raised for one (issue 23): read through the plans module. */
  plan_priority_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Generated<Date>;
  updated_at: Updated;
}

export interface ActionUpdatesTable {
  id: Generated<string>;
  partnership_id: string;
  action_id: string;
  text: string;
  status: string;
  recorded_by: string;
  created_at: Generated<Date>;
}

export interface CommitteeReportsTable {
  id: Generated<string>;
  partnership_id: string;
  agenda_item_id: string;
  report_to: string;
  report_of: string;
  author: string;
  contact_officer: string | null;
  title: string;
  confidentiality: string | null;
  purpose: string;
  summary: string | null;
  background: string | null;
  recommendations: ColumnType<string[], string[] | undefined, string[]>;
  decision: string | null;
  background_documents: string | null;
  financial_implications: string | null;
  legal_implications: string | null;
  equality_implications: string | null;
  risk_implications: string | null;
  appendices: string | null;
  created_at: Generated<Date>;
  updated_at: Updated;
}

export interface ConsultationsTable {
  id: Generated<string>;
  partnership_id: string;
  agenda_item_id: string;
  title: string;
  issued_by: string;
  deadline: string;
  summary: string | null;
  created_at: Generated<Date>;
  updated_at: Updated;
}

export interface ConsultationQuestionsTable {
  id: Generated<string>;
  partnership_id: string;
  consultation_id: string;
  number: number;
  question: string;
  answer: string | null;
  answered_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface BoardPacksTable {
  id: Generated<string>;
  partnership_id: string;
  meeting_id: string;
  state: string;
  done: Generated<number>;
  total: Generated<number>;
  failure: string | null;
  out_of_date: Generated<boolean>;
  requested_by: string | null;
  content: Buffer | null;
  page_count: number | null;
  made_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  updated_at: Updated;
}

export interface InterestDeclarationsTable {
  id: Generated<string>;
  partnership_id: string;
  agenda_item_id: string;
  person_id: string;
  kind: string;
  nature: string;
  participation: string;
  interest_id: string | null;
  recorded_by: string | null;
  created_at: Generated<Date>;
}
