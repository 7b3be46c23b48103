// The public site's machine-readable answers as the OpenAPI document describes them (ADR 0029):
// OParl 1.1, Popolo, the iCalendar feeds, the meetings CSV, the sitemap and the public files.
// None is under /api/v1, so each path names the site's root as its server; none needs a token.
import { meetingStateValues } from '../meetings/index.ts';
import { oparlKinds, type OparlKind } from './opendata.service.ts';

const url = { type: 'string', format: 'uri' };
const urls = { type: 'array', items: url };
const dateTime = { type: 'string', format: 'date-time' };
const date = { type: 'string', format: 'date' };
const licence = { ...url, description: 'The Open Government Licence v3.0' };

/** What every OParl object has. */
const object = (name: string, required: string[], properties: Record<string, object>) => ({
  type: 'object',
  required: ['id', 'type', ...required],
  properties: {
    id: { ...url, description: 'The object’s own address' },
    type: { type: 'string', const: `https://schema.oparl.org/1.1/${name}` },
    license: licence,
    web: { ...url, description: 'The same thing on the public site' },
    modified: dateTime,
    ...properties,
  },
});

const file = object('File', ['name', 'fileName', 'mimeType', 'accessUrl'], {
  name: { type: 'string' },
  fileName: { type: 'string' },
  mimeType: { type: 'string', example: 'application/pdf' },
  size: { type: 'integer', description: 'Bytes' },
  accessUrl: url,
  downloadUrl: url,
  meeting: urls,
  agendaItem: urls,
  paper: urls,
});
const membership = object('Membership', ['organization', 'role'], {
  organization: url,
  role: { type: 'string', description: 'The seat' },
  votingRight: { type: 'boolean' },
  person: { ...url, description: 'Absent when a young person holds the seat: young people are never named' },
  startDate: date,
  endDate: date,
});
const consultation = object('Consultation', ['paper', 'agendaItem', 'meeting'], {
  paper: url,
  agendaItem: url,
  meeting: url,
  organization: urls,
  role: { type: 'string' },
});
const agendaItem = object('AgendaItem', ['meeting', 'number', 'name', 'public'], {
  meeting: url,
  number: { type: 'string' },
  order: { type: 'integer' },
  name: { type: 'string', description: 'An exempt item is named only "Exempt item, paragraph N"' },
  public: { type: 'boolean' },
  consultation: url,
  auxiliaryFile: { type: 'array', items: file },
  resolutionText: { type: 'string', description: 'Its decisions, once the minutes are approved' },
});

/** Each kind of OParl object, at /oparl/v1/bodies/{slug}/{kind}. */
const kinds: Record<OparlKind, { name: string; schema: object }> = {
  organizations: {
    name: 'The partnership’s bodies (OParl Organization)',
    schema: object('Organization', ['body', 'name'], {
      body: url,
      name: { type: 'string' },
      shortName: { type: 'string' },
      classification: { type: 'string' },
      membership: urls,
    }),
  },
  people: {
    name: 'The adult members of its bodies (OParl Person; young people are never named)',
    schema: object('Person', ['body', 'name'], {
      body: url,
      name: { type: 'string' },
      membership: { type: 'array', items: membership },
    }),
  },
  memberships: { name: 'Who holds each seat (OParl Membership)', schema: membership },
  meetings: {
    name: 'Meetings with their agendas (OParl Meeting)',
    schema: object('Meeting', ['name', 'start', 'organization'], {
      name: { type: 'string' },
      meetingState: { type: 'string', enum: meetingStateValues },
      cancelled: { type: 'boolean' },
      start: dateTime,
      end: dateTime,
      organization: urls,
      agendaItem: { type: 'array', items: agendaItem },
      auxiliaryFile: { type: 'array', items: file, description: 'The board pack (public items only)' },
    }),
  },
  'agenda-items': { name: 'Agenda items (OParl AgendaItem)', schema: agendaItem },
  papers: {
    name: 'Public papers and committee reports (OParl Paper)',
    schema: object('Paper', ['body', 'name', 'reference', 'date'], {
      body: url,
      name: { type: 'string' },
      reference: { type: 'string', example: '2009-01-21/5' },
      date,
      paperType: { type: 'string', enum: ['Committee report', 'Paper'] },
      mainFile: file,
      auxiliaryFile: { type: 'array', items: file },
      consultation: { type: 'array', items: consultation },
    }),
  },
  consultations: { name: 'Where each paper is considered (OParl Consultation)', schema: consultation },
  files: { name: 'Public files: papers and board packs (OParl File)', schema: file },
};

