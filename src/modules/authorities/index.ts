export { authoritiesService, type AuthoritiesService } from './authorities.service.ts';
export { authoritiesRoutes } from './authorities.routes.ts';
export { authoritiesApi } from './authorities.api.ts';
export { authorityTypes, type AuthorityType } from './authorities.reference.ts';
export type { AuthoritiesTables } from './authorities.tables.ts';
export { readAuthoritiesReference } from './authorities.reference.ts';
