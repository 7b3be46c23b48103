import type { ColumnType, Generated } from 'kysely';

type Updated = ColumnType<Date, Date | string | undefined, Date | string>;
type Day = ColumnType<string, string, string>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export interface VoiceConsultationsTable {
  id: Generated<string>;
  partnership_id: string;
  slug: string;
  title: string;
  purpose: string;
  audience: TextArray;
  opens_on: Day;
  closes_on: Day;
  status: Generated<string>;
  responses_per_device: Generated<number>;
  response_limit: number | null;
  areas: TextArray;
  asks_contact: Generated<boolean>;
  contact_reason: string | null;
  privacy_notice: string;
  safeguarding_notice: string;
  link_token: string;
  summary: string | null;
  results_public: Generated<boolean>;
  agenda_item_id: string | null;
  created_at: Generated<Date>;
  updated_at: Updated;
}

export interface VoiceQuestionsTable {
  id: Generated<string>;
  partnership_id: string;
  consultation_id: string;
  position: number;
  text: string;
  easy_read: string | null;
  kind: string;
  choices: TextArray;
  required: Generated<boolean>;
}

export interface VoiceResponsesTable {
  id: Generated<string>;
  partnership_id: string;
  consultation_id: string;
  device: string;
  age_band: string | null;
  area: string | null;
  heard_via: string | null;
  contact: string | null;
  submitted_on: ColumnType<string, string | undefined, string>;
}

export interface VoiceAnswersTable {
  id: Generated<string>;
  partnership_id: string;
  response_id: string;
  question_id: string;
  choices: TextArray;
  text: string | null;
  moderation: string | null;
  theme: string | null;
}

export interface VoiceThemesTable {
  id: Generated<string>;
  partnership_id: string;
  consultation_id: string;
  position: number;
  code: string;
  title: string;
  said: string;
}

export interface VoiceOutcomesTable {
  id: Generated<string>;
  partnership_id: string;
  theme_id: string;
  kind: string;
  decision_id: string | null;
  action_id: string | null;
  priority_id: string | null;
  plan_action_id: string | null;
  note: string | null;
  position: number;
}

export interface VoiceRecommendationsTable {
  id: Generated<string>;
  partnership_id: string;
  meeting_id: string;
  number: number;
  text: string;
  consultation_id: string | null;
  response: string | null;
  reasons: string | null;
  response_meeting_id: string | null;
  reported_meeting_id: string | null;
  agenda_item_id: string | null;
  created_at: Generated<Date>;
}

export interface VoiceRecommendationActionsTable {
  partnership_id: string;
  recommendation_id: string;
  action_id: string;
}

export interface VoiceRecommendationPrioritiesTable {
  partnership_id: string;
  recommendation_id: string;
  priority_id: string;
}

export interface VoiceTables {
  voice_consultations: VoiceConsultationsTable;
  voice_questions: VoiceQuestionsTable;
  voice_responses: VoiceResponsesTable;
  voice_answers: VoiceAnswersTable;
  voice_themes: VoiceThemesTable;
  voice_outcomes: VoiceOutcomesTable;
  voice_recommendations: VoiceRecommendationsTable;
  voice_recommendation_actions: VoiceRecommendationActionsTable;
  voice_recommendation_priorities: VoiceRecommendationPrioritiesTable;
}
