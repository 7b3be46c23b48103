// Security headers with a per-request CSP nonce for the one inline script the GOV.UK
// template needs; and the CSRF guard (synchroniser token kept in the session).
import { randomBytes } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import etag from 'etag';
import helmet from 'helmet';
import { csrfSync } from 'csrf-sync';
import { readFieldBeforeFiles } from './multipart-field.ts';

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

/** The tokens of file uploads, read from the start of their multipart bodies. */
const multipartTokens = new WeakMap<Request, string>();

const csrf = csrfSync({
  getTokenFromRequest: (req) => {
    const body = req.body as Record<string, unknown> | undefined;
    const fromBody = typeof body?._csrf === 'string' ? body._csrf : undefined;
    return fromBody ?? req.get('x-csrf-token') ?? multipartTokens.get(req);
  },
});

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Checks the token on every unsafe request to a page, and puts a token in every view. A file
 * upload's body is parsed by its route, after this check: its form puts the `_csrf` field
 * before the file, and the check reads the body only that far (never the token in the address).
 */
export function csrfProtection(): RequestHandler {
  return (req, res, next) => {
    if (req.path.startsWith('/api/')) return next(); // the API takes bearer tokens, never cookies
    const check = () =>
      csrf.csrfSynchronisedProtection(req, res, (error?: unknown) => {
        if (error) return next(error);
        res.locals.csrfToken = csrf.generateToken(req);
        next();
      });
    if (safeMethods.has(req.method) || !req.is('multipart/form-data') || req.get('x-csrf-token'))
      return check();
    readFieldBeforeFiles(req, '_csrf').then((token) => {
      if (token) multipartTokens.set(req, token);
      check();
    }, next);
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
