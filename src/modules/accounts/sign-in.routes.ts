import { Router } from 'express';
import type { Request, RequestHandler, Response } from 'express';
import 'express-session';
import { z } from 'zod';
import { notFound } from '../../platform/http/errors.ts';
import { formErrors, validate } from '../../platform/http/validation.ts';
import type { AccountsService, IdentitySignInResult, SignInContext } from './accounts.service.ts';
import { signInSchema } from './accounts.schemas.ts';
import {
  pendingLifetimeMs,
  ProviderUnavailable,
  ResponseRefused,
  type OidcClient,
  type PendingSignIn,
} from './oidc.ts';

declare module 'express-session' {
  interface SessionData {
    /** A sign-in started at the identity provider, until the provider sends the person back. */
    oidcSignIn?: PendingSignIn;
  }
}

const view = 'modules/accounts/views/sign-in.njk';
const problemView = 'modules/accounts/views/sign-in-problem.njk';

/** Only local paths: a sign-in link must not send anyone to another site. */
const returnTo = z
  .string()
  .regex(/^\/(?![/\\])[^\s]*$/)
  .catch('/');

export interface SignInOptions {
  /** Password sign-in (PASSWORD_SIGN_IN); off only when a provider is configured. */
  passwordSignIn?: boolean;
  /** The council's OpenID Connect provider, when configured (ADR 0031). */
  oidc?: OidcClient | undefined;
}

const contextOf = (req: Request): SignInContext => ({ requestId: String(req.id), address: req.ip });

export function signInRoutes(
  accounts: AccountsService,
  limiter: RequestHandler,
  options: SignInOptions = {},
): Router {
  const router = Router();
  const passwords = options.passwordSignIn ?? true;
  const oidc = options.oidc;
  const pageLocals = { passwordSignIn: passwords, providerLabel: oidc?.label };

  /** A new session id on sign-in, so a session fixed before it is worth nothing. */
  const startSession = (
    req: Request,
    res: Response,
    userId: string,
    next: (error?: unknown) => void,
    to: string,
  ) =>
    req.session.regenerate((error) => {
      if (error) return next(error);
      req.session.userId = userId;
      req.session.save((saveError) => (saveError ? next(saveError) : res.redirect(303, to)));
    });

  const problem = (res: Response, status: number, locals: Record<string, unknown>) =>
    res.status(status).render(problemView, { ...pageLocals, ...locals });

  router.get('/sign-in', (req, res) => {
    if (req.user) return res.redirect(303, '/');
    res.render(view, {
      ...pageLocals,
      title: 'Sign in',
      values: {},
      returnTo: returnTo.parse(req.query.returnTo),
    });
  });

  router.post('/sign-in', limiter, async (req, res, next) => {
    if (!passwords) return next(notFound());
    const body = (req.body ?? {}) as Record<string, unknown>;
    const locals = {
      ...pageLocals,
      title: 'Sign in',
      values: { email: body.email },
      returnTo: returnTo.parse(body.returnTo),
    };
    const checked = validate(signInSchema, body);
    if (!checked.ok) return res.status(400).render(view, { ...locals, errors: checked.errors });
    const result = await accounts.signIn(checked.value.email, checked.value.password, contextOf(req));
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
    startSession(req, res, result.userId, next, locals.returnTo);
  });

  if (oidc) {
    router.get('/sign-in/oidc', async (req, res, next) => {
      if (req.user) return res.redirect(303, '/');
      try {
        const { url, pending } = await oidc.start(returnTo.parse(req.query.returnTo));
        req.session.oidcSignIn = pending;
        req.session.save((error) => (error ? next(error) : res.redirect(303, url)));
      } catch (error) {
        if (!(error instanceof ProviderUnavailable)) return next(error);
        req.log?.warn({ err: error }, 'identity provider unavailable');
        problem(res, 503, { title: 'The sign-in service is not available', kind: 'unavailable' });
      }
    });

    router.get('/sign-in/oidc/callback', async (req, res, next) => {
      const pending = req.session.oidcSignIn;
      // one use: a second visit to the same answer finds nothing to finish
      if (pending) delete req.session.oidcSignIn;
      const context = contextOf(req);
      const refuse = async (reason: string, kind: 'not-completed' | 'cancelled') => {
        await accounts.providerSignInFailed(reason, context);
        req.log?.info({ reason }, 'identity provider sign-in refused');
        problem(res, kind === 'cancelled' ? 401 : 400, {
          title: kind === 'cancelled' ? 'You did not sign in' : 'Your sign-in could not be completed',
          kind,
        });
      };
      try {
        if (!pending || Date.now() - pending.startedAt > pendingLifetimeMs)
          return await refuse(
            pending ? 'the sign-in took too long' : 'no sign-in was started in this browser',
            'not-completed',
          );
        const search = req.originalUrl.includes('?')
          ? req.originalUrl.slice(req.originalUrl.indexOf('?'))
          : '';
        let identity;
        try {
          identity = await oidc.finish(search, pending);
        } catch (error) {
          if (error instanceof ProviderUnavailable) {
            req.log?.warn({ err: error }, 'identity provider unavailable');
            await accounts.providerSignInFailed('the provider did not answer', context);
            return problem(res, 503, { title: 'The sign-in service is not available', kind: 'unavailable' });
          }
          if (!(error instanceof ResponseRefused)) throw error;
          return await refuse(
            `the provider's answer was refused (${error.message})`,
            error.providerError === 'access_denied' ? 'cancelled' : 'not-completed',
          );
        }
        const result = await accounts.signInWithIdentity(
          identity,
          { acceptInvitations: oidc.acceptInvitations },
          context,
        );
        if (result.outcome === 'signed-in')
          return startSession(req, res, result.userId, next, pending.returnTo);
        req.log?.info({ outcome: result.outcome }, 'identity provider sign-in refused');
        problem(res, 403, refusal(result));
      } catch (error) {
        next(error);
      }
    });
  }

  router.post('/sign-out', async (req, res, next) => {
    try {
      if (req.user?.via === 'session') await accounts.signedOut(req.user, contextOf(req));
    } catch (error) {
      return next(error);
    }
    req.session.destroy((error) => {
      if (error) return next(error);
      res.clearCookie('cooperate.sid');
      res.redirect(303, '/sign-in?signedOut=1');
    });
  });

  return router;
}

function refusal(result: Exclude<IdentitySignInResult, { outcome: 'signed-in' }>) {
  switch (result.outcome) {
    case 'unknown':
      return { title: 'You do not have an account yet', kind: 'unknown', email: result.email };
    case 'unverified':
      return { title: 'Your email address is not verified', kind: 'unverified', email: result.email };
    case 'other-identity':
      return {
        title: 'This account is linked to another sign-in',
        kind: 'other-identity',
        email: result.email,
      };
    case 'no-email':
      return { title: 'Your account has no email address', kind: 'no-email' };
  }
}
