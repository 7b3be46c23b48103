export {
  partnershipsService,
  type PartnershipsService,
  type PartnershipChange,
} from './partnerships.service.ts';
export { partnershipsRoutes } from './partnerships.routes.ts';
export { partnershipsApi, presentPartnership } from './partnerships.api.ts';
export { partnershipsApiOperations } from './partnerships.api.schemas.ts';
export { partnershipJsonSchema, partnershipStatuses } from './partnerships.schemas.ts';
export type { PartnershipRow } from './partnerships.repository.ts';
export type { PartnershipsTables } from './partnerships.tables.ts';
