import type { ColumnType, Generated } from 'kysely';

type Json = ColumnType<unknown, string | null, string | null>;

export interface AuditEventsTable {
  id: Generated<number>;
  partnership_id: string | null;
  occurred_at: Generated<Date>;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string;
  summary: string;
  before: Json;
  after: Json;
  request_id: string | null;
}

export interface AuditTables {
  audit_events: AuditEventsTable;
}
