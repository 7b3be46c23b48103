// No lost updates (ADR 0044). A form or API write of an existing record carries the version of
// the row it was based on: PostgreSQL's `xmin`, the transaction that last wrote the row, which
// every update changes and no read does. The write locks the row first (`select … for update`),
// so two writes of one record take turns, the audit trail's "before" is read after the lock (the
// row as it is, not as a concurrent write left it), and a version that is no longer the row's is
// refused with who changed the record last and when (from the audit trail).
import { sql, type Kysely } from 'kysely';
import { lastChange } from '../audit/audit.ts';

/** A write based on a version of a record that has changed since. */
export class StaleVersion extends Error {
  /** What the record is, for a sentence: "this meeting". */
  readonly what: string;
  readonly changedBy: string | null;
  readonly changedAt: Date | null;
  constructor(what: string, changedBy: string | null, changedAt: Date | null) {
    super(
      `${changedBy ?? 'Someone else'} changed ${what}${changedAt ? ` at ${changedAt.toISOString()}` : ''} after this change was based on it`,
    );
    this.what = what;
    this.changedBy = changedBy;
    this.changedAt = changedAt;
  }
}

/** A record that has versions: its table, its id, and its entity type in the audit trail. */
export interface VersionedRecord {
  table: string;
  id: string;
  entityType: string;
  /** For the message: "this meeting". */
  what: string;
}

/** A repository's select of a row's version: `xmin` as text (of the table or its alias). */
export function versionColumn(alias?: string) {
  return sql<string>`${sql.raw(alias ? `${alias}.` : '')}xmin::text`.as('version');
}

/** The version a form or request body carries (its `version` field), if any. */
export function versionIn(body: unknown): string | undefined {
  const value = (body as { version?: unknown } | undefined)?.version;
  return typeof value === 'string' && /^\d{1,20}$/.test(value) ? value : undefined;
}

/**
 * Locks a row for the rest of the transaction (`select … for update`; row-level security
 * applies) and gives its version; undefined when there is no such row. Writes that must not
 * race (the holders of a seat) lock the row they depend on with this.
 */
export async function lockRow(trx: unknown, table: string, id: string): Promise<string | undefined> {
  const { rows } = await sql<{ version: string }>`
    select xmin::text as version from ${sql.table(table)} where id = ${id} for update`.execute(
    trx as Kysely<unknown>,
  );
  return rows[0]?.version;
}

/**
 * Locks the record's row and checks that `expected` (the version the write was based on) is
 * still its version: a StaleVersion otherwise. With no `expected` (a caller that sends none)
 * the row is only locked. A missing row passes: the caller's own read answers it (404).
 */
export async function lockVersion(
  trx: unknown,
  record: VersionedRecord,
  expected: string | undefined,
): Promise<void> {
  const version = await lockRow(trx, record.table, record.id);
  if (version === undefined || expected === undefined || version === expected) return;
  const last = await lastChange(trx, record.entityType, record.id);
  throw new StaleVersion(record.what, last?.actor ?? null, last?.occurredAt ?? null);
}

/** A row without its version: what the audit trail keeps of it. */
export function withoutVersion<T extends { version?: string | undefined }>(row: T): Omit<T, 'version'> {
  const { version: _version, ...rest } = row;
  return rest;
}
