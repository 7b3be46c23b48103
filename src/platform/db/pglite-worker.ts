// Runs the embedded database (PGlite) in its own thread behind a Postgres wire-protocol
// socket. PGlite executes queries synchronously; in the main thread it would stall every
// request. Here the main thread talks to it with `pg` like any other PostgreSQL server.
import { parentPort, workerData } from 'node:worker_threads';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { keepBatchesTogether } from './socket-queue.ts';

interface WorkerInput {
  dataDir: string; // a folder, or 'memory://'
  loadDump?: string; // a file written by dumpDataDir, to start from a template
}

const input = workerData as WorkerInput;
if (input.dataDir !== 'memory://') mkdirSync(input.dataDir, { recursive: true });

let loadDataDir: Blob | undefined;
if (input.loadDump) {
  const { readFile } = await import('node:fs/promises');
  loadDataDir = new Blob([await readFile(input.loadDump)]);
}
const db = await PGlite.create(input.dataDir === 'memory://' ? undefined : input.dataDir, { loadDataDir });
// The server's pool and its jobs' pool, and a command run through the server (ADR 0039) with
// its own two: the socket takes turns between them, a transaction at a time.
const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1', maxConnections: 8 });
// a connection's query with parameters is not interleaved with another's (electric-sql/pglite#1046)
keepBatchesTogether(server);
await server.start();
const [, port] = server.getServerConn().split(':');
parentPort?.postMessage({ type: 'ready', port: Number(port) });

parentPort?.on('message', async (message: { type: string; file?: string }) => {
  if (message.type === 'dump' && message.file) {
    const { writeFile } = await import('node:fs/promises');
    const blob = (await db.dumpDataDir('none')) as Blob;
    await writeFile(message.file, Buffer.from(await blob.arrayBuffer()));
    parentPort?.postMessage({ type: 'dumped' });
  }
  if (message.type === 'stop') {
    await server.stop();
    await db.close();
    parentPort?.postMessage({ type: 'stopped' });
  }
});
