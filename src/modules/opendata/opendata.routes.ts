// OParl 1.1 at /oparl/v1 and Popolo at /popolo/v1/{slug}: read-only, signed-out, CORS for any
// origin, the Open Government Licence in every answer (a Link header and the objects' own
// `license`), cacheable like the public site (ETag from the partnership's data version). A
// malformed page parameter is a 400 problem document; anything not published, 404.
import { createHash } from 'node:crypto';
import { Router, type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';
import { HttpError, badRequest, notFound } from '../../platform/http/errors.ts';
import { licence, type PublicSite } from '../public/index.ts';
import { oparlKinds, type OparlKind, type OparlObject, type OpenDataService } from './opendata.service.ts';

export const oparlPageSize = 50;

const cors: RequestHandler = (req, res, next) => {
  res.set({
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
    'Access-Control-Allow-Headers': 'If-None-Match, If-Modified-Since',
    'Access-Control-Expose-Headers': 'ETag, Last-Modified, Link',
    Link: `<${licence.url}>; rel="license"`,
  });
  if (req.method === 'OPTIONS') {
    res.status(204).end();
    return;
  }
  next();
};

/** The page a list asks for: 1 when none; a 400 for anything but a whole number from 1. */
export function pageOf(value: unknown): number {
  if (value === undefined) return 1;
  if (typeof value !== 'string' || !/^[1-9]\d{0,5}$/.test(value))
    throw badRequest('The page parameter must be a whole number from 1', [
      { path: 'page', message: 'Enter a whole number from 1' },
    ]);
  return Number(value);
}

/** An OParl list: one page of objects with its pagination and links. */
export function oparlList(objects: OparlObject[], page: number, address: string) {
  const totalPages = Math.max(1, Math.ceil(objects.length / oparlPageSize));
  if (page > totalPages) throw notFound();
  const link = (n: number) => `${address}?page=${n}`;
  return {
    data: objects.slice((page - 1) * oparlPageSize, page * oparlPageSize),
    pagination: {
      totalElements: objects.length,
      elementsPerPage: oparlPageSize,
      currentPage: page,
      totalPages,
    },
    links: {
      first: link(1),
      ...(page > 1 ? { prev: link(page - 1) } : {}),
      ...(page < totalPages ? { next: link(page + 1) } : {}),
      last: link(totalPages),
      self: link(page),
    },
  };
}

const problems: ErrorRequestHandler = (error, _req, res, next) => {
  if (res.headersSent) return next(error);
  const http =
    error instanceof HttpError ? error : new HttpError(500, 'Sorry, there is a problem with the service');
  if (http.status >= 500) return next(error);
  res.status(http.status).type('application/problem+json').json({
    type: 'about:blank',
    title: http.title,
    status: http.status,
    detail: http.message,
    errors: http.problems,
  });
};

export function openDataRoutes(service: OpenDataService, publicUrl: string | undefined): Router {
  const router = Router();
  const origin = (req: Request) => publicUrl ?? `${req.protocol}://${req.get('host')}`;

  /** The published partnership, with caching headers; true when a 304 was sent. */
  async function siteFor(req: Request, res: Response): Promise<PublicSite | null> {
    const found = await service.site(String(req.params.slug));
    if (!found) throw notFound('No published partnership has this address');
    const day = new Date().toISOString().slice(0, 10);
    const etag = `"${createHash('sha256').update(`${found.id}|${found.version}|${day}|${req.originalUrl}`).digest('base64url').slice(0, 27)}"`;
    res.set({
      ETag: etag,
      'Last-Modified': found.changedAt.toUTCString(),
      'Cache-Control': 'public, max-age=300',
    });
    const match = req.get('if-none-match');
    if (match && match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
      res.status(304).end();
      return null;
    }
    return found;
  }

  router.use(['/oparl', '/popolo'], cors);

  router.get('/oparl/v1', (req, res) => res.redirect(303, `${origin(req)}/oparl/v1/system`));
  router.get('/oparl/v1/system', (req, res) => {
    res.set('Cache-Control', 'public, max-age=300').json(service.system(origin(req)));
  });
  router.get('/oparl/v1/bodies', async (req, res) => {
    const page = pageOf(req.query.page);
    res
      .set('Cache-Control', 'public, max-age=300')
      .json(oparlList(await service.bodies(origin(req)), page, `${origin(req)}/oparl/v1/bodies`));
  });
  router.get('/oparl/v1/bodies/:slug', async (req, res) => {
    const found = await siteFor(req, res);
    if (found) res.json(service.body(found, origin(req)));
  });
  router.get('/oparl/v1/bodies/:slug/:kind', async (req, res) => {
    const kind = String(req.params.kind) as OparlKind;
    if (!oparlKinds.includes(kind)) throw notFound();
    const page = pageOf(req.query.page);
    const found = await siteFor(req, res);
    if (!found) return;
    const list = (await service.objects(found, origin(req)))[kind];
    res.json(oparlList(list, page, `${origin(req)}/oparl/v1/bodies/${found.slug}/${kind}`));
  });
  router.get('/oparl/v1/bodies/:slug/:kind/:id', async (req, res) => {
    const kind = String(req.params.kind) as OparlKind;
    if (!oparlKinds.includes(kind)) throw notFound();
    const found = await siteFor(req, res);
    if (!found) return;
    const id = `${origin(req)}/oparl/v1/bodies/${found.slug}/${kind}/${String(req.params.id)}`;
    const object = (await service.objects(found, origin(req)))[kind].find((candidate) => candidate.id === id);
    if (!object) throw notFound();
    res.json(object);
  });

  router.get('/popolo/v1/:slug', async (req, res) => {
    const on = req.query.on;
    if (
      on !== undefined &&
      (typeof on !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(on) || Number.isNaN(Date.parse(on)))
    )
      throw badRequest('The date must be like 2009-01-21', [
        { path: 'on', message: 'Enter a date like 2009-01-21' },
      ]);
    const found = await siteFor(req, res);
    if (!found) return;
    res.json(
      await service.popolo(
        found,
        origin(req),
        (on as string | undefined) ?? new Date().toISOString().slice(0, 10),
      ),
    );
  });

  router.use(['/oparl', '/popolo'], problems);
  return router;
}
