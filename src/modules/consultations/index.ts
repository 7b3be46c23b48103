// A consultation answered at a meeting (issue 16): its questions, answers and the response sent.
export {
  consultationService,
  consultationsOnAgendaItem,
  type ConsultationService,
} from './consultation.service.ts';
export { consultationRoutes, consultationsApi } from './consultation.routes.ts';
export { consultationInputSchema } from './consultation.schemas.ts';
