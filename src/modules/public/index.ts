export {
  publicSiteService,
  publicCaller,
  publicSections,
  defaultSections,
  licence,
  type PublicSiteService,
  type PublicSite,
  type PublicSection,
  type PublicDependencies,
} from './public.service.ts';
export type { PublicTables } from './public.tables.ts';
export { publicSiteRoutes } from './public.routes.ts';
export { calendarFeedRoutes, calendarAccountRoutes } from './calendar.routes.ts';
export { publicSettingsRoutes } from './settings.routes.ts';
