// Fires the load at one route from a worker thread, so that autocannon's own work (building
// requests, parsing responses) does not run on the event loop of the server it measures.
// Keeps every response time: autocannon's histogram has whole milliseconds and no p95.
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

export interface LoadJob {
  url: string;
  headers: Record<string, string>;
  connections: number;
  /** At most this many requests a second over all connections; 0: as many as answered. */
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

function fire(job: LoadJob, seconds: number): Promise<LoadOutcome> {
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  return new Promise((done, fail) => {
    const instance = autocannon(
      {
        url: job.url,
        headers: job.headers,
        connections: job.connections,
        duration: seconds,
        ...(job.rate > 0 && { overallRate: job.rate }),
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

const job = workerData as LoadJob;
if (job.warmup > 0) await fire(job, job.warmup);
const outcome = await fire(job, job.duration);
parentPort!.postMessage(outcome, [outcome.latencies.buffer]);
