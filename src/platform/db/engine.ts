// Opens the database the configuration names: PostgreSQL over `pg`, or the embedded PGlite
// running in a worker thread and reached over the same wire protocol, so that the rest of the
// product has one code path whichever it is.
import { Worker } from 'node:worker_threads';
import { resolve } from 'node:path';
import pg from 'pg';
import { acquireFolderLock, DataFolderInUse, lockHolder, type HolderRole } from './folder-lock.ts';

// DATE columns stay 'YYYY-MM-DD' strings: a JS Date would shift them with the time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// bigint counts are safe as numbers at this product's scale.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export type EngineKind = 'postgres' | 'pglite';

export interface Engine {
  readonly kind: EngineKind;
  readonly pool: pg.Pool;
  /**
   * How another client reaches the same database as the same (owning) user: pg-boss opens its
   * own pool with this (ADR 0013). Embedded: the worker's socket, where one connection is all
   * that helps (it runs one transaction at a time).
   */
  readonly connection: pg.PoolConfig & { max: number };
  /**
   * Embedded only: this process reaches the database through the server that holds its folder
   * (ADR 0039), not by opening the files. Nothing at start may treat the database as its own
   * (migrations, jobs left under way).
   */
  readonly throughServer?: { pid: number; port: number };
  /** Embedded only: write the whole database to a file another engine can start from. */
  dump?(file: string): Promise<void>;
  close(): Promise<void>;
}

export interface EngineOptions {
  databaseUrl?: string | undefined;
  /** Embedded: a folder, or 'memory://'. */
  dataDir: string;
  /** Embedded: start from a file written by `dump`. */
  loadDump?: string | undefined;
  poolSize?: number;
  /**
   * Embedded folder: 'server' holds it and refuses when another process does; 'command' goes
   * through a running server's socket when a server holds it (ADR 0039). Default 'server'.
   */
  role?: HolderRole;
}

export async function openEngine(options: EngineOptions): Promise<Engine> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    return {
      kind: 'postgres',
      pool,
      connection: { connectionString: options.databaseUrl, max: 2 },
      close: () => endPool(pool),
    };
  }
  return openEmbedded(options);
}

async function openEmbedded(options: EngineOptions): Promise<Engine> {
  const dataDir = options.dataDir === 'memory://' ? 'memory://' : resolve(options.dataDir);
  const role = options.role ?? 'server';
  if (dataDir !== 'memory://') {
    const holder = lockHolder(dataDir);
    if (holder?.role === 'server' && holder.port && role === 'command')
      return throughServer(dataDir, holder.pid, holder.port);
  }
  const lock = dataDir === 'memory://' ? undefined : acquireFolderLock(dataDir, role);
  try {
    return await startEmbedded(dataDir, options, lock);
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/** A command's connection to the database of the server that holds the folder (ADR 0039). */
async function throughServer(dataDir: string, pid: number, port: number): Promise<Engine> {
  const connection = { host: '127.0.0.1', port, user: 'postgres', database: 'postgres', max: 1 };
  const pool = new pg.Pool(connection);
  try {
    await pool.query('select 1');
  } catch (error) {
    await endPool(pool);
    throw new DataFolderInUse(
      dataDir,
      lockHolder(dataDir) ?? { pid, started: null, host: '', role: 'server', since: '' },
      `The embedded database in ${dataDir} is held by the Cooperate server (process ${pid}), which does not answer on its database socket (${(error as Error).message}). Nothing was done: try again once it has started, or stop it.`,
    );
  }
  return {
    kind: 'pglite',
    pool,
    connection,
    throughServer: { pid, port },
    close: () => endPool(pool),
  };
}

async function startEmbedded(
  dataDir: string,
  options: EngineOptions,
  lock: ReturnType<typeof acquireFolderLock> | undefined,
): Promise<Engine> {
  const worker = new Worker(new URL('./pglite-worker.ts', import.meta.url), {
    workerData: { dataDir, loadDump: options.loadDump },
  });
  const request = (message: object, reply: string) =>
    new Promise<Record<string, unknown>>((done, fail) => {
      const onMessage = (answer: Record<string, unknown>) => {
        if (answer.type !== reply) return;
        worker.off('message', onMessage);
        worker.off('error', fail);
        done(answer);
      };
      worker.on('message', onMessage);
      worker.once('error', fail);
      if (Object.keys(message).length) worker.postMessage(message);
    });
  const ready = await request({}, 'ready');
  lock?.setPort(Number(ready.port));
  // The embedded database is one connection: a pool of one makes a second, nested
  // connection wait visibly instead of interleaving with an open transaction.
  const connection = {
    host: '127.0.0.1',
    port: Number(ready.port),
    user: 'postgres',
    database: 'postgres',
    max: 1,
  };
  const pool = new pg.Pool(connection);
  return {
    kind: 'pglite',
    pool,
    connection,
    async dump(file: string) {
      await request({ type: 'dump', file }, 'dumped');
    },
    async close() {
      await endPool(pool);
      await request({ type: 'stop' }, 'stopped');
      await worker.terminate();
      lock?.release();
    },
  };
}

async function endPool(pool: pg.Pool): Promise<void> {
  if (!pool.ended) await pool.end();
}
