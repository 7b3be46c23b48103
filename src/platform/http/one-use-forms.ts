// One-use form tokens, the web side (ADR 0044): a double click, a resent form or fifty
// identical POSTs make one thing. A form that makes something carries `_form`, a random token
// (`formToken` in its template); the first write transaction of the request that sends it
// claims its digest (`platform/db/form-claims.ts`) and the redirect it answers with is noted;
// a later request with the same token writes nothing and is sent where the first one went.
import { createHash, randomBytes } from 'node:crypto';
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { Kysely } from 'kysely';
import {
  AlreadySubmitted,
  formClaimed,
  formResult,
  recordFormResult,
  withFormClaim,
} from '../db/form-claims.ts';
import { HttpError } from './errors.ts';

export const formTokenField = '_form';
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

const tokenIn = (body: unknown): string | undefined => {
  const value = (body as Record<string, unknown> | undefined)?.[formTokenField];
  return typeof value === 'string' && tokenPattern.test(value) ? value : undefined;
};
const digestOf = (token: string) => createHash('sha256').update(`form:${token}`).digest('hex');

/**
 * Gives pages `formToken` (a form re-rendered after a problem keeps the token it was sent
 * with), and runs a POST that carries one with its claim.
 */
export function oneUseForms(owner: Kysely<unknown>): RequestHandler {
  return (req, res, next) => {
    const sent = tokenIn(req.body);
    let token = sent;
    Object.defineProperty(res.locals, 'formToken', {
      enumerable: true,
      get: () => (token ??= randomBytes(32).toString('base64url')),
    });
    if (req.method !== 'POST' || !sent) return next();
    const digest = digestOf(sent);
    noteResult(res, owner);
    withFormClaim(digest, () => next());
  };
}

/** Notes the redirect of a request whose token was claimed, before it is sent. */
function noteResult(res: Response, owner: Kysely<unknown>) {
  const redirect = res.redirect.bind(res) as (...args: unknown[]) => void;
  res.redirect = ((...args: unknown[]) => {
    const digest = formClaimed();
    if (!digest) return redirect(...args);
    const location = String(typeof args[0] === 'number' ? args[1] : args[0]);
    recordFormResult(owner, digest, location).then(
      () => redirect(...args),
      () => redirect(...args),
    );
  }) as Response['redirect'];
}

/** How long a repeat waits for the first submission to answer, and how often it looks. */
const patience = { tries: 100, every: 50 };

/**
 * Answers a repeated form: 303 to where the first submission went, once it has answered; a
 * 409 page if it has not answered in five seconds (it is still being saved).
 */
export function repeatedForms(owner: Kysely<unknown>): ErrorRequestHandler {
  return (error, _req, res, next) => {
    if (!(error instanceof AlreadySubmitted)) return next(error);
    const look = async (): Promise<string | undefined> => {
      for (let attempt = 0; attempt < patience.tries; attempt++) {
        const location = await formResult(owner, error.digest);
        if (location) return location;
        await new Promise((resolve) => setTimeout(resolve, patience.every));
      }
      return undefined;
    };
    look().then(
      (location) =>
        location
          ? res.redirect(303, location)
          : next(
              new HttpError(
                409,
                'This form has already been sent',
                'It was sent a moment ago and is still being saved. Go back to the page it came from to see the result.',
              ),
            ),
      next,
    );
  };
}
