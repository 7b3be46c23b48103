export {
  voiceService,
  recommendationsOnAgendaItem,
  type VoiceService,
  type SharedConsultation,
} from './voice.service.ts';
export { voiceRoutes } from './voice.routes.ts';
export { voicePublicRoutes, voiceYouSaidRoutes } from './voice.public.routes.ts';
export { voiceApi } from './voice.api.ts';
export { voiceApiOperations } from './voice.api.schemas.ts';
export type { VoiceTables } from './voice.tables.ts';
