// The benchmark API's answer (ADR 0042): the schema the presenter's type comes from and the
// OpenAPI document is generated from.
import { z } from 'zod';
import { jsonResponse, problemResponse, type ApiOperation } from '../../platform/http/api-document.ts';
import { frequencyValues, polarityValues, unitValues } from '../indicators/index.ts';

const value = z.number().nullable();

export const benchmarkJson = z.object({
  indicator: z.object({
    code: z.string().meta({ examples: ['NI 73'] }),
    title: z.string(),
    unit: z.enum(unitValues),
    polarity: z.enum(polarityValues),
    frequency: z.enum(frequencyValues),
    libraryKey: z.string().nullable().describe('Null for a local indicator, which cannot be compared'),
  }),
  partnership: z.object({
    name: z.string(),
    publishes: z.boolean().describe('Whether this partnership publishes the indicator'),
  }),
  neighbours: z
    .array(
      z.object({
        name: z.string(),
        authorityName: z.string(),
        rank: z.int().describe('The DfE statistical neighbour rank (1 is closest)'),
      }),
    )
    .describe('The statistical neighbours’ partnerships that publish the indicator, in rank order'),
  summary: z.string(),
  periods: z.array(
    z.object({
      period: z.string().meta({ examples: ['2009/10'] }),
      value: value.describe('This partnership’s value for everyone'),
      neighbours: z.array(z.object({ name: z.string(), value })),
      neighbourAverage: value.describe('Mean of the neighbours’ published values'),
      neighboursAveraged: z.int(),
      england: value.describe('The England average, where recorded as a comparator'),
      rank: z
        .int()
        .nullable()
        .describe(
          'Among this partnership and the neighbours with a value, 1 best; null without a better direction',
        ),
      rankedAmong: z.int(),
    }),
  ),
});

export type BenchmarkJson = z.output<typeof benchmarkJson>;

export const benchmarkingApiOperations: ApiOperation[] = [
  {
    path: '/partnerships/{slug}/indicators/{code}/benchmark',
    summary:
      'An indicator beside the published values of the statistical neighbours, their average and England (only published values for everyone cross partnerships)',
    security: 'token',
    pathParameters: z.object({
      slug: z.string().describe('The partnership’s short name'),
      code: z.string().describe('The indicator’s code, for example NI 73 (URL-encoded)'),
    }),
    responses: {
      200: jsonResponse('The benchmark by period', benchmarkJson),
      401: problemResponse('No token'),
      404: problemResponse('No such indicator tracked by the partnership'),
    },
  },
];
