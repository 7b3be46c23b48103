// Sessions live in the database, so any app instance behind a load balancer can serve any
// request. Pages only: the API authenticates each request with a bearer token.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Request, RequestHandler } from 'express';
import session from 'express-session';
import connectPgSimple from 'connect-pg-simple';
import type pg from 'pg';

export interface SessionOptions {
  pool: pg.Pool;
  secret: string;
  secure: boolean;
  /** Remove expired sessions periodically (off in tests: no timers left running). */
  prune: boolean;
  /**
   * Reads the session a cookie names (null: none, or expired) for the request, which may read
   * what else the request needs in the same statement (ADR 0022). Without it the store reads
   * the session alone.
   */
  read?: (sid: string, req: Request) => Promise<session.SessionData | null>;
}

export const sessionCookieName = 'cooperate.sid';
const eightHours = 8 * 60 * 60 * 1000;

/** A data exception (SQLSTATE class 22) or JSON that does not parse: the stored session is bad. */
const unreadable = (error: unknown) =>
  error instanceof SyntaxError || /^22/.test(String((error as { code?: unknown }).code ?? ''));

/** The request whose session the store is asked for (express-session does not say). */
const reading = new AsyncLocalStorage<Request>();

export function sessions(options: SessionOptions): RequestHandler {
  const Store = connectPgSimple(session);
  const { read } = options;
  class RequestSessionStore extends Store {
    override get(sid: string, done: (error: unknown, data?: session.SessionData | null) => void): void {
      // A session that cannot be read (a value PostgreSQL refuses to give back, like a NUL in
      // its json) is removed and the request goes on with a fresh one: never a 500 at every
      // request with that cookie (ADR 0044). Any other failure (the database is away) stays one.
      const answer = (error: unknown, data?: session.SessionData | null) => {
        if (!error || !unreadable(error)) return done(error, data);
        this.destroy(sid, () => done(null, null));
      };
      const req = reading.getStore();
      if (!read || !req) return super.get(sid, answer);
      read(sid, req).then(
        (data) => answer(null, data),
        (error: unknown) => answer(error),
      );
    }
  }
  const middleware = session({
    name: sessionCookieName,
    secret: options.secret,
    resave: false,
    saveUninitialized: false,
    // A session lasts eight hours from sign-in. Not rolling, and not touched on every read:
    // a page view then costs no write to the sessions table.
    rolling: false,
    store: new RequestSessionStore({
      pool: options.pool,
      tableName: 'user_sessions',
      createTableIfMissing: false,
      pruneSessionInterval: options.prune ? 15 * 60 : false,
      disableTouch: true,
    }),
    cookie: { httpOnly: true, sameSite: 'lax', secure: options.secure, maxAge: eightHours },
  });
  return (req, res, next) =>
    req.path.startsWith('/api/') ? next() : reading.run(req, () => middleware(req, res, next));
}
