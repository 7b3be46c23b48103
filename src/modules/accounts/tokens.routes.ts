// A user's own API tokens.
import { Router } from 'express';
import { callerOf, requireSignIn } from '../../platform/http/auth.ts';
import { flash, submitForm } from '../../platform/http/forms.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { TokensService } from './tokens.service.ts';
import { tokenSchema } from './accounts.schemas.ts';

const view = 'modules/accounts/views/tokens.njk';

export function tokensRoutes(tokens: TokensService): Router {
  const router = Router();
  router.use('/account', requireSignIn);

  const locals = async (userId: string) => ({ title: 'API tokens', tokens: await tokens.list(userId) });

  router.get('/account/tokens', async (req, res) => {
    res.render(view, { ...(await locals(req.user!.id)), values: {} });
  });

  router.post('/account/tokens', async (req, res) => {
    let created: { token: string } | undefined;
    const done = await submitForm(
      req,
      res,
      { view, locals: await locals(req.user!.id), schema: tokenSchema, input: req.body },
      async (value) => {
        created = await tokens.create(callerOf(req), req.user!.id, value.name);
      },
    );
    if (!done || !created) return;
    res.render('modules/accounts/views/token-created.njk', {
      title: 'API token created',
      token: created.token,
      backLink: '/account/tokens',
    });
  });

  router.post('/account/tokens/:id/revoke', async (req, res) => {
    if (!/^[0-9a-f-]{36}$/.test(String(req.params.id))) throw notFound();
    await tokens.revoke(callerOf(req), String(req.params.id));
    flash(req, 'The token has been revoked');
    res.redirect(303, '/account/tokens');
  });

  return router;
}
