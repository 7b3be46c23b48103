// The attendance's tables: the register, its counts and the declarations of interest (issue 16).
// The row types are still written in modules/meetings/meetings.tables.ts (where the meetings
// module kept them before issue 16 split it); the tables belong to this module: its queries name
// them, and another module reads them through this module's index.ts.
import type {
  AttendanceCountsTable,
  AttendanceTable,
  InterestDeclarationsTable,
} from '../meetings/meetings.tables.ts';

export interface AttendanceTables {
  attendance: AttendanceTable;
  attendance_counts: AttendanceCountsTable;
  interest_declarations: InterestDeclarationsTable;
}
