// Named HTTP errors and the one responder that turns any of them into a GOV.UK error page
// or an RFC 9457 problem document for the JSON API.
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { FieldProblem } from './validation.ts';
import { StaleVersion } from '../db/row-version.ts';

export class HttpError extends Error {
  readonly status: number;
  readonly title: string;
  readonly problems: FieldProblem[];
  constructor(status: number, title: string, detail?: string, problems: FieldProblem[] = []) {
    super(detail ?? title);
    this.status = status;
    this.title = title;
    this.problems = problems;
  }
}

export const notFound = (detail?: string) => new HttpError(404, 'Page not found', detail);
export const forbidden = (detail?: string) =>
  new HttpError(403, 'You do not have permission to do this', detail);
export const unauthorized = (detail?: string) => new HttpError(401, 'Sign in required', detail);
export const badRequest = (detail: string, problems: FieldProblem[] = []) =>
  new HttpError(400, 'There is a problem', detail, problems);
export const conflict = (detail: string) => new HttpError(409, 'There is a conflict', detail);

const isApi = (path: string) => path.startsWith('/api/');

export const notFoundHandler: RequestHandler = (_req, _res, next) => next(notFound());

function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  // a write based on an old version (ADR 0044): 409, naming who changed the record and when
  if (error instanceof StaleVersion) return conflict(error.message);
  const candidate = error as { status?: number; statusCode?: number; code?: string; type?: string };
  if (candidate?.code === 'EBADCSRFTOKEN') {
    return new HttpError(
      403,
      'Your form has expired',
      'The form had expired or was incomplete, so nothing you entered has been saved. Go back, reload the form and try again.',
    );
  }
  if (candidate?.type === 'entity.parse.failed') return badRequest('The request body is not valid JSON.');
  if (candidate?.type === 'entity.too.large')
    return new HttpError(413, 'Too large', 'The request is too large.');
  return new HttpError(500, 'Sorry, there is a problem with the service', 'Try again later.');
}

/**
 * Where "go back" leads from a form that could not be accepted: the page it was sent from when
 * the browser says so and it is on this service, else the address it was posted to (most forms
 * are shown at the address they post to). Only a path on this host, never another site.
 */
export function backTo(req: Request): string {
  const referrer = req.get('referer');
  if (referrer) {
    try {
      const from = new URL(referrer);
      // a path beginning "//" would lead to another site: never a link back
      if (from.host === req.get('host') && !from.pathname.startsWith('//'))
        return `${from.pathname}${from.search}`;
    } catch {
      // an unreadable referrer: fall back to the address posted to
    }
  }
  return req.originalUrl.startsWith('/') && !req.originalUrl.startsWith('//') ? req.originalUrl : '/';
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const httpError = toHttpError(error);
    if (httpError.status >= 500) logger.error({ err: error, requestId: req.id }, 'request failed');
    if (res.headersSent) return;
    res.status(httpError.status);
    if (isApi(req.path)) {
      res.type('application/problem+json').json({
        type: 'about:blank',
        title: httpError.title,
        status: httpError.status,
        detail: httpError.message,
        errors: httpError.problems,
      });
      return;
    }
    if (httpError.status === 401) {
      res.redirect(303, `/sign-in?returnTo=${encodeURIComponent(req.originalUrl)}`);
      return;
    }
    const expiredForm = (error as { code?: string } | undefined)?.code === 'EBADCSRFTOKEN';
    res.render('views/error.njk', { error: httpError, back: expiredForm ? backTo(req) : undefined });
  };
}
