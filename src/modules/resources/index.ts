export {
  resourcesService,
  type ResourcesService,
  type ResourcesData,
  type ImportLine,
} from './resources.service.ts';
export type { ResourcesTables } from './resources.tables.ts';
export * from './resources.vocabulary.ts';
export { formatPounds, parsePounds, yearLabel, financialYearOf, sumPence } from './money.ts';
export { fundStatement, resourcesByPriority, resourcesByPartner, pledgeOverdue } from './statement.ts';
export { resourcesRoutes } from './resources.routes.ts';
export { resourcesApi } from './resources.api.ts';
export { resourcesApiOperations } from './resources.api.schemas.ts';
