// Calendars that subscribe. The personal feed lives at a secret address (/calendars/{token}.ics,
// no session: a calendar application has none), made, shown once and stopped on the user's
// account page (/account/calendar). A stopped or unknown address answers 404.
import { Router } from 'express';
import { callerOf, requireSignIn } from '../../platform/http/auth.ts';
import { flash } from '../../platform/http/forms.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { PublicSiteService } from './public.service.ts';

const views = 'modules/public/views';

/** The secret feed: mounted before the session, like the public site. */
export function calendarFeedRoutes(service: PublicSiteService, publicUrl: string | undefined): Router {
  const router = Router();
  router.get('/calendars/:file', async (req, res) => {
    const match = /^(.+)\.ics$/.exec(String(req.params.file));
    const origin = publicUrl ?? `${req.protocol}://${req.get('host')}`;
    const text = match?.[1]
      ? await service.personalFeed(
          match[1],
          (slug, meeting) => `${origin}/partnerships/${slug}/meetings/${meeting.id}`,
        )
      : null;
    if (text === null) throw notFound();
    res.set({ 'Cache-Control': 'private, no-store', 'Referrer-Policy': 'no-referrer' });
    res.type('text/calendar; charset=utf-8').send(text);
  });
  return router;
}

/** The account page that shows, makes and stops the secret address. */
export function calendarAccountRoutes(service: PublicSiteService, publicUrl: string | undefined): Router {
  const router = Router();
  router.use('/account/calendar', requireSignIn);
  const addressOf = (origin: string, token: string) => `${origin}/calendars/${token}.ics`;

  router.get('/account/calendar', async (req, res) => {
    res.render(`${views}/account-calendar.njk`, {
      title: 'Your calendar',
      feed: await service.feed(req.user!.id),
    });
  });

  router.post('/account/calendar', async (req, res) => {
    const token = await service.newFeed(callerOf(req), req.user!.id);
    const origin = publicUrl ?? `${req.protocol}://${req.get('host')}`;
    res.set('Cache-Control', 'no-store');
    res.render(`${views}/account-calendar.njk`, {
      title: 'Your calendar',
      feed: await service.feed(req.user!.id),
      address: addressOf(origin, token),
    });
  });

  router.post('/account/calendar/stop', async (req, res) => {
    await service.revokeFeed(callerOf(req), req.user!.id);
    flash(req, 'Your calendar address has been stopped: calendars using it will no longer update');
    res.redirect(303, '/account/calendar');
  });

  return router;
}
