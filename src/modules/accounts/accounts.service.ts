// Users and signing in. Wrong passwords count towards a lock that lives in the database, so it
// holds across app instances; neither the message nor the status says whether the email exists.
// Every sign-in, failure, lock-out and sign-out is a platform event in the audit trail.
import type { Database } from '../../platform/db/database.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import type { Caller } from '../../platform/http/auth.ts';
import { forbidden } from '../../platform/http/errors.ts';
import { RuleViolation } from '../../platform/http/validation.ts';
import { switchPartnership } from '../../platform/db/database.ts';
import type { DB, Trx } from '../../schema.ts';
import {
  invitationsRepository as invitations,
  membersRepository as members,
  signInFailuresRepository as failures,
  tokensRepository as tokens,
  usersRepository as users,
} from './accounts.repository.ts';
import { digest, passwordHasher, type PasswordHasher } from './secrets.ts';

export interface LockPolicy {
  threshold: number;
  minutes: number;
}

export type SignInResult =
  { outcome: 'signed-in'; userId: string } | { outcome: 'invalid' } | { outcome: 'locked'; minutes: number };

/** Where a sign-in came from, for the audit trail. */
export interface SignInContext {
  requestId?: string | undefined;
  /** The client's address (behind TRUST_PROXY proxies). */
  address?: string | undefined;
}

/** What the provider said about the person signing in (ADR 0031). */
export interface ProviderIdentity {
  issuer: string;
  subject: string;
  email: string | undefined;
  emailVerified: boolean;
  name: string | undefined;
}

export type IdentitySignInResult =
  | { outcome: 'signed-in'; userId: string; created: boolean }
  | { outcome: 'no-email' }
  | { outcome: 'unverified'; email: string }
  | { outcome: 'unknown'; email: string }
  | { outcome: 'other-identity'; email: string };

export interface NewUser {
  email: string;
  name: string;
  password: string;
  platformAdmin?: boolean;
}

/** The longest typed address the audit trail keeps of a failed sign-in. */
const auditAddressLength = 254;
const refusalSummaries: Record<Exclude<IdentitySignInResult['outcome'], 'signed-in'>, string> = {
  'no-email': 'the provider gave no e-mail address',
  unverified: 'the provider has not verified the e-mail address',
  unknown: 'no account has this e-mail address',
  'other-identity': 'the account is linked to another identity at the provider',
};

