// Partnership pages: the list a user can open, creating one (platform administrators),
// its overview, and its settings (its administrators).
import { Router, type Request } from 'express';
import { sendCsv, toCsv } from '../../platform/documents/csv.ts';
import {
  allowed,
  callerOf,
  requirePermission,
  requirePlatformAdmin,
  requireSignIn,
  tenantOf,
  type Caller,
  type SignedInUser,
} from '../../platform/http/auth.ts';
import { dateParts, partsOf } from '../../platform/http/date-input.ts';
import { flash, submitForm } from '../../platform/http/forms.ts';
import type { AuthoritiesService } from '../authorities/index.ts';
import type { PartnershipsService } from './partnerships.service.ts';
import type { PartnershipRow } from './partnerships.repository.ts';
import { partnershipFormSchema, partnershipStatuses, statusLabels } from './partnerships.schemas.ts';
import { keptPage, pageRead } from '../../platform/http/kept-pages.ts';

const formView = 'modules/partnerships/views/form.njk';

export interface PartnershipsRouteDeps {
  partnerships: PartnershipsService;
  authorities: AuthoritiesService;
  /** The partnerships a user may open (all of them for a platform administrator). */
  visibleTo(user: SignedInUser): Promise<PartnershipRow[]>;
  /** What needs attention, gathered by the composition root from the other modules. */
  dashboard(caller: Caller, slug: string): Promise<Record<string, unknown>>;
}

function formInput(body: Record<string, unknown>) {
  return { ...body, established: dateParts(body, 'established') };
}

function formValues(row: PartnershipRow) {
  const established = partsOf(row.established);
  return {
    authorityGssCode: row.authorityGssCode,
    name: row.name,
    slug: row.slug,
    status: row.status,
    published: row.published ? 'yes' : 'no',
    'established-day': established.day,
    'established-month': established.month,
    'established-year': established.year,
  };
}

export function partnershipsRoutes(deps: PartnershipsRouteDeps, tenant: Router): Router {
  const router = Router();
  const { partnerships, authorities } = deps;
  const formLocals = async () => ({
    authorities: await authorities.choices(),
    statuses: partnershipStatuses.map((value) => ({ value, text: statusLabels[value] })),
  });

  router.get('/', async (req, res) => {
    if (!req.user)
      return res.render('modules/partnerships/views/start.njk', { title: 'Run your children’s partnership' });
    res.render('modules/partnerships/views/list.njk', {
      title: 'Your partnerships',
      partnerships: await deps.visibleTo(req.user),
      canCreate: req.user.platformAdmin,
    });
  });

  router.get('/partnerships', requireSignIn, async (req, res) => {
    const list = await deps.visibleTo(req.user!);
    if (req.query.format === 'csv') {
      sendCsv(
        res,
        'partnerships',
        toCsv(
          [
            { key: 'name', header: 'Name' },
            { key: 'slug', header: 'Short name' },
            { key: 'authorityName', header: 'Authority' },
            { key: 'authorityGssCode', header: 'GSS code' },
            { key: 'established', header: 'Established' },
            { key: 'status', header: 'Status' },
            { key: 'published', header: 'Published' },
          ],
          list.map((p) => ({ ...p, published: p.published ? 'yes' : 'no' })),
        ),
      );
      return;
    }
    res.redirect(303, '/');
  });

  router.get('/partnerships/new', requirePlatformAdmin(), async (_req, res) => {
    res.render(formView, {
      title: 'Create a partnership',
      ...(await formLocals()),
      values: { status: 'active', published: 'no' },
      backLink: '/',
    });
  });

  router.post('/partnerships/new', requirePlatformAdmin(), async (req: Request, res) => {
    const body = req.body as Record<string, unknown>;
    let slug = '';
    const done = await submitForm(
      req,
      res,
      {
        view: formView,
        locals: { title: 'Create a partnership', ...(await formLocals()), backLink: '/' },
        schema: partnershipFormSchema,
        input: formInput(body),
      },
      async (value) => {
        slug = (await partnerships.create(callerOf(req), value)).slug;
      },
    );
    if (!done) return;
    flash(req, 'The partnership has been created');
    res.redirect(303, `/partnerships/${slug}`);
  });

  // the overview: kept by the role and today (ADR 0056)
  tenant.get('/', keptPage('overview', { by: ['date'] }), async (req, res) => {
    const { partnership, dashboard } = await pageRead(res, async () => {
      const partnership = (await partnerships.bySlug(tenantOf(req).slug))!;
      return { partnership, dashboard: await deps.dashboard(callerOf(req), partnership.slug) };
    });
    res.render('modules/partnerships/views/show.njk', {
      title: partnership.name,
      tenant: tenantOf(req),
      partnership,
      statusLabel: statusLabels[partnership.status as keyof typeof statusLabels] ?? partnership.status,
      canEdit: allowed(req, 'partnership.settings'),
      canManageUsers: allowed(req, 'users.manage'),
      canReadAudit: allowed(req, 'audit.read'),
      dashboard,
    });
  });

  tenant.get('/edit', requirePermission('partnership.settings'), async (req, res) => {
    const partnership = (await partnerships.bySlug(tenantOf(req).slug))!;
    res.render(formView, {
      title: 'Change partnership details',
      tenant: tenantOf(req),
      editing: true,
      ...(await formLocals()),
      values: formValues(partnership),
      backLink: `/partnerships/${partnership.slug}`,
    });
  });

  tenant.post('/edit', requirePermission('partnership.settings'), async (req, res) => {
    const current = tenantOf(req);
    let slug = current.slug;
    const done = await submitForm(
      req,
      res,
      {
        view: formView,
        locals: {
          title: 'Change partnership details',
          tenant: current,
          editing: true,
          ...(await formLocals()),
          backLink: `/partnerships/${current.slug}`,
        },
        schema: partnershipFormSchema,
        input: formInput(req.body as Record<string, unknown>),
      },
      async (value) => {
        slug = (await partnerships.update(callerOf(req), current.partnershipId, value)).slug;
      },
    );
    if (!done) return;
    flash(req, 'The partnership’s details have been changed');
    res.redirect(303, `/partnerships/${slug}`);
  });

  return router;
}
