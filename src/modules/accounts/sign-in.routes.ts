import { Router } from 'express';
import type { RequestHandler } from 'express';
import { z } from 'zod';
import { formErrors, validate } from '../../platform/http/validation.ts';
import type { AccountsService } from './accounts.service.ts';
import { signInSchema } from './accounts.schemas.ts';

const view = 'modules/accounts/views/sign-in.njk';

/** Only local paths: a sign-in link must not send anyone to another site. */
const returnTo = z
  .string()
  .regex(/^\/(?![/\\])[^\s]*$/)
  .catch('/');

export function signInRoutes(accounts: AccountsService, limiter: RequestHandler): Router {
  const router = Router();

  router.get('/sign-in', (req, res) => {
    if (req.user) return res.redirect(303, '/');
    res.render(view, { title: 'Sign in', values: {}, returnTo: returnTo.parse(req.query.returnTo) });
  });

  router.post('/sign-in', limiter, async (req, res, next) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const locals = {
      title: 'Sign in',
      values: { email: body.email },
      returnTo: returnTo.parse(body.returnTo),
    };
    const checked = validate(signInSchema, body);
    if (!checked.ok) return res.status(400).render(view, { ...locals, errors: checked.errors });
    const result = await accounts.signIn(checked.value.email, checked.value.password);
    if (result.outcome !== 'signed-in') {
      const message =
        result.outcome === 'locked'
          ? `Your account is locked because of too many attempts to sign in. Try again in ${result.minutes} minute${result.minutes === 1 ? '' : 's'}.`
          : 'Enter a correct email address and password';
      req.log?.info({ outcome: result.outcome }, 'sign-in refused');
      return res.status(result.outcome === 'locked' ? 423 : 401).render(view, {
        ...locals,
        errors: formErrors([{ path: 'email', message }]),
      });
    }
    // A new session id on sign-in, so a session fixed before it is worth nothing.
    req.session.regenerate((error) => {
      if (error) return next(error);
      req.session.userId = result.userId;
      req.session.save((saveError) => (saveError ? next(saveError) : res.redirect(303, locals.returnTo)));
    });
  });

  router.post('/sign-out', (req, res, next) => {
    req.session.destroy((error) => {
      if (error) return next(error);
      res.clearCookie('cooperate.sid');
      res.redirect(303, '/sign-in?signedOut=1');
    });
  });

  return router;
}
