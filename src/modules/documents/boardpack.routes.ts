// The board pack: an editor asks for it to be made (a background job, ADR 0012) and anyone who
// may see the meeting downloads the finished PDF. The pack holds no exempt papers.
import { Router, type Request } from 'express';
import { callerOf, requirePermission, tenantOf } from '../../platform/http/auth.ts';
import { flash } from '../../platform/http/forms.ts';
import { notFound } from '../../platform/http/errors.ts';
import { sendDocument } from '../../platform/documents/render.ts';
import { meetingFileName } from '../../platform/documents/file-names.ts';
import type { BoardPackService } from './boardpack.service.ts';
import { isId } from '../meetings/index.ts';

export function boardPackRoutes(packs: BoardPackService): Router {
  const router = Router({ mergeParams: true });
  const meetingId = (req: Request) => {
    const id = String(req.params.meeting);
    if (!isId(id)) throw notFound();
    return id;
  };

  router.post('/meetings/:meeting/board-pack', requirePermission('partnership.edit'), async (req, res) => {
    const id = meetingId(req);
    await packs.request(callerOf(req), id);
    flash(req, 'The board pack is being made');
    res.redirect(303, `/partnerships/${tenantOf(req).slug}/meetings/${id}#board-pack`);
  });

  router.get('/meetings/:meeting/board-pack.pdf', async (req, res) => {
    const { content, meeting } = await packs.file(callerOf(req), meetingId(req));
    res.set('Cache-Control', 'private, no-store');
    // a name that says what it is: nottinghamshire-board-2009-01-21-pack.pdf (issue 23)
    sendDocument(res, { name: meetingFileName(tenantOf(req).slug, meeting, 'pack'), type: 'pdf', content });
  });

  return router;
}
