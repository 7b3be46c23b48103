// Who holds which role in a partnership: adding people who already have an account,
// inviting those who do not, changing roles, and removing people, never leaving a
// partnership without an administrator.
import type { Database } from '../../platform/db/database.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import type { Caller, TenantAccess } from '../../platform/http/auth.ts';
import { inTenant } from '../../platform/tenant.ts';
import { isRole, type Role } from '../../platform/http/permissions.ts';
import { notFound } from '../../platform/http/errors.ts';
import { RuleViolation } from '../../platform/http/validation.ts';
import type { DB, Trx } from '../../schema.ts';
import {
  invitationsRepository as invitations,
  membersRepository as members,
  usersRepository as users,
  type RequestContextRow,
} from './accounts.repository.ts';
import { digest, newToken, passwordHasher, type PasswordHasher } from './secrets.ts';
import type { MailService } from '../../platform/mail/outbox.ts';
import { invitationMail } from './invitation-mail.ts';

const invitationDays = 14;

async function keepAnAdministrator(
  trx: Trx,
  partnershipId: string,
  userId: string,
  newRole: Role | null,
): Promise<void> {
  const current = await members.roleOf(trx, partnershipId, userId);
  if (current === 'admin' && newRole !== 'admin' && (await members.adminCount(trx, partnershipId)) <= 1) {
    throw new RuleViolation([
      { path: 'role', message: 'A partnership must keep at least one administrator' },
    ]);
  }
}

export type AddOutcome =
  { outcome: 'added'; userId: string } | { outcome: 'invited'; invitationId: string; token: string };

/** Who is asking and, when the URL names a partnership, that partnership and their role. */
export interface RequestContext {
  user: { id: string; email: string; name: string; platformAdmin: boolean };
  access: TenantAccess | null;
}

