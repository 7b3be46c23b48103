// An agenda item's committee report: the page (and its Word and PDF downloads) and the form to
// write or change it. An exempt item's report is, to anyone without the right, not found.
import { Router, type Request } from 'express';
import { allowed, callerOf, requirePermission, tenantOf } from '../../platform/http/auth.ts';
import { flash, submitForm } from '../../platform/http/forms.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { PdfPrinter } from '../../platform/documents/pdf.ts';
import { renderPrintable, sendDocument, sendPdf } from '../../platform/documents/render.ts';
import { meetingFileName } from '../../platform/documents/file-names.ts';
import { formatDate } from '../../platform/views/nunjucks.ts';
import type { ReportService } from './report.service.ts';
import { committeeReportSchema } from './report.schemas.ts';
import { reportDocx } from './report.docx.ts';
import { reportHeader, reportSections } from './report.sections.ts';
import { isId } from '../meetings/index.ts';

const views = 'modules/documents/views';

export function reportRoutes(reports: ReportService, printer: PdfPrinter): Router {
  const router = Router({ mergeParams: true });
  const path = '/meetings/:meeting/agenda/:item/report';

  async function reportOf(req: Request) {
    const [meetingId, itemId] = [String(req.params.meeting), String(req.params.item)];
    if (!isId(meetingId) || !isId(itemId)) throw notFound();
    const found = await reports.report(callerOf(req), meetingId, itemId);
    const url = `/partnerships/${tenantOf(req).slug}/meetings/${meetingId}/agenda/${itemId}/report`;
    return { ...found, url };
  }

  router.get(path, async (req, res) => {
    const found = await reportOf(req);
    const { report, meeting, item } = found;
    const header = report && reportHeader(report, meeting, item, (date) => formatDate(date));
    const format = req.query.format;
    if (report && header && (format === 'docx' || format === 'pdf')) {
      res.set('Cache-Control', 'private, no-store');
      const name = meetingFileName(tenantOf(req).slug, meeting, `item-${item.number}-report`);
      if (format === 'docx')
        return sendDocument(res, {
          name,
          type: 'docx',
          content: await reportDocx(tenantOf(req).name, report, header),
        });
      const html = await renderPrintable(res, `${views}/report-print.njk`, {
        title: report.title,
        tenant: tenantOf(req),
        meeting,
        item,
        header,
        sections: reportSections(report),
      });
      return sendPdf(res, printer, { name, title: report.title, html });
    }
    res.render(`${views}/report.njk`, {
      title: report?.title ?? `Report for item ${item.number}: ${item.title}`,
      meeting,
      item,
      report,
      header,
      sections: report ? reportSections(report) : [],
      canEdit: allowed(req, 'partnership.edit'),
      editUrl: `${found.url}/edit`,
      backLink: `/partnerships/${tenantOf(req).slug}/meetings/${meeting.id}#agenda`,
    });
  });

  const formLocals = (found: Awaited<ReturnType<typeof reportOf>>) => ({
    title: found.report
      ? `Change the report for item ${found.item.number}`
      : `Write the report for item ${found.item.number}`,
    meeting: found.meeting,
    item: found.item,
    backLink: found.url,
  });

  router.get(`${path}/edit`, requirePermission('partnership.edit'), async (req, res) => {
    const found = await reportOf(req);
    const values = found.report
      ? { ...found.report, recommendations: found.report.recommendations.join('\n') }
      : {
          title: found.item.title,
          reportOf: found.item.presenter ?? '',
          // a report is addressed to the body (or bodies) the meeting is of
          reportTo: found.meeting.bodies.map((body) => body.name).join(' and ') || found.meeting.title,
        };
    res.render(`${views}/report-form.njk`, { ...formLocals(found), values });
  });

  router.post(`${path}/edit`, requirePermission('partnership.edit'), async (req, res) => {
    const found = await reportOf(req);
    const done = await submitForm(
      req,
      res,
      {
        view: `${views}/report-form.njk`,
        locals: formLocals(found),
        schema: committeeReportSchema,
        input: req.body,
      },
      async (value) => {
        await reports.save(callerOf(req), found.meeting.id, found.item.id, value);
      },
    );
    if (!done) return;
    flash(req, 'The report has been saved');
    res.redirect(303, found.url);
  });

  return router;
}
