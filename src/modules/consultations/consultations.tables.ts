// The consultations' tables: a consultation answered at a meeting and its questions (issue 16).
// The row types are still written in modules/meetings/meetings.tables.ts (where the meetings
// module kept them before issue 16 split it); the tables belong to this module: its queries name
// them, and another module reads them through this module's index.ts.
import type { ConsultationQuestionsTable, ConsultationsTable } from '../meetings/meetings.tables.ts';

export interface ConsultationsTables {
  consultations: ConsultationsTable;
  consultation_questions: ConsultationQuestionsTable;
}
