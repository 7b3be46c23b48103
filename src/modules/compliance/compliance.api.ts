import { Router } from 'express';
import { callerOf } from '../../platform/http/auth.ts';
import { badRequest } from '../../platform/http/errors.ts';
import { validate } from '../../platform/http/validation.ts';
import { datedAt } from '../../platform/http/date-input.ts';
import type { ComplianceService } from './compliance.service.ts';
import { complianceQuery } from './compliance.routes.ts';
import type { ComplianceJson } from './compliance.api.schemas.ts';
import { keptAnswer } from '../../platform/http/kept-pages.ts';

/** GET /api/v1/partnerships/{slug}/compliance?at=&ruleset= */
export function complianceApi(compliance: ComplianceService): Router {
  const router = Router({ mergeParams: true });
  router.get(
    '/compliance',
    keptAnswer('compliance answer', { by: ['date'] }, async (req) => {
      const checked = validate(complianceQuery, req.query);
      if (!checked.ok) throw badRequest('The query is not valid.', checked.problems);
      const evaluation = await compliance.evaluate(callerOf(req), {
        date: checked.value.at ? datedAt(checked.value.at).date : undefined,
        ruleSetIds: checked.value.ruleset,
      });
      const answer: ComplianceJson = {
        date: evaluation.date,
        counts: evaluation.counts,
        rarelyAttended: evaluation.rarelyAttended,
        attendanceFrom: evaluation.attendanceFrom,
        ruleSets: evaluation.ruleSets.map((set) => ({
          id: set.id,
          title: set.title,
          source: set.source,
          from: set.from,
          until: set.until ?? null,
        })),
        rules: evaluation.results.map((r) => ({
          ruleSet: r.ruleSet.id,
          id: r.rule.id,
          title: r.rule.title,
          source: r.rule.source,
          strength: r.rule.strength,
          status: r.status,
          rarelyAttended: r.rarelyAttended ?? false,
          reason: r.reason ?? null,
          evidence: r.evidence,
        })),
      };
      return answer;
    }),
  );
  return router;
}
