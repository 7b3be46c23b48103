// The "Send the agenda" page: who would get it, what changed since it was sent, and the button.
import { Router } from 'express';
import { callerOf, requirePermission, tenantOf } from '../../platform/http/auth.ts';
import { flash } from '../../platform/http/forms.ts';
import { formErrors, RuleViolation } from '../../platform/http/validation.ts';
import type { AgendaMailService } from './agenda-mail.service.ts';
import { isId } from './time.ts';
import { notFound } from '../../platform/http/errors.ts';

const view = 'modules/meetings/views/send-agenda.njk';

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

  return router;
}
