export { surveysService, type SurveysService } from './surveys.service.ts';
export { surveysRoutes } from './surveys.routes.ts';
export { surveysAuthoringRoutes } from './surveys.authoring.routes.ts';
export { surveysRespondRoutes, responseLinkRoutes } from './surveys.respond.routes.ts';
export { surveysApi } from './surveys.api.ts';
export { surveyFileSchema, type SurveyFile } from './surveys.schemas.ts';
export { surveySlug } from './surveys.slug.ts';
export type { SurveysTables } from './surveys.tables.ts';
