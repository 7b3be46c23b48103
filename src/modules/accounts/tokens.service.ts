// API tokens: created by a signed-in user for themselves (or by the command line), shown
// once, stored only as a digest, revocable.
import type { Database } from '../../platform/db/database.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import type { Caller } from '../../platform/http/auth.ts';
import { notFound, unauthorized } from '../../platform/http/errors.ts';
import type { DB } from '../../schema.ts';
import { tokensRepository as tokens } from './accounts.repository.ts';
import { digest, newToken } from './secrets.ts';

export function tokensService(db: Database<DB>) {
  return {
    list(userId: string) {
      return db.read({ userId }, (trx) => tokens.list(trx, userId));
    },

    /** Creates a token for `userId` and returns it: the only time it can be read. */
    async create(caller: Caller, userId: string, name: string): Promise<{ id: string; token: string }> {
      if (!caller.userId && !caller.platformAdmin) throw unauthorized();
      if (caller.userId && caller.userId !== userId && !caller.platformAdmin) throw notFound();
      const token = newToken('coop');
      const id = await db.transaction({ userId: caller.userId }, async (trx) => {
        const created = await tokens.insert(trx, userId, name, digest(token));
        await recordChange(trx, caller.actor, {
          partnershipId: null,
          action: 'create',
          entityType: 'api token',
          entityId: created,
          summary: `Created API token “${name}”`,
          after: { name, userId },
        });
        return created;
      });
      return { id, token };
    },

    async revoke(caller: Caller, tokenId: string): Promise<void> {
      if (!caller.userId) throw unauthorized();
      await db.transaction({ userId: caller.userId }, async (trx) => {
        if (!(await tokens.revoke(trx, caller.userId!, tokenId))) throw notFound();
        await recordChange(trx, caller.actor, {
          partnershipId: null,
          action: 'delete',
          entityType: 'api token',
          entityId: tokenId,
          summary: 'Revoked an API token',
        });
      });
    },
  };
}

export type TokensService = ReturnType<typeof tokensService>;
