// Security headers with a per-request CSP nonce for the one inline script the GOV.UK
// template needs; and the CSRF guard: a synchroniser token kept in the session of a signed-in
// user, and for everyone else (the sign-in form, invitations, response links) a token signed
// over a random cookie, so that a page seen without signing in writes no session row.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
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

const tokenFrom = (req: Request): string | undefined => {
  const body = req.body as Record<string, unknown> | undefined;
  const fromBody = typeof body?._csrf === 'string' ? body._csrf : undefined;
  return fromBody ?? req.get('x-csrf-token') ?? multipartTokens.get(req);
};

const csrf = csrfSync({ getTokenFromRequest: tokenFrom });

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export const csrfCookieName = 'cooperate.csrf';

export interface CsrfOptions {
  /** Signs the token of a request with no signed-in session (the session secret). */
  secret: string;
  /** Send the token's cookie over HTTPS only. */
  secure: boolean;
}

/** The random value of the request's CSRF cookie, if it has a well-formed one. */
function csrfCookieOf(req: Request): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, value] = part.trim().split('=', 2);
    if (name === csrfCookieName && value && /^[A-Za-z0-9_-]{43}$/.test(value)) return value;
  }
  return undefined;
}

function csrfError(): Error {
  return Object.assign(new Error('invalid csrf token'), { code: 'EBADCSRFTOKEN' });
}

/**
 * Checks the token on every unsafe request to a page, and puts a token in every view. A file
 * upload's body is parsed by its route, after this check: its form puts the `_csrf` field
 * before the file, and the check reads the body only that far (never the token in the address).
 * A signed-in user's token lives in their session; anyone else's is an HMAC of a random value
 * in a cookie of its own (a signed double-submit token), so no session is written for them.
 */
export function csrfProtection(options: CsrfOptions): RequestHandler {
  const sign = (value: string) =>
    createHmac('sha256', options.secret).update(`csrf:${value}`).digest('base64url');
  const anonymous: RequestHandler = (req, res, next) => {
    let value = csrfCookieOf(req);
    if (!safeMethods.has(req.method)) {
      const given = Buffer.from(tokenFrom(req) ?? '');
      const expected = Buffer.from(value ? sign(value) : '');
      if (!value || given.length !== expected.length || !timingSafeEqual(given, expected))
        return next(csrfError());
    }
    if (!value) {
      value = randomBytes(32).toString('base64url');
      res.cookie(csrfCookieName, value, {
        httpOnly: true,
        sameSite: 'lax',
        secure: options.secure,
        path: '/',
      });
    }
    res.locals.csrfToken = sign(value);
    next();
  };
  return (req, res, next) => {
    if (req.path.startsWith('/api/')) return next(); // the API takes bearer tokens, never cookies
    const check = () =>
      req.session?.userId
        ? csrf.csrfSynchronisedProtection(req, res, (error?: unknown) => {
            if (error) return next(error);
            res.locals.csrfToken = csrf.generateToken(req);
            next();
          })
        : anonymous(req, res, next);
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
