// The structure API's answer (ADR 0042): the schema the presenter's type comes from and the
// OpenAPI document is generated from.
import { z } from 'zod';
import {
  apiJson,
  jsonResponse,
  problemResponse,
  type ApiOperation,
} from '../../platform/http/api-document.ts';
import {
  bodyKindValues,
  focusTypes,
  meetingKinds,
  relationshipKindValues,
  statusValues,
  type FocusType,
} from './bodies.vocabulary.ts';

/** The partnership's short name, in every address under /partnerships/{slug}. */
export const slugParameter = z
  .string()
  .describe('The partnership’s short name')
  .meta({ examples: ['dudley'] });

/** A date in a query: a year, a month or a day (the last day of a year or month is meant). */
export const atParameter = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
  .optional()
  .describe('A date (YYYY, YYYY-MM or YYYY-MM-DD); default today');

export const quorumRuleJson = z
  .object({
    minimum: z.int().optional().describe('At least this many voting members present…'),
    fraction: z.number().optional().describe('…or at least this fraction of the voting seats…'),
    categories: z
      .array(z.string())
      .optional()
      .describe('…including someone on behalf of each of these statutory categories'),
  })
  .describe('The quorum: what must be met for a meeting to be quorate');

export const cadenceRuleJson = z.object({
  kind: z.enum(Object.keys(meetingKinds) as [keyof typeof meetingKinds]),
  perYear: z.int().describe('How many a year, at least'),
});

export const structureJson = z.object({
  at: apiJson.date().describe('The date the structure is of'),
  count: z.int(),
  items: z.array(
    z.object({
      slug: z.string(),
      name: z.string().describe('Its name on the date (it may have been renamed since)'),
      kind: z.enum(bodyKindValues),
      external: z
        .boolean()
        .describe('A body outside the partnership (a Health and Wellbeing Board, a cabinet…)'),
      status: z.enum(statusValues),
      since: apiJson.date().nullable().describe('When the status began'),
      takesDecisions: z.boolean(),
      focus: z
        .object({ type: z.enum(Object.keys(focusTypes) as [FocusType]), value: z.string().nullable() })
        .nullable(),
      area: z.string().nullable(),
      runsFrom: apiJson
        .partialDate()
        .nullable()
        .describe('The body’s own start date, as the records give it (a time-limited group)'),
      runsUntil: apiJson.partialDate().nullable().describe('The body’s own end date, as the records give it'),
      membershipCap: z.int().nullable(),
      attendanceThreshold: z
        .number()
        .describe('Attendance (per cent of held meetings) below which a held seat is flagged in compliance'),
      cadenceRules: z.array(cadenceRuleJson),
      quorumRule: quorumRuleJson.nullable(),
      relationships: z.array(
        z.object({
          kind: z.enum(relationshipKindValues),
          to: z.string().optional().describe('The other body’s short name'),
          startsOn: apiJson.date().nullable(),
          endsOn: apiJson.date().nullable(),
        }),
      ),
    }),
  ),
});

export type StructureJson = z.output<typeof structureJson>;

export const bodiesApiOperations: ApiOperation[] = [
  {
    path: '/partnerships/{slug}/bodies',
    summary: 'The structure on a date: bodies, their status and relationships',
    security: 'token',
    pathParameters: z.object({ slug: slugParameter }),
    query: z.object({ at: atParameter }),
    responses: {
      200: jsonResponse('Bodies in force on the date', structureJson),
      400: problemResponse('The date is not valid'),
      401: problemResponse('No token'),
      404: problemResponse('No such partnership that you can see'),
    },
  },
];
