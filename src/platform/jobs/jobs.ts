// Background jobs with pg-boss (ADRs 0011 and 0013). pg-boss keeps its queues in its own
// `pgboss` schema, which it creates and migrates itself, and is started on first use: test apps
// and command-line runs that never queue a job never create it. It connects as the database's
// owner with a small pool of its own (one connection to the embedded database's socket, which
// runs one transaction at a time anyway). A job is sent in the caller's transaction, so it
// exists exactly when the change that asked for it was committed; a worker in this process
// takes it (at once when sent here, or on the next poll) and pg-boss retries it when it fails,
// when the process stopped while working it, or when it ran out of time.
import { setTimeout as delay } from 'node:timers/promises';
import PgBoss from 'pg-boss';
import { CompiledQuery, sql, type Transaction } from 'kysely';
import { applicationRole, type Database } from '../db/database.ts';
import type { Engine } from '../db/engine.ts';

export type JobOf<Data> = PgBoss.JobWithMetadata<Data>;

export interface QueueDefinition<Data> {
  name: string;
  /** Retries, time allowed, policy ('short': one job waiting per singleton key). */
  options: Omit<PgBoss.Queue, 'name'>;
  work(job: JobOf<Data>): Promise<unknown>;
}

export interface JobsLogger {
  error(details: { err: unknown }, message: string): void;
}

export interface JobsOptions {
  /** How often an idle worker looks for jobs sent by other processes or due for a retry. */
  pollingIntervalSeconds?: number;
  /** How long a stop waits for jobs under way before pg-boss marks them failed (to be retried). */
  stopTimeoutMs?: number;
}

/** pg-boss's schema: created by pg-boss at its first start, never by our migrations. */
export const jobsSchema = 'pgboss';

/** pg-boss's connection: the owner, on the database the engine opened (ADR 0013). */
export function bossConnection(engine: Engine): PgBoss.DatabaseOptions {
  const { connectionString, host, port, user, database, max } = engine.connection;
  return { ...(connectionString ? { connectionString } : { host, port, user, database }), max };
}

