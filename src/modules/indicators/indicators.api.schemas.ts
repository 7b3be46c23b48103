// The indicators API's answers (ADR 0042): the schemas the presenters' types come from and the
// OpenAPI document is generated from.
import { z } from 'zod';
import {
  apiJson,
  jsonResponse,
  problemResponse,
  type ApiOperation,
} from '../../platform/http/api-document.ts';
import {
  breakdownKindValues,
  comparatorKindValues,
  ecmOutcomeValues,
  frequencyValues,
  polarityValues,
  toleranceKindValues,
  unitValues,
} from './indicators.vocabulary.ts';

export const ragJson = z.enum(['red', 'amber', 'green']);
const period = z
  .string()
  .describe('As the indicator’s frequency writes it')
  .meta({ examples: ['2009/10'] });

const indicatorJson = z.object({
  code: z.string().meta({ examples: ['NI 73'] }),
  title: z.string(),
  definition: z.string(),
  unit: z.enum(unitValues),
  unitLabel: z.string(),
  polarity: z.enum(polarityValues).describe('Which way is better'),
  frequency: z.enum(frequencyValues),
  source: z.string(),
  outcome: z.enum(ecmOutcomeValues).nullable().describe('The Every Child Matters outcome it measures'),
  local: z.boolean().describe('A local indicator, not from the national library'),
});

const latestJson = z
  .object({
    period,
    value: z.number(),
    target: z.number().nullable(),
    rag: ragJson.nullable(),
    direction: z
      .enum(['improving', 'worsening', 'no change', 'up', 'down'])
      .nullable()
      .describe('Since the period before; up or down for an indicator with no better direction'),
  })
  .nullable()
  .describe('The latest period with a value for everyone');

export const indicatorListJson = apiJson.list(indicatorJson.extend({ latest: latestJson }));

export const indicatorDetailJson = indicatorJson.extend({
  latest: latestJson,
  periods: z.array(
    z.object({
      period,
      value: z.number().nullable(),
      target: z
        .object({
          value: z.number(),
          tolerance: z.object({ kind: z.enum(toleranceKindValues), amount: z.number() }),
        })
        .nullable(),
      rag: ragJson.nullable(),
    }),
  ),
  breakdowns: z
    .array(
      z.object({
        period,
        kind: z.enum(breakdownKindValues),
        name: z.string(),
        value: z.number(),
        illustrative: z.boolean(),
      }),
    )
    .describe('Values by group or area'),
  comparators: z.array(z.object({ period, comparator: z.enum(comparatorKindValues), value: z.number() })),
  illustrative: z.boolean().describe('Some of its values are illustrative, not real'),
});

export type IndicatorListJson = z.output<typeof indicatorListJson>;
export type IndicatorDetailJson = z.output<typeof indicatorDetailJson>;

const slug = z.string().describe('The partnership’s short name');

export const indicatorsApiOperations: ApiOperation[] = [
  {
    path: '/partnerships/{slug}/indicators',
    summary:
      'The indicators the partnership tracks, each with its latest value, target, RAG and direction of travel',
    security: 'token',
    pathParameters: z.object({ slug }),
    responses: {
      200: jsonResponse('Indicators', indicatorListJson),
      401: problemResponse('No token'),
      404: problemResponse('No such partnership that you can see'),
    },
  },
  {
    path: '/partnerships/{slug}/indicators/{code}',
    summary:
      'One indicator: definition, targets with tolerance, values and RAG by period, breakdowns, comparators',
    security: 'token',
    pathParameters: z.object({ slug, code: z.string().describe('Like NI 73 (URL-encoded)') }),
    responses: {
      200: jsonResponse('The indicator', indicatorDetailJson),
      401: problemResponse('No token'),
      404: problemResponse('No such partnership or indicator that you can see'),
    },
  },
];
