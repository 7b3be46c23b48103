// The one way application code reaches the database: a transaction that runs as the
// non-owner application role with the tenant (partnership) and user set for row-level
// security. The settings are transaction-local, so a pooled connection never leaks a tenant.
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import type { Engine } from './engine.ts';
import { currentReads, outsideRequest, RequestReads, withReads } from './request-reads.ts';
import { VersionedReads, type VersionedReadsOptions } from './versioned-reads.ts';
import { openClaim } from './form-claims.ts';

export const applicationRole = 'cooperate_app';

export interface TenantScope {
  /** The partnership whose rows this transaction may see and change. */
  partnershipId?: string | null | undefined;
  /** The signed-in user, for the few policies that follow a user across partnerships. */
  userId?: string | null | undefined;
}

/** A list that spans partnerships, with a data version of its own (ADR 0060). */
export type SpanningList = 'partnerships';

export class Database<Schema> {
  readonly engine: Engine;
  /** Owner access: migrations and schema checks only. Application code uses `transaction`. */
  readonly owner: Kysely<Schema>;

  /** Reads kept between requests under a partnership's data version (ADR 0021), if any. */
  readonly kept: VersionedReads | undefined;

  constructor(engine: Engine, options: Partial<VersionedReadsOptions> = {}) {
    this.engine = engine;
    this.owner = new Kysely<Schema>({ dialect: new PostgresDialect({ pool: engine.pool }) });
    const entries = options.entries ?? 0;
    this.kept = entries > 0 ? new VersionedReads({ entries, freeze: options.freeze ?? false }) : undefined;
  }

  /**
   * Runs `work`, one statement outside any transaction, as the connecting user: only for the
   * security-definer functions that decide a request's scope and check access themselves
   * (ADR 0022). Everything else reads and writes through `read` and `transaction`.
   */
  gate<T>(work: (db: Kysely<Schema>) => Promise<T>): Promise<T> {
    return work(this.owner);
  }

  /** Runs `work` in one transaction as the application role, scoped to a partnership (or none). */
  async transaction<T>(scope: TenantScope, work: (trx: Transaction<Schema>) => Promise<T>): Promise<T> {
    // A write inside a request: the request's shared read transaction ends first (ADR 0008),
    // and the versions it read are out of date from now on (ADR 0021).
    const reads = currentReads(this.owner as Kysely<unknown>);
    reads?.forgetVersions();
    await reads?.end();
    // a request's one-use form token is claimed in its first write, as the owner (ADR 0044)
    const token = openClaim();
    try {
      const result = await this.owner.transaction().execute(async (trx) => {
        if (token) await token.claim(trx as Transaction<unknown>);
        await sql`select set_config('role', ${applicationRole}, true),
                         set_config('app.partnership_id', ${scope.partnershipId ?? ''}, true),
                         set_config('app.user_id', ${scope.userId ?? ''}, true)`.execute(trx);
        return work(trx);
      });
      token?.settle(true);
      return result;
    } catch (error) {
      token?.settle(false);
      throw error;
    }
  }

  /**
   * Runs `work`, which only reads, like `transaction`; inside `requestScope` in the request's
   * one read-only transaction, shared with its other reads (ADR 0008).
   */
  read<T>(scope: TenantScope, work: (trx: Transaction<Schema>) => Promise<T>): Promise<T> {
    const reads = currentReads(this.owner as Kysely<unknown>);
    if (!reads) return this.transaction(scope, work);
    return reads.run(scope, work as (trx: Transaction<unknown>) => Promise<T>);
  }

  /**
   * Notes, for the rest of the request, the data version of a partnership it read before
   * anything else of the partnership's (ADR 0021): reads kept under that version may serve it.
   */
  noteVersion(partnershipId: string, version: string): void {
    currentReads(this.owner as Kysely<unknown>)?.noteVersion(partnershipId, version);
  }

  /**
   * Whether the partnership's data has changed since this request read its version: a kept
   * answer that differs from a fresh one is then no error of its key (ADR 0056's checks).
   */
  async versionMoved(partnershipId: string): Promise<boolean> {
    const noted = currentReads(this.owner as Kysely<unknown>)?.versionOf(partnershipId);
    const now = await this.read({ partnershipId }, async (trx) => {
      const { rows } = await sql<{ version: string }>`select version::text as version
        from partnership_versions where partnership_id = ${partnershipId}`.execute(trx);
      return rows[0]?.version;
    });
    return now !== noted;
  }

  /**
   * The data version of what spans partnerships (ADR 0060), read now: `partnerships`, which a
   * trigger moves on with every change to a partnership or its members.
   */
  platformVersion(name: SpanningList): Promise<string> {
    return this.read({}, async (trx) => {
      const { rows } = await sql<{ version: string }>`select version::text as version
        from platform_versions where name = ${name}`.execute(trx);
      return rows[0]?.version ?? '0';
    });
  }

  /**
   * `compute()`'s answer kept between requests under the partnership's data version as this
   * request read it (ADR 0021); computed afresh when the request has not read the version (or
   * has written since), or nothing is kept. Only pages declared kept use it (ADR 0056).
   */
  keptFor<T>(partnershipId: string, key: string, compute: () => Promise<T>): Promise<T> {
    const reads = currentReads(this.owner as Kysely<unknown>);
    return reads ? reads.keep(partnershipId, key, compute) : compute();
  }

  /** `keptFor` for an answer computed without waiting (a kept page's HTML, ADR 0056). */
  keptNow<T>(partnershipId: string, key: string, compute: () => T): T {
    const reads = currentReads(this.owner as Kysely<unknown>);
    return reads ? reads.keepNow(partnershipId, key, compute) : compute();
  }

  /** Starts `work` that outlives the request (a background job) outside the request's reads. */
  background<T>(work: () => T): T {
    return outsideRequest(work);
  }

  /** Runs `work` (a request's handling) with its reads sharing one transaction. */
  requestScope<T>(work: () => T): { reads: RequestReads; result: T } {
    const reads = new RequestReads(this.owner as Kysely<unknown>, applicationRole, this.kept);
    return { reads, result: withReads(reads, work) };
  }

  /**
   * Gathers the planner's statistics. PostgreSQL's autovacuum does it as tables grow; the
   * embedded engine has no autovacuum, so without this its planner guesses every table's size
   * and picks slow plans on a large data set (ADR 0008). About a second at the national scale.
   */
  async analyze(): Promise<void> {
    await sql`analyze`.execute(this.owner);
  }

  async close(): Promise<void> {
    await this.owner.destroy();
    await this.engine.close();
  }
}

/** Moves an open transaction to another partnership, e.g. right after creating it. */
export async function switchPartnership<S>(trx: Transaction<S>, partnershipId: string): Promise<void> {
  await sql`select set_config('app.partnership_id', ${partnershipId}, true)`.execute(trx);
}

export type { Transaction };
