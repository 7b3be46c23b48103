// The agenda's tables: its items and their papers (issue 16: meetings split into its parts).
// The row types are still written in modules/meetings/meetings.tables.ts (where the meetings
// module kept them before issue 16 split it); the tables belong to this module: its queries name
// them, and another module reads them through this module's index.ts.
import type { AgendaItemsTable, PapersTable } from '../meetings/meetings.tables.ts';

export interface AgendaTables {
  agenda_items: AgendaItemsTable;
  papers: PapersTable;
}
