// The public site at /public/{slug}/... (ADR 0029): mounted before the session, so a visitor
// gets no cookie, and cacheable: every answer carries an ETag and Last-Modified from the
// partnership's data version, and a conditional request that matches is answered 304 before
// anything is read. An unpublished partnership, a section not made public, an exempt item:
// 404, never 403 or the sign-in page. /public/{slug}/voice/... belongs to the voice module.
import { createHash } from 'node:crypto';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { sendCsv, toCsv } from '../../platform/documents/csv.ts';
import { meetingFileName } from '../../platform/documents/file-names.ts';
import { notFound } from '../../platform/http/errors.ts';
import { RuleViolation, formErrors, validate } from '../../platform/http/validation.ts';
import { dateValues, queryDates } from '../../platform/http/date-input.ts';
import { keptPage, pageRead } from '../../platform/http/kept-pages.ts';
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

const blankAsNone = (value: unknown) => (value === '' ? undefined : value);

/** The public search's question: words, dates and a body, each optional. */
export const publicSearchQuery = z
  .object({
    q: z.preprocess(
      blankAsNone,
      z
        .string({ message: 'Enter the words to search for once' })
        .trim()
        .max(200, 'Enter 200 characters or fewer')
        .optional(),
    ),
    from: z.preprocess(blankAsNone, isoDate.optional()),
    to: z.preprocess(blankAsNone, isoDate.optional()),
    body: z.preprocess(
      blankAsNone,
      z.string({ message: 'Select a body from the list' }).max(100, 'Select a body from the list').optional(),
    ),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    path: ['to'],
    message: 'The date to search to must be the same as or after the date to search from',
  });

/** The page of results asked for: 1 when none; null when it is not a whole number from 1. */
const pageNumber = (value: unknown): number | null =>
  value === undefined ? 1 : typeof value === 'string' && /^[1-9]\d{0,4}$/.test(value) ? Number(value) : null;

