// One read-only transaction for the reads of a request, instead of one transaction a service
// call. A page reads the signed-in user, the partnership and its own data through several
// services, each of which used to open its own transaction: begin, the settings, commit,
// three round trips each besides the queries. Inside a request (`Database.requestScope`)
// the reads (`Database.read`) share one transaction, opened on the first read; a read in
// another tenant scope sets the scope again first (and waits for the reads of the scope
// before to finish, so that no query runs under another read's scope).
//
// The transaction is committed as soon as no read is running or waiting and a turn of the
// event loop has passed: between two awaited service calls it stays open, but it is never
// held while the request does something else (lays out a diagram, prints a PDF, renders a
// page), which matters on the embedded database, where one transaction at a time runs. A
// write (`Database.transaction`) first waits for the shared transaction to end, so it works
// as before on a connection of its own; a read after it opens a new one.
import { AsyncLocalStorage } from 'node:async_hooks';
import { sql, type ControlledTransaction, type Kysely, type Transaction } from 'kysely';
import type { VersionedReads } from './versioned-reads.ts';

export interface ReadScope {
  partnershipId?: string | null | undefined;
  userId?: string | null | undefined;
}

const keyOf = (scope: ReadScope) => `${scope.partnershipId ?? ''}/${scope.userId ?? ''}`;

/** An error PostgreSQL answered with (it aborts the transaction), rather than one in our code. */
const fromDatabase = (error: unknown) =>
  typeof (error as { code?: unknown }).code === 'string' &&
  typeof (error as { severity?: unknown }).severity === 'string';

export class RequestReads {
  private trx: Promise<ControlledTransaction<unknown>> | null = null;
  /** The scope the open transaction's settings name ('' when none yet). */
  private settingsKey = '';
  /** Partnerships' data versions as this request read them (ADR 0021), until it writes. */
  private readonly versions = new Map<string, string>();
  /** Reads kept between requests under a partnership's version, when the database keeps any. */
  readonly kept: VersionedReads | undefined;
  private settings: Promise<void> = Promise.resolve();
  /** The scope of the reads running now. */
  private runningKey = '';
  private running = 0;
  /** Reads running or waiting: the transaction stays open while there are any. */
  private pending = 0;
  private waiting: (() => void)[] = [];
  private ending: Promise<void> | null = null;
  private failed = false;
  /** Transactions opened, for tests and profiling. */
  opened = 0;

  readonly owner: Kysely<unknown>;
  private readonly role: string;

  constructor(owner: Kysely<unknown>, role: string, kept?: VersionedReads) {
    this.owner = owner;
    this.role = role;
    this.kept = kept;
  }

  /** Notes a partnership's data version, read in this request before anything of its data. */
  noteVersion(partnershipId: string, version: string): void {
    this.versions.set(partnershipId, version);
  }

  /** The partnership's data version as this request read it, if it did. */
  versionOf(partnershipId: string): string | undefined {
    return this.versions.get(partnershipId);
  }

  /** After a write the versions read before it are out of date: nothing kept is used again. */
  forgetVersions(): void {
    this.versions.clear();
  }

  /**
   * `compute()`'s answer kept under the partnership's version as this request read it; computed
   * afresh when the request has not read it (or has written since) or nothing is kept.
   */
  keep<T>(partnershipId: string, key: string, compute: () => Promise<T>): Promise<T> {
    const version = this.versions.get(partnershipId);
    if (!this.kept || version === undefined) return compute();
    return this.kept.get(partnershipId, version, key, compute);
  }

  /** `keep` for an answer computed without waiting (a page's rendered HTML). */
  keepNow<T>(partnershipId: string, key: string, compute: () => T): T {
    const version = this.versions.get(partnershipId);
    if (!this.kept || version === undefined) return compute();
    return this.kept.getNow(partnershipId, version, key, compute);
  }

  private begin(): Promise<ControlledTransaction<unknown>> {
    return this.owner.startTransaction().setAccessMode('read only').execute();
  }

  async run<T>(scope: ReadScope, work: (trx: Transaction<unknown>) => Promise<T>): Promise<T> {
    const key = keyOf(scope);
    this.pending += 1;
    try {
      for (;;) {
        // reads of another scope, or of a transaction an error aborted, finish first
        if (this.running > 0 && (this.runningKey !== key || this.failed)) await this.turn();
        else if (this.failed) await this.end();
        else break;
      }
      this.running += 1;
      this.runningKey = key;
      try {
        const trx = await this.transaction();
        if (this.settingsKey !== key) {
          this.settingsKey = key;
          this.settings = sql`select set_config('role', ${this.role}, true),
                           set_config('app.partnership_id', ${scope.partnershipId ?? ''}, true),
                           set_config('app.user_id', ${scope.userId ?? ''}, true)`
            .execute(trx)
            .then(() => undefined);
        }
        // every read of the scope waits for its settings, not only the one that sent them
        await this.settings;
        return await work(trx);
      } catch (error) {
        if (fromDatabase(error)) this.failed = true;
        throw error;
      } finally {
        this.running -= 1;
        if (this.running === 0) for (const wake of this.waiting.splice(0)) wake();
      }
    } finally {
      this.pending -= 1;
      if (this.pending === 0) {
        if (this.failed) void this.end().catch(() => undefined);
        else setImmediate(() => void (this.pending === 0 && this.end().catch(() => undefined)));
      }
    }
  }

  /** Ends the shared transaction once no read is running (a write is about to start). */
  async end(): Promise<void> {
    while (this.running > 0) await this.turn();
    if (this.ending) return this.ending;
    const open = this.trx;
    if (!open) return;
    const failed = this.failed;
    this.trx = null;
    this.settingsKey = '';
    this.settings = Promise.resolve();
    this.failed = false;
    this.ending = (async () => {
      const trx = await open;
      await (failed ? trx.rollback() : trx.commit()).execute();
    })().finally(() => (this.ending = null));
    return this.ending;
  }

  private turn(): Promise<void> {
    return new Promise((wake) => this.waiting.push(wake));
  }

  private async transaction(): Promise<ControlledTransaction<unknown>> {
    if (this.ending) await this.ending.catch(() => undefined);
    if (!this.trx) {
      this.opened += 1;
      const opening = this.begin();
      this.trx = opening;
      opening.catch(() => {
        if (this.trx === opening) this.trx = null;
      });
    }
    return this.trx;
  }
}

const current = new AsyncLocalStorage<RequestReads>();

export function currentReads(owner: Kysely<unknown>): RequestReads | undefined {
  const reads = current.getStore();
  return reads?.owner === owner ? reads : undefined;
}

/**
 * Runs `work` outside any request's reads: work that outlives a request (a background job)
 * must neither join nor end the request's shared transaction.
 */
export function outsideRequest<T>(work: () => T): T {
  return current.exit(work);
}

export function withReads<T>(reads: RequestReads, work: () => T): T {
  return current.run(reads, work);
}
