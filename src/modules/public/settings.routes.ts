// A partnership administrator's choice of the public site's sections (tenant router).
import { Router } from 'express';
import { callerOf, requirePermission, tenantOf } from '../../platform/http/auth.ts';
import { flash, submitForm } from '../../platform/http/forms.ts';
import { publicSections, sectionsSchema, type PublicSiteService } from './public.service.ts';

const view = 'modules/public/views/settings.njk';

export function publicSettingsRoutes(service: PublicSiteService): Router {
  const router = Router({ mergeParams: true });
  const locals = (slug: string, published: boolean) => ({
    title: 'Public site',
    sectionItems: Object.entries(publicSections).map(([value, text]) => ({ value, text })),
    publicAddress: `/public/${slug}`,
    published,
    backLink: `/partnerships/${slug}`,
  });
  const publishedOf = async (slug: string) => (await service.site(slug)) !== null;

  router.get('/public-site', requirePermission('partnership.settings'), async (req, res) => {
    const tenant = tenantOf(req);
    const { sections, chosen } = await service.sections(callerOf(req));
    res.render(view, {
      ...locals(tenant.slug, await publishedOf(tenant.slug)),
      tenant,
      chosen,
      values: { sections },
    });
  });

  router.post('/public-site', requirePermission('partnership.settings'), async (req, res) => {
    const tenant = tenantOf(req);
    const done = await submitForm(
      req,
      res,
      {
        view,
        locals: { ...locals(tenant.slug, await publishedOf(tenant.slug)), tenant, chosen: true },
        schema: sectionsSchema,
        input: req.body,
        values: { sections: [req.body.sections ?? []].flat() },
      },
      async (value) => {
        await service.saveSections(callerOf(req), value.sections);
      },
    );
    if (!done) return;
    flash(req, 'The public site\u2019s sections have been saved');
    res.redirect(303, `/partnerships/${tenant.slug}/public-site`);
  });

  return router;
}
