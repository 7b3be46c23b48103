// GET /api/v1/partnerships/{slug}/indicators/{code}/benchmark: the same benchmark as the page.
import { Router } from 'express';
import { callerOf } from '../../platform/http/auth.ts';
import { notFound } from '../../platform/http/errors.ts';
import { benchmarkJson } from './benchmark-output.ts';
import type { BenchmarkingService } from './benchmarking.service.ts';

export function benchmarkingApi(benchmarking: BenchmarkingService): Router {
  const router = Router({ mergeParams: true });
  router.get('/indicators/:code/benchmark', async (req, res) => {
    const benchmark = await benchmarking.benchmark(callerOf(req), String(req.params.code));
    if (!benchmark) throw notFound();
    res.json(benchmarkJson(benchmark));
  });
  return router;
}
