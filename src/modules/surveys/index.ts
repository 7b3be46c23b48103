export { surveysService, type SurveysService } from './surveys.service.ts';
export { surveysRoutes } from './surveys.routes.ts';
export { surveyFileSchema, type SurveyFile } from './surveys.schemas.ts';
export type { SurveysTables } from './surveys.tables.ts';
