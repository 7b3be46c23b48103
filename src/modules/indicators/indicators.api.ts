// The partnership's indicators with their targets, values and RAG, under
// /api/v1/partnerships/{slug}.
import { Router } from 'express';
import { callerOf } from '../../platform/http/auth.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { IndicatorsService } from './indicators.service.ts';
import type { IndicatorRow } from './indicators.repository.ts';
import type { Performance } from './performance.ts';
import type { IndicatorDetailJson, IndicatorListJson } from './indicators.api.schemas.ts';

const describe = (indicator: IndicatorRow) => ({
  code: indicator.code,
  title: indicator.title,
  definition: indicator.definition,
  unit: indicator.unit,
  unitLabel: indicator.unitLabel,
  polarity: indicator.polarity,
  frequency: indicator.frequency,
  source: indicator.source,
  outcome: indicator.outcome,
  local: indicator.libraryKey === null,
});

const latestOf = (performance: Performance) =>
  performance.latest
    ? {
        period: performance.latest.period,
        value: performance.latest.value,
        target: performance.latest.target?.target ?? null,
        rag: performance.latest.rag,
        direction: performance.latest.direction,
      }
    : null;

export function indicatorsApi(indicators: IndicatorsService): Router {
  const router = Router({ mergeParams: true });

  router.get('/indicators', async (req, res) => {
    const list = await indicators.list(callerOf(req));
    const answer: IndicatorListJson = {
      count: list.length,
      items: list.map((summary) => ({
        ...describe(summary.indicator),
        latest: latestOf(summary.performance),
      })),
    };
    res.json(answer);
  });

  router.get('/indicators/:code', async (req, res) => {
    const detail = await indicators.byCode(callerOf(req), String(req.params.code));
    if (!detail) throw notFound(`The partnership does not track ${String(req.params.code)}.`);
    const answer: IndicatorDetailJson = {
      ...describe(detail.indicator),
      latest: latestOf(detail.performance),
      periods: detail.performance.periods.map((entry) => ({
        period: entry.period,
        value: entry.value,
        target: entry.target
          ? {
              value: entry.target.target,
              tolerance: { kind: entry.target.toleranceKind, amount: entry.target.tolerance },
            }
          : null,
        rag: entry.rag,
      })),
      breakdowns: detail.values
        .filter((value) => value.breakdownKind !== 'all')
        .map(({ period, breakdownKind, breakdown, value, illustrative }) => ({
          period,
          kind: breakdownKind,
          name: breakdown,
          value,
          illustrative,
        })),
      comparators: detail.comparators.map(({ period, comparator, value }) => ({ period, comparator, value })),
      illustrative: detail.values.some((value) => value.illustrative),
    };
    res.json(answer);
  });

  return router;
}
