// The meeting itself (issue 16: meetings split into its parts): its bodies, dates, place and
// state, the calendar and cadence, search, the meeting's page and its JSON API. The agenda,
// attendance, record, consultations and documents are modules of their own.
export { meetingsService, type MeetingsService } from './meetings.service.ts';
export type { MeetingsTables } from './meetings.tables.ts';
export {
  meetingById,
  meetingsWhere,
  registerScopeOf,
  setRegisterScope,
  heldMeetingsWithWholeRegister,
  actionNumberingBody,
  minutesAmendmentOf,
  setMinutesAmendment,
  meetingsWithBodyKinds,
  type MeetingWithBodyKinds,
  type MeetingRow,
  type MeetingFilter,
} from './meetings.repository.ts';
export type { SearchCriteria, SearchHit, SearchHitKind, SearchPage } from './search.repository.ts';
export {
  meetingInputSchema,
  agendaItemSchema,
  minutesSchema,
  decisionSchema,
  outcomeSchema,
  actionSchema,
  loggedActionSchema,
  actionPrioritySchema,
  approvalSchema,
  actionUpdateSchema,
  actionsQuery,
  declarationSchema,
  type MeetingInput,
} from './meetings.schemas.ts';
export * from './meetings.vocabulary.ts';
export { meetingsRoutes, type ItemLinksOf } from './meetings.routes.ts';
export { meetingsApi } from './meetings.api.ts';
export { meetingsApiOperations, type ConsultationsJson } from './meetings.api.schemas.ts';
export { fromLondon, londonParts, startOfDay, startOfNextDay, isId, hasHappened } from './time.ts';
export { meetingsCalendar, defaultMeetingMinutes } from './calendar.ts';
