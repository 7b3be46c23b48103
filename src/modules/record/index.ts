// What a meeting decided and who does what (issue 16): minutes and their approval, decisions
// and their outcomes, the action log, elections, and the mail about them.
export { recordService, recordOnAgendaItem, type RecordService, type ActionEntry } from './record.service.ts';
export { recordRoutes } from './record.routes.ts';
export { electionsService, type ElectionsService } from './elections.service.ts';
export { electionsRoutes } from './elections.routes.ts';
export { decisionsWithin, type DecisionReference } from './decisions.read.ts';
export {
  meetingOutcomes,
  type OutcomeDecision,
  type OutcomeAction,
  type OutcomeItem,
  type MeetingWithBodyKinds,
} from './outcomes.repository.ts';
export { meetingReminders, boardPackReadyMail, draftMinutesMail } from './record-mail.ts';
export { minutesApprovalOf } from './record.repository.ts';
