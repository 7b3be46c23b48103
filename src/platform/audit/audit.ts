// Writes and reads the audit trail. Every service that changes data calls `recordChange`
// inside the same transaction, so a change and its audit row commit or fail together.
import type { Transaction } from 'kysely';
import type { AuditTables } from './audit.tables.ts';
import type { Actor } from '../http/auth.ts';

export interface Change {
  partnershipId: string | null;
  action: 'create' | 'update' | 'delete' | 'sign-in' | 'import' | string;
  entityType: string;
  entityId: string;
  summary: string;
  before?: unknown;
  after?: unknown;
}

// The caller's transaction has more tables than the audit's; the audit only touches its own.
type AuditTrx = Transaction<AuditTables>;
const asAudit = (trx: unknown) => trx as AuditTrx;

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

export async function recordChange(trx: unknown, actor: Actor, change: Change): Promise<void> {
  await asAudit(trx)
    .insertInto('audit_events')
    .values({
      partnership_id: change.partnershipId,
      actor_user_id: actor.userId,
      actor_label: actor.label,
      action: change.action,
      entity_type: change.entityType,
      entity_id: change.entityId,
      summary: change.summary,
      before: json(change.before),
      after: json(change.after),
      request_id: actor.requestId ?? null,
    })
    .execute();
}

export interface AuditFilter {
  entityType?: string | undefined;
  action?: string | undefined;
  actor?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
}

export interface AuditEntry {
  id: number;
  occurredAt: Date;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  summary: string;
  before: unknown;
  after: unknown;
}

/** The current partnership's audit trail, newest first. Row-level security scopes it. */
export async function listChanges(
  trx: unknown,
  filter: AuditFilter,
): Promise<{ entries: AuditEntry[]; total: number }> {
  let query = asAudit(trx).selectFrom('audit_events');
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.actor)
    query = query.where('actor_label', 'ilike', `%${filter.actor.replace(/[%_\\]/g, '\\$&')}%`);
  if (filter.from) query = query.where('occurred_at', '>=', new Date(`${filter.from}T00:00:00Z`));
  if (filter.to)
    query = query.where(
      'occurred_at',
      '<',
      new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000),
    );
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('occurred_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.total),
    entries: rows.map((row) => ({
      id: Number(row.id),
      occurredAt: row.occurred_at,
      actor: row.actor_label,
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      summary: row.summary,
      before: row.before,
      after: row.after,
    })),
  };
}

export async function entityTypes(trx: unknown): Promise<string[]> {
  const rows = await asAudit(trx)
    .selectFrom('audit_events')
    .select('entity_type')
    .distinct()
    .orderBy('entity_type')
    .execute();
  return rows.map((row) => row.entity_type);
}

/**
 * The latest audit row of one record (who changed it last, and when), read in the caller's
 * transaction: what a refused stale write names (ADR 0044).
 */
export async function lastChange(
  trx: unknown,
  entityType: string,
  entityId: string,
): Promise<{ actor: string; occurredAt: Date } | undefined> {
  const row = await asAudit(trx)
    .selectFrom('audit_events')
    .select(['actor_label', 'occurred_at'])
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { actor: row.actor_label, occurredAt: row.occurred_at } : undefined;
}
