// Accepting an invitation: the link names the partnership and carries the secret token.
import { Router } from 'express';
import { notFound } from '../../platform/http/errors.ts';
import { submitForm } from '../../platform/http/forms.ts';
import type { MembersService } from './members.service.ts';
import { acceptInvitationSchema } from './accounts.schemas.ts';

const view = 'modules/accounts/views/join.njk';

export function joinRoutes(
  members: MembersService,
  partnershipIdOf: (slug: string) => Promise<{ id: string; name: string } | null>,
): Router {
  const router = Router();

  const open = async (slug: string, token: string) => {
    const partnership = await partnershipIdOf(slug);
    const invitation = partnership ? await members.openInvitation(partnership.id, token) : null;
    if (!partnership || !invitation)
      throw notFound('This invitation link is not valid. It may have expired or been used already.');
    return { partnership, invitation };
  };

  router.get('/join/:slug/:token', async (req, res) => {
    const { partnership, invitation } = await open(req.params.slug, req.params.token);
    res.render(view, {
      title: `Join ${partnership.name}`,
      partnership,
      invitation,
      values: {},
      action: req.originalUrl,
    });
  });

  router.post('/join/:slug/:token', async (req, res, next) => {
    const { partnership, invitation } = await open(req.params.slug, req.params.token);
    let userId = '';
    const body = req.body as Record<string, string>;
    const done = await submitForm(
      req,
      res,
      {
        view,
        locals: { title: `Join ${partnership.name}`, partnership, invitation, action: req.originalUrl },
        schema: acceptInvitationSchema,
        input: body,
        values: { name: body.name },
      },
      async (value) => {
        userId = await members.acceptInvitation(partnership.id, req.params.token, value);
      },
    );
    if (!done) return;
    req.session.regenerate((error) => {
      if (error) return next(error);
      req.session.userId = userId;
      req.session.flash = `Welcome to ${partnership.name}`;
      req.session.save((saveError) =>
        saveError ? next(saveError) : res.redirect(303, `/partnerships/${req.params.slug}`),
      );
    });
  });

  return router;
}