const oparlList = (items: object) => ({
  type: 'object',
  required: ['data', 'pagination', 'links'],
  properties: {
    data: { type: 'array', items },
    pagination: {
      type: 'object',
      required: ['totalElements', 'elementsPerPage', 'currentPage', 'totalPages'],
      properties: {
        totalElements: { type: 'integer' },
        elementsPerPage: { type: 'integer', const: 50 },
        currentPage: { type: 'integer' },
        totalPages: { type: 'integer' },
      },
    },
    links: {
      type: 'object',
      required: ['first', 'last', 'self'],
      properties: { first: url, prev: url, next: url, last: url, self: url },
    },
  },
});

const system = object('System', ['oparlVersion', 'body'], {
  oparlVersion: { type: 'string', const: 'https://schema.oparl.org/1.1/' },
  body: { ...url, description: 'The list of bodies' },
  name: { type: 'string' },
  website: url,
  vendor: url,
  product: url,
});
const body = object('Body', ['system', 'name', 'organization', 'person', 'meeting', 'paper'], {
  system: url,
  name: { type: 'string' },
  shortName: { type: 'string', description: 'The partnership’s short name (slug)' },
  website: url,
  classification: { type: 'string' },
  legislativeTerm: { type: 'array' },
  ...Object.fromEntries(
    [
      ['organization', 'organizations'],
      ['person', 'people'],
      ['membership', 'memberships'],
      ['meeting', 'meetings'],
      ['agendaItem', 'agenda-items'],
      ['paper', 'papers'],
      ['consultation', 'consultations'],
      ['file', 'files'],
    ].map(([key, kind]) => [key, { ...url, description: `The list of ${kind}` }]),
  ),
});

const popolo = {
  type: 'object',
  required: ['on', 'license', 'persons', 'organizations', 'posts', 'memberships'],
  properties: {
    on: { ...date, description: 'The date the export describes' },
    license: licence,
    sources: { type: 'array', items: { type: 'object', properties: { url } } },
    persons: {
      type: 'array',
      description: 'Adults only: young people are never named',
      items: {
        type: 'object',
        required: ['id', 'name'],
        properties: { id: { type: 'string' }, name: { type: 'string' } },
      },
    },
    organizations: {
      type: 'array',
      description: 'The bodies and the partner organisations whose seats they hold',
      items: {
        type: 'object',
        required: ['id', 'name'],
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          classification: { type: 'string' },
          founding_date: date,
          links: { type: 'array', items: { type: 'object', properties: { url, note: { type: 'string' } } } },
        },
      },
    },
    posts: {
      type: 'array',
      description: 'Seats',
      items: {
        type: 'object',
        required: ['id', 'label', 'organization_id'],
        properties: {
          id: { type: 'string' },
          label: { type: 'string' },
          role: { type: 'string' },
          organization_id: { type: 'string' },
        },
      },
    },
    memberships: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'organization_id', 'post_id'],
        properties: {
          id: { type: 'string' },
          role: { type: 'string' },
          person_id: { type: 'string', description: 'Absent when a young person holds the post' },
          organization_id: { type: 'string' },
          post_id: { type: 'string' },
          on_behalf_of_id: { type: 'string' },
          start_date: date,
          end_date: date,
        },
      },
    },
  },
};

const header = (description: string) => ({ description, schema: { type: 'string' } });
/** The headers of every public answer: caching from the partnership's data version, the licence, CORS. */
const cached = {
  ETag: header('From the partnership’s data version: send it back in If-None-Match'),
  'Last-Modified': header('When the partnership’s data last changed'),
  'Cache-Control': header('public, max-age=300'),
  Link: header('<https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/>; rel="license"'),
  'Access-Control-Allow-Origin': header('*'),
};
const slug = {
  name: 'slug',
  in: 'path',
  required: true,
  schema: { type: 'string', example: 'nottinghamshire' },
  description: 'The published partnership’s short name',
};
const uuidParameter = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string', format: 'uuid' },
  description,
});
const page = {
  name: 'page',
  in: 'query',
  required: false,
  schema: { type: 'integer', minimum: 1, default: 1 },
  description: '50 objects a page',
};

