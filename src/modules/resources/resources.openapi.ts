// The resources endpoints as the OpenAPI document describes them. Amounts are integer pence.
const pence = { type: ['integer', 'null'], description: 'Integer pence (£1 is 100); null when not recorded' };
const priorityRef = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    plan: { type: 'string' },
    position: { type: 'integer' },
    title: { type: 'string' },
  },
};

export const fundSchema = {
  type: 'object',
  required: ['id', 'slug', 'name', 'kind', 'years'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    slug: { type: 'string' },
    name: { type: 'string' },
    kind: { type: 'string', enum: ['pooled-s10', 'pooled-s75', 'pooled', 'aligned', 'grant'] },
    host: { type: ['string', 'null'] },
    purpose: { type: ['string', 'null'] },
    agreement: {
      type: 'object',
      properties: {
        document: { type: ['string', 'null'] },
        startsOn: { type: ['string', 'null'], format: 'date' },
        endsOn: { type: ['string', 'null'], format: 'date' },
        reviewOn: { type: ['string', 'null'], format: 'date' },
      },
    },
    source: { type: ['string', 'null'] },
    priorities: { type: 'array', items: priorityRef },
    decisionIds: { type: 'array', items: { type: 'string', format: 'uuid' } },
    years: {
      type: 'array',
      description: 'Each financial year (April to March) with entries',
      items: {
        type: 'object',
        properties: {
          year: { type: 'string', example: '2009-10' },
          contributions: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                partner: { type: 'string' },
                form: {
                  type: 'string',
                  enum: ['cash', 'staff time', 'premises', 'services', 'other in kind'],
                },
                description: { type: ['string', 'null'] },
                plannedPence: pence,
                agreedPence: pence,
                receivedPence: pence,
              },
            },
          },
          spending: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                priority: { type: 'string' },
                priorityId: { type: 'string', format: 'uuid' },
                action: { type: ['string', 'null'] },
                service: { type: ['string', 'null'] },
                description: { type: ['string', 'null'] },
                plannedPence: pence,
                committedPence: pence,
                actualPence: pence,
              },
            },
          },
          budgetPence: { type: 'integer', description: 'Contributions agreed' },
          balancePence: { type: 'integer', description: 'Received less actual spending' },
          spendingVariancePence: { type: 'integer', description: 'Actual less planned spending' },
          overBudgetByPence: {
            type: 'integer',
            description: 'By how much committed and actual spending passes the budget',
          },
        },
      },
    },
  },
} as const;

const list = (items: object) => ({
  type: 'object',
  properties: { count: { type: 'integer' }, items: { type: 'array', items } },
});

export function resourcesPaths(slugParameter: object, errorResponse: (description: string) => object) {
  const get = (summary: string, description: string, schema: object, parameters: object[] = []) => ({
    get: {
      summary,
      security: [{ bearer: [] }],
      parameters: [slugParameter, ...parameters],
      responses: {
        200: { description, content: { 'application/json': { schema } } },
        401: errorResponse('No token'),
        404: errorResponse('No such partnership (or fund)'),
      },
    },
  });
  return {
    '/partnerships/{slug}/funds': get(
      'The partnership’s pooled and aligned funds, each with its contributions and spending by financial year',
      'The funds',
      list(fundSchema),
    ),
    '/partnerships/{slug}/funds/{fund}': get('One fund', 'The fund', fundSchema, [
      {
        name: 'fund',
        in: 'path',
        required: true,
        schema: { type: 'string' },
        description: 'Its short name or id',
      },
    ]),
    '/partnerships/{slug}/pledges': get(
      'What partners have pledged to the plan’s priorities and actions',
      'The pledges',
      list({
        type: 'object',
        properties: {
          id: { type: 'string', format: 'uuid' },
          partner: { type: 'string' },
          priority: priorityRef,
          actionId: { type: ['string', 'null'], format: 'uuid' },
          resource: { type: 'string', enum: ['money', 'people', 'premises', 'services'] },
          description: { type: 'string' },
          amountPencePerYear: pence,
          fromYear: { type: 'string' },
          toYear: { type: 'string' },
          status: { type: 'string', enum: ['proposed', 'agreed', 'delivered', 'withdrawn'] },
          pledgedOn: { type: 'string', format: 'date' },
          dueOn: { type: ['string', 'null'], format: 'date' },
          agreedBy: { type: ['string', 'null'] },
          decisionId: { type: ['string', 'null'], format: 'uuid' },
        },
      }),
    ),
    '/partnerships/{slug}/commissioned-services': get(
      'Commissioned services with provider, value a year, dates, fund and the priorities they serve',
      'The services',
      list({
        type: 'object',
        properties: {
          id: { type: 'string', format: 'uuid' },
          name: { type: 'string' },
          provider: { type: 'string' },
          annualValuePence: pence,
          startsOn: { type: ['string', 'null'], format: 'date' },
          endsOn: { type: ['string', 'null'], format: 'date' },
          fund: { type: ['string', 'null'] },
          status: { type: 'string' },
          priorityIds: { type: 'array', items: { type: 'string', format: 'uuid' } },
        },
      }),
    ),
    '/partnerships/{slug}/resources': get(
      'Resources by priority of each plan and by partner, for a financial year or across years, and the exceptions',
      'The report',
      { type: 'object' },
      [
        {
          name: 'year',
          in: 'query',
          required: false,
          schema: { type: 'string' },
          description: 'A financial year like 2009-10; across years if absent',
        },
      ],
    ),
  };
}
