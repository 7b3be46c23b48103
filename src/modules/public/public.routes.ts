// The public site at /public/{slug}/... (ADR 0029): mounted before the session, so a visitor
// gets no cookie, and cacheable: every answer carries an ETag and Last-Modified from the
// partnership's data version, and a conditional request that matches is answered 304 before
// anything is read. An unpublished partnership, a section not made public, an exempt item:
// 404, never 403 or the sign-in page. /public/{slug}/voice/... belongs to the voice module.
import { createHash } from 'node:crypto';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { toCsv } from '../../platform/documents/csv.ts';
import { notFound } from '../../platform/http/errors.ts';
import { validate } from '../../platform/http/validation.ts';
import { z } from 'zod';
import { isoDate } from './public.schemas.ts';
import {
  licence,
  publicSections,
  type PublicSection,
  type PublicSite,
  type PublicSiteService,
} from './public.service.ts';

const views = 'modules/public/views';
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const maxAge = 300;

declare module 'express-serve-static-core' {
  interface Locals {
    site?: PublicSite;
  }
}

/** A cell a spreadsheet would read as a formula is written as text. */
export const safeCell = (value: unknown): string => {
  const text = value === null || value === undefined ? '' : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
};

export const publicSearchQuery = z.object({
  q: z.string().trim().max(200, 'Enter 200 characters or fewer').optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

function navigationOf(site: PublicSite, path: string) {
  const base = `/public/${site.slug}`;
  const item = (href: string, text: string) => ({
    href,
    text,
    active: href === base ? path === base : path.startsWith(href),
    current: path === href,
  });
  const sections: [PublicSection, string, string][] = [
    ['structure', `${base}/structure`, 'Structure'],
    ['meetings', `${base}/meetings`, 'Meetings'],
    ['consultations', `${base}/consultations`, 'Consultations'],
    ['plans', `${base}/plan`, 'Plan'],
    ['indicators', `${base}/indicators`, 'Indicators'],
  ];
  return [
    item(base, 'About'),
    ...sections.filter(([key]) => site.sections.includes(key)).map(([, href, text]) => item(href, text)),
  ];
}

export function publicSiteRoutes(service: PublicSiteService, publicUrl: string | undefined): Router {
  const router = Router();
  const origin = (req: Request) => publicUrl ?? `${req.protocol}://${req.get('host')}`;

  /**
   * Resolves the published partnership, checks the section, sets the caching headers and
   * answers a matching conditional request with 304.
   */
  const site =
    (section: PublicSection | null): RequestHandler =>
    async (req, res, next) => {
      const found = await service.site(String(req.params.slug));
      if (!found || (section && !found.sections.includes(section))) return next(notFound());
      const day = service.today();
      const tag = createHash('sha256')
        .update(`${found.id}|${found.version}|${day}|${req.originalUrl}`)
        .digest('base64url')
        .slice(0, 27);
      const etag = `"${tag}"`;
      // the forward plan moves on with the date: never older than today
      const midnight = new Date(`${day}T00:00:00Z`);
      const modified = found.changedAt > midnight ? found.changedAt : midnight;
      res.set({
        ETag: etag,
        'Last-Modified': modified.toUTCString(),
        'Cache-Control': `public, max-age=${maxAge}`,
        Link: `<${licence.url}>; rel="license"`,
      });
      const match = req.get('if-none-match');
      const since = req.get('if-modified-since');
      const unchanged = match
        ? match
            .split(',')
            .some((candidate) => candidate.trim().replace(/^W\//, '') === etag || candidate.trim() === '*')
        : since !== undefined &&
          !Number.isNaN(Date.parse(since)) &&
          Math.floor(modified.getTime() / 1000) <= Date.parse(since) / 1000;
      if (unchanged) {
        res.status(304).end();
        return;
      }
      res.locals.site = found;
      res.locals.tenant = { name: found.name };
      res.locals.publicBase = `/public/${found.slug}`;
      res.locals.navigation = navigationOf(found, req.path);
      res.locals.licence = licence;
      next();
    };
  const siteOf = (res: Response): PublicSite => res.locals.site!;
  const base = (res: Response) => `/public/${siteOf(res).slug}`;
  const pageOf = (req: Request, res: Response) => (meeting: { id: string }) =>
    `${origin(req)}${base(res)}/meetings/${meeting.id}`;
  const id = (value: unknown) => {
    const text = String(value);
    if (!uuid.test(text)) throw notFound();
    return text;
  };

  router.get('/public/:slug', site(null), (req, res) => {
    const found = siteOf(res);
    res.render(`${views}/home.njk`, {
      title: found.name,
      sections: Object.entries(publicSections).filter(([key]) =>
        found.sections.includes(key as PublicSection),
      ),
      has: Object.fromEntries(found.sections.map((s) => [s, true])),
    });
  });

  router.get('/public/:slug/structure', site('structure'), async (_req, res) => {
    const { structure, diagram } = await service.structure(siteOf(res), base(res));
    res.render(`${views}/structure.njk`, { title: 'Structure', structure, diagram });
  });

  router.get('/public/:slug/bodies/:body', site('structure'), async (req, res) => {
    const found = await service.body(siteOf(res), String(req.params.body));
    res.render(`${views}/body.njk`, {
      title: found.body.name,
      ...found,
      showMeetings: siteOf(res).sections.includes('meetings'),
    });
  });

  router.get('/public/:slug/bodies/:body/meetings.ics', site('meetings'), async (req, res) => {
    const body = await service.bodyBySlug(siteOf(res), String(req.params.body));
    if (!body) throw notFound();
    const list = await service.meetingsOfBody(siteOf(res), body.id);
    res
      .type('text/calendar; charset=utf-8')
      .set('Access-Control-Allow-Origin', '*')
      .send(service.bodyCalendar(siteOf(res), body.name, list, pageOf(req, res)));
  });

  router.get('/public/:slug/meetings', site('meetings'), async (req, res) => {
    const checked = validate(publicSearchQuery, req.query);
    const query = checked.ok ? checked.value : {};
    const searching = Boolean(query.q || query.from || query.to);
    const from = query.from ?? (searching ? undefined : service.today());
    const found = await service.meetings(siteOf(res), { ...query, from });
    const bodies = [
      ...new Map(found.flatMap(({ meeting }) => meeting.bodies.map((b) => [b.slug, b]))).values(),
    ];
    res.status(checked.ok ? 200 : 400).render(`${views}/meetings.njk`, {
      title: searching ? 'Search meetings and papers' : 'Forward plan',
      found,
      bodies,
      searching,
      values: { q: req.query.q ?? '', from: req.query.from ?? '', to: req.query.to ?? '' },
      errors: checked.ok ? undefined : checked.errors,
    });
  });

  router.get('/public/:slug/meetings.csv', site('meetings'), async (req, res) => {
    const found = await service.meetings(siteOf(res), {});
    const rows = found.map(({ meeting }) =>
      [
        meeting.startsAt.toISOString(),
        meeting.title,
        meeting.bodies.map((b) => b.name).join('; '),
        meeting.state,
        meeting.place ?? '',
        pageOf(req, res)(meeting),
      ].map(safeCell),
    );
    res
      .type('text/csv; charset=utf-8')
      .attachment(`${siteOf(res).slug}-meetings.csv`)
      .set('Access-Control-Allow-Origin', '*')
      .send(toCsv([['starts', 'title', 'bodies', 'state', 'place', 'page'], ...rows]));
  });

  router.get('/public/:slug/meetings/:meeting', site('meetings'), async (req, res) => {
    const found = await service.meeting(siteOf(res), id(req.params.meeting));
    res.render(`${views}/meeting.njk`, { title: found.meeting.title, ...found });
  });

  router.get('/public/:slug/meetings/:meeting/papers/:paper', site('meetings'), async (req, res) => {
    const paper = await service.paper(siteOf(res), id(req.params.meeting), id(req.params.paper));
    res.type(paper.mediaType).attachment(paper.fileName).send(paper.content);
  });

  router.get('/public/:slug/meetings/:meeting/items/:item/report', site('meetings'), async (req, res) => {
    const found = await service.report(siteOf(res), id(req.params.meeting), id(req.params.item));
    res.render(`${views}/report.njk`, { title: found.report!.title, ...found });
  });

  router.get('/public/:slug/meetings/:meeting/board-pack.pdf', site('meetings'), async (req, res) => {
    const file = await service.boardPack(siteOf(res), id(req.params.meeting));
    res.type('application/pdf').attachment('board-pack.pdf').send(file);
  });

  router.get('/public/:slug/consultations', site('consultations'), async (_req, res) => {
    res.render(`${views}/consultations.njk`, {
      title: 'Consultations',
      consultations: await service.consultations(siteOf(res)),
    });
  });

  router.get('/public/:slug/consultations/:consultation', site('consultations'), async (req, res) => {
    const consultation = await service.consultation(siteOf(res), id(req.params.consultation));
    res.render(`${views}/consultation.njk`, { title: consultation.title, consultation });
  });

  router.get('/public/:slug/plan', site('plans'), async (_req, res) => {
    res.render(`${views}/plan.njk`, { title: 'The plan on a page', plans: await service.plans(siteOf(res)) });
  });

  router.get('/public/:slug/indicators', site('indicators'), async (_req, res) => {
    res.render(`${views}/indicators.njk`, {
      title: 'Indicators',
      indicators: await service.indicators(siteOf(res)),
    });
  });

  router.get('/public/:slug/sitemap.xml', site(null), async (req, res) => {
    const found = siteOf(res);
    const root = `${origin(req)}${base(res)}`;
    const urls = [root];
    if (found.sections.includes('structure')) {
      urls.push(`${root}/structure`);
      const { structure } = await service.structure(found, base(res));
      urls.push(...structure.bodies.map((entry) => `${root}/bodies/${entry.body.slug}`));
    }
    if (found.sections.includes('meetings')) {
      urls.push(`${root}/meetings`);
      const meetings = await service.meetings(found, {});
      urls.push(...meetings.map(({ meeting }) => `${root}/meetings/${meeting.id}`));
    }
    if (found.sections.includes('consultations')) urls.push(`${root}/consultations`);
    if (found.sections.includes('plans')) urls.push(`${root}/plan`);
    if (found.sections.includes('indicators')) urls.push(`${root}/indicators`);
    const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
    res
      .type('application/xml')
      .send(
        `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls
          .map((url) => `  <url><loc>${escape(url)}</loc></url>`)
          .join('\n')}\n</urlset>\n`,
      );
  });

  return router;
}
