import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T | null, string | null, string | null>;

export interface SurveysTable {
  id: Generated<string>;
  partnership_id: string;
  slug: string;
  title: string;
  purpose: string | null;
  opens_on: string | null;
  closes_on: string | null;
  status: Generated<string>;
  suppression_threshold: Generated<number>;
  audience: Generated<string[]>;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}
export interface SurveyQuestionsTable {
  id: Generated<string>;
  partnership_id: string;
  survey_id: string;
  key: string;
  position: number;
  text: string;
  kind: string;
  codes: Json<string[]>;
  choices: Json<string[]>;
  about_children: Generated<boolean>;
}
export interface SurveyGroupsTable {
  id: Generated<string>;
  partnership_id: string;
  survey_id: string;
  key: string;
  position: number;
  name: string;
}
export interface SurveyRespondentsTable {
  id: Generated<string>;
  partnership_id: string;
  survey_id: string;
  group_id: string;
  key: string;
  position: number;
  label: string;
  authority_gss_code: string;
  as_at: string | null;
  as_at_precision: string | null;
}
export interface SurveyAnswersTable {
  id: Generated<string>;
  partnership_id: string;
  respondent_id: string;
  question_id: string;
  text: string | null;
  no_response: Generated<boolean>;
  blank: Generated<boolean>;
  refers_to_question_id: string | null;
  code: string | null;
  as_at: string | null;
  updated_at: Generated<Date>;
}
export interface SurveyFindingsTable {
  id: Generated<string>;
  partnership_id: string;
  survey_id: string;
  number: string;
  position: number;
  text: string;
}
export interface SurveyFindingEvidenceTable {
  partnership_id: string;
  finding_id: string;
  answer_id: string;
}
export interface SurveyResponseLinksTable {
  id: Generated<string>;
  partnership_id: string;
  respondent_id: string;
  contact_name: string;
  contact_email: string;
  token_hash: string;
  created_at: Generated<Date>;
  expires_at: Date;
  submitted_at: Date | null;
}

export interface SurveysTables {
  surveys: SurveysTable;
  survey_questions: SurveyQuestionsTable;
  survey_groups: SurveyGroupsTable;
  survey_respondents: SurveyRespondentsTable;
  survey_answers: SurveyAnswersTable;
  survey_findings: SurveyFindingsTable;
  survey_finding_evidence: SurveyFindingEvidenceTable;
  survey_response_links: SurveyResponseLinksTable;
}
