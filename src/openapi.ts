// The JSON API's description (OpenAPI 3.1), served at /api/v1/openapi.json.
const problem = { $ref: '#/components/schemas/Problem' };
const errorResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problem } },
});

const partnership = {
  type: 'object',
  required: ['slug', 'name', 'authority', 'status', 'established', 'published'],
  properties: {
    slug: { type: 'string', example: 'dudley' },
    name: { type: 'string', example: 'Dudley Children’s Trust' },
    authority: {
      type: 'object',
      properties: {
        gssCode: { type: 'string', example: 'E08000027' },
        name: { type: 'string', example: 'Dudley' },
      },
    },
    status: { type: 'string', enum: ['proposed', 'active', 'closed'] },
    established: { type: ['string', 'null'], format: 'date' },
    published: { type: 'boolean' },
  },
};

const authority = {
  type: 'object',
  required: ['gssCode', 'name', 'type', 'region'],
  properties: {
    gssCode: { type: 'string', example: 'E08000027' },
    dfeCode: { type: ['string', 'null'], example: '332' },
    name: { type: 'string', example: 'Dudley' },
    type: {
      type: 'string',
      enum: [
        'county council',
        'unitary authority',
        'metropolitan borough',
        'London borough',
        'City of London',
      ],
    },
    region: { type: 'string', example: 'West Midlands' },
    validFrom: { type: ['string', 'null'], format: 'date' },
    validTo: { type: ['string', 'null'], format: 'date' },
  },
};

const slugParameter = { name: 'slug', in: 'path', required: true, schema: { type: 'string' } };
const atParameter = {
  name: 'at',
  in: 'query',
  schema: { type: 'string' },
  description: 'A date (YYYY, YYYY-MM or YYYY-MM-DD); default today',
};

