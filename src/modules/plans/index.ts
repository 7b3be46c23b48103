export {
  plansService,
  type PlansService,
  type PlanDetail,
  type PriorityDetail,
  type OutcomeDetail,
  type ActionDetail,
  type NewAction,
  type NewPriority,
  type NewEvidence,
  type NewUpdate,
} from './plans.service.ts';
export type { PlansTables } from './plans.tables.ts';
export type { PlanRow, PlanValues } from './plans.repository.ts';
export * from './plans.vocabulary.ts';
export {
  outcomeFrameworks,
  frameworkValues,
  defaultFramework,
  frameworkLabel,
  type FrameworkKey,
  type OutcomeFramework,
} from './outcome-frameworks.ts';
export { overdueOf, overduePeriods, periodsDue, describeRecurrence, type DuePeriod } from './recurrence.ts';
export { planText, changesBetween } from './plan-text.ts';
export { plansRoutes, type PlanPageLinks } from './plans.routes.ts';
export { plansApi } from './plans.api.ts';
export { plansApiOperations } from './plans.api.schemas.ts';
export { planPrioritiesWithin, type PriorityReference } from './plans.read.ts';
export { planTargets, type PlanTarget } from './targets.repository.ts';
export { planReminders } from './plans-mail.ts';
export type { PlanResources, PlanResourcesOf } from './plan-resources.ts';
export type {
  PlanPart,
  PlanPartLinks,
  PlanPartLinksOf,
  LoggedAction,
  LoggedActionsOf,
} from './plan-part-links.ts';
export { prioritiesMeasuring } from './targets.repository.ts';
