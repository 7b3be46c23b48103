// The embedded database socket's turn-taking (ADR 0039): one connection's extended-protocol
// batch is never split by another connection's messages (electric-sql/pglite#1046).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { keepBatchesTogether } from './socket-queue.ts';

/** A queue shaped like pglite-socket 0.2.17's, over a database that records what it runs. */
function fakeQueue(failOn?: string) {
  const ran: string[] = [];
  const queue = {
    queue: [] as {
      handlerId: number;
      message: Uint8Array;
      resolve(bytes: number): void;
      reject(error: unknown): void;
      onData(data: Uint8Array): void;
    }[],
    processing: false,
    lastHandlerId: null as number | null,
    db: {
      isInTransaction: () => false,
      runExclusive: <T>(work: () => Promise<T>) => work(),
      async execProtocolRawStream(message: Uint8Array, options: { onRawData(data: Uint8Array): void }) {
        const name = new TextDecoder().decode(message);
        if (name === failOn) throw new Error(`${name} failed`);
        ran.push(name);
        options.onRawData(new Uint8Array(1));
      },
    },
    processQueue: async () => undefined,
    clearTransactionIfNeeded: async (_handlerId: number) => undefined,
    enqueue(handlerId: number, name: string) {
      return new Promise<number>((resolve, reject) => {
        // the message's first byte is its type, as on the wire
        queue.queue.push({
          handlerId,
          message: new TextEncoder().encode(name),
          resolve,
          reject,
          onData: () => undefined,
        });
        void queue.processQueue();
      });
    },
  };
  keepBatchesTogether({ queryQueue: queue });
  return { queue, ran };
}

describe('the embedded database socket', () => {
  it('keeps a connection’s Parse, Bind, Execute and Sync together', async () => {
    const { queue, ran } = fakeQueue();
    // connection 1 has sent its Parse; connection 2's simple query and batch come before its Bind
    const parse = queue.enqueue(1, 'P1');
    const other = [
      queue.enqueue(2, 'Q2'),
      queue.enqueue(2, 'P2'),
      queue.enqueue(2, 'B2'),
      queue.enqueue(2, 'S2'),
    ];
    await parse;
    assert.deepEqual(ran, ['P1'], 'the others wait for the rest of the batch');
    await Promise.all([queue.enqueue(1, 'B1'), queue.enqueue(1, 'E1'), queue.enqueue(1, 'S1')]);
    await Promise.all(other);
    assert.deepEqual(ran, ['P1', 'B1', 'E1', 'S1', 'Q2', 'P2', 'B2', 'S2']);
  });

  it('goes on after a message fails, and after a connection leaves in the middle of its batch', async () => {
    const { queue, ran } = fakeQueue('B1');
    await queue.enqueue(1, 'P1');
    await assert.rejects(queue.enqueue(1, 'B1'), /B1 failed/);
    const waiting = queue.enqueue(2, 'Q2');
    await queue.enqueue(1, 'S1');
    await waiting;
    await queue.enqueue(3, 'P3');
    const next = queue.enqueue(2, 'Q2b');
    await queue.clearTransactionIfNeeded(3); // connection 3 went away before its Sync
    await next;
    assert.deepEqual(ran, ['P1', 'S1', 'Q2', 'P3', 'Q2b']);
  });
});
