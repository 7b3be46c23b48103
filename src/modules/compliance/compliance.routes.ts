// The compliance page: every rule in force on a date, met or not, with its evidence; as a
// page and as CSV.
import { Router } from 'express';
import { z } from 'zod';
import { sendCsv, toCsv } from '../../platform/documents/csv.ts';
import { callerOf, tenantOf } from '../../platform/http/auth.ts';
import { formErrors, validate } from '../../platform/http/validation.ts';
import { dateValues, datedAt, partialIsoDate, queryDates } from '../../platform/http/date-input.ts';
import type { ComplianceService } from './compliance.service.ts';
import { strengths } from './ruleset.schema.ts';
import {
  countsText,
  describeAttendance,
  describeEvidence,
  describeResult,
  flagLabel,
  outcomeLabels,
  outcomeMeanings,
  outcomeTags,
} from './compliance.present.ts';
import { complianceDocx } from './compliance.docx.ts';
import type { PdfPrinter } from '../../platform/documents/pdf.ts';
import { renderPrintable, sendDocument, sendPdf } from '../../platform/documents/render.ts';
import { formatDate } from '../../platform/views/nunjucks.ts';
import { keptPage, pageRead } from '../../platform/http/kept-pages.ts';

export const complianceQuery = z.object({
  at: z.preprocess((value) => (value === '' ? undefined : value), partialIsoDate('The date').optional()),
  ruleset: z.preprocess(
    (value) =>
      value === '' || value === undefined ? [] : Array.isArray(value) ? value : String(value).split(','),
    z.array(z.string().regex(/^[a-z0-9-]+$/, 'Select rule sets from the list')),
  ),
});

export function complianceRoutes(compliance: ComplianceService, printer: PdfPrinter): Router {
  const router = Router({ mergeParams: true });

  // kept by the address (date, rule sets, format), the role and today (ADR 0056)
  router.get('/compliance', keptPage('compliance', { by: ['date'] }), async (req, res) => {
    // the date as a GOV.UK date input, or at=YYYY-MM-DD as links give it (issue 23)
    const dated = queryDates(req.query, { at: { label: 'The date', partial: true } });
    const checked = validate(complianceQuery, dated.query);
    const problems = [...dated.problems, ...(checked.ok ? [] : checked.problems)];
    const query = checked.ok && !problems.length ? checked.value : { at: undefined, ruleset: [] };
    const date = query.at ? datedAt(query.at).date : undefined;
    const evaluation = await pageRead(res, () =>
      compliance.evaluate(callerOf(req), { date, ruleSetIds: query.ruleset }),
    );
    if (req.query.format === 'csv') {
      sendCsv(
        res,
        `compliance-${evaluation.date}`,
        toCsv(
          [
            'ruleSet',
            'rule',
            'title',
            'source',
            'strength',
            'status',
            'flag',
            'evidence',
            'attendance',
            'reason',
          ],
          evaluation.results.map((r) => ({
            ruleSet: r.ruleSet.title,
            rule: r.rule.id,
            title: r.rule.title,
            source: r.rule.source,
            strength: strengths[r.rule.strength],
            status: outcomeLabels[r.status],
            flag: r.rarelyAttended ? flagLabel : '',
            evidence: r.evidence.map(describeEvidence).join('; '),
            attendance: r.evidence.map(describeAttendance).filter(Boolean).join('; '),
            reason: r.status === 'met' ? '' : (r.reason ?? ''),
          })),
        ),
      );
      return;
    }
    const groups = evaluation.ruleSets.map((set) => ({
      set,
      results: evaluation.results.filter((r) => r.ruleSet.id === set.id),
    }));
    const documentName = `compliance-${tenantOf(req).slug}-${evaluation.date}`;
    if (req.query.format === 'docx') {
      const content = await complianceDocx(tenantOf(req).name, formatDate(evaluation.date), evaluation);
      return sendDocument(res, { name: documentName, type: 'docx', content });
    }
    if (req.query.format === 'pdf') {
      const title = `Compliance of ${tenantOf(req).name} on ${formatDate(evaluation.date)}`;
      const html = await renderPrintable(res, 'modules/compliance/views/report.njk', {
        title,
        tenant: tenantOf(req),
        evaluation,
        groups,
        strengths,
        outcomeLabels,
        outcomeMeanings,
        flagLabel,
        countsText,
        describeResult,
      });
      return sendPdf(res, printer, { name: documentName, title, html });
    }
    const all = await compliance.ruleSets();
    const links = (format: string) =>
      `/partnerships/${tenantOf(req).slug}/compliance?${new URLSearchParams({ at: evaluation.date, format, ...(query.ruleset.length ? { ruleset: query.ruleset.join(',') } : {}) })}`;
    res.render('modules/compliance/views/compliance.njk', {
      downloads: { csv: links('csv'), docx: links('docx'), pdf: links('pdf') },
      title: 'Compliance',
      tenant: tenantOf(req),
      evaluation,
      groups,
      allRuleSets: all,
      chosen: query.ruleset,
      atValues: problems.length || dated.query.at ? dated.query : dateValues('at', evaluation.date),
      errors: problems.length ? formErrors(problems) : undefined,
      strengths,
      outcomeLabels,
      outcomeMeanings,
      outcomeTags,
      flagLabel,
      countsText,
      describeEvidence,
      describeAttendance,
    });
  });

  return router;
}
