// The compliance page: every rule in force on a date, met or not, with its evidence; as a
// page and as CSV.
import { Router } from 'express';
import { z } from 'zod';
import { stringify } from 'csv-stringify/sync';
import { callerOf, tenantOf } from '../../platform/http/auth.ts';
import { validate } from '../../platform/http/validation.ts';
import { datedAt, partialIsoDate } from '../../platform/http/date-input.ts';
import type { ComplianceService } from './compliance.service.ts';
import { strengths } from './ruleset.schema.ts';
import type { Evidence } from './evaluate.ts';

export const complianceQuery = z.object({
  at: z.preprocess((value) => (value === '' ? undefined : value), partialIsoDate('The date').optional()),
  ruleset: z.preprocess(
    (value) =>
      value === '' || value === undefined ? [] : Array.isArray(value) ? value : String(value).split(','),
    z.array(z.string().regex(/^[a-z0-9-]+$/, 'Choose rule sets from the list')),
  ),
});

export function describeEvidence(evidence: Evidence): string {
  switch (evidence.type) {
    case 'seat':
      return `${evidence.body}, seat ${evidence.position}: ${evidence.label}${evidence.holders.length ? ` (${evidence.holders.join(', ')})` : ''}`;
    case 'member':
      return `${evidence.body}: ${evidence.name}, ${evidence.seat}`;
    case 'body':
      return `${evidence.body}`;
    case 'link':
      return `${evidence.from} ${evidence.kind.replaceAll('-', ' ')} ${evidence.to}`;
  }
}

export const outcomeLabels = {
  met: 'Met',
  'not-met': 'Not met',
  'not-applicable': 'Not applicable',
} as const;

export function complianceRoutes(compliance: ComplianceService): Router {
  const router = Router({ mergeParams: true });

  router.get('/compliance', async (req, res) => {
    const checked = validate(complianceQuery, req.query);
    const query = checked.ok ? checked.value : { at: undefined, ruleset: [] };
    const date = query.at ? datedAt(query.at).date : undefined;
    const evaluation = await compliance.evaluate(callerOf(req), { date, ruleSetIds: query.ruleset });
    if (req.query.format === 'csv') {
      res
        .type('text/csv')
        .attachment(`compliance-${evaluation.date}.csv`)
        .send(
          stringify(
            evaluation.results.map((r) => ({
              ruleSet: r.ruleSet.title,
              rule: r.rule.id,
              title: r.rule.title,
              source: r.rule.source,
              strength: strengths[r.rule.strength],
              status: outcomeLabels[r.status],
              evidence: r.evidence.map(describeEvidence).join('; ') || r.reason || '',
            })),
            { header: true },
          ),
        );
      return;
    }
    const all = await compliance.ruleSets();
    res.render('modules/compliance/views/compliance.njk', {
      title: 'Compliance',
      tenant: tenantOf(req),
      evaluation,
      groups: evaluation.ruleSets.map((set) => ({
        set,
        results: evaluation.results.filter((r) => r.ruleSet.id === set.id),
      })),
      allRuleSets: all,
      chosen: query.ruleset,
      atQuery: typeof req.query.at === 'string' ? req.query.at : '',
      errors: checked.ok ? undefined : checked.errors,
      strengths,
      outcomeLabels,
      describeEvidence,
      csvLink: `/partnerships/${tenantOf(req).slug}/compliance?${new URLSearchParams({ at: evaluation.date, format: 'csv', ...(query.ruleset.length ? { ruleset: query.ruleset.join(',') } : {}) })}`,
    });
  });

  return router;
}
