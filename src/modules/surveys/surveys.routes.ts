// A partnership's surveys: the list, and each survey's summary table (page, CSV, Word), its
// coded answers with counts and a chart, and its findings with their evidence. The same table
// is what an invited partnership sees of a survey (its own answers, or all once published).
import { Router, type Request, type Response } from 'express';
import { sendCsv, toCsv, type CsvFile } from '../../platform/documents/csv.ts';
import { allowed, callerOf, tenantOf } from '../../platform/http/auth.ts';
import { today } from '../../platform/http/date-input.ts';
import { notFound } from '../../platform/http/errors.ts';
import { sendDocument } from '../../platform/documents/render.ts';
import type { CollatedSurvey, SurveysService } from './surveys.service.ts';
import { surveyDocx } from './surveys.docx.ts';
import { answerText, asAtText, summaryRows } from './surveys.table.ts';
import { statusLabels } from './surveys.authoring.ts';
import { suppressedMark } from './surveys.suppression.ts';

const views = 'modules/surveys/views';

/** The summary table as CSV. */
export function surveyCsv(collated: CollatedSurvey): CsvFile {
  // rows as cells in the columns' order: two questions may have the same text
  const rows = summaryRows(collated).map((row) => [
    row.group,
    row.number,
    row.authority,
    row.asAt,
    ...collated.questions.map((_, index) => row.answers[index]),
  ]);
  return toCsv(
    ['Group', 'Number', 'Authority', 'Correct as at', ...collated.questions.map((q) => q.text)],
    rows,
  );
}

/** The survey as a page, or as CSV or Word when `?format=` asks. */
export async function sendSurvey(
  req: Request,
  res: Response,
  collated: CollatedSurvey,
  locals: Record<string, unknown>,
): Promise<void> {
  if (req.query.format === 'csv') {
    sendCsv(res, collated.survey.slug, surveyCsv(collated));
    return;
  }
  if (req.query.format === 'docx') {
    // the survey is its owner's paper, also when an invited partnership downloads it (`byId`)
    const owner = (collated as Partial<{ owner: { name: string } }>).owner;
    return sendDocument(res, {
      name: collated.survey.slug,
      type: 'docx',
      content: await surveyDocx(collated, owner?.name ?? tenantOf(req).name),
    });
  }
  res.render(`${views}/show.njk`, {
    title: collated.survey.title,
    tenant: tenantOf(req),
    ...collated,
    answerText,
    asAtText,
    statusLabels,
    suppressedMark,
    closed: Boolean(collated.survey.closesOn && collated.survey.closesOn < today()),
    ...locals,
  });
}

export function surveysRoutes(surveys: SurveysService): Router {
  const router = Router({ mergeParams: true });

  router.get('/surveys', async (req, res) => {
    res.render(`${views}/list.njk`, {
      title: 'Surveys',
      tenant: tenantOf(req),
      surveys: await surveys.list(callerOf(req)),
      invited: await surveys.invited(callerOf(req)),
      statusLabels,
      canEdit: allowed(req, 'partnership.edit'),
      base: `/partnerships/${tenantOf(req).slug}`,
    });
  });

  router.get('/surveys/:survey', async (req, res) => {
    const collated = await surveys.get(callerOf(req), String(req.params.survey));
    if (!collated) throw notFound();
    await sendSurvey(req, res, collated, {
      base: `/partnerships/${tenantOf(req).slug}/surveys/${collated.survey.slug}`,
      isOwner: true,
      canEdit: allowed(req, 'partnership.edit'),
      backLink: `/partnerships/${tenantOf(req).slug}/surveys`,
    });
  });

  return router;
}