/** GOV.UK pagination: every page up to 7, else the first, the last and those beside the current. */
export function paginationOf(page: number, pages: number, href: (page: number) => string) {
  if (pages <= 1) return null;
  const shown = [...new Set([1, page - 1, page, page + 1, pages])].filter((n) => n >= 1 && n <= pages);
  const numbers = pages <= 7 ? Array.from({ length: pages }, (_, i) => i + 1) : shown.sort((a, b) => a - b);
  const items: ({ number: number; href: string; current: boolean } | { ellipsis: true })[] = [];
  numbers.forEach((n, i) => {
    if (i > 0 && n - numbers[i - 1]! > 1) items.push({ ellipsis: true });
    items.push({ number: n, href: href(n), current: n === page });
  });
  return {
    ...(page > 1 ? { previous: { href: href(page - 1) } } : {}),
    ...(page < pages ? { next: { href: href(page + 1) } } : {}),
    items,
  };
}

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
    ['meetings', `${base}/search`, 'Search'],
    ['consultations', `${base}/consultations`, 'Consultations'],
    ['plans', `${base}/plan`, 'Plan'],
    ['indicators', `${base}/indicators`, 'Indicators'],
    ['resources', `${base}/resources`, 'Resources'],
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

  // the structure and its diagram, kept by today's date (ADR 0056): the public see it alike
  const ofSite = (_req: Request, res: Response) => siteOf(res).id;
  router.get(
    '/public/:slug/structure',
    site('structure'),
    keptPage('public structure', { by: ['date'], partnership: ofSite }),
    async (_req, res) => {
      const { structure, diagram } = await pageRead(res, () => service.structure(siteOf(res), base(res)));
      res.render(`${views}/structure.njk`, { title: 'Structure', structure, diagram });
    },
  );

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
    // the search moved to its own page: an address of the old search still answers
    if (['q', 'from', 'to'].some((key) => key in req.query)) {
      const query = req.originalUrl.slice(req.originalUrl.indexOf('?'));
      return res.redirect(301, `${base(res)}/search${query}`);
    }
    const found = await service.meetings(siteOf(res), { from: service.today() });
    res.render(`${views}/meetings.njk`, { title: 'Forward plan', found });
  });

  router.get(
    '/public/:slug/search',
    site('meetings'),
    keptPage('public search', { by: ['date'], partnership: ofSite }),
    async (req, res) => {
      const page = pageNumber(req.query.page);
      if (page === null) throw notFound();
      const text = (value: unknown) => (typeof value === 'string' ? value : '');
      // the dates as GOV.UK date inputs, or from=YYYY-MM-DD as links give them (issue 23)
      const dated = queryDates(req.query, {
        from: { label: 'The date to search from' },
        to: { label: 'The date to search to' },
      });
      const values = {
        q: text(req.query.q),
        from: text(dated.query.from),
        to: text(dated.query.to),
        body: text(req.query.body),
      };
      const inputs = { ...values, ...dateValues('from', values.from), ...dateValues('to', values.to) };
      const title = 'Search meetings and papers';
      const refuse = async (errors: ReturnType<typeof formErrors>) =>
        res.status(400).render(`${views}/search.njk`, {
          title,
          values: { ...inputs, ...dated.query },
          errors,
          bodies: await service.searchBodies(siteOf(res)),
        });
      const checked = validate(publicSearchQuery, dated.query);
      if (!checked.ok || dated.problems.length)
        return refuse(formErrors([...dated.problems, ...(checked.ok ? [] : checked.problems)]));
      let found;
      try {
        found = await pageRead(res, () => service.search(siteOf(res), { ...checked.value, page }));
      } catch (error) {
        if (error instanceof RuleViolation) return refuse(formErrors(error.problems));
        throw error;
      }
      const query = (n: number) => {
        const params = new URLSearchParams(Object.entries(values).filter(([, value]) => value.trim() !== ''));
        if (n > 1) params.set('page', String(n));
        const text = params.toString();
        return `${base(res)}/search${text ? `?${text}` : ''}`;
      };
      res.render(`${views}/search.njk`, {
        title: found.pages > 1 ? `${title} (page ${found.page} of ${found.pages})` : title,
        values: inputs,
        ...found,
        searched: Object.values(values).some((value) => value.trim() !== ''),
        pagination: paginationOf(found.page, found.pages, query),
      });
    },
  );

  router.get('/public/:slug/meetings.csv', site('meetings'), async (req, res) => {
    const found = await service.meetings(siteOf(res), {});
    const rows = found.map(({ meeting }) => [
      meeting.startsAt.toISOString(),
      meeting.title,
      meeting.bodies.map((b) => b.name).join('; '),
      meeting.state,
      meeting.place ?? '',
      pageOf(req, res)(meeting),
    ]);
    res.set('Access-Control-Allow-Origin', '*');
    sendCsv(
      res,
      `${siteOf(res).slug}-meetings`,
      toCsv(['starts', 'title', 'bodies', 'state', 'place', 'page'], rows),
    );
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
    // a name that says whose pack it is and of which meeting (issue 23 item 4)
    const { meeting } = await service.meeting(siteOf(res), id(req.params.meeting));
    const name = meetingFileName(String(req.params.slug), meeting, 'pack');
    res.type('application/pdf').attachment(`${name}.pdf`).send(file);
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

  router.get('/public/:slug/resources', site('resources'), async (req, res) => {
    const year = typeof req.query.year === 'string' ? req.query.year : undefined;
    res.render(`${views}/resources.njk`, {
      title: 'Resources',
      plans: await service.resources(siteOf(res), year),
    });
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
      urls.push(`${root}/meetings`, `${root}/search`);
      const meetings = await service.meetings(found, {});
      urls.push(...meetings.map(({ meeting }) => `${root}/meetings/${meeting.id}`));
    }
    if (found.sections.includes('consultations')) urls.push(`${root}/consultations`);
    if (found.sections.includes('plans')) urls.push(`${root}/plan`);
    if (found.sections.includes('indicators')) urls.push(`${root}/indicators`);
    if (found.sections.includes('resources')) urls.push(`${root}/resources`);
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
