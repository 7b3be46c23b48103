// The audit trail of one partnership, filterable, for its administrators.
import { Router } from 'express';
import { z } from 'zod';
import { toCsv } from '../../platform/documents/csv.ts';
import type { Database } from '../db/database.ts';
import { requirePermission, tenantOf } from '../http/auth.ts';
import { validate } from '../http/validation.ts';
import { entityTypes, listChanges } from './audit.ts';

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

export function auditRoutes(db: Database<unknown>): Router {
  const router = Router({ mergeParams: true });

  router.get('/audit', requirePermission('audit.read'), async (req, res) => {
    const tenant = tenantOf(req);
    const checked = validate(filterSchema, req.query);
    const filter = checked.ok ? checked.value : { page: 1 };
    const csv = req.query.format === 'csv';
    const { entries, total, types } = await db.read({ partnershipId: tenant.partnershipId }, async (trx) => ({
      ...(await listChanges(trx, {
        ...filter,
        limit: csv ? 10_000 : pageSize,
        offset: csv ? 0 : (filter.page - 1) * pageSize,
      })),
      types: await entityTypes(trx),
    }));
    if (csv) {
      res
        .type('text/csv')
        .attachment('audit-trail.csv')
        .send(
          toCsv(
            entries.map((entry) => ({
              ...entry,
              occurredAt: entry.occurredAt.toISOString(),
              before: JSON.stringify(entry.before),
              after: JSON.stringify(entry.after),
            })),
            {
              header: true,
              columns: [
                'occurredAt',
                'actor',
                'action',
                'entityType',
                'entityId',
                'summary',
                'before',
                'after',
              ],
            },
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
      tenant,
      entries,
      total,
      types,
      filter: req.query,
      errors: checked.ok ? undefined : checked.errors,
      page: filter.page,
      pages: Math.max(1, Math.ceil(total / pageSize)),
      query: query.toString(),
      backLink: `/partnerships/${tenant.slug}`,
    });
  });

  return router;
}
