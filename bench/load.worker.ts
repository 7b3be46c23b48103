// Fires the load at one route from a worker thread, so that the client's own work (building
// requests, parsing responses) does not run on the event loop of the server it measures.
import { parentPort, workerData } from 'node:worker_threads';
import { fire, type LoadJob } from './load.ts';

const job = workerData as LoadJob;
if (job.warmup > 0) await fire(job, job.warmup);
const outcome = await fire(job, job.duration);
parentPort!.postMessage(outcome, [outcome.latencies.buffer]);