export function membersService(
  db: Database<DB>,
  mail?: MailService,
  passwords: PasswordHasher = passwordHasher(),
) {
  const contextOf = (row: RequestContextRow): RequestContext => {
    const user = { id: row.userId, email: row.email, name: row.userName, platformAdmin: row.platformAdmin };
    if (!row.partnershipId || !row.slug || !row.partnershipName) return { user, access: null };
    if (row.version !== null) db.noteVersion(row.partnershipId, row.version);
    const role: Role | null = isRole(row.role) ? row.role : null;
    return {
      user,
      access: { partnershipId: row.partnershipId, slug: row.slug, name: row.partnershipName, role },
    };
  };

  const asAdmin = <T>(caller: Caller, work: (trx: Trx, partnershipId: string) => Promise<T>) =>
    inTenant(db, caller, 'users.manage', work);

  return {
    /** The role a user holds in a partnership, or null. */
    async roleOf(partnershipId: string, userId: string): Promise<Role | null> {
      const role = await db.read({ partnershipId, userId }, (trx) =>
        members.roleOf(trx, partnershipId, userId),
      );
      return isRole(role) ? role : null;
    },

    /** The partnership a URL names and the user's role there, in one transaction. */
    async access(
      slug: string,
      userId: string,
    ): Promise<{ partnershipId: string; slug: string; name: string; role: Role | null } | null> {
      const found = await db.read({ userId }, (trx) => members.accessBySlug(trx, slug, userId));
      if (!found) return null;
      // null: not the user's to read (neither a member nor a platform administrator, migration
      // 0067), and then nothing kept serves the request
      if (found.version !== null) db.noteVersion(found.id, found.version);
      return {
        partnershipId: found.id,
        slug: found.slug,
        name: found.name,
        role: isRole(found.role) ? found.role : null,
      };
    },

    /**
     * The signed-in user behind a session's user id and, when the URL names a partnership, that
     * partnership and the user's role there: one statement and no transaction (ADR 0022), so
     * that a page served from kept reads (ADR 0021) needs nothing more of the database.
     */
    async requestContext(userId: string, slug: string | null): Promise<RequestContext | null> {
      const row = await db.gate((gate) => members.requestContext(gate, userId, slug));
      return row ? contextOf(row) : null;
    },

    /**
     * The session a cookie names (null when there is none or it has expired) and, when it has a
     * user, their request context as `requestContext` gives it, in the same one statement.
     */
    async session(sid: string, slug: string | null) {
      const row = await db.gate((gate) => members.sessionContext(gate, sid, slug));
      if (!row) return null;
      return { data: row.sess, context: row.userId === null ? null : contextOf(row) };
    },

    /** Every partnership a user belongs to, with their role there. */
    partnershipsOf(userId: string) {
      return db.read({ userId }, (trx) => members.partnershipsOf(trx, userId));
    },

    list(caller: Caller) {
      return asAdmin(caller, (trx, partnershipId) => members.list(trx, partnershipId));
    },

    pendingInvitations(caller: Caller) {
      return asAdmin(caller, (trx) => invitations.pending(trx));
    },

    /** Gives an existing user a role, or invites a new one with a link to set up their account. */
    async add(caller: Caller, input: { email: string; role: Role }): Promise<AddOutcome> {
      await mail?.ready();
      const outcome = await asAdmin(caller, async (trx, partnershipId): Promise<AddOutcome> => {
        const user = await users.byEmail(trx, input.email);
        if (user) {
          if (await members.roleOf(trx, partnershipId, user.id)) {
            throw new RuleViolation([
              {
                path: 'email',
                message: 'This person is already a user of this partnership: change their role instead',
              },
            ]);
          }
          await members.upsert(trx, partnershipId, user.id, input.role);
          await recordChange(trx, caller.actor, {
            partnershipId,
            action: 'create',
            entityType: 'partnership member',
            entityId: user.id,
            summary: `Gave ${user.email} the role ${input.role}`,
            after: { email: user.email, role: input.role },
          });
          return { outcome: 'added', userId: user.id };
        }
        const token = newToken('inv');
        const expiresAt = new Date(Date.now() + invitationDays * 86_400_000);
        const invitationId = await invitations.insert(trx, {
          partnershipId,
          email: input.email,
          role: input.role,
          tokenHash: digest(token),
          invitedBy: caller.userId,
          expiresAt,
        });
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'create',
          entityType: 'invitation',
          entityId: invitationId,
          summary: `Invited ${input.email} as ${input.role}`,
          after: { email: input.email, role: input.role, expiresAt },
        });
        if (mail)
          await invitationMail(trx, mail, caller, partnershipId, input.email, input.role, token, expiresAt);
        return { outcome: 'invited', invitationId, token };
      });
      mail?.notify();
      return outcome;
    },

    async changeRole(caller: Caller, userId: string, role: Role): Promise<void> {
      await asAdmin(caller, async (trx, partnershipId) => {
        const before = await members.roleOf(trx, partnershipId, userId);
        if (!before) throw notFound();
        await keepAnAdministrator(trx, partnershipId, userId, role);
        await members.upsert(trx, partnershipId, userId, role);
        const user = await users.byId(trx, userId);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'partnership member',
          entityId: userId,
          summary: `Changed ${user?.email}’s role from ${before} to ${role}`,
          before: { role: before },
          after: { role },
        });
      });
    },

    async remove(caller: Caller, userId: string): Promise<void> {
      await asAdmin(caller, async (trx, partnershipId) => {
        const before = await members.roleOf(trx, partnershipId, userId);
        if (!before) throw notFound();
        await keepAnAdministrator(trx, partnershipId, userId, null);
        await members.remove(trx, partnershipId, userId);
        const user = await users.byId(trx, userId);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'delete',
          entityType: 'partnership member',
          entityId: userId,
          summary: `Removed ${user?.email} from the partnership`,
          before: { email: user?.email, role: before },
        });
      });
    },

    async revokeInvitation(caller: Caller, invitationId: string): Promise<void> {
      await asAdmin(caller, async (trx, partnershipId) => {
        if (!(await invitations.revoke(trx, invitationId))) throw notFound();
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'delete',
          entityType: 'invitation',
          entityId: invitationId,
          summary: 'Withdrew an invitation',
        });
      });
    },

    /** An invitation by its link, if it can still be accepted. */
    async openInvitation(partnershipId: string, token: string) {
      return db.transaction({ partnershipId }, async (trx) => {
        const invitation = await invitations.byTokenHash(trx, digest(token));
        if (
          !invitation ||
          invitation.acceptedAt ||
          invitation.revokedAt ||
          invitation.expiresAt <= new Date()
        )
          return null;
        return invitation;
      });
    },

    /** Creates the invited person's account with the invited role. Returns their user id. */
    async acceptInvitation(
      partnershipId: string,
      token: string,
      input: { name: string; password: string },
    ): Promise<string> {
      const passwordHash = await passwords.hash(input.password);
      return db.transaction({ partnershipId }, async (trx) => {
        const invitation = await invitations.byTokenHash(trx, digest(token));
        if (
          !invitation ||
          invitation.acceptedAt ||
          invitation.revokedAt ||
          invitation.expiresAt <= new Date()
        )
          throw notFound();
        if (await users.byEmail(trx, invitation.email)) {
          throw new RuleViolation([
            { path: 'name', message: 'An account with this email address already exists: sign in instead' },
          ]);
        }
        const userId = await users.insert(trx, {
          email: invitation.email,
          name: input.name,
          passwordHash,
          platformAdmin: false,
        });
        await members.upsert(trx, partnershipId, userId, invitation.role);
        await invitations.markAccepted(trx, invitation.id);
        await recordChange(
          trx,
          { userId, label: invitation.email },
          {
            partnershipId,
            action: 'create',
            entityType: 'partnership member',
            entityId: userId,
            summary: `${invitation.email} accepted an invitation as ${invitation.role}`,
            after: { email: invitation.email, name: input.name, role: invitation.role },
          },
        );
        return userId;
      });
    },

    /** For the command line and seeds: a role for a user, no questions asked beyond the rules. */
    async grant(caller: Caller, userId: string, role: Role): Promise<void> {
      await asAdmin(caller, async (trx, partnershipId) => {
        const before = await members.roleOf(trx, partnershipId, userId);
        if (before === role) return;
        await members.upsert(trx, partnershipId, userId, role);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: before ? 'update' : 'create',
          entityType: 'partnership member',
          entityId: userId,
          summary: `Gave user ${userId} the role ${role}`,
          before: before ? { role: before } : undefined,
          after: { role },
        });
      });
    },
  };
}

export type MembersService = ReturnType<typeof membersService>;
