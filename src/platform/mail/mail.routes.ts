// The outbox page of a partnership (its administrators), a person's choices of e-mail, and the
// unsubscribe link every optional message carries (RFC 8058: a POST with no sign-in).
import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { actorOf, callerOf, requirePermission, requireSignIn, tenantOf } from '../http/auth.ts';
import { flash } from '../http/forms.ts';
import { notFound } from '../http/errors.ts';
import { formErrors, RuleViolation } from '../http/validation.ts';
import type { MailService } from './outbox.ts';

const pageSize = 50;
const states = ['queued', 'digest', 'sent', 'in-digest', 'failed', 'bounced'] as const;
export const stateLabels: Record<string, string> = {
  queued: 'Waiting to be sent',
  digest: 'Kept for a daily digest',
  sent: 'Sent',
  'in-digest': 'Sent in a digest',
  failed: 'Failed',
  bounced: 'Refused by the mail server',
};

const filterSchema = z.object({
  state: z.enum(states).optional().catch(undefined),
  page: z.coerce.number().int().min(1).catch(1),
});

/** Pages under /partnerships/:slug: the outbox and one message. */
export function outboxRoutes(mail: MailService): Router {
  const router = Router({ mergeParams: true });

  router.get('/mail', requirePermission('audit.read'), async (req, res) => {
    const tenant = tenantOf(req);
    const filter = filterSchema.parse(req.query);
    const { rows, total, counts } = await mail.outbox(callerOf(req), filter, pageSize);
    res.render('platform/mail/views/outbox.njk', {
      title: 'Outbox',
      tenant,
      rows,
      total,
      counts,
      filter,
      states: states.map((state) => ({ value: state, text: stateLabels[state], count: counts[state] ?? 0 })),
      stateLabels,
      configured: mail.configured,
      page: filter.page,
      pages: Math.max(1, Math.ceil(total / pageSize)),
      backLink: `/partnerships/${tenant.slug}`,
    });
  });

  router.get('/mail/:id', requirePermission('audit.read'), async (req, res) => {
    const tenant = tenantOf(req);
    const id = String(req.params.id);
    const row = z.uuid().safeParse(id).success ? await mail.message(callerOf(req), id) : undefined;
    if (!row) throw notFound();
    res.render('platform/mail/views/message.njk', {
      title: row.subject,
      tenant,
      row,
      stateLabels,
      backLink: `/partnerships/${tenant.slug}/mail`,
    });
  });

  router.post('/mail/send', requirePermission('users.manage'), async (req, res) => {
    const tenant = tenantOf(req);
    try {
      const count = await mail.sendWaiting(
        callerOf(req),
        (req.body as Record<string, unknown>)?.failed === 'yes',
      );
      flash(req, `${count} message${count === 1 ? '' : 's'} will be sent`);
      res.redirect(303, `/partnerships/${tenant.slug}/mail`);
    } catch (error) {
      if (!(error instanceof RuleViolation)) throw error;
      const { rows, total, counts } = await mail.outbox(callerOf(req), { page: 1 }, pageSize);
      res.status(400).render('platform/mail/views/outbox.njk', {
        title: 'Outbox',
        tenant,
        rows,
        total,
        counts,
        filter: {},
        states: states.map((state) => ({
          value: state,
          text: stateLabels[state],
          count: counts[state] ?? 0,
        })),
        stateLabels,
        configured: mail.configured,
        page: 1,
        pages: Math.max(1, Math.ceil(total / pageSize)),
        errors: formErrors(error.problems),
        backLink: `/partnerships/${tenant.slug}`,
      });
    }
  });

  return router;
}

/** A signed-in person's choices: per kind, immediately, a daily digest or not at all. */
export function mailChoicesRoutes(mail: MailService): Router {
  const router = Router();
  const view = 'platform/mail/views/choices.njk';

  router.get('/account/mail', requireSignIn, async (req, res) => {
    res.render(view, {
      title: 'Your e-mails',
      kinds: await mail.choices(req.user!.email),
      configured: mail.configured,
    });
  });

  router.post('/account/mail', requireSignIn, async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const kinds = await mail.choices(req.user!.email);
    const choices = Object.fromEntries(
      kinds.filter((kind) => kind.optional).map((kind) => [kind.kind, String(body[kind.kind] ?? '')]),
    );
    try {
      await mail.setChoices(actorOf(req), req.user!.email, choices);
    } catch (error) {
      if (!(error instanceof RuleViolation)) throw error;
      return res.status(400).render(view, {
        title: 'Your e-mails',
        kinds: kinds.map((kind) => ({ ...kind, choice: choices[kind.kind] ?? kind.choice })),
        configured: mail.configured,
        errors: formErrors(error.problems),
      });
    }
    flash(req, 'Your choices of e-mail have been saved');
    res.redirect(303, '/account/mail');
  });

  return router;
}

const tokenPattern = /^[A-Za-z0-9_-]{20,64}$/;

/** The page an unsubscribe link opens (with a button), after the CSRF check. */
export function unsubscribePageRoutes(mail: MailService): Router {
  const router = Router();
  router.get('/unsubscribe/:token', async (req, res) => {
    const token = String(req.params.token);
    const link = tokenPattern.test(token) ? await mail.unsubscribeLink(token) : null;
    if (!link?.ok)
      return res.status(link ? 410 : 404).render('platform/mail/views/unsubscribe.njk', {
        title: 'You cannot use this link',
        problem: link?.reason ?? 'This link to stop e-mails is not valid.',
      });
    res.render('platform/mail/views/unsubscribe.njk', { title: 'Stop these e-mails', link, token });
  });
  return router;
}

/**
 * The unsubscribe POST, before the CSRF check: a mail client's one-click request (RFC 8058,
 * body `List-Unsubscribe=One-Click`) has no session; the link's secret token is the check.
 */
export function oneClickUnsubscribe(mail: MailService): RequestHandler {
  const router = Router();
  router.post('/unsubscribe/:token', async (req, res) => {
    const token = String(req.params.token);
    const done = tokenPattern.test(token) ? await mail.unsubscribe(token) : { ok: false as const };
    const oneClick = (req.body as Record<string, unknown> | undefined)?.['List-Unsubscribe'] === 'One-Click';
    if (oneClick)
      return res
        .status(done.ok ? 200 : 410)
        .type('text/plain')
        .send(done.ok ? 'Unsubscribed' : 'Not valid');
    res.status(done.ok ? 200 : 410).render('platform/mail/views/unsubscribe.njk', {
      title: done.ok ? 'You will not get these e-mails any more' : 'You cannot use this link',
      done: done.ok,
      problem: done.ok ? undefined : 'This link has already been used, has expired or is not valid.',
    });
  });
  return router;
}
