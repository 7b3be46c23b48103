import { sql, type Kysely } from 'kysely';
import type { DB, Trx } from '../../schema.ts';
import { countRows } from '../../platform/db/count-rows.ts';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  passwordHash: string | null;
  platformAdmin: boolean;
  failedSignIns: number;
  lockedUntil: Date | null;
}

export interface RequestContextRow {
  userId: string;
  email: string;
  userName: string;
  platformAdmin: boolean;
  partnershipId: string | null;
  slug: string | null;
  partnershipName: string | null;
  role: string | null;
  version: string | null;
}

export type SessionContextRow = { sess: unknown } & (
  RequestContextRow | { [K in keyof RequestContextRow]: null }
);

const contextColumns = sql.raw(`user_id as "userId", email, user_name as "userName",
  platform_admin as "platformAdmin", partnership_id as "partnershipId", slug,
  partnership_name as "partnershipName", role, version::text as version`);

export interface MemberRow {
  userId: string;
  email: string;
  name: string;
  role: string;
  since: Date;
}

const userColumns = [
  'id',
  'email',
  'name',
  'password_hash as passwordHash',
  'platform_admin as platformAdmin',
  'failed_sign_ins as failedSignIns',
  'locked_until as lockedUntil',
] as const;

export const usersRepository = {
  byEmail: (trx: Trx, email: string): Promise<UserRow | undefined> =>
    trx
      .selectFrom('users')
      .select(userColumns)
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
      .executeTakeFirst(),

  byId: (trx: Trx, id: string): Promise<UserRow | undefined> =>
    trx.selectFrom('users').select(userColumns).where('id', '=', id).executeTakeFirst(),

  async insert(
    trx: Trx,
    user: {
      email: string;
      name: string;
      passwordHash: string | null;
      platformAdmin: boolean;
      identity?: { issuer: string; subject: string };
    },
  ): Promise<string> {
    const row = await trx
      .insertInto('users')
      .values({
        email: user.email,
        name: user.name,
        password_hash: user.passwordHash,
        platform_admin: user.platformAdmin,
        oidc_issuer: user.identity?.issuer ?? null,
        oidc_subject: user.identity?.subject ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async update(
    trx: Trx,
    id: string,
    changes: Partial<{
      name: string;
      passwordHash: string;
      platformAdmin: boolean;
      failedSignIns: number;
      lockedUntil: Date | null;
      lastSignedInAt: Date;
    }>,
  ): Promise<void> {
    await trx
      .updateTable('users')
      .set({
        ...(changes.name !== undefined && { name: changes.name }),
        ...(changes.passwordHash !== undefined && { password_hash: changes.passwordHash }),
        ...(changes.platformAdmin !== undefined && { platform_admin: changes.platformAdmin }),
        ...(changes.failedSignIns !== undefined && { failed_sign_ins: changes.failedSignIns }),
        ...(changes.lockedUntil !== undefined && { locked_until: changes.lockedUntil }),
        ...(changes.lastSignedInAt !== undefined && { last_signed_in_at: changes.lastSignedInAt }),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
  },

  /** The user bound to an OpenID Connect identity (issuer and subject). */
  byIdentity: (trx: Trx, issuer: string, subject: string): Promise<UserRow | undefined> =>
    trx
      .selectFrom('users')
      .select(userColumns)
      .where('oidc_issuer', '=', issuer)
      .where('oidc_subject', '=', subject)
      .executeTakeFirst(),

  async identityOf(trx: Trx, id: string): Promise<{ issuer: string | null; subject: string | null }> {
    const row = await trx
      .selectFrom('users')
      .select(['oidc_issuer as issuer', 'oidc_subject as subject'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return row;
  },

  async bindIdentity(trx: Trx, id: string, issuer: string, subject: string): Promise<void> {
    await trx
      .updateTable('users')
      .set({ oidc_issuer: issuer, oidc_subject: subject, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  },

  count: (trx: Trx): Promise<number> => countRows(trx.selectFrom('users')),
};

export const membersRepository = {
  /** The members of the current partnership (row-level security picks the partnership). */
  list: (trx: Trx, partnershipId: string): Promise<MemberRow[]> =>
    trx
      .selectFrom('partnership_members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['u.id as userId', 'u.email', 'u.name', 'm.role', 'm.created_at as since'])
      .where('m.partnership_id', '=', partnershipId)
      .orderBy('u.name')
      .execute(),

  async roleOf(trx: Trx, partnershipId: string, userId: string): Promise<string | undefined> {
    const row = await trx
      .selectFrom('partnership_members')
      .select('role')
      .where('partnership_id', '=', partnershipId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row?.role;
  },

  /** The partnerships a user belongs to: the policy lets a user see their own rows everywhere. */
  async partnershipsOf(trx: Trx, userId: string): Promise<{ partnershipId: string; role: string }[]> {
    return trx
      .selectFrom('partnership_members')
      .select(['partnership_id as partnershipId', 'role'])
      .where('user_id', '=', userId)
      .execute();
  },

  /**
   * A partnership by its slug with the user's role there (null when they have none) and its data
   * version (ADR 0021; null before its first change), in one query.
   */
  async accessBySlug(
    trx: Trx,
    slug: string,
    userId: string,
  ): Promise<
    { id: string; slug: string; name: string; role: string | null; version: string | null } | undefined
  > {
    return trx
      .selectFrom('partnerships as p')
      .leftJoin('partnership_members as m', (join) =>
        join.onRef('m.partnership_id', '=', 'p.id').on('m.user_id', '=', userId),
      )
      .leftJoin('partnership_versions as v', 'v.partnership_id', 'p.id')
      .select(['p.id', 'p.slug', 'p.name', 'm.role', 'v.version'])
      .where('p.slug', '=', slug)
      .executeTakeFirst();
  },

  /**
   * The user behind a session and, when a slug is given, the partnership it names with the
   * user's role and data version, in one statement (ADR 0022). Through `Database.gate` only.
   */
  async requestContext(
    gate: Kysely<DB>,
    userId: string,
    slug: string | null,
  ): Promise<RequestContextRow | undefined> {
    const { rows } = await sql<RequestContextRow>`
      select ${contextColumns} from request_context(${userId}::uuid, ${slug})`.execute(gate);
    return rows[0];
  },

  /**
   * The session a cookie names, unexpired, with its user's request context (null columns when
   * it has no user), in one statement (ADR 0022). Through `Database.gate` only.
   */
  async sessionContext(
    gate: Kysely<DB>,
    sid: string,
    slug: string | null,
  ): Promise<SessionContextRow | undefined> {
    const { rows } = await sql<SessionContextRow>`
      select sess, ${contextColumns} from session_context(${sid}, ${slug})`.execute(gate);
    return rows[0];
  },

  async upsert(trx: Trx, partnershipId: string, userId: string, role: string): Promise<void> {
    await trx
      .insertInto('partnership_members')
      .values({ partnership_id: partnershipId, user_id: userId, role })
      .onConflict((oc) => oc.columns(['partnership_id', 'user_id']).doUpdateSet({ role }))
      .execute();
  },

  async remove(trx: Trx, partnershipId: string, userId: string): Promise<void> {
    await trx
      .deleteFrom('partnership_members')
      .where('partnership_id', '=', partnershipId)
      .where('user_id', '=', userId)
      .execute();
  },

  adminCount: (trx: Trx, partnershipId: string): Promise<number> =>
    countRows(
      trx
        .selectFrom('partnership_members')
        .where('partnership_id', '=', partnershipId)
        .where('role', '=', 'admin'),
    ),
};

export interface InvitationRow {
  id: string;
  email: string;
  role: string;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}

const invitationColumns = [
  'id',
  'email',
  'role',
  'expires_at as expiresAt',
  'accepted_at as acceptedAt',
  'revoked_at as revokedAt',
  'created_at as createdAt',
] as const;

export const invitationsRepository = {
  async insert(
    trx: Trx,
    values: {
      partnershipId: string;
      email: string;
      role: string;
      tokenHash: string;
      invitedBy: string | null;
      expiresAt: Date;
    },
  ): Promise<string> {
    const row = await trx
      .insertInto('invitations')
      .values({
        partnership_id: values.partnershipId,
        email: values.email,
        role: values.role,
        token_hash: values.tokenHash,
        invited_by: values.invitedBy,
        expires_at: values.expiresAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  byTokenHash: (trx: Trx, tokenHash: string): Promise<InvitationRow | undefined> =>
    trx
      .selectFrom('invitations')
      .select(invitationColumns)
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst(),

  pending: (trx: Trx): Promise<InvitationRow[]> =>
    trx
      .selectFrom('invitations')
      .select(invitationColumns)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', new Date())
      .orderBy('created_at', 'desc')
      .execute(),

  /** The partnerships holding a pending invitation for an address (a security-definer function). */
  async partnershipsInviting(trx: Trx, email: string): Promise<string[]> {
    const { rows } = await sql<{ id: string }>`select invited_partnerships(${email}) as id`.execute(trx);
    return rows.map((row) => row.id);
  },

  /** The current partnership's pending invitations for an address, newest first. */
  pendingFor: (trx: Trx, email: string): Promise<InvitationRow[]> =>
    trx
      .selectFrom('invitations')
      .select(invitationColumns)
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', new Date())
      .orderBy('created_at', 'desc')
      .execute(),

  async markAccepted(trx: Trx, id: string): Promise<void> {
    await trx.updateTable('invitations').set({ accepted_at: new Date() }).where('id', '=', id).execute();
  },

  async revoke(trx: Trx, id: string): Promise<boolean> {
    const result = await trx
      .updateTable('invitations')
      .set({ revoked_at: new Date() })
      .where('id', '=', id)
      .where('accepted_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },

  /** The slug and name of the partnership an invitation is to, for its e-mail. */
  async partnershipOf(trx: Trx, partnershipId: string): Promise<{ slug: string; name: string }> {
    return trx
      .selectFrom('partnerships')
      .select(['slug', 'name'])
      .where('id', '=', partnershipId)
      .executeTakeFirstOrThrow();
  },
};

export interface FailureRow {
  failures: number;
  lockedUntil: Date | null;
}

/** Failed sign-ins for addresses with no password account, by the address's digest. */
export const signInFailuresRepository = {
  byDigest: (trx: Trx, digest: string): Promise<FailureRow | undefined> =>
    trx
      .selectFrom('sign_in_failures')
      .select(['failures', 'locked_until as lockedUntil'])
      .where('address_digest', '=', digest)
      .executeTakeFirst(),

  async record(trx: Trx, digest: string, row: FailureRow, now: Date): Promise<void> {
    const values = { failures: row.failures, locked_until: row.lockedUntil, last_failed_at: now };
    await trx
      .insertInto('sign_in_failures')
      .values({ address_digest: digest, ...values })
      .onConflict((oc) => oc.column('address_digest').doUpdateSet(values))
      .execute();
  },

  /** Forgets addresses whose last failure is older than `before` and that are not locked. */
  async forgetBefore(trx: Trx, before: Date, now: Date): Promise<void> {
    await trx
      .deleteFrom('sign_in_failures')
      .where('last_failed_at', '<', before)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
      .execute();
  },
};

export interface TokenRow {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export const tokensRepository = {
  async insert(trx: Trx, userId: string, name: string, tokenHash: string): Promise<string> {
    const row = await trx
      .insertInto('api_tokens')
      .values({ user_id: userId, name, token_hash: tokenHash })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  list: (trx: Trx, userId: string): Promise<TokenRow[]> =>
    trx
      .selectFrom('api_tokens')
      .select([
        'id',
        'name',
        'created_at as createdAt',
        'last_used_at as lastUsedAt',
        'revoked_at as revokedAt',
      ])
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .execute(),

  async userByTokenHash(
    trx: Trx,
    tokenHash: string,
  ): Promise<(UserRow & { tokenId: string; lastUsedAt: Date | null }) | undefined> {
    return trx
      .selectFrom('api_tokens as t')
      .innerJoin('users as u', 'u.id', 't.user_id')
      .select([
        't.id as tokenId',
        't.last_used_at as lastUsedAt',
        'u.id',
        'u.email',
        'u.name',
        'u.password_hash as passwordHash',
        'u.platform_admin as platformAdmin',
        'u.failed_sign_ins as failedSignIns',
        'u.locked_until as lockedUntil',
      ])
      .where('t.token_hash', '=', tokenHash)
      .where('t.revoked_at', 'is', null)
      .executeTakeFirst();
  },

  /** Notes the token's use, unless a use since `since` is already noted. */
  async touch(trx: Trx, id: string, since: Date): Promise<void> {
    await trx
      .updateTable('api_tokens')
      .set({ last_used_at: new Date() })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', since)]))
      .execute();
  },

  async revoke(trx: Trx, userId: string, id: string): Promise<boolean> {
    const result = await trx
      .updateTable('api_tokens')
      .set({ revoked_at: new Date() })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },
};

/**
 * The partnership's administrators (their accounts' names and addresses), inside a transaction
 * the caller holds: other modules' messages go to them (a membership's term ending).
 */
export const administratorsWithin = (
  trx: Trx,
  partnershipId: string,
): Promise<{ name: string; email: string }[]> =>
  trx
    .selectFrom('partnership_members as pm')
    .innerJoin('users as u', 'u.id', 'pm.user_id')
    .select(['u.name', 'u.email'])
    .where('pm.partnership_id', '=', partnershipId)
    .where('pm.role', '=', 'admin')
    .orderBy('u.email')
    .execute();

/**
 * Of these addresses, those whose account may see exempt items in the partnership the
 * transaction is set to (a platform administrator, or member and up), in lower case: other
 * modules' messages name an exempt item only to them (the record's action reminders).
 */
export async function addressesSeeingExempt(trx: Trx, emails: string[]): Promise<Set<string>> {
  if (!emails.length) return new Set();
  const rows = await trx
    .selectFrom('users as u')
    .leftJoin('partnership_members as pm', (join) =>
      join
        .onRef('pm.user_id', '=', 'u.id')
        .on('pm.partnership_id', '=', sql<string>`current_partnership_id()`),
    )
    .select(sql<string>`lower(u.email)`.as('email'))
    .where(
      sql<string>`lower(u.email)`,
      'in',
      emails.map((email) => email.toLowerCase()),
    )
    .where((eb) =>
      eb.or([eb('u.platform_admin', '=', true), eb('pm.role', 'in', ['member', 'editor', 'admin'])]),
    )
    .execute();
  return new Set(rows.map((row) => row.email));
}
