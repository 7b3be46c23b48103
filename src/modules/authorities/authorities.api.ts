import { Router } from 'express';
import { validate } from '../../platform/http/validation.ts';
import { badRequest, notFound } from '../../platform/http/errors.ts';
import { keptAnswer } from '../../platform/http/kept-pages.ts';
import { authoritySearchSchema, gssCodeSchema } from './authorities.schemas.ts';
import type { AuthoritiesService } from './authorities.service.ts';
import type { AuthorityRow } from './authorities.repository.ts';
import type { AuthorityType } from './authorities.reference.ts';
import type { AuthorityDetailJson, AuthorityJson } from './authorities.api.schemas.ts';

const present = (authority: AuthorityRow): AuthorityJson => ({
  gssCode: authority.gssCode,
  dfeCode: authority.dfeCode,
  name: authority.name,
  // the reference data's types are checked against authorityTypes when it is read
  type: authority.type as AuthorityType,
  region: authority.region,
  validFrom: authority.validFrom,
  validTo: authority.validTo,
});

/** Reference data, open to everyone: no sign-in needed. */
export function authoritiesApi(authorities: AuthoritiesService): Router {
  const router = Router();
  router.get(
    '/authorities',
    keptAnswer('authorities answer', { reference: true }, async (req) => {
      const checked = validate(authoritySearchSchema, req.query);
      if (!checked.ok) throw badRequest('The search is not valid.', checked.problems);
      const list = await authorities.search(checked.value);
      return { count: list.length, items: list.map(present) };
    }),
  );
  router.get('/authorities/:gssCode', async (req, res) => {
    const code = gssCodeSchema.safeParse(req.params.gssCode);
    const authority = code.success ? await authorities.get(code.data) : null;
    if (!authority) throw notFound(`There is no authority with GSS code ${req.params.gssCode}.`);
    const detail: AuthorityDetailJson = {
      ...present(authority),
      statisticalNeighbours: authority.neighbours,
      types: authority.types.map((period) => ({ ...period, type: period.type as AuthorityType })),
      successors: authority.successors,
      predecessors: authority.predecessors.map(({ gssCode, name, continuing }) => ({
        gssCode,
        name,
        continuing,
      })),
    };
    res.json(detail);
  });
  return router;
}
