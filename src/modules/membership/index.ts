export { membershipService, type MembershipService, type Appointment } from './membership.service.ts';
export { appointmentsService, type AppointmentsService } from './appointments.service.ts';
export { appointmentsRoutes } from './appointments.routes.ts';
export type { MembershipTables } from './membership.tables.ts';
export type {
  SeatRow,
  MembershipRow,
  OrganisationRow,
  OrganisationValues,
  PersonRow,
  SeatValues,
} from './membership.repository.ts';
export * from './membership.vocabulary.ts';
export {
  categoryInForce,
  organisationEndedBy,
  statutoryCategories,
  type StatutoryCategories,
} from './statutory-categories.ts';
export { seatsRoutes } from './seats.routes.ts';
export { directoryRoutes } from './directory.routes.ts';
export { membershipApi } from './membership.api.ts';
export { membershipApiOperations } from './membership.api.schemas.ts';
export { importRoutes } from './import.routes.ts';
export { organisationsWithin } from './organisations.read.ts';
export { termReminders } from './terms-mail.ts';
export {
  membershipsInForceOn,
  substitutesStandingOn,
  peopleToWrite,
  membersOfBodies,
  votingMemberSeatsOf,
  seatPlacesOfBodies,
  interestsStandingOn,
  seatPeriodsOfEmail,
  clerksOfBodies,
} from './membership.repository.ts';
export { memberSeatsWithin, seatHoldersWithin, isPersonWithin } from './holders.read.ts';
export type { SeatRecord, MembershipRecord } from './membership.repository.ts';