export class Jobs {
  readonly #db: Database<unknown>;
  readonly #options: Required<JobsOptions>;
  readonly #queues = new Map<string, QueueDefinition<never>>();
  readonly #workers = new Map<string, string>();
  #starting: Promise<PgBoss> | undefined;
  /** Handlers under way: a stop waits for them (pg-boss can hand out a job as it stops). */
  readonly #running = new Set<Promise<unknown>>();
  #accepting = false;
  /** Until the server gives its logger (tests, the command line): standard error. */
  #logger: JobsLogger = {
    error: ({ err }, message) =>
      process.stderr.write(
        `${message}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
      ),
  };

  constructor(db: Database<unknown>, options: JobsOptions = {}) {
    this.#db = db;
    this.#options = { pollingIntervalSeconds: 5, stopTimeoutMs: 15_000, ...options };
  }

  /** Declares a queue and its worker; nothing touches the database until the first start. */
  define<Data>(queue: QueueDefinition<Data>): void {
    this.#queues.set(queue.name, queue as QueueDefinition<never>);
  }

  useLogger(logger: JobsLogger): void {
    this.#logger = logger;
  }

  get started(): boolean {
    return this.#starting !== undefined;
  }

  /** Starts pg-boss (creating its schema the first time) and the workers; once. */
  start(): Promise<void> {
    // The workers outlive whatever request first needed them: they must not share its reads.
    this.#starting ??= this.#db.background(() => this.#startBoss());
    return this.#starting.then(() => undefined);
  }

  /** At a server's start: pg-boss is started if it was ever used, so queued jobs are worked. */
  async resume(): Promise<void> {
    const installed = await sql<{
      found: boolean;
    }>`select to_regclass(${`${jobsSchema}.job`}) is not null as found`
      .execute(this.#db.owner)
      .then(({ rows }) => rows[0]?.found);
    if (installed) await this.start();
  }

  async #startBoss(): Promise<PgBoss> {
    const boss = new PgBoss({
      ...bossConnection(this.#db.engine),
      schema: jobsSchema,
      application_name: 'cooperate-jobs',
      schedule: false,
      // Each supervision (at start, then every minute) fails the jobs that ran out of time.
      monitorIntervalSeconds: 1,
    });
    boss.on('error', (error) => this.#logger.error({ err: error }, 'background jobs'));
    try {
      await boss.start();
      for (const queue of this.#queues.values()) {
        if (!(await boss.getQueue(queue.name))) await boss.createQueue(queue.name, queue.options);
        // Keeps the queue in pg-boss's cache: a send in a transaction must not look it up on
        // another connection (on the embedded database that would wait for the transaction).
        await boss.getQueueStats(queue.name);
        // Jobs whose time ran out (their process stopped while working them) are retried now.
        await boss.supervise(queue.name);
        const id = await boss.work<never>(
          queue.name,
          {
            batchSize: 1,
            includeMetadata: true,
            pollingIntervalSeconds: this.#options.pollingIntervalSeconds,
          },
          ([job]) => this.#run(() => queue.work(job!)),
        );
        this.#workers.set(queue.name, id);
      }
      this.#accepting = true;
      return boss;
    } catch (error) {
      await boss.stop({ graceful: false }).catch(() => undefined);
      this.#starting = undefined;
      throw error;
    }
  }

  #run(work: () => Promise<unknown>): Promise<unknown> {
    // A worker that fetched a job just as the stop began: it fails at once, to be retried.
    if (!this.#accepting) return Promise.reject(new Error('Background jobs are stopping'));
    const run = work();
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.#running.add(settled);
    void settled.then(() => this.#running.delete(settled));
    return run;
  }

  /**
   * Sends a job in `trx`, the transaction that made the change the job follows from: it is
   * sent exactly when that commits. pg-boss's tables are not tenant tables: the insert runs as
   * the owner, then the transaction goes back to the application role. Call `notify` after the
   * commit for this process's worker to take it at once. Start the jobs before the transaction.
   */
  async send<S>(trx: Transaction<S>, name: string, data: object, options: PgBoss.SendOptions = {}) {
    if (!this.started) throw new Error('Start the background jobs before sending one in a transaction');
    const boss = await this.#starting!;
    const db: PgBoss.Db = {
      async executeSql(text, values) {
        await sql`set local role none`.execute(trx);
        try {
          return await trx.executeQuery(CompiledQuery.raw(text, values));
        } finally {
          await sql`select set_config('role', ${applicationRole}, true)`.execute(trx);
        }
      },
    };
    return boss.send(name, data, { ...options, db });
  }

  /** Wakes this process's worker for `name` (after a send's transaction has committed). */
  notify(name: string): void {
    if (!this.#starting) return;
    void this.#starting
      .then((boss) => {
        const id = this.#workers.get(name);
        if (id) boss.notifyWorker(id);
      })
      .catch(() => undefined);
  }

  /** How many jobs of `name` are waiting, due for a retry or under way. */
  async pending(name: string): Promise<number> {
    if (!this.#starting) return 0;
    const boss = await this.#starting;
    const { rows } = await boss
      .getDb()
      .executeSql(
        `select count(*)::int as count from ${jobsSchema}.job where name = $1 and state < 'completed'`,
        [name],
      );
    return Number(rows[0]?.count ?? 0);
  }

  /** Resolves when no job of `name` is waiting or under way (tests; a retry's delay included). */
  async idle(name: string, timeoutMs = 60_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (await this.pending(name)) {
      if (Date.now() > until) throw new Error(`Jobs of ${name} did not finish within ${timeoutMs} ms`);
      this.notify(name);
      await delay(25);
    }
  }

  /**
   * Stops the workers and closes pg-boss's pool; starting again later makes a new pg-boss. Jobs
   * under way are waited for: past `stopTimeoutMs` pg-boss marks them failed, to be retried,
   * but their handlers still use the printer and the database, so the stop waits for them to
   * end before the caller closes those.
   */
  async stop(): Promise<void> {
    const starting = this.#starting;
    if (!starting) return;
    this.#starting = undefined;
    this.#accepting = false;
    this.#workers.clear();
    const boss = await starting.catch(() => undefined);
    await boss?.stop({ graceful: true, wait: true, timeout: this.#options.stopTimeoutMs });
    await Promise.all(this.#running);
  }
}
