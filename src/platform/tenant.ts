// The usual shape of a service method: check the caller may do this, then run in one
// transaction scoped to the caller's partnership (for a read permission, the request's shared
// read-only transaction: see Database.read).
import type { Transaction } from 'kysely';
import type { Database } from './db/database.ts';
import { assertCan, type Caller } from './http/auth.ts';
import type { Permission } from './http/permissions.ts';

export function tenantIdOf(caller: Caller): string {
  if (!caller.partnershipId) throw new Error('A partnership must be chosen for this');
  return caller.partnershipId;
}

export function inTenant<S, T>(
  db: Database<S>,
  caller: Caller,
  permission: Permission,
  work: (trx: Transaction<S>, partnershipId: string) => Promise<T>,
): Promise<T> {
  assertCan(caller, permission);
  const partnershipId = tenantIdOf(caller);
  const scope = { partnershipId, userId: caller.userId };
  // Reads share the request's one transaction (ADR 0008); anything else gets its own.
  return permission.endsWith('.read')
    ? db.read(scope, (trx) => work(trx, partnershipId))
    : db.transaction(scope, (trx) => work(trx, partnershipId));
}
