// The usual shape of a service method: check the caller may do this, then run in one
// transaction scoped to the caller's partnership.
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
  return db.transaction({ partnershipId, userId: caller.userId }, (trx) => work(trx, partnershipId));
}
