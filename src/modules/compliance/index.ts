export { complianceService, type ComplianceService, type Evaluation } from './compliance.service.ts';
export { readRuleSets } from './rulesets.ts';
export { strengths } from './ruleset.schema.ts';
export type { RuleResult, Evidence, Outcome } from './evaluate.ts';
export { outcomeLabels, countsText } from './compliance.present.ts';
export { complianceRoutes } from './compliance.routes.ts';
export { complianceApi } from './compliance.api.ts';
export { complianceApiOperations } from './compliance.api.schemas.ts';
