// The load at a rate, on a fake clock: when each request is handed to the client and what its
// time is are read from the clock the test moves, never from the machine's, so a loaded
// machine cannot fail these tests (nor make them pass).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { paced, type Client, type Clock, type LoadJob } from './load.ts';

/** A clock that moves only when told; `lateBy` makes every timer fire that much late. */
class FakeClock implements Clock {
  #now = 0;
  #timers: { at: number; callback: () => void }[] = [];
  readonly lateBy: number;
  constructor(lateBy = 0) {
    this.lateBy = lateBy;
  }
  now() {
    return this.#now;
  }
  after(ms: number, callback: () => void) {
    this.#timers.push({ at: this.#now + ms + this.lateBy, callback });
  }
  /**
   * Moves to `to`, firing each timer due on the way at its own time; what was already under
   * way (a response's continuation) runs first, at the time it happened.
   */
  async advanceTo(to: number) {
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      this.#timers.sort((a, b) => a.at - b.at);
      const next = this.#timers[0];
      if (!next || next.at > to) break;
      this.#timers.shift();
      this.#now = next.at;
      next.callback();
    }
    this.#now = Math.max(this.#now, to);
  }
}

/** A client that notes when each request is handed to it and answers when the test says. */
function fakeClient(clock: Clock, answerAtOnce = true) {
  const handed: number[] = [];
  const pending: ((status: number) => void)[] = [];
  const client: Client = {
    request() {
      handed.push(clock.now());
      return answerAtOnce ? Promise.resolve(200) : new Promise((resolve) => pending.push(resolve));
    },
    close: async () => undefined,
  };
  return { client, handed, pending };
}

const job = (overrides: Partial<LoadJob> = {}): LoadJob => ({
  url: 'http://127.0.0.1:9/ping',
  headers: { accept: 'text/plain' },
  connections: 1,
  rate: 20,
  duration: 0,
  warmup: 0,
  ...overrides,
});

describe('the load at a rate (open loop)', () => {
  it('hands a request to the client every 1000/rate ms instead of back to back', async () => {
    const clock = new FakeClock();
    const { client, handed } = fakeClient(clock);
    const run = paced(job({ rate: 20 }), 0.5, { clock, client });
    await clock.advanceTo(1000);
    const outcome = await run;
    assert.deepEqual(handed, [0, 50, 100, 150, 200, 250, 300, 350, 400, 450]);
    assert.deepEqual(outcome.statusCodes, { '200': 10 });
    assert.deepEqual([...outcome.latencies], Array(10).fill(0));
    assert.equal(outcome.errors, 0);
    assert.equal(outcome.duration, 0.45);
  });

  it('keeps to its times when timers fire late, rather than drifting', async () => {
    const clock = new FakeClock(30);
    const { client, handed } = fakeClient(clock);
    const run = paced(job({ rate: 20 }), 0.25, { clock, client });
    await clock.advanceTo(1000);
    await run;
    // each 30 ms late, none later: a timer of a whole interval after the last would give 0, 80, 160…
    assert.deepEqual(handed, [0, 80, 130, 180, 230]);
  });

  it('sends the next request on time while an earlier one is still unanswered', async () => {
    const clock = new FakeClock();
    const { client, handed, pending } = fakeClient(clock, false);
    const run = paced(job({ rate: 20, connections: 2 }), 0.1, { clock, client });
    await clock.advanceTo(50);
    assert.deepEqual(handed, [0, 50]);
    await clock.advanceTo(60);
    pending[1]!(200);
    await clock.advanceTo(120);
    pending[0]!(503);
    const outcome = await run;
    // in the order they were answered, each from the moment it was handed over
    assert.deepEqual([...outcome.latencies], [10, 120]);
    assert.deepEqual(outcome.statusCodes, { '200': 1, '503': 1 });
  });

  it('counts a failed request as an error', async () => {
    const clock = new FakeClock();
    const client: Client = {
      request: () => Promise.reject(new Error('refused')),
      close: async () => undefined,
    };
    const run = paced(job({ rate: 20 }), 0.1, { clock, client });
    await clock.advanceTo(100);
    const outcome = await run;
    assert.equal(outcome.errors, 2);
    assert.equal(outcome.latencies.length, 0);
  });

  describe('over real connections', () => {
    let server: Server;
    let url: string;
    let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end('ok');
    before(async () => {
      server = createServer((req, res) => handle(req, res));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ping`;
    });
    after(() => {
      server.closeAllConnections();
      server.close();
    });

    it('counts the wait for a free connection in the response time', async () => {
      const events: string[] = [];
      let release: () => void = () => undefined;
      const firstArrived = new Promise<void>((arrived) => {
        handle = (_req, res) => {
          const n = events.filter((event) => event.startsWith('arrived')).length + 1;
          events.push(`arrived ${n}`);
          if (n > 1) return void res.end('ok');
          release = () => {
            events.push('answered 1');
            res.end('slow');
          };
          arrived();
        };
      });
      const clock = new FakeClock();
      const run = paced(job({ url, rate: 20, connections: 1 }), 0.1, { clock });
      await firstArrived;
      await clock.advanceTo(50); // the second is handed to the pool, whose one connection is busy
      await clock.advanceTo(200);
      release(); // the first answered at 200: only then can the second go
      const outcome = await run;
      assert.deepEqual(events, ['arrived 1', 'answered 1', 'arrived 2']);
      assert.deepEqual(outcome.statusCodes, { '200': 2 });
      // the first 200 ms, the second from its hand-over at 50 until the clock's 200
      assert.deepEqual([...outcome.latencies], [200, 150]);
    });
  });
});