export function accountsService(
  db: Database<DB>,
  lock: LockPolicy,
  passwords: PasswordHasher = passwordHasher(),
) {
  const signInEvent = (
    trx: Trx,
    actor: { userId: string | null; label: string },
    context: SignInContext,
    event: { action: string; entityId: string; summary: string; after?: Record<string, unknown> },
  ) =>
    recordChange(
      trx,
      { ...actor, label: actor.label.slice(0, auditAddressLength), requestId: context.requestId },
      {
        partnershipId: null,
        action: event.action,
        entityType: 'sign-in',
        entityId: event.entityId,
        summary: event.summary,
        after: { ...event.after, ...(context.address ? { address: context.address } : {}) },
      },
    );

  /** Counts a failure against an account or, with none, the address; locks at the threshold. */
  const countFailure = (current: { failures: number }, now: Date) => {
    const failures = current.failures + 1;
    return failures >= lock.threshold
      ? { failures: 0, lockedUntil: new Date(now.getTime() + lock.minutes * 60_000), locked: true }
      : { failures, lockedUntil: null, locked: false };
  };
  const minutesLeft = (until: Date, now: Date) => Math.ceil((until.getTime() - now.getTime()) / 60_000);

  return {
    /**
     * A password sign-in. An address with no password account is answered exactly as an
     * account is: its failures are counted (by digest) and it is "locked" at the same
     * threshold, so neither the message nor the status tells which addresses exist.
     */
    async signIn(
      email: string,
      password: string,
      context: SignInContext = {},
      now = new Date(),
    ): Promise<SignInResult> {
      return db.transaction({}, async (trx) => {
        const address = email.trim();
        const user = await users.byEmail(trx, address);
        // an address with no password account is recorded with no user, like an unknown one
        const entityId = user?.passwordHash ? user.id : '';
        const failed = (summary: string) =>
          signInEvent(trx, { userId: null, label: address }, context, {
            action: 'sign-in failed',
            entityId,
            summary,
            after: { method: 'password' },
          });
        const locked = (minutes: number, justNow: boolean) =>
          signInEvent(trx, { userId: null, label: address }, context, {
            action: justNow ? 'locked' : 'sign-in failed',
            entityId,
            summary: justNow
              ? `Locked sign-in for ${address} for ${lock.minutes} minutes after ${lock.threshold} failures`
              : `Refused a sign-in for ${address}: locked for ${minutes} more minute${minutes === 1 ? '' : 's'}`,
            after: { method: 'password' },
          });
        if (!user?.passwordHash) {
          await passwords.verifyDecoy(password);
          const key = digest(address.toLowerCase());
          const current = await failures.byDigest(trx, key);
          if (current?.lockedUntil && current.lockedUntil > now) {
            const minutes = minutesLeft(current.lockedUntil, now);
            await locked(minutes, false);
            return { outcome: 'locked', minutes };
          }
          const next = countFailure(current ?? { failures: 0 }, now);
          await failures.forgetBefore(trx, new Date(now.getTime() - 24 * 60 * 60_000), now);
          await failures.record(trx, key, next, now);
          if (next.locked) {
            await locked(lock.minutes, true);
            return { outcome: 'locked', minutes: lock.minutes };
          }
          await failed(`Failed sign-in for ${address}: wrong email address or password`);
          return { outcome: 'invalid' };
        }
        if (user.lockedUntil && user.lockedUntil > now) {
          const minutes = minutesLeft(user.lockedUntil, now);
          await locked(minutes, false);
          return { outcome: 'locked', minutes };
        }
        if (!(await passwords.verify(user.passwordHash, password))) {
          const next = countFailure({ failures: user.failedSignIns }, now);
          await users.update(trx, user.id, { failedSignIns: next.failures, lockedUntil: next.lockedUntil });
          if (next.locked) {
            await locked(lock.minutes, true);
            return { outcome: 'locked', minutes: lock.minutes };
          }
          await failed(`Failed sign-in for ${address}: wrong email address or password`);
          return { outcome: 'invalid' };
        }
        await users.update(trx, user.id, { failedSignIns: 0, lockedUntil: null, lastSignedInAt: now });
        await signInEvent(trx, { userId: user.id, label: user.email }, context, {
          action: 'signed in',
          entityId: user.id,
          summary: `${user.email} signed in with a password`,
          after: { method: 'password' },
        });
        return { outcome: 'signed-in', userId: user.id };
      });
    },

    /**
     * A sign-in through the council's OpenID Connect provider (ADR 0031), whose ID token the
     * caller has validated. The identity already bound to a user signs that user in; otherwise a
     * verified e-mail address finds the user (and binds the identity), or, when allowed, the
     * pending invitations for it make the account. A stranger is refused; so is every refusal,
     * recorded in the audit trail with nothing else changed.
     */
    async signInWithIdentity(
      identity: ProviderIdentity,
      options: { acceptInvitations: boolean },
      context: SignInContext = {},
      now = new Date(),
    ): Promise<IdentitySignInResult> {
      return db.transaction({}, async (trx) => {
        const signedIn = async (user: { id: string; email: string }, created: boolean) => {
          await users.update(trx, user.id, { failedSignIns: 0, lockedUntil: null, lastSignedInAt: now });
          await signInEvent(trx, { userId: user.id, label: user.email }, context, {
            action: 'signed in',
            entityId: user.id,
            summary: `${user.email} signed in through the identity provider`,
            after: { method: 'oidc', issuer: identity.issuer },
          });
          return { outcome: 'signed-in' as const, userId: user.id, created };
        };
        const refused = async (result: Exclude<IdentitySignInResult, { outcome: 'signed-in' }>) => {
          const email = 'email' in result ? result.email : undefined;
          await signInEvent(trx, { userId: null, label: email ?? 'anonymous' }, context, {
            action: 'sign-in refused',
            entityId: '',
            summary: `Refused a sign-in through the identity provider: ${refusalSummaries[result.outcome]}`,
            after: { method: 'oidc', issuer: identity.issuer, subject: identity.subject, email },
          });
          return result;
        };

        const bound = await users.byIdentity(trx, identity.issuer, identity.subject);
        if (bound) return signedIn(bound, false);
        const email = identity.email?.trim();
        if (!email) return refused({ outcome: 'no-email' });
        if (!identity.emailVerified) return refused({ outcome: 'unverified', email });
        const user = await users.byEmail(trx, email);
        if (user) {
          const current = await users.identityOf(trx, user.id);
          if (current.subject && (current.issuer !== identity.issuer || current.subject !== identity.subject))
            return refused({ outcome: 'other-identity', email });
          await users.bindIdentity(trx, user.id, identity.issuer, identity.subject);
          return signedIn(user, false);
        }
        const inviting = options.acceptInvitations ? await invitations.partnershipsInviting(trx, email) : [];
        if (inviting.length === 0) return refused({ outcome: 'unknown', email });

        const name = identity.name?.trim() || email.split('@')[0]!;
        const userId = await users.insert(trx, {
          email,
          name,
          passwordHash: null,
          platformAdmin: false,
          identity: { issuer: identity.issuer, subject: identity.subject },
        });
        const actor = { userId, label: email, requestId: context.requestId };
        await recordChange(trx, actor, {
          partnershipId: null,
          action: 'create',
          entityType: 'user',
          entityId: userId,
          summary: `Added user ${email}, invited, at their first sign-in through the identity provider`,
          after: { email, name, platformAdmin: false, issuer: identity.issuer },
        });
        const result = await signedIn({ id: userId, email }, true);
        for (const partnershipId of inviting) {
          await switchPartnership(trx, partnershipId);
          const [newest, ...older] = await invitations.pendingFor(trx, email);
          if (!newest) continue;
          await members.upsert(trx, partnershipId, userId, newest.role);
          for (const invitation of [newest, ...older]) await invitations.markAccepted(trx, invitation.id);
          await recordChange(trx, actor, {
            partnershipId,
            action: 'create',
            entityType: 'partnership member',
            entityId: userId,
            summary: `${email} accepted an invitation as ${newest.role}, signing in through the identity provider`,
            after: { email, name, role: newest.role },
          });
        }
        return result;
      });
    },

    /** Records a sign-out (the session itself is ended by the caller). */
    async signedOut(user: { id: string; email: string }, context: SignInContext = {}): Promise<void> {
      await db.transaction({ userId: user.id }, (trx) =>
        signInEvent(trx, { userId: user.id, label: user.email }, context, {
          action: 'signed out',
          entityId: user.id,
          summary: `${user.email} signed out`,
        }),
      );
    },

    /** Records a sign-in through the provider that failed before anyone was identified. */
    async providerSignInFailed(reason: string, context: SignInContext = {}): Promise<void> {
      await db.transaction({}, (trx) =>
        signInEvent(trx, { userId: null, label: 'anonymous' }, context, {
          action: 'sign-in refused',
          entityId: '',
          summary: `Refused a sign-in through the identity provider: ${reason}`,
          after: { method: 'oidc' },
        }),
      );
    },

    /**
     * For the API: the user behind a bearer token, noting when the token was last used, to the
     * minute (the tokens page shows it so): a token used again within the minute is only read,
     * so the API's answers are reads, not a write (and a commit) each.
     */
    async userByToken(token: string) {
      const user = await db.read({}, (trx) => tokens.userByTokenHash(trx, digest(token)));
      if (!user) return null;
      const since = new Date(Date.now() - 60_000);
      if (!user.lastUsedAt || user.lastUsedAt < since)
        await db.transaction({}, (trx) => tokens.touch(trx, user.tokenId, since));
      return { id: user.id, email: user.email, name: user.name, platformAdmin: user.platformAdmin };
    },

    async createUser(caller: Caller, input: NewUser): Promise<string> {
      if (!caller.platformAdmin) throw forbidden('Only a platform administrator can add users directly.');
      const passwordHash = await passwords.hash(input.password);
      return db.transaction({ userId: caller.userId }, async (trx) => {
        if (await users.byEmail(trx, input.email)) {
          throw new RuleViolation([
            { path: 'email', message: 'A user with this email address already exists' },
          ]);
        }
        const id = await users.insert(trx, {
          email: input.email,
          name: input.name,
          passwordHash,
          platformAdmin: input.platformAdmin ?? false,
        });
        await recordChange(trx, caller.actor, {
          partnershipId: null,
          action: 'create',
          entityType: 'user',
          entityId: id,
          summary: `Added user ${input.email}`,
          after: { email: input.email, name: input.name, platformAdmin: input.platformAdmin ?? false },
        });
        return id;
      });
    },

    async userIdByEmail(email: string): Promise<string | null> {
      return db.transaction({}, async (trx) => (await users.byEmail(trx, email))?.id ?? null);
    },

    async countUsers(): Promise<number> {
      return db.transaction({}, (trx) => users.count(trx));
    },
  };
}

export type AccountsService = ReturnType<typeof accountsService>;
