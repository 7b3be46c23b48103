export {
  authoritiesService,
  authorityLife,
  authorityTypeOn,
  type AuthoritiesService,
  type AuthorityChoice,
} from './authorities.service.ts';
export { authoritiesRoutes } from './authorities.routes.ts';
export { authoritiesApi } from './authorities.api.ts';
export { authoritiesApiOperations } from './authorities.api.schemas.ts';
export { authorityTypes, type AuthorityType } from './authorities.reference.ts';
export type { AuthoritiesTables } from './authorities.tables.ts';
export { readAuthoritiesReference, readAuthorityHistory } from './authorities.reference.ts';
export { historyProblems, lifeOf, withinLife, yearsOf, type Life } from './authorities.history.ts';
