export { meetingsService, type MeetingsService } from './meetings.service.ts';
export type { MeetingsTables } from './meetings.tables.ts';
export type { MeetingRow } from './meetings.repository.ts';
export { meetingInputSchema, type MeetingInput } from './meetings.schemas.ts';
export * from './meetings.vocabulary.ts';
export { meetingsRoutes } from './meetings.routes.ts';
export { meetingsApi } from './meetings.api.ts';
