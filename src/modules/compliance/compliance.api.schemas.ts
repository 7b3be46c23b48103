// The compliance API's answer (ADR 0042): the schema the presenter's type comes from and the
// OpenAPI document is generated from.
import { z } from 'zod';
import {
  apiJson,
  jsonResponse,
  problemResponse,
  type ApiOperation,
} from '../../platform/http/api-document.ts';
import { outcomes } from './evaluate.ts';

const date = apiJson.date();

const evidenceJson = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('seat'),
    seatId: apiJson.id(),
    bodyId: apiJson.id(),
    bodySlug: z.string(),
    body: z.string(),
    position: z.int(),
    label: z.string(),
    holders: z.array(z.string()).describe('Who holds it on the date (young people are not named)'),
    from: date.nullable().describe('The seat’s first day, if it has one'),
    until: date.nullable().describe('The seat’s last day, if it has one'),
    heldSince: z
      .array(date.nullable())
      .describe('Since when each named holder has held it, in the order of holders'),
    attendance: z
      .object({
        held: z
          .int()
          .describe('Held meetings of the seat’s body with a register in the twelve months before'),
        attended: z.int(),
        threshold: z.number().describe('Per cent of held meetings below which the seat is rarely attended'),
        substitutes: z
          .literal(false)
          .optional()
          .describe('Present when the rule counts attendance in person only'),
      })
      .nullable(),
  }),
  z.object({
    type: z.literal('member'),
    body: z.string(),
    seat: z.string(),
    name: z.string(),
    from: date.nullable(),
    until: date.nullable(),
  }),
  z.object({ type: z.literal('body'), body: z.string(), kind: z.string() }),
  z.object({ type: z.literal('link'), from: z.string(), kind: z.string(), to: z.string() }),
]);

const outcome = z.enum(outcomes);

export const complianceJson = z.object({
  date,
  counts: z.object(
    Object.fromEntries(outcomes.map((o) => [o, z.int()])) as Record<(typeof outcomes)[number], z.ZodInt>,
  ),
  rarelyAttended: z
    .int()
    .describe('Rules met by seats whose holders came to fewer of the year’s meetings than the threshold'),
  attendanceFrom: date.describe('The first day of the twelve months whose meetings the attendance counts'),
  ruleSets: z.array(
    z.object({ id: z.string(), title: z.string(), source: z.string(), from: date, until: date.nullable() }),
  ),
  rules: z.array(
    z.object({
      ruleSet: z.string(),
      id: z.string(),
      title: z.string(),
      source: z.string(),
      strength: z.enum(['law', 'guidance', 'good-practice']),
      status: outcome,
      rarelyAttended: z.boolean(),
      reason: z.string().nullable(),
      evidence: z.array(evidenceJson),
    }),
  ),
});

export type ComplianceJson = z.output<typeof complianceJson>;

export const complianceApiOperations: ApiOperation[] = [
  {
    path: '/partnerships/{slug}/compliance',
    summary:
      'Each statutory rule in force on a date: met, met-on-paper, seat-vacant, not-met, not-recorded or not-applicable, with a reason, its evidence (seats with their dates, holders on the date and attendance over the twelve months before) and whether it is met by seats rarely attended; the counts of each outcome',
    security: 'token',
    pathParameters: z.object({ slug: z.string().describe('The partnership’s short name') }),
    query: z.object({
      at: z
        .string()
        .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
        .optional()
        .describe('A date (YYYY, YYYY-MM or YYYY-MM-DD); default today'),
      ruleset: z
        .string()
        .regex(/^[a-z0-9-]+(,[a-z0-9-]+)*$/)
        .optional()
        .describe('Rule set ids, comma-separated; default: every one in force on the date'),
    }),
    responses: {
      200: jsonResponse('Rules with their outcome', complianceJson),
      400: problemResponse('The query is not valid'),
      401: problemResponse('No token'),
      404: problemResponse('No such partnership that you can see'),
    },
  },
];
