export {
  bodiesService,
  type BodiesService,
  type NewBody,
  type StatusChange,
  type NewRelationship,
  type RulesChange,
  bodyRulesWithin,
  standingItemsWithin,
  type IsPerson,
} from './bodies.service.ts';
export {
  rulesOn,
  placesOn,
  describeRule,
  chairingKinds,
  bodyRuleKinds,
  type BodyRules,
  type BodyRuleKind,
  type ChairingRule,
  type DatedRule,
} from './rules.ts';
export type { BodiesTables, QuorumRule, CadenceRule } from './bodies.tables.ts';
export type { BodyRow } from './bodies.repository.ts';
export * from './bodies.vocabulary.ts';
export { structureAt, type StructureAt } from './structure.ts';
export { bodiesRoutes } from './bodies.routes.ts';
export { bodiesApi } from './bodies.api.ts';
export { bodiesApiOperations } from './bodies.api.schemas.ts';
export { structureDiagram } from './diagram.ts';
