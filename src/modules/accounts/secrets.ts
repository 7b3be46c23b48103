// Passwords are hashed with argon2id; tokens (API tokens, invitation links) are random and
// stored only as a SHA-256 digest, so a copy of the database does not hand them out.
import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';

/**
 * How costly a password hash is: argon2id's defaults (64 MiB, three passes, four lanes), or the
 * least argon2 allows, for the test suite alone (`PASSWORD_HASH_COST=low`, refused in
 * production), which signs hundreds of people in to test behaviour, not strength. A hash records
 * its own cost, so verifying follows whichever made it.
 */
export type PasswordHashCost = 'standard' | 'low';
const costs: Record<PasswordHashCost, argon2.HashOptions> = {
  standard: {},
  low: { memoryCost: 1024, timeCost: 1, parallelism: 1 },
};

export function passwordHasher(cost: PasswordHashCost = 'standard') {
  const options: argon2.HashOptions = { type: argon2.argon2id, ...costs[cost] };
  const hash = (password: string): Promise<string> => argon2.hash(password, { ...options, raw: false });
  const verify = (stored: string, password: string) => argon2.verify(stored, password).catch(() => false);
  // Verifying against this keeps a wrong email as slow as a wrong password.
  const decoy = hash(randomBytes(16).toString('hex'));
  return {
    hash,
    verify,
    async verifyDecoy(password: string) {
      await verify(await decoy, password);
      return false;
    },
  };
}
export type PasswordHasher = ReturnType<typeof passwordHasher>;

export const newToken = (prefix: string) => `${prefix}_${randomBytes(32).toString('base64url')}`;
export const digest = (token: string) => createHash('sha256').update(token).digest('hex');
