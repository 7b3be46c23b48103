import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { paced, type LoadJob } from './load.ts';

describe('the load at a rate (open loop)', () => {
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
  const job = (overrides: Partial<LoadJob>): LoadJob => ({
    url,
    headers: { accept: 'text/plain' },
    connections: 1,
    rate: 20,
    duration: 0,
    warmup: 0,
    ...overrides,
  });

  it('spreads the requests over the second instead of sending them back to back', async () => {
    const arrivals: number[] = [];
    handle = (_req, res) => {
      arrivals.push(performance.now());
      res.end('ok');
    };
    const outcome = await paced(job({ rate: 20 }), 0.5);
    assert.equal(arrivals.length, 10);
    assert.deepEqual(outcome.statusCodes, { '200': 10 });
    assert.equal(outcome.latencies.length, 10);
    assert.equal(outcome.errors, 0);
    // one every 50 ms, the last 450 ms after the first (less the first connection's set-up);
    // a burst would have all ten within a few milliseconds
    assert.ok(arrivals.at(-1)! - arrivals[0]! >= 400, `spread over ${arrivals.at(-1)! - arrivals[0]!} ms`);
  });

  it('sends the next request on time while an earlier one is still unanswered', async () => {
    const events: string[] = [];
    let held: ServerResponse | undefined;
    handle = (req, res) => {
      const n = events.filter((event) => event.startsWith('arrived')).length + 1;
      events.push(`arrived ${n}`);
      if (n === 1) {
        held = res;
        // answered when the second arrives, or after 5 s (then the order below fails)
        setTimeout(() => held?.end('late'), 5000).unref();
        return;
      }
      if (held) {
        events.push('answered 1');
        held.end('ok');
        held = undefined;
      }
      res.end('ok');
    };
    const outcome = await paced(job({ rate: 20, connections: 2 }), 0.1);
    assert.deepEqual(events, ['arrived 1', 'arrived 2', 'answered 1']);
    assert.deepEqual(outcome.statusCodes, { '200': 2 });
  });

  it('counts the wait for a free connection in the response time', async () => {
    let first = true;
    handle = (_req, res) => {
      if (first) {
        first = false;
        setTimeout(() => res.end('slow'), 200);
      } else res.end('ok');
    };
    const outcome = await paced(job({ rate: 20, connections: 1 }), 0.1);
    // the second was due 50 ms in, and could only go when the first was answered at 200 ms
    assert.ok(outcome.latencies[1]! >= 140, `the second took ${outcome.latencies[1]} ms`);
  });
});
