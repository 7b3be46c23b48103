// The meeting's documents (issue 16): committee reports, the minutes as a document and the
// board pack, made by a background job when asked for and again when the agenda changes.
export { reportService, reportOnAgendaItem, type ReportService } from './report.service.ts';
export { reportRoutes } from './report.routes.ts';
export { committeeReportSchema, type CommitteeReportInput } from './report.schemas.ts';
export { boardPackService, type BoardPackService } from './boardpack.service.ts';
export { boardPackRoutes } from './boardpack.routes.ts';
export { boardPackReady } from './boardpack.repository.ts';
export { minutesRoutes } from './minutes.routes.ts';
export { minutesOf } from './minutes.document.ts';
