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
  /** A job sent at these times (cron, in the time zone) by pg-boss's clock, where it runs. */
  schedule?: { cron: string; tz: string };
}

export interface JobsLogger {
  error(details: { err: unknown }, message: string): void;
}

export interface JobsOptions {
  /** How often an idle worker looks for jobs sent by other processes or due for a retry. */
  pollingIntervalSeconds?: number;
  /** How long a stop waits for jobs under way before pg-boss marks them failed (to be retried). */
  stopTimeoutMs?: number;
  /**
   * A job under way holds a lease this long, renewed while its process works it (a heartbeat
   * every third of it): a job whose process died is given back within a lease and a
   * supervision, not after its queue's whole time (ADR 0039).
   */
  leaseSeconds?: number;
  /** How often pg-boss's supervision fails the jobs whose lease (or time) ran out. */
  superviseIntervalSeconds?: number;
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
  /** Jobs under way in this process, whose leases the heartbeat renews. */
  readonly #leases = new Map<string, { name: string; maxSeconds: number }>();
  #heartbeat: NodeJS.Timeout | undefined;
  #accepting = false;
  /** Whether this process runs pg-boss's clock (servers): scheduled queues' jobs are sent. */
  #clock = false;
  /** Whether this process works jobs (servers, tests) or only sends them (commands). */
  #work = true;
  /** Until the server gives its logger (tests, the command line): standard error. */
  #logger: JobsLogger = {
    error: ({ err }, message) =>
      process.stderr.write(
        `${message}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
      ),
  };

  constructor(db: Database<unknown>, options: JobsOptions = {}) {
    this.#db = db;
    // A server stops within 10 seconds of SIGTERM: jobs get a few of them (ADR 0039).
    this.#options = {
      pollingIntervalSeconds: 5,
      stopTimeoutMs: 3_000,
      leaseSeconds: 30,
      superviseIntervalSeconds: 10,
      ...options,
    };
  }

  /** Declares a queue and its worker; nothing touches the database until the first start. */
  define<Data>(queue: QueueDefinition<Data>): void {
    this.#queues.set(queue.name, queue as QueueDefinition<never>);
  }

  useLogger(logger: JobsLogger): void {
    this.#logger = logger;
  }

  /** Runs pg-boss's clock in this process from its next start (a server, not tests or the CLI). */
  useClock(): void {
    this.#clock = true;
  }

  /**
   * Sends jobs but never works them (the command line): the server, which has the printer and
   * runs all day, works them; a command's pg-boss neither supervises nor hands back (ADR 0039).
   */
  sendOnly(): void {
    this.#work = false;
  }

  /** Whether a queue of this name is defined (a restore sends only jobs of known queues). */
  has(name: string): boolean {
    return this.#queues.has(name);
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
      // the clock sends scheduled jobs (the daily mail); one instance a minute sends each
      schedule: this.#clock,
      // Each supervision (at start, then every superviseIntervalSeconds) fails the jobs whose
      // lease or time ran out.
      monitorIntervalSeconds: 1,
      superviseIntervalSeconds: this.#options.superviseIntervalSeconds,
      supervise: this.#work,
    });
    boss.on('error', (error) => this.#logger.error({ err: error }, 'background jobs'));
    try {
      await boss.start();
      // The embedded database has one process, this one (ADR 0039): a job "under way" at start
      // was left by a process that died, and is handed back at once to be tried again.
      const sole = this.#work && this.#db.engine.kind === 'pglite' && !this.#db.engine.throughServer;
      for (const queue of this.#queues.values()) {
        if (!(await boss.getQueue(queue.name))) await boss.createQueue(queue.name, queue.options);
        // kept in pg-boss's table (the same row each start); sent only where a clock runs
        if (queue.schedule)
          await boss.schedule(queue.name, queue.schedule.cron, {}, { tz: queue.schedule.tz });
        // Keeps the queue in pg-boss's cache: a send in a transaction must not look it up on
        // another connection (on the embedded database that would wait for the transaction).
        await boss.getQueueStats(queue.name);
        if (!this.#work) continue;
        const handedBack = sole ? await this.#handBack(boss, queue.name) : 0;
        // Jobs whose time ran out (their process stopped while working them) are retried now.
        await boss.supervise(queue.name);
        const id = await boss.work<never>(
          queue.name,
          {
            batchSize: 1,
            includeMetadata: true,
            pollingIntervalSeconds: this.#options.pollingIntervalSeconds,
          },
          ([job]) => this.#run(() => queue.work(job!), job!, queue),
        );
        this.#workers.set(queue.name, id);
        // the worker looks again once the retry's delay (with back-off, at most twice it) is over
        if (handedBack)
          setTimeout(() => this.notify(queue.name), 2 * (queue.options.retryDelay ?? 0) * 1000 + 250).unref();
      }
      this.#accepting = true;
      return boss;
    } catch (error) {
      await boss.stop({ graceful: false }).catch(() => undefined);
      this.#starting = undefined;
      throw error;
    }
  }

  /** Fails, to be retried, every job of `name` left under way (only where this is the sole process). */
  async #handBack(boss: PgBoss, name: string): Promise<number> {
    const { rows } = await boss
      .getDb()
      .executeSql(`select id from ${jobsSchema}.job where name = $1 and state = 'active'`, [name]);
    for (const { id } of rows as { id: string }[])
      await boss.fail(name, id, {
        message: 'interrupted: the process working it stopped (handed back at start)',
      });
    return rows.length;
  }

  /**
   * Sets a job's lease in its row: LEASE seconds more than it has run, never beyond its queue's
   * whole time. pg-boss's supervision fails an active job whose row says its time ran out; its
   * own in-process time limit stays the queue's whole time (read when the job was fetched).
   */
  async #renew(boss: PgBoss, id: string, name: string, maxSeconds: number): Promise<void> {
    await boss
      .getDb()
      .executeSql(
        `update ${jobsSchema}.job
            set expire_seconds = least($3::int, ceil(extract(epoch from now() - started_on))::int + $4::int)
          where name = $1 and id = $2::uuid and state = 'active'`,
        [name, id, maxSeconds, this.#options.leaseSeconds],
      )
      .catch((error: unknown) => this.#logger.error({ err: error }, 'background jobs: renewing a lease'));
  }

  /** The heartbeat: renews the leases of the jobs under way here. */
  async #beat(): Promise<void> {
    const boss = await this.#starting;
    if (!boss) return;
    for (const [id, { name, maxSeconds }] of this.#leases) await this.#renew(boss, id, name, maxSeconds);
  }

  #run(work: () => Promise<unknown>, job: JobOf<unknown>, queue: QueueDefinition<never>): Promise<unknown> {
    // A worker that fetched a job just as the stop began: it fails at once, to be retried.
    if (!this.#accepting) return Promise.reject(new Error('Background jobs are stopping'));
    const lease = { name: queue.name, maxSeconds: queue.options.expireInSeconds ?? 900 };
    this.#leases.set(job.id, lease);
    this.#heartbeat ??= setInterval(
      () => void this.#beat(),
      Math.max(1, this.#options.leaseSeconds / 3) * 1000,
    ).unref();
    // the lease is taken before the work starts: a crash from then on gives the job back soon
    const run = this.#starting!.then((boss) => this.#renew(boss, job.id, lease.name, lease.maxSeconds)).then(
      () => work(),
    );
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.#running.add(settled);
    void settled.then(() => {
      this.#running.delete(settled);
      this.#leases.delete(job.id);
    });
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
   * under way are waited for: past `stopTimeoutMs` pg-boss marks them failed, to be retried
   * (handed back). Their handlers still use the printer and the database, so the stop then
   * waits `graceMs` more for them to end before the caller closes those; a handler still
   * running after that fails against the closed printer or database, and its job, handed back
   * already, is made again at the next start.
   */
  async stop(graceMs = 1_000): Promise<void> {
    const starting = this.#starting;
    if (!starting) return;
    this.#starting = undefined;
    this.#accepting = false;
    this.#workers.clear();
    clearInterval(this.#heartbeat);
    this.#heartbeat = undefined;
    const boss = await starting.catch(() => undefined);
    await boss?.stop({ graceful: true, wait: true, timeout: this.#options.stopTimeoutMs });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(this.#running),
      new Promise<void>((done) => (timer = setTimeout(done, graceMs).unref())),
    ]);
    clearTimeout(timer);
    this.#leases.clear();
  }
}
