// The record's tables: minutes, decisions, actions and their updates (issue 16; the elections'
// are in elections.tables.ts).
// The row types are still written in modules/meetings/meetings.tables.ts (where the meetings
// module kept them before issue 16 split it); the tables belong to this module: its queries name
// them, and another module reads them through this module's index.ts.
import type {
  ActionUpdatesTable,
  ActionsTable,
  DecisionsTable,
  MinutesTable,
} from '../meetings/meetings.tables.ts';

export interface RecordTables {
  minutes: MinutesTable;
  decisions: DecisionsTable;
  actions: ActionsTable;
  action_updates: ActionUpdatesTable;
}
