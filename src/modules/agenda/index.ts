// A meeting's agenda and papers, and the agenda sent by e-mail (issue 16). Its changes are
// announced to listeners in its own transaction (agenda.events.ts, ADR 0057).
export {
  agendaService,
  entryFor,
  seesExempt,
  type AgendaService,
  type AgendaEntry,
  type UploadedPaper,
} from './agenda.service.ts';
export { agendaRoutes } from './agenda.routes.ts';
export {
  agendaItemsOf,
  agendaItemById,
  agendaPaper,
  addAgendaItem,
  meetingOfItem,
  itemHeadingsOf,
  exemptItemsAmong,
  itemIdsOfMeeting,
  itemNumberOf,
  type AgendaItemRow,
  type PaperRow,
} from './agenda.repository.ts';
export type { AgendaChange, AgendaListener, ItemDependant, ItemDependants } from './agenda.events.ts';
export { agendaMailService, type AgendaMailService } from './agenda-mail.service.ts';
export { agendaMailRoutes } from './agenda-mail.routes.ts';
export { agendaRecipients, partnershipForMail, agendaSent } from './agenda-mail.repository.ts';
