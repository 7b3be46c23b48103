// A meeting's minutes as documents (issue 19): Word in the house style and a tagged PDF, for
// anyone who may see the meeting; exempt items are withheld from whoever may not see them.
import { Router, type Request } from 'express';
import { callerOf, tenantOf } from '../../platform/http/auth.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { PdfPrinter } from '../../platform/documents/pdf.ts';
import { renderPrintable, sendDocument, sendPdf } from '../../platform/documents/render.ts';
import { meetingFileName } from '../../platform/documents/file-names.ts';
import { type MeetingsService, isId } from '../meetings/index.ts';
import { minutesDocx, minutesOf, type MinutesSources } from './minutes.document.ts';

export function minutesRoutes(
  meetings: MeetingsService,
  sources: MinutesSources,
  printer: PdfPrinter,
): Router {
  const router = Router({ mergeParams: true });

  async function minutesFor(req: Request) {
    const id = String(req.params.meeting);
    if (!isId(id)) throw notFound();
    const caller = callerOf(req);
    const meeting = await meetings.get(caller, id);
    return { meeting, minutes: await minutesOf(sources, caller, meeting) };
  }

  router.get('/meetings/:meeting/minutes.docx', async (req, res) => {
    const { meeting, minutes } = await minutesFor(req);
    res.set('Cache-Control', 'private, no-store');
    sendDocument(res, {
      name: meetingFileName(tenantOf(req).slug, meeting, 'minutes'),
      type: 'docx',
      content: await minutesDocx(tenantOf(req).name, minutes),
    });
  });

  router.get('/meetings/:meeting/minutes.pdf', async (req, res) => {
    const { meeting, minutes } = await minutesFor(req);
    res.set('Cache-Control', 'private, no-store');
    const html = await renderPrintable(res, 'modules/documents/views/minutes-print.njk', {
      title: minutes.title,
      tenant: tenantOf(req),
      minutes,
    });
    await sendPdf(res, printer, {
      name: meetingFileName(tenantOf(req).slug, meeting, 'minutes'),
      title: minutes.title,
      html,
    });
  });

  return router;
}
