// The load fired at one route (from a worker thread: load.worker.ts). Keeps every response
// time: autocannon's histogram has whole milliseconds and no p95.
//
// Two kinds of load:
//  - as fast as the server answers (no rate): autocannon, each connection sending its next
//    request as soon as the last is answered;
//  - at a rate: requests sent at even intervals (one every 1000/rate ms), whether or not the
//    last has been answered, as users' requests arrive (open loop). Not autocannon's own rate
//    limit, which sends a connection's whole second's worth back to back at the start of each
//    second and then waits: one request in `rate` then follows an idle second, and at 20 a
//    second that is exactly the 5 % the p95 measures.
import { Pool } from 'undici';
import autocannon from 'autocannon';

export interface LoadJob {
  url: string;
  headers: Record<string, string>;
  connections: number;
  /** Requests a second, sent at even intervals over all connections; 0: as many as answered. */
  rate: number;
  /** Seconds measured. */
  duration: number;
  /** Seconds of load before measuring, thrown away (JIT, caches, connections). */
  warmup: number;
}

export interface LoadOutcome {
  /** Milliseconds, one per response, in the order they arrived. */
  latencies: Float64Array<ArrayBuffer>;
  statusCodes: Record<string, number>;
  errors: number;
  timeouts: number;
  /** Seconds the measured run took. */
  duration: number;
}

export function closedLoop(job: LoadJob, seconds: number): Promise<LoadOutcome> {
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  return new Promise((done, fail) => {
    const instance = autocannon(
      {
        url: job.url,
        headers: job.headers,
        connections: job.connections,
        duration: seconds,
      },
      (error, result) => {
        if (error) return fail(error);
        done({
          latencies: Float64Array.from(latencies),
          statusCodes,
          errors: result.errors,
          timeouts: result.timeouts,
          duration: result.duration,
        });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
    });
  });
}

/** Time and timers, given to `paced` so that its pacing can be tested on a fake clock. */
export interface Clock {
  /** Milliseconds, only ever compared with each other. */
  now(): number;
  /** Calls `callback` once `ms` have passed. */
  after(ms: number, callback: () => void): void;
}

export const realClock: Clock = {
  now: () => performance.now(),
  after: (ms, callback) => void setTimeout(callback, ms),
};

/** Sends one request and waits for its whole answer: its status code. */
export interface Client {
  request(): Promise<number>;
  close(): Promise<void>;
}

/** At most `job.connections` kept-alive connections (undici's pool): a request waits for a free one. */
export function pooledClient(job: LoadJob): Client {
  const url = new URL(job.url);
  const pool = new Pool(url.origin, { connections: job.connections });
  return {
    async request() {
      const response = await pool.request({
        path: url.pathname + url.search,
        method: 'GET',
        headers: job.headers,
      });
      await response.body.arrayBuffer();
      return response.statusCode;
    },
    close: () => pool.close(),
  };
}

/**
 * Sends a request every `1000 / job.rate` ms for `seconds`, over at most `job.connections`
 * kept-alive connections (a request waits for a free one, and that wait counts in its time),
 * and times each from the moment it is handed to the client until its body has arrived.
 */
export function paced(
  job: LoadJob,
  seconds: number,
  { clock = realClock, client = pooledClient(job) }: { clock?: Clock; client?: Client } = {},
): Promise<LoadOutcome> {
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let errors = 0;
  const interval = 1000 / job.rate;
  const total = Math.max(1, Math.round(seconds * job.rate));
  const started = clock.now();
  return new Promise((done) => {
    let sent = 0;
    let settled = 0;
    const finish = () => {
      if (++settled < total) return;
      void client.close();
      done({
        latencies: Float64Array.from(latencies),
        statusCodes,
        errors,
        timeouts: 0,
        duration: (clock.now() - started) / 1000,
      });
    };
    const send = () => {
      // the next at its own time, not drifting with timers that fire late
      if (++sent < total) clock.after(Math.max(0, started + sent * interval - clock.now()), send);
      void answer();
    };
    const answer = async () => {
      const sentAt = clock.now();
      try {
        const code = String(await client.request());
        latencies.push(clock.now() - sentAt);
        statusCodes[code] = (statusCodes[code] ?? 0) + 1;
      } catch {
        errors++;
      }
      finish();
    };
    send();
  });
}

/** The load `job` asks for, for `seconds`. */
export function fire(job: LoadJob, seconds: number): Promise<LoadOutcome> {
  return job.rate > 0 ? paced(job, seconds) : closedLoop(job, seconds);
}
