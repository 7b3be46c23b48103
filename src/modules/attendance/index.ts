// Who came to a meeting (issue 16): the register, apologies, the quorum, the attendance
// appendix, and the declarations of interest made at the meeting.
export {
  attendanceService,
  attendanceOnAgendaItem,
  registersWithin,
  type AttendanceService,
  type HeldRegister,
} from './attendance.service.ts';
export { attendanceRoutes, periodQuery } from './attendance.routes.ts';
export { peopleOfCaller } from './attendance.repository.ts';
export { displayName, registerScopes, type ExpectedMember, type RegisterScope } from './attendance.ts';
export { declarationsService, type DeclarationsService, type Declaration } from './declarations.service.ts';
export { declarationsRoutes } from './declarations.routes.ts';
