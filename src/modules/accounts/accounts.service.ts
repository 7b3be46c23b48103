// Users and signing in. Wrong passwords count towards a lock that lives in the database, so it
// holds across app instances; the message never says whether the email exists.
import type { Database } from '../../platform/db/database.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import type { Caller } from '../../platform/http/auth.ts';
import { forbidden } from '../../platform/http/errors.ts';
import { RuleViolation } from '../../platform/http/validation.ts';
import type { DB } from '../../schema.ts';
import { usersRepository as users, tokensRepository as tokens } from './accounts.repository.ts';
import { digest, passwordHasher, type PasswordHasher } from './secrets.ts';

export interface LockPolicy {
  threshold: number;
  minutes: number;
}

export type SignInResult =
  { outcome: 'signed-in'; userId: string } | { outcome: 'invalid' } | { outcome: 'locked'; minutes: number };

export interface NewUser {
  email: string;
  name: string;
  password: string;
  platformAdmin?: boolean;
}

export function accountsService(
  db: Database<DB>,
  lock: LockPolicy,
  passwords: PasswordHasher = passwordHasher(),
) {
  return {
    async signIn(email: string, password: string, now = new Date()): Promise<SignInResult> {
      return db.transaction({}, async (trx) => {
        const user = await users.byEmail(trx, email.trim());
        if (!user?.passwordHash) {
          await passwords.verifyDecoy(password);
          return { outcome: 'invalid' };
        }
        if (user.lockedUntil && user.lockedUntil > now) {
          return {
            outcome: 'locked',
            minutes: Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000),
          };
        }
        if (!(await passwords.verify(user.passwordHash, password))) {
          const failures = user.failedSignIns + 1;
          if (failures >= lock.threshold) {
            await users.update(trx, user.id, {
              failedSignIns: 0,
              lockedUntil: new Date(now.getTime() + lock.minutes * 60_000),
            });
            return { outcome: 'locked', minutes: lock.minutes };
          }
          await users.update(trx, user.id, { failedSignIns: failures });
          return { outcome: 'invalid' };
        }
        await users.update(trx, user.id, { failedSignIns: 0, lockedUntil: null, lastSignedInAt: now });
        return { outcome: 'signed-in', userId: user.id };
      });
    },

    /** For the API: the user behind a bearer token, noting when the token was last used. */
    async userByToken(token: string) {
      return db.transaction({}, async (trx) => {
        const user = await tokens.userByTokenHash(trx, digest(token));
        if (!user) return null;
        await tokens.touch(trx, user.tokenId);
        return { id: user.id, email: user.email, name: user.name, platformAdmin: user.platformAdmin };
      });
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
