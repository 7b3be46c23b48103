// The JSON API's description (OpenAPI 3.1), served at /api/v1/openapi.json.
import { resourcesPaths } from './modules/resources/index.ts';
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

const surveyIdParameter = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string', format: 'uuid' },
};
const nullableString = { type: ['string', 'null'] };
const surveyAccess = {
  type: 'object',
  properties: {
    partnership: { type: 'string', description: 'The slug of the caller’s partnership that sees it' },
    as: { type: 'string', enum: ['owner', 'respondent'] },
  },
};
const surveySummary = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    title: { type: 'string' },
    status: { type: 'string', enum: ['draft', 'open', 'closed', 'published'] },
    opensOn: { ...nullableString, format: 'date' },
    closesOn: { ...nullableString, format: 'date' },
    owner: { type: 'object', properties: { name: { type: 'string' } } },
    access: surveyAccess,
    href: { type: 'string' },
  },
};
const survey = {
  type: 'object',
  properties: {
    ...surveySummary.properties,
    purpose: nullableString,
    questions: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          key: { type: 'string', example: 'q1' },
          number: { type: 'integer' },
          text: { type: 'string' },
          kind: { type: 'string', enum: ['text', 'choice', 'number', 'date'] },
          choices: { type: ['array', 'null'], items: { type: 'string' } },
          aboutChildren: { type: 'boolean' },
          codes: { type: ['array', 'null'], items: { type: 'string' } },
        },
      },
    },
    respondents: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          key: { type: 'string' },
          number: { type: 'integer' },
          group: { type: 'string', example: 'Statistical neighbours' },
          label: { type: 'string' },
          authority: {
            type: 'object',
            properties: { gssCode: { type: 'string' }, name: { type: 'string' } },
          },
          asAt: {
            ...nullableString,
            description: 'Correct as at, for the whole response: 2011, 2011-06 or 2011-06-01',
          },
          answers: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                question: { type: 'string' },
                text: nullableString,
                noResponse: { type: 'boolean' },
                asAt: nullableString,
                refersTo: {
                  ...nullableString,
                  description: 'The key of the question whose answer this one refers to',
                },
                code: nullableString,
              },
            },
          },
        },
      },
    },
    findings: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          number: { type: 'string' },
          text: { type: 'string' },
          evidence: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                respondent: { type: 'string' },
                question: { type: 'string' },
                text: nullableString,
              },
            },
          },
        },
      },
    },
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

const nullableNumber = { type: ['number', 'null'] };
const benchmark = {
  type: 'object',
  required: ['indicator', 'partnership', 'neighbours', 'summary', 'periods'],
  properties: {
    indicator: {
      type: 'object',
      properties: {
        code: { type: 'string', example: 'NI 73' },
        title: { type: 'string' },
        unit: { type: 'string' },
        polarity: { type: 'string', enum: ['higher', 'lower', 'none'] },
        frequency: { type: 'string' },
        libraryKey: {
          ...nullableString,
          description: 'Null for a local indicator, which cannot be compared',
        },
      },
    },
    partnership: {
      type: 'object',
      properties: {
        name: { type: 'string' },
        publishes: { type: 'boolean', description: 'Whether this partnership publishes the indicator' },
      },
    },
    neighbours: {
      type: 'array',
      description: 'The statistical neighbours’ partnerships that publish the indicator, in rank order',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          authorityName: { type: 'string' },
          rank: { type: 'integer', description: 'The DfE statistical neighbour rank (1 is closest)' },
        },
      },
    },
    summary: { type: 'string' },
    periods: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          period: { type: 'string', example: '2009/10' },
          value: { ...nullableNumber, description: 'This partnership’s value for everyone' },
          neighbours: {
            type: 'array',
            items: { type: 'object', properties: { name: { type: 'string' }, value: nullableNumber } },
          },
          neighbourAverage: { ...nullableNumber, description: 'Mean of the neighbours’ published values' },
          neighboursAveraged: { type: 'integer' },
          england: { ...nullableNumber, description: 'The England average, where recorded as a comparator' },
          rank: {
            type: ['integer', 'null'],
            description:
              'Among this partnership and the neighbours with a value, 1 best; null without a better direction',
          },
          rankedAmong: { type: 'integer' },
        },
      },
    },
  },
};

