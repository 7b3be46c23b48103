// The whole database as Kysely sees it: each module declares its own tables in its
// `*.tables.ts`, imported here directly (not through the modules' index files, whose services
// are typed from this very schema: going through them would make the types circular).
import type { Transaction as KyselyTransaction } from 'kysely';
import type { AuditTables } from './platform/audit/audit.tables.ts';
import type { AccountsTables } from './modules/accounts/accounts.tables.ts';
import type { AuthoritiesTables } from './modules/authorities/authorities.tables.ts';
import type { PartnershipsTables } from './modules/partnerships/partnerships.tables.ts';
import type { BodiesTables } from './modules/bodies/bodies.tables.ts';
import type { MembershipTables } from './modules/membership/membership.tables.ts';
import type { SurveysTables } from './modules/surveys/surveys.tables.ts';
import type { MeetingsTables } from './modules/meetings/meetings.tables.ts';
import type { AgendaTables } from './modules/agenda/agenda.tables.ts';
import type { AttendanceTables } from './modules/attendance/attendance.tables.ts';
import type { RecordTables } from './modules/record/record.tables.ts';
import type { ConsultationsTables } from './modules/consultations/consultations.tables.ts';
import type { DocumentsTables } from './modules/documents/documents.tables.ts';
import type { ElectionsTables } from './modules/record/elections.tables.ts';
import type { IndicatorsTables } from './modules/indicators/indicators.tables.ts';
import type { PlansTables } from './modules/plans/plans.tables.ts';
import type { BenchmarkingTables } from './modules/benchmarking/benchmarking.tables.ts';
import type { MailTables } from './platform/mail/mail.tables.ts';
import type { AgendaMailTables } from './modules/agenda/agenda-mail.tables.ts';
import type { ResourcesTables } from './modules/resources/resources.tables.ts';
import type { VoiceTables } from './modules/voice/voice.tables.ts';
import type { PublicTables } from './modules/public/public.tables.ts';

export type DB = AuditTables &
  AccountsTables &
  AuthoritiesTables &
  PartnershipsTables &
  BodiesTables &
  MembershipTables &
  SurveysTables &
  MeetingsTables &
  AgendaTables &
  AttendanceTables &
  RecordTables &
  ConsultationsTables &
  DocumentsTables &
  ElectionsTables &
  IndicatorsTables &
  PlansTables &
  BenchmarkingTables &
  MailTables &
  AgendaMailTables &
  ResourcesTables &
  VoiceTables &
  PublicTables;
export type Trx = KyselyTransaction<DB>;
