// Structured logs: one line per request with a request id (taken from X-Request-Id when a
// load balancer sets one), and secrets never written.
import { randomUUID } from 'node:crypto';
import { pino, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { RequestHandler } from 'express';

export const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.password_hash',
  '*.token',
  '*.DATABASE_URL',
  '*.SESSION_SECRET',
  '*.OIDC_CLIENT_SECRET',
];

/**
 * Links that carry a secret in their path (invitations, survey response links), masked; and a
 * CSRF token, should a client put one in the query (forms never do: it is refused there).
 */
export function withoutPathSecrets(url: string): string {
  return url
    .replace(/^\/(join|respond)\/([^/?#]+)\/[^/?#]+/, '/$1/$2/[redacted]')
    .replace(/([?&]_csrf=)[^&#]*/g, '$1[redacted]')
    .replace(/^(\/sign-in\/oidc\/callback\?(?:[^#]*&)?code=)[^&#]*/, '$1[redacted]');
}

export function createLogger(level: string): Logger {
  return pino({ level, redact: { paths: redactedPaths, censor: '[redacted]' } });
}

export function requestLogging(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: (req, res) => {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && /^[\w-]{1,100}$/.test(incoming) ? incoming : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    autoLogging: { ignore: (req) => req.url === '/ping' || (req.url ?? '').startsWith('/assets/') },
    serializers: {
      req: (req: { url?: string }) => {
        if (req.url) req.url = withoutPathSecrets(req.url);
        return req;
      },
    },
  });
}
