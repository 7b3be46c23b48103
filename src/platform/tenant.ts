// The usual shape of a service method: check the caller may do this, then run in one
// transaction scoped to the caller's partnership (for a read permission, the request's shared
// read-only transaction: see Database.read).
import type { Transaction } from 'kysely';
import type { Database } from './db/database.ts';
import { oncePerRequest } from './db/request-reads.ts';
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

/**
 * `inTenant` for a read whose answer the partnership's own rows alone decide (not the caller,
 * not another partnership's rows, not the clock: a date belongs in `key`): kept between
 * requests under the partnership's data version (ADR 0021). A request served from what was
 * kept opens no transaction scope for it. The answer is shared: never change it.
 */
export function keptInTenant<S, T>(
  db: Database<S>,
  caller: Caller,
  permission: Permission,
  key: string,
  work: (trx: Transaction<S>, partnershipId: string) => Promise<T>,
): Promise<T> {
  assertCan(caller, permission);
  const partnershipId = tenantIdOf(caller);
  return db.keptFor(partnershipId, key, () =>
    inTenant(db, caller, permission, (trx, id) => oncePerRequest(trx, key, () => work(trx, id))),
  );
}
