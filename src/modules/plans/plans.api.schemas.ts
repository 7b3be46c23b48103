// The plans API's answers (ADR 0042): the schemas the presenters' types come from and the
// OpenAPI document is generated from.
import { z } from 'zod';
import {
  apiJson,
  jsonResponse,
  problemResponse,
  type ApiOperation,
} from '../../platform/http/api-document.ts';
import {
  actionStatusValues,
  evidenceKindValues,
  leadKindValues,
  planKindValues,
  planStatusValues,
  recurrenceValues,
  updateRagValues,
} from './plans.vocabulary.ts';
import { frameworkValues } from './outcome-frameworks.ts';

const date = apiJson.date();
const rag = z.enum(['red', 'amber', 'green']);

const planSummaryJson = z.object({
  id: apiJson.id(),
  slug: z.string().meta({ examples: ['cypp-2009-11'] }),
  title: z.string(),
  kind: z.enum(planKindValues),
  startsOn: date,
  endsOn: date,
  status: z.enum(planStatusValues),
  outcomeFramework: z.enum(frameworkValues),
});

export const planActionJson = z.object({
  id: apiJson.id(),
  text: z.string(),
  lead: z.object({ kind: z.enum(leadKindValues), name: z.string() }),
  partners: z.array(z.string()),
  dueOn: date.nullable(),
  recurrence: z
    .object({ every: z.enum(recurrenceValues), from: date.nullable(), until: date.nullable() })
    .nullable(),
  status: z.enum(actionStatusValues),
  latestRag: z.enum(updateRagValues).nullable().describe('At the latest progress update'),
  latestUpdateOn: date.nullable(),
  overdue: z.boolean(),
  overduePeriods: z.array(z.string()).describe('The periods a recurring action owes an update for'),
});

export const planListJson = apiJson.list(planSummaryJson);

export const planJson = planSummaryJson.extend({
  vision: z.string().nullable(),
  resourcing: z.string().nullable(),
  framework: z.object({
    key: z.enum(frameworkValues),
    title: z.string(),
    source: z.string(),
    published: z
      .string()
      .regex(/^\d{4}-\d{2}$/)
      .describe('A year and month'),
    link: z.string().nullable(),
  }),
  outcomes: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      kind: z.enum(['outcome', 'enabler']),
      framework: z.enum(frameworkValues).nullable().describe('Null for a local outcome'),
      local: z.boolean(),
      everyChildMatters: z.boolean(),
    }),
  ),
  evidence: z.array(
    z.object({
      kind: z.enum(evidenceKindValues),
      title: z.string(),
      dated: z
        .object({ date, precision: z.enum(['day', 'month', 'year']).nullable() })
        .nullable()
        .describe('When, as precisely as the source says: the date is the first day of a month or year'),
      link: z.string().nullable(),
    }),
  ),
  versions: z.array(z.object({ number: z.int(), recordedOn: date, note: z.string() })),
  priorities: z.array(
    z.object({
      position: z.int(),
      title: z.string(),
      outcomes: z.array(z.string()).describe('The codes of the outcomes it serves'),
      owner: z.object({ slug: z.string(), name: z.string().nullable() }).nullable(),
      lead: z.string().nullable(),
      indicators: z.array(z.object({ code: z.string(), rag: rag.nullable() })),
      actions: z.array(planActionJson),
    }),
  ),
});

const entryJson = planActionJson.extend({
  plan: z.string().describe('The plan’s short name'),
  priority: z.int().describe('The priority’s position'),
});

export const accountabilityJson = z.object({
  organisation: z.object({ id: apiJson.id(), name: z.string() }),
  asAt: date,
  overdue: z.int(),
  leads: z.array(entryJson),
  contributes: z.array(entryJson),
});

export type PlanActionJson = z.output<typeof planActionJson>;
export type PlanListJson = z.output<typeof planListJson>;
export type PlanJson = z.output<typeof planJson>;
export type AccountabilityJson = z.output<typeof accountabilityJson>;

const slug = z.string().describe('The partnership’s short name');

export const plansApiOperations: ApiOperation[] = [
  {
    path: '/partnerships/{slug}/plans',
    summary: 'The partnership’s plans: title, kind, period, status and outcome framework',
    security: 'token',
    pathParameters: z.object({ slug }),
    responses: {
      200: jsonResponse('Plans', planListJson),
      401: problemResponse('No token'),
      404: problemResponse('No such partnership that you can see'),
    },
  },
  {
    path: '/partnerships/{slug}/plans/{id}',
    summary:
      'One plan: its outcome framework (Every Child Matters or the Children’s Social Care National Framework, with source and date), outcomes and enablers, evidence, versions, priorities with outcomes, owner and indicators, actions with lead, due date or recurrence, status, latest RAG and overdue periods',
    security: 'token',
    pathParameters: z.object({ slug, id: z.string().describe('The plan’s id or short name') }),
    responses: {
      200: jsonResponse('The plan', planJson),
      401: problemResponse('No token'),
      404: problemResponse('No such partnership or plan that you can see'),
    },
  },
  {
    path: '/partnerships/{slug}/accountability',
    summary: 'Every action an organisation leads or contributes to, with its status and overdue updates',
    security: 'token',
    pathParameters: z.object({ slug }),
    query: z.object({ organisation: z.string().min(1).describe('The organisation’s id or its name') }),
    responses: {
      200: jsonResponse('What the organisation leads and contributes to', accountabilityJson),
      400: problemResponse('No organisation given'),
      401: problemResponse('No token'),
      404: problemResponse('No such partnership or organisation that you can see'),
    },
  },
];
