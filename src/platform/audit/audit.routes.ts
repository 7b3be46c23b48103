// The audit trail of one partnership, filterable, for its administrators; and the platform's
// events (users, tokens, sign-ins) for platform administrators.
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { sendCsv, toCsv } from '../../platform/documents/csv.ts';
import type { Database } from '../db/database.ts';
import { requirePermission, requirePlatformAdmin, tenantOf } from '../http/auth.ts';
import { queryDates } from '../http/date-input.ts';
import { formErrors, validate } from '../http/validation.ts';
import { entityTypes, listChanges } from './audit.ts';
import { keptPage, pageRead } from '../http/kept-pages.ts';

const pageSize = 50;
const optional = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || undefined);

const filterSchema = z.object({
  entityType: optional,
  action: optional,
  actor: optional,
  from: optional.pipe(z.iso.date({ error: 'Date from must be a date like 2026-01-31' }).optional()),
  to: optional.pipe(z.iso.date({ error: 'Date to must be a date like 2026-01-31' }).optional()),
  page: z.coerce.number().int().min(1).catch(1),
});

const changeActions = ['create', 'update', 'delete', 'import'];
/** Platform events: changes to users and tokens, and every sign-in, failure, lock-out and sign-out. */
const platformActions = [
  ...changeActions,
  'signed in',
  'sign-in failed',
  'locked',
  'sign-in refused',
  'signed out',
];

export function auditRoutes(db: Database<unknown>): Router {
  const router = Router({ mergeParams: true });
  // kept like the other pages (ADR 0056): every audit row of a partnership moves its version
  router.get('/audit', requirePermission('audit.read'), keptPage('audit trail'), (req, res) => {
    const tenant = tenantOf(req);
    return auditPage(db, req, res, {
      scope: { partnershipId: tenant.partnershipId },
      caption: tenant.name,
      intro:
        'Every change to the partnership’s records: who made it, when, and what it was before and after.',
      actions: changeActions,
      backLink: `/partnerships/${tenant.slug}`,
    });
  });
  return router;
}

/**
 * The platform's own audit trail for platform administrators: the events of no partnership
 * (users, API tokens, sign-ins), which row-level security shows to them alone (migration 0056).
 */
export function platformAuditRoutes(db: Database<unknown>): Router {
  const router = Router();
  router.get('/platform/audit', requirePlatformAdmin(), (req, res) =>
    auditPage(db, req, res, {
      scope: { userId: req.user!.id },
      caption: 'Platform',
      intro:
        'Users, API tokens and sign-ins: every sign-in, failed attempt, lock-out and sign-out, who or what it was, when, and from which address.',
      actions: platformActions,
      backLink: '/',
    }),
  );
  return router;
}

interface AuditPage {
  scope: { partnershipId?: string; userId?: string };
  caption: string;
  intro: string;
  actions: string[];
  backLink: string;
}

async function auditPage(db: Database<unknown>, req: Request, res: Response, page: AuditPage): Promise<void> {
  // the dates as GOV.UK date inputs, or from=YYYY-MM-DD as earlier addresses give them
  const dated = queryDates(req.query, { from: { label: 'Date from' }, to: { label: 'Date to' } });
  const checked = validate(filterSchema, dated.query);
  const problems = [...dated.problems, ...(checked.ok ? [] : checked.problems)];
  const filter = checked.ok && !problems.length ? checked.value : { page: 1 };
  const csv = req.query.format === 'csv';
  const read = () =>
    db.read(page.scope, async (trx) => ({
      ...(await listChanges(trx, {
        ...filter,
        limit: csv ? 10_000 : pageSize,
        offset: csv ? 0 : (filter.page - 1) * pageSize,
      })),
      types: await entityTypes(trx),
    }));
  // a download of up to 10,000 entries is read each time rather than kept in memory
  const { entries, total, types } = csv ? await read() : await pageRead(res, read);
  if (csv) {
    sendCsv(
      res,
      'audit-trail',
      toCsv(
        ['occurredAt', 'actor', 'action', 'entityType', 'entityId', 'summary', 'before', 'after'],
        entries.map((entry) => ({
          ...entry,
          occurredAt: entry.occurredAt.toISOString(),
          before: JSON.stringify(entry.before),
          after: JSON.stringify(entry.after),
        })),
      ),
    );
    return;
  }
  const query = new URLSearchParams(
    Object.entries(req.query).filter(
      ([key, value]) => key !== 'page' && typeof value === 'string' && value,
    ) as [string, string][],
  );
  res.render('platform/audit/views/audit.njk', {
    title: 'Audit trail',
    caption: page.caption,
    intro: page.intro,
    actions: page.actions,
    entries,
    total,
    types,
    filter: dated.query,
    errors: problems.length ? formErrors(problems) : undefined,
    page: filter.page,
    pages: Math.max(1, Math.ceil(total / pageSize)),
    query: query.toString(),
    backLink: page.backLink,
  });
}
