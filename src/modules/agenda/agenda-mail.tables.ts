import type { ColumnType, Generated } from 'kysely';

type Json = ColumnType<unknown, string, string>;

/** What a meeting's agenda was when it was last sent (migration 0053_mail). */
export interface AgendaDispatchesTable {
  partnership_id: string;
  meeting_id: string;
  sent_at: Generated<Date>;
  sent_by: string | null;
  items: Json;
}

export interface AgendaMailTables {
  agenda_dispatches: AgendaDispatchesTable;
}
