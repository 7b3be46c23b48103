// The pages anyone can open without an account: a consultation's response form through its
// link (/have-your-say/:slug/:token), anonymous, working without JavaScript on a phone; and the
// "you said, we did" page (/public/:slug/voice/:consultation), only when the partnership and
// the consultation's results are both published.
import { randomBytes } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { notFound } from '../../platform/http/errors.ts';
import { formErrors, RuleViolation } from '../../platform/http/validation.ts';
import type { VoiceService } from './voice.service.ts';
import { choicesOf } from './voice.answers.ts';
import { resultLocals } from './voice.routes.ts';

const views = 'modules/voice/views';
const deviceCookie = 'cooperate_voice_device';

interface Partnership {
  id: string;
  name: string;
  slug: string;
  published: boolean;
}

/** The random id this browser carries for response limits (never kept as it is: see deviceKey). */
function deviceOf(req: Request, res: Response, secure: boolean): string {
  const found = /(?:^|;\s*)cooperate_voice_device=([A-Za-z0-9_-]{20,64})(?:;|$)/.exec(
    req.get('cookie') ?? '',
  )?.[1];
  if (found) return found;
  const made = randomBytes(24).toString('base64url');
  res.cookie(deviceCookie, made, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: 400 * 24 * 3600 * 1000,
    path: '/have-your-say',
  });
  return made;
}

/** The form's fields as they were sent, for showing back after a problem. */
function valuesOf(body: Record<string, unknown>) {
  const values: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(body))
    if (key !== '_csrf') values[key] = Array.isArray(value) ? value.map(String) : String(value ?? '');
  return values;
}

export function voicePublicRoutes(
  voice: VoiceService,
  partnershipOf: (slug: string) => Promise<Partnership | null>,
  options: { secureCookies: boolean },
): Router {
  const router = Router();

  async function opening(req: Request) {
    const partnership = await partnershipOf(String(req.params.slug));
    if (!partnership)
      throw notFound('This link is not valid. Check that you typed or scanned the whole link.');
    const opened = await voice.openLink(partnership.id, String(req.params.token));
    if (!opened) throw notFound('This link is not valid. Check that you typed or scanned the whole link.');
    return { partnership, ...opened };
  }
  const formLocals = (req: Request, found: Awaited<ReturnType<typeof opening>>) => ({
    title: found.consultation.title,
    partnership: { name: found.partnership.name },
    consultation: found.consultation,
    questions: found.questions.map((q) => ({ ...q, offered: choicesOf(q) })),
    easyRead: req.query.version === 'easy-read',
    action: req.originalUrl,
    ...resultLocals,
  });

  router.get('/have-your-say/:slug/:token', async (req, res) => {
    const found = await opening(req);
    res.set('Referrer-Policy', 'no-referrer');
    res.set('Cache-Control', 'no-store');
    if (found.closed)
      return res
        .status(410)
        .render(`${views}/closed.njk`, { title: found.consultation.title, message: found.closed });
    deviceOf(req, res, options.secureCookies);
    res.render(`${views}/respond.njk`, { ...formLocals(req, found), values: {} });
  });

  router.post('/have-your-say/:slug/:token', async (req, res) => {
    const found = await opening(req);
    res.set('Referrer-Policy', 'no-referrer');
    res.set('Cache-Control', 'no-store');
    const device = deviceOf(req, res, options.secureCookies);
    try {
      await voice.respond(
        found.partnership.id,
        String(req.params.token),
        device,
        req.body as Record<string, unknown>,
      );
    } catch (error) {
      if (!(error instanceof RuleViolation)) throw error;
      const closedOrFull = error.problems.some((p) => p.path === 'form');
      if (closedOrFull)
        return res.status(found.closed ? 410 : 409).render(`${views}/closed.njk`, {
          title: found.consultation.title,
          message: error.problems[0]!.message,
        });
      return res.status(400).render(`${views}/respond.njk`, {
        ...formLocals(req, found),
        values: valuesOf(req.body as Record<string, unknown>),
        errors: formErrors(error.problems),
      });
    }
    res.render(`${views}/thanks.njk`, {
      title: 'Thank you',
      consultation: found.consultation,
      partnership: { name: found.partnership.name },
    });
  });

  return router;
}

/**
 * The "you said, we did" page, with the public site: signed out and mounted before the session,
 * so that it sets no cookie (ADR 0029).
 */
export function voiceYouSaidRoutes(
  voice: VoiceService,
  partnershipOf: (slug: string) => Promise<Partnership | null>,
): Router {
  const router = Router();
  router.get('/public/:slug/voice/:consultation', async (req, res) => {
    const partnership = await partnershipOf(String(req.params.slug));
    if (!partnership?.published) throw notFound();
    const found = await voice.published(partnership.id, String(req.params.consultation));
    if (!found) throw notFound();
    res.render(`${views}/public.njk`, {
      title: `You said, we did: ${found.consultation.title}`,
      partnership: { name: partnership.name },
      ...found,
      ...resultLocals,
    });
  });
  return router;
}
