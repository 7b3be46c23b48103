// The partnership's users page: who has which role, add or invite someone, change a role,
// remove someone, withdraw an invitation. Mounted under /partnerships/:slug.
import { Router } from 'express';
import { callerOf, requirePermission, tenantOf } from '../../platform/http/auth.ts';
import { flash, submitForm } from '../../platform/http/forms.ts';
import { confirmDeletion } from '../../platform/http/confirm-deletion.ts';
import { roleDescriptions, roles } from '../../platform/http/permissions.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { MembersService } from './members.service.ts';
import { addUserSchema, changeRoleSchema } from './accounts.schemas.ts';

const roleItems = roles.map((value) => ({ value, text: roleDescriptions[value] })).reverse();
const listView = 'modules/accounts/views/members.njk';
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function membersRoutes(members: MembersService, publicUrl: string | undefined): Router {
  const router = Router({ mergeParams: true });
  router.use('/users', requirePermission('users.manage'));

  const listLocals = async (req: Parameters<typeof callerOf>[0]) => {
    const caller = callerOf(req);
    const tenant = tenantOf(req);
    return {
      title: 'Users',
      tenant,
      roleItems,
      members: await members.list(caller),
      invitations: await members.pendingInvitations(caller),
      base: `/partnerships/${tenant.slug}/users`,
      currentUserId: req.user?.id,
    };
  };

  router.get('/users', async (req, res) => {
    res.render(listView, { ...(await listLocals(req)), values: {} });
  });

  router.post('/users', async (req, res) => {
    const tenant = tenantOf(req);
    let outcome: Awaited<ReturnType<MembersService['add']>> | undefined;
    const done = await submitForm(
      req,
      res,
      { view: listView, locals: await listLocals(req), schema: addUserSchema, input: req.body },
      async (value) => {
        outcome = await members.add(callerOf(req), value);
      },
    );
    if (!done || !outcome) return;
    if (outcome.outcome === 'added') {
      flash(req, 'The user has been added to the partnership');
      return res.redirect(303, `/partnerships/${tenant.slug}/users`);
    }
    const origin = publicUrl ?? `${req.protocol}://${req.get('host')}`;
    res.render('modules/accounts/views/invited.njk', {
      title: 'Invitation created',
      tenant,
      email: (req.body as { email?: string }).email,
      link: `${origin}/join/${tenant.slug}/${outcome.token}`,
      backLink: `/partnerships/${tenant.slug}/users`,
    });
  });

  router.post('/users/:userId/role', async (req, res) => {
    const tenant = tenantOf(req);
    const userId = String(req.params.userId);
    if (!uuid.test(userId)) throw notFound();
    const done = await submitForm(
      req,
      res,
      { view: listView, locals: await listLocals(req), schema: changeRoleSchema, input: req.body },
      (value) => members.changeRole(callerOf(req), userId, value.role),
    );
    if (!done) return;
    flash(req, 'The role has been changed');
    res.redirect(303, `/partnerships/${tenant.slug}/users`);
  });

  // Removing someone from the partnership asks first (ADR 0048); refusals (the last
  // administrator) are shown on that page.
  confirmDeletion(router, {
    path: '/users/:userId/remove',
    permission: requirePermission('users.manage'),
    title: 'Remove a user from the partnership',
    buttonText: 'Remove the user',
    goesIntro: 'Removing them also means:',
    locals: (req) => ({ tenant: tenantOf(req) }),
    about: async (req) => {
      const tenant = tenantOf(req);
      const userId = String(req.params.userId);
      if (!uuid.test(userId)) throw notFound();
      const member = (await members.list(callerOf(req))).find((candidate) => candidate.userId === userId);
      if (!member) throw notFound();
      return {
        caption: tenant.name,
        subject: `${member.name} (${member.email}), ${member.role} of ${tenant.name}.`,
        goes: [`They can no longer open ${tenant.name}’s pages or use its API with their tokens`],
        stays: ['Their account, their roles in other partnerships, and what they recorded here'],
        backLink: `/partnerships/${tenant.slug}/users`,
      };
    },
    remove: async (req) => {
      const userId = String(req.params.userId);
      if (!uuid.test(userId)) throw notFound();
      await members.remove(callerOf(req), userId);
      return `/partnerships/${tenantOf(req).slug}/users`;
    },
    done: 'The user has been removed from the partnership',
  });

  router.post('/users/invitations/:invitationId/withdraw', async (req, res) => {
    const tenant = tenantOf(req);
    const id = String(req.params.invitationId);
    if (!uuid.test(id)) throw notFound();
    await members.revokeInvitation(callerOf(req), id);
    flash(req, 'The invitation has been withdrawn');
    res.redirect(303, `/partnerships/${tenant.slug}/users`);
  });

  return router;
}
