// The benchmarking pages, under /partnerships/:slug: the indicators with what the partnership
// publishes, the publication settings (administrators), and one indicator's benchmark with its
// chart, table and CSV.
import { Router, type Request, type Response } from 'express';
import { allowed, callerOf, requirePermission, tenantOf } from '../../platform/http/auth.ts';
import { flash, submitForm } from '../../platform/http/forms.ts';
import { notFound } from '../../platform/http/errors.ts';
import { sendCsv } from '../../platform/documents/csv.ts';
import { fileName } from '../../platform/documents/file-names.ts';
import { polarities } from '../indicators/index.ts';
import { benchmarkChart, benchmarkCsv } from './benchmark-output.ts';
import type { BenchmarkingService } from './benchmarking.service.ts';
import { publicationSchema } from './benchmarking.schemas.ts';

const views = 'modules/benchmarking/views';

export function benchmarkingRoutes(benchmarking: BenchmarkingService): Router {
  const router = Router({ mergeParams: true });
  const base = (req: Request) => `/partnerships/${tenantOf(req).slug}`;

  router.get('/benchmarking', async (req, res) => {
    res.render(`${views}/list.njk`, {
      title: 'Benchmarking',
      tenant: tenantOf(req),
      base: base(req),
      canPublish: allowed(req, 'partnership.settings'),
      tracked: await benchmarking.overview(callerOf(req)),
    });
  });

  async function renderPublish(req: Request, res: Response, status = 200, form?: object) {
    const tracked = (await benchmarking.overview(callerOf(req))).filter((entry) => entry.comparable);
    res.status(status).render(`${views}/publish.njk`, {
      title: 'Indicators published for benchmarking',
      tenant: tenantOf(req),
      base: base(req),
      tracked,
      values: { indicatorIds: tracked.filter((entry) => entry.published).map((entry) => entry.indicator.id) },
      ...form,
    });
  }

  router.get('/benchmarking/publish', requirePermission('partnership.settings'), (req, res) =>
    renderPublish(req, res),
  );

  router.post('/benchmarking/publish', requirePermission('partnership.settings'), async (req, res) => {
    const tracked = (await benchmarking.overview(callerOf(req))).filter((entry) => entry.comparable);
    const body = req.body as { indicatorIds?: string | string[] };
    const chosen = body.indicatorIds === undefined ? [] : [body.indicatorIds].flat();
    const done = await submitForm(
      req,
      res,
      {
        view: `${views}/publish.njk`,
        locals: {
          title: 'Indicators published for benchmarking',
          tenant: tenantOf(req),
          base: base(req),
          tracked,
        },
        schema: publicationSchema,
        input: req.body,
        values: { indicatorIds: chosen },
      },
      (value) => benchmarking.setPublished(callerOf(req), value.indicatorIds),
    );
    if (!done) return;
    flash(req, 'The indicators published for benchmarking have been saved');
    res.redirect(303, `${base(req)}/benchmarking`);
  });

  async function benchmarkOr404(req: Request) {
    const found = await benchmarking.benchmark(callerOf(req), String(req.params.code));
    if (!found) throw notFound();
    return found;
  }

  router.get('/indicators/:code/benchmark.csv', async (req, res) => {
    const benchmark = await benchmarkOr404(req);
    const name = fileName(tenantOf(req).slug, benchmark.indicator.code);
    sendCsv(res, `${name}-benchmark`, benchmarkCsv(benchmark));
  });

  router.get('/indicators/:code/benchmark', async (req, res) => {
    const benchmark = await benchmarkOr404(req);
    res.render(`${views}/benchmark.njk`, {
      title: `Benchmark: ${benchmark.indicator.code}`,
      tenant: tenantOf(req),
      base: base(req),
      canPublish: allowed(req, 'partnership.settings'),
      benchmark,
      chart: benchmarkChart(benchmark),
      polarities,
      indicatorPath: `${base(req)}/indicators/${encodeURIComponent(benchmark.indicator.code)}`,
    });
  });

  return router;
}
