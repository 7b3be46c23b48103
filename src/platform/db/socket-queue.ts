// One connection's extended-protocol batch at a time on the embedded database's socket (ADR
// 0039). pglite-socket 0.2.17 runs every connection's messages on PGlite's one session, taking
// turns message by message, and keeps to one connection only inside a transaction. A query with
// parameters outside a transaction is a batch of messages (Parse, Bind, Describe, Execute,
// Sync): another connection's Parse between them replaces the unnamed statement, so the first
// fails ("unnamed prepared statement does not exist") or, worse, runs the other's statement
// with its own parameters (electric-sql/pglite#1046, open). Several connections use the socket:
// the server's pool, its jobs' pool and a command run through the server. This replaces the
// queue's turn-taking: a connection keeps its turn from its first extended-protocol message
// until its Sync (and, as before, while its transaction is open); an error in one message
// fails that message only (upstream's left the queue stopped for good).

interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  resolve(bytes: number): void;
  reject(error: unknown): void;
  onData(data: Uint8Array): void;
}

interface SocketDb {
  isInTransaction(): boolean;
  runExclusive<T>(work: () => Promise<T>): Promise<T>;
  execProtocolRawStream(
    message: Uint8Array,
    options: { onRawData: (data: Uint8Array) => void },
  ): Promise<unknown>;
}

interface QueryQueue {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  db: SocketDb;
  processQueue(): Promise<void>;
  clearTransactionIfNeeded(handlerId: number): Promise<void>;
}

const code = (letter: string) => letter.charCodeAt(0);
/** Parse, Bind, Describe, Execute, Close, Flush: a batch goes on until its Sync. */
const batchMessages = new Set(['P', 'B', 'D', 'E', 'C', 'H'].map(code));
const sync = code('S');
const simpleQuery = code('Q');

export function keepBatchesTogether(server: object): void {
  const queue = (server as { queryQueue?: QueryQueue }).queryQueue;
  if (
    !queue ||
    !Array.isArray(queue.queue) ||
    typeof queue.processQueue !== 'function' ||
    typeof queue.clearTransactionIfNeeded !== 'function' ||
    !('lastHandlerId' in queue)
  )
    throw new Error('pglite-socket has changed: check src/platform/db/socket-queue.ts against it');
  /** The connection whose extended-protocol batch is open, until its Sync. */
  let batchOf: number | null = null;

  queue.processQueue = async function processQueue(this: QueryQueue) {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const owner = batchOf ?? (this.db.isInTransaction() ? this.lastHandlerId : null);
        let next: QueuedMessage | undefined;
        if (owner === null) next = this.queue.shift();
        else {
          const index = this.queue.findIndex((item) => item.handlerId === owner);
          // the owner's next message has not come yet: the others wait for it
          if (index === -1) break;
          next = this.queue.splice(index, 1)[0];
        }
        if (!next) break;
        const item = next;
        const type = item.message[0]!;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          item.reject(error);
          continue;
        } finally {
          this.lastHandlerId = item.handlerId;
          if (batchMessages.has(type)) batchOf = item.handlerId;
          else if (type === sync || type === simpleQuery) batchOf = null;
        }
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };

  const clear = queue.clearTransactionIfNeeded.bind(queue);
  queue.clearTransactionIfNeeded = async function clearTransactionIfNeeded(
    this: QueryQueue,
    handlerId: number,
  ) {
    // a connection that went away in the middle of its batch gives up its turn
    if (batchOf === handlerId) batchOf = null;
    await clear(handlerId);
    await queue.processQueue();
  };
}