export function openDataPaths(errorResponse: (description: string) => object) {
  const notModified = { description: 'Not modified since the ETag or date sent' };
  const notPublished = errorResponse(
    'No published partnership has this address, or the part asked for is not public',
  );
  const operation = (
    tag: string,
    summary: string,
    parameters: object[],
    content: Record<string, object>,
    extra: Record<number, object> = {},
  ) => ({
    // the public site and its open data are at the site's root, not under /api/v1
    servers: [{ url: '/', description: 'The site’s root' }],
    get: {
      tags: [tag],
      summary,
      security: [],
      parameters,
      responses: {
        200: { description: summary, headers: cached, content },
        304: notModified,
        404: notPublished,
        ...extra,
      },
    },
  });
  const json = (schema: object) => ({ 'application/json': { schema } });
  const badPage = { 400: errorResponse('The page parameter is not a whole number from 1') };
  /** The public site's own addresses answer a 404 with its page saying so, not a problem document. */
  const page404 = (description: string) => ({
    description,
    content: { 'text/html': { schema: { type: 'string' } } },
  });
  const sitePage = {
    404: page404('No published partnership has this address, or the part asked for is not public (a page)'),
  };
  const binary = { '*/*': { schema: { type: 'string', format: 'binary' } } };
  return {
    '/oparl/v1/system': operation(
      'OParl 1.1',
      'The OParl System: where the bodies are listed',
      [],
      json(system),
    ),
    '/oparl/v1/bodies': operation(
      'OParl 1.1',
      'Every published partnership as an OParl Body',
      [page],
      json(oparlList(body)),
      badPage,
    ),
    '/oparl/v1/bodies/{slug}': operation(
      'OParl 1.1',
      'A published partnership as an OParl Body',
      [slug],
      json(body),
    ),
    ...Object.fromEntries(
      oparlKinds.flatMap((kind) => [
        [
          `/oparl/v1/bodies/{slug}/${kind}`,
          operation(
            'OParl 1.1',
            `${kinds[kind].name}, 50 a page`,
            [slug, page],
            json(oparlList(kinds[kind].schema)),
            badPage,
          ),
        ],
        [
          `/oparl/v1/bodies/{slug}/${kind}/{id}`,
          operation(
            'OParl 1.1',
            `One of ${kinds[kind].name.charAt(0).toLowerCase()}${kinds[kind].name.slice(1)}`,
            [slug, { name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
            json(kinds[kind].schema),
          ),
        ],
      ]),
    ),
    '/popolo/v1/{slug}': operation(
      'Popolo',
      'The partnership’s people, organisations, posts (seats) and memberships on a date, in Popolo',
      [
        slug,
        {
          name: 'on',
          in: 'query',
          required: false,
          schema: { type: 'string', format: 'date' },
          description: 'A date like 2009-01-21; today if absent',
        },
      ],
      json(popolo),
      { 400: errorResponse('The date is not like 2009-01-21') },
    ),
    '/public/{slug}/bodies/{body}/meetings.ics': operation(
      'Public site',
      'A body’s meetings as an iCalendar feed to subscribe to (RFC 5545: SEQUENCE, LAST-MODIFIED, STATUS:CANCELLED)',
      [
        slug,
        {
          name: 'body',
          in: 'path',
          required: true,
          schema: { type: 'string' },
          description: 'The body’s short name',
        },
      ],
      { 'text/calendar': { schema: { type: 'string' } } },
      sitePage,
    ),
    '/public/{slug}/meetings.csv': operation(
      'Public site',
      'Every public meeting as CSV: starts, title, bodies, state, place, page',
      [slug],
      { 'text/csv': { schema: { type: 'string' } } },
      sitePage,
    ),
    '/public/{slug}/sitemap.xml': operation(
      'Public site',
      'The public site’s pages, as a sitemap',
      [slug],
      { 'application/xml': { schema: { type: 'string' } } },
      sitePage,
    ),
    '/public/{slug}/meetings/{meeting}/papers/{paper}': operation(
      'Public site',
      'A public paper’s file (never an exempt item’s)',
      [slug, uuidParameter('meeting', 'The meeting'), uuidParameter('paper', 'The paper')],
      binary,
      sitePage,
    ),
    '/public/{slug}/meetings/{meeting}/board-pack.pdf': operation(
      'Public site',
      'A meeting’s board pack: the public items’ reports and papers in one PDF',
      [slug, uuidParameter('meeting', 'The meeting')],
      { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
      sitePage,
    ),
    '/calendars/{feed}': {
      servers: [{ url: '/', description: 'The site’s root' }],
      get: {
        tags: ['Calendars'],
        summary:
          'A user’s own meetings at their secret calendar address (made on /account/calendar, revocable), private ones they may see included',
        security: [],
        parameters: [
          {
            name: 'feed',
            in: 'path',
            required: true,
            schema: { type: 'string', pattern: '^cal_[A-Za-z0-9_-]{20,100}\\.ics$' },
            description: 'The secret address’s last part, like cal_….ics',
          },
        ],
        responses: {
          200: { description: 'The feed', content: { 'text/calendar': { schema: { type: 'string' } } } },
          404: page404('No such address, or it was stopped (a page)'),
        },
      },
    },
  };
}
