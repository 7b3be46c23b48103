import { Router } from 'express';
import { sendCsv, toCsv } from '../../platform/documents/csv.ts';
import { validate } from '../../platform/http/validation.ts';
import { notFound } from '../../platform/http/errors.ts';
import { keptPage, pageRead } from '../../platform/http/kept-pages.ts';
import { authorityTypes } from './authorities.reference.ts';
import { dayAfter, lifeOf } from './authorities.history.ts';
import { authoritySearchSchema, gssCodeSchema } from './authorities.schemas.ts';
import type { AuthoritiesService } from './authorities.service.ts';
import type { AuthoritySearch } from './authorities.repository.ts';

export function authoritiesRoutes(authorities: AuthoritiesService): Router {
  const router = Router();

  // reference data, the same for everyone until the next release (ADR 0058)
  router.get('/authorities', keptPage('authorities', { reference: true }), async (req, res) => {
    const checked = validate(authoritySearchSchema, req.query);
    const search: AuthoritySearch = checked.ok ? checked.value : {};
    const { list, regions } = await pageRead(res, async () => ({
      list: await authorities.search(search),
      regions: await authorities.regions(),
    }));
    if (req.query.format === 'csv') {
      sendCsv(
        res,
        'authorities',
        toCsv(
          [
            { key: 'gssCode', header: 'GSS code' },
            { key: 'dfeCode', header: 'DfE code' },
            { key: 'name', header: 'Name' },
            { key: 'type', header: 'Type' },
            { key: 'region', header: 'Region' },
            ...(search.includeFormer
              ? [
                  { key: 'validFrom', header: 'From' },
                  { key: 'validTo', header: 'To' },
                  { key: 'successorCodes', header: 'Successors' },
                ]
              : []),
          ],
          list.map((a) => ({ ...a, successorCodes: a.successors.map((s) => s.gssCode).join(' ') })),
        ),
      );
      return;
    }
    const query = new URLSearchParams();
    for (const key of ['q', 'region', 'type'] as const) if (search[key]) query.set(key, search[key]);
    if (search.includeFormer) query.set('former', 'yes');
    query.set('format', 'csv');
    res.render('modules/authorities/views/list.njk', {
      title: 'Local authorities',
      authorities: list.map((a) => ({ ...a, endedOn: a.validTo ? dayAfter(a.validTo) : null })),
      search: req.query,
      errors: checked.ok ? undefined : checked.errors,
      regions,
      types: authorityTypes,
      csvLink: `/authorities?${query}`,
    });
  });

  router.get('/authorities/:gssCode', async (req, res) => {
    const code = gssCodeSchema.safeParse(req.params.gssCode);
    const authority = code.success ? await authorities.get(code.data) : null;
    if (!authority) throw notFound();
    res.render('modules/authorities/views/show.njk', {
      title: authority.name,
      authority,
      life: authority.types.length ? lifeOf(authority.types) : authority,
      endedOn: authority.validTo ? dayAfter(authority.validTo) : null,
      history: authority.types.length > 1 || authority.validTo || authority.predecessors.length,
      backLink: '/authorities',
    });
  });

  return router;
}
