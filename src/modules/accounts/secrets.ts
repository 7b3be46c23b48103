// Passwords are hashed with argon2id; tokens (API tokens, invitation links) are random and
// stored only as a SHA-256 digest, so a copy of the database does not hand them out.
import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';

export const hashPassword = (password: string) => argon2.hash(password, { type: argon2.argon2id });
export const verifyPassword = (hash: string, password: string) =>
  argon2.verify(hash, password).catch(() => false);

// Verifying against this keeps a wrong email as slow as a wrong password.
const decoyHash = hashPassword(randomBytes(16).toString('hex'));
export const verifyDecoy = async (password: string) => {
  await verifyPassword(await decoyHash, password);
  return false;
};

export const newToken = (prefix: string) => `${prefix}_${randomBytes(32).toString('base64url')}`;
export const digest = (token: string) => createHash('sha256').update(token).digest('hex');