const list = (item: object) => ({
  type: 'object',
  properties: { count: { type: 'integer' }, items: { type: 'array', items: item } },
});

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Cooperate API',
    version: '1',
    description:
      'The JSON API of Cooperate, the system of record for children’s partnerships. Reference data and published partnerships need no token; everything else needs `Authorization: Bearer <token>` (create tokens under “API tokens” when signed in). Errors are RFC 9457 problem documents listing every problem.',
  },
  servers: [{ url: '/api/v1' }],
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    schemas: {
      Problem: {
        type: 'object',
        properties: {
          type: { type: 'string' },
          title: { type: 'string' },
          status: { type: 'integer' },
          detail: { type: 'string' },
          errors: {
            type: 'array',
            items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
          },
        },
      },
      Authority: authority,
      Partnership: partnership,
    },
  },
  security: [{}, { bearer: [] }],
  paths: {
    '/authorities': {
      get: {
        summary: 'The English upper-tier local authorities',
        parameters: [
          {
            name: 'q',
            in: 'query',
            schema: { type: 'string' },
            description: 'Part of a name, a GSS code or a DfE code',
          },
          { name: 'region', in: 'query', schema: { type: 'string' } },
          { name: 'type', in: 'query', schema: authority.properties.type },
        ],
        responses: {
          200: { description: 'Authorities', content: { 'application/json': { schema: list(authority) } } },
          400: errorResponse('The search is not valid'),
        },
      },
    },
    '/authorities/{gssCode}': {
      get: {
        summary: 'One authority with its statistical neighbours',
        parameters: [{ name: 'gssCode', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { 200: { description: 'The authority' }, 404: errorResponse('No such authority') },
      },
    },
    '/partnerships': {
      get: {
        summary: 'Published partnerships, and with a token those you belong to',
        responses: {
          200: {
            description: 'Partnerships',
            content: { 'application/json': { schema: list(partnership) } },
          },
          401: errorResponse('The token is not valid'),
        },
      },
    },
    '/partnerships/{slug}': {
      get: {
        summary: 'One partnership',
        parameters: [{ name: 'slug', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          200: { description: 'The partnership', content: { 'application/json': { schema: partnership } } },
          401: errorResponse('Not published, and no token was sent'),
          404: errorResponse('No such partnership that you can see'),
        },
      },
    },

    '/partnerships/{slug}/bodies': {
      get: {
        summary: 'The structure on a date: bodies, their status and relationships',
        security: [{ bearer: [] }],
        parameters: [slugParameter, atParameter],
        responses: {
          200: { description: 'Bodies in force on the date' },
          400: errorResponse('The date is not valid'),
          401: errorResponse('No token'),
          404: errorResponse('No such partnership that you can see'),
        },
      },
    },
    '/partnerships/{slug}/bodies/{body}/seats': {
      get: {
        summary: 'A body’s seats in order, with their holders on a date (young people are never named)',
        security: [{ bearer: [] }],
        parameters: [
          slugParameter,
          { name: 'body', in: 'path', required: true, schema: { type: 'string' } },
          atParameter,
        ],
        responses: {
          200: { description: 'Seats' },
          400: errorResponse('The date is not valid'),
          401: errorResponse('No token'),
          404: errorResponse('No such body'),
        },
      },
    },
    '/partnerships/{slug}/organisations': {
      get: {
        summary: 'The partnership’s organisations with their sector and statutory category',
        security: [{ bearer: [] }],
        parameters: [slugParameter],
        responses: {
          200: { description: 'Organisations' },
          401: errorResponse('No token'),
          404: errorResponse('No such partnership that you can see'),
        },
      },
    },
    '/partnerships/{slug}/plans': {
      get: {
        summary: 'The partnership’s plans: title, kind, period and status',
        security: [{ bearer: [] }],
        parameters: [slugParameter],
        responses: {
          200: { description: 'Plans' },
          401: errorResponse('No token'),
          404: errorResponse('No such partnership that you can see'),
        },
      },
    },
    '/partnerships/{slug}/plans/{id}': {
      get: {
        summary:
          'One plan: outcomes, evidence, versions, priorities with outcomes, owner and indicators, actions with lead, due date or recurrence, status, latest RAG and overdue periods',
        security: [{ bearer: [] }],
        parameters: [
          slugParameter,
          {
            name: 'id',
            in: 'path',
            required: true,
            schema: { type: 'string' },
            description: 'The plan’s id or short name',
          },
        ],
        responses: {
          200: { description: 'The plan' },
          401: errorResponse('No token'),
          404: errorResponse('No such partnership or plan that you can see'),
        },
      },
    },
    '/partnerships/{slug}/indicators': {
      get: {
        summary:
          'The indicators the partnership tracks, each with its latest value, target, RAG and direction of travel',
        security: [{ bearer: [] }],
        parameters: [slugParameter],
        responses: {
          200: { description: 'Indicators' },
          401: errorResponse('No token'),
          404: errorResponse('No such partnership that you can see'),
        },
      },
    },
    '/partnerships/{slug}/indicators/{code}': {
      get: {
        summary:
          'One indicator: definition, targets with tolerance, values and RAG by period, breakdowns, comparators',
        security: [{ bearer: [] }],
        parameters: [
          slugParameter,
          {
            name: 'code',
            in: 'path',
            required: true,
            schema: { type: 'string' },
            description: 'Like NI 73 (URL-encoded)',
          },
        ],
        responses: {
          200: { description: 'The indicator' },
          401: errorResponse('No token'),
          404: errorResponse('No such partnership or indicator that you can see'),
        },
      },
    },
    '/partnerships/{slug}/accountability': {
      get: {
        summary: 'Every action an organisation leads or contributes to, with its status and overdue updates',
        security: [{ bearer: [] }],
        parameters: [
          slugParameter,
          {
            name: 'organisation',
            in: 'query',
            required: true,
            schema: { type: 'string' },
            description: 'The organisation’s id or its name',
          },
        ],
        responses: {
          200: { description: 'What the organisation leads and contributes to' },
          400: errorResponse('No organisation given'),
          401: errorResponse('No token'),
          404: errorResponse('No such partnership or organisation that you can see'),
        },
      },
    },
    '/partnerships/{slug}/compliance': {
      get: {
        summary: 'Each statutory rule in force on a date: met, not met or not applicable, with evidence',
        security: [{ bearer: [] }],
        parameters: [
          slugParameter,
          atParameter,
          {
            name: 'ruleset',
            in: 'query',
            schema: { type: 'string' },
            description: 'Rule set ids, comma-separated; default: every one in force on the date',
          },
        ],
        responses: {
          200: { description: 'Rules with their outcome' },
          400: errorResponse('The query is not valid'),
          401: errorResponse('No token'),
          404: errorResponse('No such partnership that you can see'),
        },
      },
    },
  },
} as const;
