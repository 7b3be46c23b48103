// Opens the database the configuration names: PostgreSQL over `pg`, or the embedded PGlite
// running in a worker thread and reached over the same wire protocol, so that the rest of the
// product has one code path whichever it is.
import { Worker } from 'node:worker_threads';
import { resolve } from 'node:path';
import pg from 'pg';

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
    },
  };
}

async function endPool(pool: pg.Pool): Promise<void> {
  if (!pool.ended) await pool.end();
}
