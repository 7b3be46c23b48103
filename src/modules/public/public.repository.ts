// The public site's SQL: the gate that turns a slug into a published partnership (ADR 0029),
// the sections an administrator made public, and users' secret calendar addresses.
import { sql, type Kysely } from 'kysely';
import type { DB, Trx } from '../../schema.ts';

export interface PublicContextRow {
  id: string;
  slug: string;
  name: string;
  version: string | null;
  changedAt: Date | null;
  sections: string[] | null;
}

export const publicRepository = {
  /** A published partnership by its slug, with its data version and sections; nothing otherwise. */
  async context(gate: Kysely<DB>, slug: string): Promise<PublicContextRow | undefined> {
    const { rows } = await sql<PublicContextRow>`
      select id, slug, name, version, changed_at as "changedAt", sections
        from public_context(${slug})`.execute(gate);
    return rows[0];
  },

  /** Every published partnership's context, by name (migration 0066). */
  async contexts(gate: Kysely<DB>): Promise<PublicContextRow[]> {
    const { rows } = await sql<PublicContextRow>`
      select id, slug, name, version, changed_at as "changedAt", sections
        from public_contexts()`.execute(gate);
    return rows;
  },

  sections: async (trx: Trx): Promise<string[] | null> =>
    (await trx.selectFrom('public_sites').select('sections').executeTakeFirst())?.sections ?? null,

  async saveSections(trx: Trx, partnershipId: string, sections: string[]): Promise<void> {
    await trx
      .insertInto('public_sites')
      .values({ partnership_id: partnershipId, sections })
      .onConflict((oc) => oc.column('partnership_id').doUpdateSet({ sections, updated_at: new Date() }))
      .execute();
  },

  feedOf: (trx: Trx, userId: string) =>
    trx
      .selectFrom('calendar_feeds')
      .select(['id', 'created_at as createdAt'])
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst(),

  async revokeFeeds(trx: Trx, userId: string): Promise<number> {
    const result = await trx
      .updateTable('calendar_feeds')
      .set({ revoked_at: new Date() })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  },

  async createFeed(trx: Trx, userId: string, tokenHash: string): Promise<string> {
    const row = await trx
      .insertInto('calendar_feeds')
      .values({ user_id: userId, token_hash: tokenHash })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  userOfFeed: async (trx: Trx, tokenHash: string) =>
    (
      await trx
        .selectFrom('calendar_feeds')
        .select('user_id as userId')
        .where('token_hash', '=', tokenHash)
        .where('revoked_at', 'is', null)
        .executeTakeFirst()
    )?.userId,
};
