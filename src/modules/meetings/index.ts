export { meetingsService, type MeetingsService } from './meetings.service.ts';
export type { MeetingsTables } from './meetings.tables.ts';
export type { MeetingRow } from './meetings.repository.ts';
export type { SearchCriteria, SearchHit, SearchHitKind, SearchPage } from './search.repository.ts';
export { meetingInputSchema, type MeetingInput } from './meetings.schemas.ts';
export * from './meetings.vocabulary.ts';
export { meetingsRoutes, type ItemLinksOf } from './meetings.routes.ts';
export { meetingsApi } from './meetings.api.ts';
export { meetingsApiOperations } from './meetings.api.schemas.ts';
export { agendaService, type AgendaService, type AgendaEntry } from './agenda.service.ts';
export { agendaRoutes } from './agenda.routes.ts';
export { agendaItemSchema } from './meetings.schemas.ts';
export {
  attendanceService,
  registersWithin,
  type AttendanceService,
  type HeldRegister,
} from './attendance.service.ts';
export { attendanceRoutes } from './attendance.routes.ts';
export type { ExpectedMember } from './attendance.ts';
export { recordService, type RecordService } from './record.service.ts';
export { recordRoutes } from './record.routes.ts';
export { electionsService, type ElectionsService } from './elections.service.ts';
export { electionsRoutes } from './elections.routes.ts';
export { fromLondon, londonParts } from './time.ts';
export { reportService, type ReportService } from './report.service.ts';
export { reportRoutes } from './report.routes.ts';
export { committeeReportSchema, type CommitteeReportInput } from './report.schemas.ts';
export { consultationService, type ConsultationService } from './consultation.service.ts';
export { consultationRoutes, consultationsApi } from './consultation.routes.ts';
export { consultationInputSchema } from './consultation.schemas.ts';
export { boardPackService, type BoardPackService } from './boardpack.service.ts';
export { boardPackRoutes } from './boardpack.routes.ts';
export { minutesRoutes } from './minutes.routes.ts';
export { declarationsService, type DeclarationsService } from './declarations.service.ts';
export { declarationsRoutes } from './declarations.routes.ts';
export { decisionsWithin, type DecisionReference } from './decisions.read.ts';
export {
  meetingOutcomes,
  type OutcomeDecision,
  type OutcomeAction,
  type OutcomeItem,
  type MeetingWithBodyKinds,
} from './outcomes.repository.ts';
export { meetingsCalendar, defaultMeetingMinutes } from './calendar.ts';
export { agendaMailService, type AgendaMailService } from './agenda-mail.service.ts';
export { agendaMailRoutes } from './agenda-mail.routes.ts';
export { meetingReminders } from './record-mail.ts';
