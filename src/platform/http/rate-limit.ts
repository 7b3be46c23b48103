// Limits failed sign-in attempts per client address (the client's, behind TRUST_PROXY proxies). (Accounts are also locked after repeated
// failures, in the database, which holds across app instances.)
import { rateLimit } from 'express-rate-limit';
import type { RequestHandler } from 'express';

export function signInRateLimit(limit: number, windowMinutes: number): RequestHandler {
  return rateLimit({
    windowMs: windowMinutes * 60 * 1000,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: (req) => req.method !== 'POST',
    // Only failed attempts count (a response of 400 or more): an office of people signing in
    // from one address is never locked out (issue 18). Failures per account lock the account.
    skipSuccessfulRequests: true,
    handler: (_req, res) => {
      res.status(429).render('views/error.njk', {
        error: {
          status: 429,
          title: 'Too many attempts to sign in',
          message: `You have tried to sign in too many times. Wait ${windowMinutes} minutes, then try again.`,
        },
      });
    },
  });
}
