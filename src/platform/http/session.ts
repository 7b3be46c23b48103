// Sessions live in the database, so any app instance behind a load balancer can serve any
// request. Pages only: the API authenticates each request with a bearer token.
import type { RequestHandler } from 'express';
import session from 'express-session';
import connectPgSimple from 'connect-pg-simple';
import type pg from 'pg';

export interface SessionOptions {
  pool: pg.Pool;
  secret: string;
  secure: boolean;
  /** Remove expired sessions periodically (off in tests: no timers left running). */
  prune: boolean;
}

export const sessionCookieName = 'cooperate.sid';
const eightHours = 8 * 60 * 60 * 1000;

export function sessions(options: SessionOptions): RequestHandler {
  const Store = connectPgSimple(session);
  const middleware = session({
    name: sessionCookieName,
    secret: options.secret,
    resave: false,
    saveUninitialized: false,
    // A session lasts eight hours from sign-in. Not rolling, and not touched on every read:
    // a page view then costs no write to the sessions table.
    rolling: false,
    store: new Store({
      pool: options.pool,
      tableName: 'user_sessions',
      createTableIfMissing: false,
      pruneSessionInterval: options.prune ? 15 * 60 : false,
      disableTouch: true,
    }),
    cookie: { httpOnly: true, sameSite: 'lax', secure: options.secure, maxAge: eightHours },
  });
  return (req, res, next) => (req.path.startsWith('/api/') ? next() : middleware(req, res, next));
}
