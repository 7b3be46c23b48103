// A partnership's surveys: the list, and each survey's summary table (page, CSV, Word), its
// coded answers with counts and a chart, and its findings with their evidence.
import { Router } from 'express';
import { stringify } from 'csv-stringify/sync';
import { callerOf, tenantOf } from '../../platform/http/auth.ts';
import { notFound } from '../../platform/http/errors.ts';
import { sendDocument } from '../../platform/documents/render.ts';
import type { SurveysService } from './surveys.service.ts';
import { surveyDocx } from './surveys.docx.ts';
import { answerText, asAtText, summaryRows } from './surveys.table.ts';

const views = 'modules/surveys/views';

export function surveysRoutes(surveys: SurveysService): Router {
  const router = Router({ mergeParams: true });

  router.get('/surveys', async (req, res) => {
    res.render(`${views}/list.njk`, {
      title: 'Surveys',
      tenant: tenantOf(req),
      surveys: await surveys.list(callerOf(req)),
      base: `/partnerships/${tenantOf(req).slug}`,
    });
  });

  router.get('/surveys/:survey', async (req, res) => {
    const collated = await surveys.get(callerOf(req), String(req.params.survey));
    if (!collated) throw notFound();
    const base = `/partnerships/${tenantOf(req).slug}/surveys/${collated.survey.slug}`;
    if (req.query.format === 'csv') {
      const rows = summaryRows(collated).map((row) => ({
        Group: row.group,
        Number: row.number,
        Authority: row.authority,
        'Correct as at': row.asAt,
        ...Object.fromEntries(collated.questions.map((q, index) => [q.text, row.answers[index]])),
      }));
      res
        .type('text/csv')
        .attachment(`${collated.survey.slug}.csv`)
        .send(stringify(rows, { header: true }));
      return;
    }
    if (req.query.format === 'docx') {
      return sendDocument(res, {
        name: collated.survey.slug,
        type: 'docx',
        content: await surveyDocx(collated),
      });
    }
    res.render(`${views}/show.njk`, {
      title: collated.survey.title,
      tenant: tenantOf(req),
      ...collated,
      answerText,
      asAtText,
      base,
      backLink: `/partnerships/${tenantOf(req).slug}/surveys`,
    });
  });

  return router;
}
