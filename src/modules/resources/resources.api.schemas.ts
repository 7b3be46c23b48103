// The resources API's answers (ADR 0042): funds, pledges, commissioned services and the
// resources report. Amounts are integer pence. The presenters' types come from these schemas
// and the OpenAPI document is generated from them.
import { z } from 'zod';
import {
  apiJson,
  jsonResponse,
  problemResponse,
  type ApiOperation,
  type ApiResponse,
} from '../../platform/http/api-document.ts';
import {
  contributionFormValues,
  fundKindValues,
  pledgeResourceValues,
  pledgeStatusValues,
  serviceStatusValues,
} from './resources.vocabulary.ts';

const pence = z.int().nullable().describe('Integer pence (£1 is 100); null when not recorded');
const total = z.int().describe('Integer pence');
const date = apiJson.date();
const year = z
  .string()
  .regex(/^\d{4}-\d{2}$/)
  .describe('A financial year, April to March')
  .meta({ examples: ['2009-10'] });

const priorityRef = z.object({
  id: apiJson.id(),
  plan: z.string().describe('The plan’s short name'),
  position: z.int(),
  title: z.string(),
});

export const fundJson = z.object({
  id: apiJson.id(),
  slug: z.string(),
  name: z.string(),
  kind: z.enum(fundKindValues),
  host: z.string().nullable(),
  purpose: z.string().nullable(),
  agreement: z.object({
    document: z.string().nullable(),
    startsOn: date.nullable(),
    endsOn: date.nullable(),
    reviewOn: date.nullable(),
  }),
  source: z.string().nullable(),
  priorities: z.array(priorityRef),
  decisionIds: z.array(apiJson.id()),
  years: z
    .array(
      z.object({
        year,
        contributions: z.array(
          z.object({
            partner: z.string(),
            form: z.enum(contributionFormValues),
            description: z.string().nullable(),
            plannedPence: pence,
            agreedPence: pence,
            receivedPence: pence,
          }),
        ),
        spending: z.array(
          z.object({
            priority: z.string(),
            priorityId: apiJson.id(),
            action: z.string().nullable(),
            service: z.string().nullable(),
            description: z.string().nullable(),
            plannedPence: pence,
            committedPence: pence,
            actualPence: pence,
          }),
        ),
        budgetPence: total.describe('Contributions agreed'),
        balancePence: total.describe('Received less actual spending'),
        spendingVariancePence: total.describe('Actual less planned spending'),
        overBudgetByPence: total.describe('By how much committed and actual spending passes the budget'),
      }),
    )
    .describe('Each financial year (April to March) with entries'),
});

export const fundListJson = apiJson.list(fundJson);

export const pledgeListJson = apiJson.list(
  z.object({
    id: apiJson.id(),
    partner: z.string(),
    priority: priorityRef.nullable(),
    actionId: apiJson.id().nullable(),
    resource: z.enum(pledgeResourceValues),
    description: z.string(),
    amountPencePerYear: pence,
    fromYear: year,
    toYear: year,
    status: z.enum(pledgeStatusValues),
    pledgedOn: date,
    dueOn: date.nullable(),
    agreedBy: z.string().nullable(),
    decisionId: apiJson.id().nullable(),
  }),
);

export const serviceListJson = apiJson.list(
  z.object({
    id: apiJson.id(),
    name: z.string(),
    provider: z
      .string()
      .describe(
        "The provider: one of the partnership's organisations by its name, or a provider outside the partnership as recorded",
      ),
    providerOrganisationId: apiJson
      .id()
      .nullable()
      .describe(
        "The partnership's organisation that provides the service; null for a provider outside the partnership",
      ),
    annualValuePence: pence,
    startsOn: date.nullable(),
    endsOn: date.nullable(),
    fund: z.string().nullable().describe('The fund’s short name'),
    status: z.enum(serviceStatusValues),
    priorityIds: z.array(apiJson.id()),
  }),
);

const totals = z.object({ planned: total, agreed: total, received: total });

export const resourcesReportJson = z.object({
  year: year.nullable().describe('Null: across years'),
  plans: z.array(
    z.object({
      plan: z.string(),
      principles: z.array(z.object({ position: z.int(), text: z.string() })),
      priorities: z.array(
        z.object({
          id: apiJson.id(),
          position: z.int(),
          title: z.string(),
          pence: z.object({
            priorityId: apiJson.id(),
            planned: total,
            committed: total,
            actual: total,
            pledgedAgreed: total,
            pledgedProposed: total,
            servicesCurrent: total,
            servicesProposed: total,
            current: total.describe(
              'Committed and actual spending, agreed or delivered pledges and current services',
            ),
            proposed: total.describe('Planned spending, proposed pledges and proposed services'),
          }),
        }),
      ),
    }),
  ),
  partners: z.array(
    z.object({
      organisationId: apiJson.id(),
      organisationName: z.string(),
      cash: totals,
      inKind: totals,
      pledgedAgreed: total,
      pledgedProposed: total,
    }),
  ),
  exceptions: z.array(z.object({ kind: z.enum(['over budget', 'pledge overdue']), text: z.string() })),
});

export type FundJson = z.output<typeof fundJson>;
export type FundListJson = z.output<typeof fundListJson>;
export type PledgeListJson = z.output<typeof pledgeListJson>;
export type ServiceListJson = z.output<typeof serviceListJson>;
export type ResourcesReportJson = z.output<typeof resourcesReportJson>;

const slug = z.string().describe('The partnership’s short name');
const get = (
  path: string,
  summary: string,
  description: string,
  schema: z.ZodType,
  extra: Pick<ApiOperation, 'pathParameters' | 'query'> & { notFound?: string; badRequest?: string } = {},
): ApiOperation => ({
  path,
  summary,
  security: 'token',
  pathParameters: extra.pathParameters ?? z.object({ slug }),
  ...(extra.query ? { query: extra.query } : {}),
  responses: {
    200: jsonResponse(description, schema),
    ...(extra.badRequest ? { 400: problemResponse(extra.badRequest) } : {}),
    401: problemResponse('No token'),
    404: problemResponse(extra.notFound ?? 'No such partnership that you can see'),
  } as Record<number, ApiResponse>,
});

export const resourcesApiOperations: ApiOperation[] = [
  get(
    '/partnerships/{slug}/funds',
    'The partnership’s pooled and aligned funds, each with its contributions and spending by financial year',
    'The funds',
    fundListJson,
  ),
  get('/partnerships/{slug}/funds/{fund}', 'One fund', 'The fund', fundJson, {
    pathParameters: z.object({ slug, fund: z.string().describe('Its short name or id') }),
    notFound: 'No such partnership or fund',
  }),
  get(
    '/partnerships/{slug}/pledges',
    'What partners have pledged to the plan’s priorities and actions',
    'The pledges',
    pledgeListJson,
  ),
  get(
    '/partnerships/{slug}/commissioned-services',
    'Commissioned services with provider, value a year, dates, fund and the priorities they serve',
    'The services',
    serviceListJson,
  ),
  get(
    '/partnerships/{slug}/resources',
    'Resources by priority of each plan and by partner, for a financial year or across years, and the exceptions',
    'The report',
    resourcesReportJson,
    {
      query: z.object({
        year: year.optional().describe('A financial year like 2009-10; across years if absent'),
      }),
      badRequest: 'The year is not a financial year like 2009-10',
    },
  ),
];
