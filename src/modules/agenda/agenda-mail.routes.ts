// The "Send the agenda" page: who would get it, what changed since it was sent, and the button;
// and the meeting page's "Send the draft minutes for comment".
import { Router } from 'express';
import { callerOf, requirePermission, tenantOf } from '../../platform/http/auth.ts';
import { flash } from '../../platform/http/forms.ts';
import { formErrors, RuleViolation } from '../../platform/http/validation.ts';
import type { AgendaMailService } from './agenda-mail.service.ts';
import { isId } from '../meetings/index.ts';
import { notFound } from '../../platform/http/errors.ts';

const view = 'modules/agenda/views/send-agenda.njk';

export function agendaMailRoutes(agendaMail: AgendaMailService, mailConfigured: boolean): Router {
  const router = Router({ mergeParams: true });

  const locals = async (req: Parameters<Parameters<Router['get']>[1]>[0]) => {
    const meetingId = String(req.params.meeting);
    if (!isId(meetingId)) throw notFound();
    const tenant = tenantOf(req);
    const preview = await agendaMail.preview(callerOf(req), meetingId);
    const base = `/partnerships/${tenant.slug}/meetings/${meetingId}`;
    return {
      title: preview.lastSentAt ? 'Send the changes to the papers' : 'Send the agenda',
      tenant,
      ...preview,
      mailConfigured,
      action: `${base}/send-agenda`,
      backLink: base,
    };
  };

  router.get('/meetings/:meeting/send-agenda', requirePermission('partnership.edit'), async (req, res) => {
    res.render(view, await locals(req));
  });

  router.post('/meetings/:meeting/send-agenda', requirePermission('partnership.edit'), async (req, res) => {
    try {
      const { sent, kind } = await agendaMail.send(callerOf(req), String(req.params.meeting));
      flash(
        req,
        `${kind === 'agenda' ? 'The agenda' : 'The changes to the papers'} will be sent to ${sent} ${sent === 1 ? 'person' : 'people'}`,
      );
      res.redirect(303, (await locals(req)).backLink);
    } catch (error) {
      if (!(error instanceof RuleViolation)) throw error;
      res.status(400).render(view, { ...(await locals(req)), errors: formErrors(error.problems) });
    }
  });

  // "Send the draft minutes for comment": a button on the meeting page, refused with the reason
  router.post('/meetings/:meeting/send-minutes', requirePermission('partnership.edit'), async (req, res) => {
    const meetingId = String(req.params.meeting);
    if (!isId(meetingId)) throw notFound();
    const back = `/partnerships/${tenantOf(req).slug}/meetings/${meetingId}`;
    try {
      const sent = await agendaMail.sendDraftMinutes(callerOf(req), meetingId);
      flash(req, `The draft minutes will be sent to ${sent} ${sent === 1 ? 'person' : 'people'} for comment`);
      res.redirect(303, back);
    } catch (error) {
      if (!(error instanceof RuleViolation)) throw error;
      const { meeting } = await agendaMail.preview(callerOf(req), meetingId);
      res.status(400).render('modules/record/views/approve-refused.njk', {
        title: 'The draft minutes cannot be sent',
        tenant: tenantOf(req),
        meeting,
        errors: formErrors(error.problems),
        backLink: back,
      });
    }
  });

  return router;
}