const list = (item: object) => ({
  type: 'object',
  properties: { count: { type: 'integer' }, items: { type: 'array', items: item } },
});

const meeting = {
  type: 'object',
  required: ['id', 'title', 'kind', 'bodies', 'startsAt', 'state'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    title: { type: 'string', example: 'Partnership Board' },
    kind: {
      type: 'string',
      enum: [
        'board-meeting',
        'annual-event',
        'deep-dive',
        'development-session',
        'workshop',
        'joint-meeting',
      ],
    },
    bodies: {
      type: 'array',
      items: { type: 'object', properties: { slug: { type: 'string' }, name: { type: 'string' } } },
    },
    startsAt: { type: 'string', format: 'date-time' },
    endsAt: { type: ['string', 'null'], format: 'date-time' },
    place: { type: ['string', 'null'] },
    onlineUrl: { type: ['string', 'null'], format: 'uri' },
    state: { type: 'string', enum: ['scheduled', 'held', 'cancelled'] },
    notes: { type: ['string', 'null'] },
    agenda: {
      type: 'array',
      description:
        'In number order (one meeting only). An exempt item is withheld from a viewer: only number, exempt, exemptParagraph and withheld are given',
      items: {
        type: 'object',
        required: ['number', 'exempt', 'withheld'],
        properties: {
          number: { type: 'integer' },
          title: { type: 'string' },
          purpose: { type: 'string', enum: ['decision', 'information', 'discussion', 'consultation'] },
          presenter: { type: ['string', 'null'] },
          exempt: { type: 'boolean' },
          exemptParagraph: {
            type: ['integer', 'null'],
            description: 'Paragraph of Schedule 12A to the Local Government Act 1972',
          },
          exemptReason: { type: ['string', 'null'] },
          withheld: { type: 'boolean' },
          papers: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                fileName: { type: 'string' },
                mediaType: { type: 'string' },
                sizeBytes: { type: 'integer' },
                href: { type: 'string', description: 'The paper on the meeting’s page (signed in)' },
              },
            },
          },
          declarations: {
            type: 'array',
            description:
              'Declarations of interest in the item, as recorded. Not given for a withheld item: its declarations are withheld with it',
            items: {
              type: 'object',
              required: ['person', 'kind', 'nature', 'participation', 'registerEntry'],
              properties: {
                person: { type: 'string', description: 'Who declared it (a young person is not named)' },
                kind: {
                  type: 'string',
                  enum: ['disclosable-pecuniary', 'other-registrable', 'non-registrable'],
                  description: 'As the model councillor code of conduct describes interests',
                },
                nature: { type: 'string', example: 'A director of a provider bidding for the contract' },
                participation: {
                  type: 'string',
                  enum: ['took-part', 'did-not-vote', 'left-room'],
                  description: 'Stayed and took part; stayed but did not vote; left the room for the item',
                },
                registerEntry: {
                  type: ['object', 'null'],
                  description:
                    'The person’s entry in the register of interests it is about, if one was named',
                  properties: {
                    id: { type: 'string', format: 'uuid' },
                    description: { type: 'string' },
                  },
                },
              },
            },
          },
        },
      },
    },
    boardPack: {
      type: 'object',
      description:
        'One meeting only: its board pack (the agenda, reports and public PDF papers as one PDF, made in the background)',
      required: ['state', 'href'],
      properties: {
        state: { type: 'string', enum: ['none', 'queued', 'working', 'ready', 'failed'] },
        done: { type: 'integer', description: 'Parts made so far (while working)' },
        total: { type: 'integer', description: 'Parts to make' },
        failure: { type: ['string', 'null'], description: 'Why the pack failed' },
        outOfDate: {
          type: 'boolean',
          description: 'A paper or report changed after the last pack was made, so it is being made again',
        },
        madeAt: { type: ['string', 'null'], format: 'date-time', description: 'When the last pack was made' },
        pageCount: { type: ['integer', 'null'] },
        href: {
          type: ['string', 'null'],
          description:
            'The last pack made, downloaded signed in (also while a new one is being made: see state); null when none has been made',
        },
      },
    },
  },
};

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
      Meeting: meeting,
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
        summary:
          'A body’s seats that exist on a date, in order, with their dates, the office that holds them ex officio and their holders on the date (young people are never named)',
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
    '/partnerships/{slug}/voice/consultations': {
      get: {
        summary:
          'The partnership’s consultations of children, young people, parents and professionals: each with its questions, counts overall and by age band and area with small numbers suppressed ("[c]"), themes with quotes only a moderator approved, and what was done about each theme ("you said, we did"). Nothing identifies a respondent.',
        security: [{ bearer: [] }],
        parameters: [slugParameter],
        responses: {
          200: { description: 'Consultations with their results' },
          401: errorResponse('No token'),
          404: errorResponse('No such partnership that you can see'),
        },
      },
    },
    '/partnerships/{slug}/plans': {
      get: {
        summary: 'The partnership’s plans: title, kind, period, status and outcome framework',
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
          'One plan: its outcome framework (Every Child Matters or the Children’s Social Care National Framework, with source and date), outcomes and enablers, evidence, versions, priorities with outcomes, owner and indicators, actions with lead, due date or recurrence, status, latest RAG and overdue periods',
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
        summary:
          'Each statutory rule in force on a date: met, met-on-paper, seat-vacant, not-met, not-recorded or not-applicable, with a reason, its evidence (seats with their dates, holders on the date and attendance over the twelve months before) and whether it is met by seats rarely attended; the counts of each outcome',
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
    '/surveys': {
      get: {
        summary:
          'The surveys the caller may see: those their partnerships own, and those their partnerships’ authorities are invited to answer',
        security: [{ bearer: [] }],
        responses: {
          200: {
            description: 'Surveys, each with its owner and whether the caller sees it as owner or respondent',
            content: {
              'application/json': {
                schema: { type: 'object', properties: { surveys: { type: 'array', items: surveySummary } } },
              },
            },
          },
          401: errorResponse('No token'),
        },
      },
    },
    '/surveys/{id}': {
      get: {
        summary:
          'A survey: its questions; its respondents in order with their group and answers (asAt, noResponse, refersTo, code); its findings with their evidence. A respondent sees its own answers, and every answer once the survey is published, never the findings. Counts of children below the threshold are "[c]".',
        security: [{ bearer: [] }],
        parameters: [surveyIdParameter],
        responses: {
          200: { description: 'The survey', content: { 'application/json': { schema: survey } } },
          401: errorResponse('No token'),
          404: errorResponse('No such survey that you can see'),
        },
      },
    },
    '/surveys/{id}/table.csv': {
      get: {
        summary:
          'The summary table as CSV: one row per respondent in group and order, one column per question',
        security: [{ bearer: [] }],
        parameters: [surveyIdParameter],
        responses: {
          200: { description: 'The table', content: { 'text/csv': { schema: { type: 'string' } } } },
          401: errorResponse('No token'),
          404: errorResponse('No such survey that you can see'),
        },
      },
    },
    '/partnerships/{slug}/meetings': {
      get: {
        summary:
          'Meetings in a period, of one body or all (joint meetings appear under each of their bodies)',
        security: [{ bearer: [] }],
        parameters: [
          slugParameter,
          {
            name: 'from',
            in: 'query',
            schema: { type: 'string', format: 'date' },
            description: 'First day (London time)',
          },
          {
            name: 'to',
            in: 'query',
            schema: { type: 'string', format: 'date' },
            description: 'Last day (London time)',
          },
          { name: 'body', in: 'query', schema: { type: 'string' }, description: 'A body’s short name' },
        ],
        responses: {
          200: {
            description: 'Meetings in order of their start',
            content: { 'application/json': { schema: list(meeting) } },
          },
          400: errorResponse('The query is not valid'),
          401: errorResponse('No token'),
          404: errorResponse('No such partnership or body that you can see'),
        },
      },
    },
    '/partnerships/{slug}/consultations': {
      get: {
        summary:
          'Inbound consultations by deadline: who issued each, its deadline, the meeting and agenda item it is on, and each question with the board’s agreed answer (consultations on exempt items withheld from viewers)',
        security: [{ bearer: [] }],
        parameters: [slugParameter],
        responses: {
          200: { description: 'Consultations, soonest deadline first' },
          401: errorResponse('No token'),
          404: errorResponse('No such partnership that you can see'),
        },
      },
    },
    '/partnerships/{slug}/actions': {
      get: {
        summary:
          'The action log: each action with its owner, due date, status, updates and the meeting that raised it; and the overdue actions per owner (actions on exempt items withheld from viewers)',
        security: [{ bearer: [] }],
        parameters: [
          slugParameter,
          { name: 'status', in: 'query', schema: { type: 'string', enum: ['open', 'done', 'dropped'] } },
          {
            name: 'owner',
            in: 'query',
            schema: { type: 'string', format: 'uuid' },
            description: 'A person’s or an organisation’s id',
          },
        ],
        responses: {
          200: { description: 'Actions, soonest due first' },
          400: errorResponse('The query is not valid'),
          401: errorResponse('No token'),
          404: errorResponse('No such partnership that you can see'),
        },
      },
    },
    '/partnerships/{slug}/attendance': {
      get: {
        summary:
          'A body’s attendance appendix over a period: per member and per organisation, meetings expected, attended, apologies, substitutes, absences and rate (held meetings only)',
        security: [{ bearer: [] }],
        parameters: [
          slugParameter,
          {
            name: 'body',
            in: 'query',
            required: true,
            schema: { type: 'string' },
            description: 'A body’s short name',
          },
          {
            name: 'from',
            in: 'query',
            schema: { type: 'string', format: 'date' },
            description: 'Default: 1 January this year',
          },
          {
            name: 'to',
            in: 'query',
            schema: { type: 'string', format: 'date' },
            description: 'Default: 31 December this year',
          },
        ],
        responses: {
          200: { description: 'The appendix: meetings held, members, organisations' },
          400: errorResponse('The query is not valid, or names no body'),
          401: errorResponse('No token'),
          404: errorResponse('No such body'),
        },
      },
    },
    '/partnerships/{slug}/meetings/{id}': {
      get: {
        summary:
          'One meeting with its agenda (exempt items withheld from viewers) and each item’s declarations of interest, attendance register, quorum per body, minutes, decisions, actions and the state of its board pack',
        security: [{ bearer: [] }],
        parameters: [
          slugParameter,
          { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
        ],
        responses: {
          200: { description: 'The meeting', content: { 'application/json': { schema: meeting } } },
          401: errorResponse('No token'),
          404: errorResponse('No such meeting'),
        },
      },
    },
    '/partnerships/{slug}/indicators/{code}/benchmark': {
      get: {
        summary:
          'An indicator beside the published values of the statistical neighbours, their average and England (only published values for everyone cross partnerships)',
        security: [{ bearer: [] }],
        parameters: [
          slugParameter,
          {
            name: 'code',
            in: 'path',
            required: true,
            schema: { type: 'string' },
            description: 'The indicator’s code, for example NI 73 (URL-encoded)',
          },
        ],
        responses: {
          200: {
            description: 'The benchmark by period',
            content: { 'application/json': { schema: benchmark } },
          },
          401: errorResponse('No token'),
          404: errorResponse('No such indicator tracked by the partnership'),
        },
      },
    },
    ...resourcesPaths(slugParameter, errorResponse),
  },
} as const;
