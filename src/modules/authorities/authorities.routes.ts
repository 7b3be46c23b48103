import { Router } from 'express';
import { stringify } from 'csv-stringify/sync';
import { validate } from '../../platform/http/validation.ts';
import { notFound } from '../../platform/http/errors.ts';
import { authorityTypes } from './authorities.reference.ts';
import { authoritySearchSchema, gssCodeSchema } from './authorities.schemas.ts';
import type { AuthoritiesService } from './authorities.service.ts';

export function authoritiesRoutes(authorities: AuthoritiesService): Router {
  const router = Router();

  router.get('/authorities', async (req, res) => {
    const checked = validate(authoritySearchSchema, req.query);
    const search = checked.ok ? checked.value : {};
    const list = await authorities.search(search);
    if (req.query.format === 'csv') {
      res
        .type('text/csv')
        .attachment('authorities.csv')
        .send(
          stringify(list, {
            header: true,
            columns: [
              { key: 'gssCode', header: 'GSS code' },
              { key: 'dfeCode', header: 'DfE code' },
              { key: 'name', header: 'Name' },
              { key: 'type', header: 'Type' },
              { key: 'region', header: 'Region' },
            ],
          }),
        );
      return;
    }
    const query = new URLSearchParams(
      Object.entries(search).filter(([, value]) => value) as [string, string][],
    );
    query.set('format', 'csv');
    res.render('modules/authorities/views/list.njk', {
      title: 'Local authorities',
      authorities: list,
      search: req.query,
      errors: checked.ok ? undefined : checked.errors,
      regions: await authorities.regions(),
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
      backLink: '/authorities',
    });
  });

  return router;
}
