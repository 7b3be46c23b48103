// The documents' tables: committee reports and board packs (issue 16).
// The row types are still written in modules/meetings/meetings.tables.ts (where the meetings
// module kept them before issue 16 split it); the tables belong to this module: its queries name
// them, and another module reads them through this module's index.ts.
import type { BoardPacksTable, CommitteeReportsTable } from '../meetings/meetings.tables.ts';

export interface DocumentsTables {
  committee_reports: CommitteeReportsTable;
  board_packs: BoardPacksTable;
}
