// Who is asking, and about which partnership. The lookups are passed in by the composition
// root, so this plumbing knows nothing of how accounts or partnerships are stored.
import type { Request, RequestHandler } from 'express';
import { can, type Permission, type Role } from './permissions.ts';
import { forbidden, notFound, unauthorized } from './errors.ts';

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  platformAdmin: boolean;
  /** How this request was authenticated. */
  via: 'session' | 'token';
}

export interface TenantAccess {
  partnershipId: string;
  slug: string;
  name: string;
  role: Role | null;
}

export interface Actor {
  userId: string | null;
  label: string;
  requestId?: string | undefined;
}

export interface AuthLookups {
  /** The user behind a session's user id; given the request, to read what else it needs alike. */
  userBySession(id: string, req: Request): Promise<Omit<SignedInUser, 'via'> | null>;
  userByToken(token: string): Promise<Omit<SignedInUser, 'via'> | null>;
}

/** Session users for pages; bearer tokens (and only them) for the JSON API. */
export function authenticate(lookups: AuthLookups): RequestHandler {
  return async (req, _res, next) => {
    if (req.path.startsWith('/api/')) {
      const header = req.get('authorization');
      if (header) {
        const match = /^Bearer\s+(\S+)$/i.exec(header);
        const user = match?.[1] ? await lookups.userByToken(match[1]) : null;
        if (!user) return next(unauthorized('The API token is not valid.'));
        req.user = { ...user, via: 'token' };
      }
      return next();
    }
    // Files and pages the API gives the addresses of answer a bearer token too (reads only:
    // a browser never sends this header by itself, so it cannot be used across sites).
    const bearer = req.get('authorization');
    if (bearer && (req.method === 'GET' || req.method === 'HEAD')) {
      const match = /^Bearer\s+(\S+)$/i.exec(bearer);
      const user = match?.[1] ? await lookups.userByToken(match[1]) : null;
      if (!user) return next(unauthorized('The API token is not valid.'));
      req.user = { ...user, via: 'token' };
      return next();
    }
    const userId = req.session?.userId;
    if (userId) {
      const user = await lookups.userBySession(userId, req);
      if (user) req.user = { ...user, via: 'session' };
      else delete req.session.userId;
    }
    next();
  };
}

export const requireSignIn: RequestHandler = (req, _res, next) => {
  next(req.user ? undefined : unauthorized());
};

export function requirePlatformAdmin(): RequestHandler {
  return (req, _res, next) => {
    if (!req.user) return next(unauthorized());
    next(req.user.platformAdmin ? undefined : forbidden());
  };
}

/**
 * Resolves `:slug` to a partnership the user may see. Someone with no role in it gets 404,
 * exactly as if it did not exist: the service does not confirm that other tenants exist.
 */
export function tenantContext(
  resolve: (slug: string, user: SignedInUser, req: Request) => Promise<TenantAccess | null>,
): RequestHandler {
  return async (req, _res, next) => {
    if (!req.user) return next(unauthorized());
    const slug = req.params.slug;
    const access = typeof slug === 'string' ? await resolve(slug, req.user, req) : null;
    if (!access || (!access.role && !req.user.platformAdmin)) return next(notFound());
    req.tenant = access;
    next();
  };
}

export function allowed(req: Request, permission: Permission): boolean {
  if (!req.user) return false;
  return can({ platformAdmin: req.user.platformAdmin, role: req.tenant?.role ?? null }, permission);
}

export function requirePermission(permission: Permission): RequestHandler {
  return (req, _res, next) => {
    if (!req.user) return next(unauthorized());
    next(allowed(req, permission) ? undefined : forbidden());
  };
}

export function actorOf(req: Request): Actor {
  return req.user
    ? { userId: req.user.id, label: req.user.email, requestId: String(req.id) }
    : { userId: null, label: 'anonymous', requestId: String(req.id) };
}

export function tenantOf(req: Request): TenantAccess {
  if (!req.tenant) throw new Error('tenantContext must run before this handler');
  return req.tenant;
}

/** Everything a service needs to know about who is calling: identity, role, tenant. */
export interface Caller {
  actor: Actor;
  userId: string | null;
  platformAdmin: boolean;
  role: Role | null;
  partnershipId: string | null;
}

export function callerOf(req: Request): Caller {
  return {
    actor: actorOf(req),
    userId: req.user?.id ?? null,
    platformAdmin: req.user?.platformAdmin ?? false,
    role: req.tenant?.role ?? null,
    partnershipId: req.tenant?.partnershipId ?? null,
  };
}

/** The command-line tool and seed loader act as the system, with every permission. */
export function systemCaller(label = 'system', partnershipId: string | null = null): Caller {
  return { actor: { userId: null, label }, userId: null, platformAdmin: true, role: 'admin', partnershipId };
}

export function assertCan(caller: Caller, permission: Permission): void {
  if (!can(caller, permission)) throw forbidden();
}
