export { voiceService, type VoiceService, type SharedConsultation } from './voice.service.ts';
export { voiceRoutes } from './voice.routes.ts';
export { voicePublicRoutes } from './voice.public.routes.ts';
export { voiceApi } from './voice.api.ts';
export type { VoiceTables } from './voice.tables.ts';
