// Security headers with a per-request CSP nonce for the one inline script the GOV.UK
// template needs; and the CSRF guard (synchroniser token kept in the session).
import { randomBytes } from 'node:crypto';
import type { RequestHandler } from 'express';
import etag from 'etag';
import helmet from 'helmet';
import { csrfSync } from 'csrf-sync';

export function securityHeaders(): RequestHandler[] {
  const nonce: RequestHandler = (_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString('base64');
    next();
  };
  const headers = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: [
          "'self'",
          (_req, res) => `'nonce-${(res as unknown as { locals: { cspNonce: string } }).locals.cspNonce}'`,
        ],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  return [nonce, headers];
}

const csrf = csrfSync({
  getTokenFromRequest: (req) => {
    const body = req.body as Record<string, unknown> | undefined;
    const fromBody = typeof body?._csrf === 'string' ? body._csrf : undefined;
    // A file upload's body is read after this check, so its form sends the token in its address.
    const fromQuery =
      req.is('multipart/form-data') && typeof req.query._csrf === 'string' ? req.query._csrf : undefined;
    return fromBody ?? req.get('x-csrf-token') ?? fromQuery;
  },
});

/** Checks the token on every unsafe request to a page, and puts a token in every view. */
export function csrfProtection(): RequestHandler {
  return (req, res, next) => {
    if (req.path.startsWith('/api/')) return next(); // the API takes bearer tokens, never cookies
    csrf.csrfSynchronisedProtection(req, res, (error?: unknown) => {
      if (error) return next(error);
      res.locals.csrfToken = csrf.generateToken(req);
      next();
    });
  };
}

const doctype = '<!DOCTYPE html>';

/**
 * The ETag of an answer (Express's weak one), but none for a page: a page holds its request's
 * CSP nonce, so its ETag could never match and would only cost a hash of the whole page.
 */
export function etagOf(body: string | Buffer, encoding?: BufferEncoding): string | undefined {
  const page =
    typeof body === 'string'
      ? body.startsWith(doctype)
      : body.subarray(0, doctype.length).toString('latin1') === doctype;
  return page
    ? undefined
    : etag(typeof body === 'string' ? Buffer.from(body, encoding) : body, { weak: true });
}
