// The voice API's answer (ADR 0042): the schema the presenter's type comes from and the OpenAPI
// document is generated from. Counts below the threshold are "[c]"; nothing about any one
// respondent.
import { z } from 'zod';
import {
  apiJson,
  jsonResponse,
  problemResponse,
  type ApiOperation,
} from '../../platform/http/api-document.ts';
import {
  audienceValues,
  consultationStatuses,
  outcomeKindValues,
  questionKindValues,
} from './voice.vocabulary.ts';

const count = z
  .union([z.int().min(0), z.literal('[c]')])
  .describe('A count, or "[c]" where a small number is suppressed');
const row = z.object({ of: z.string(), counts: z.record(z.string(), count), answered: count });
const question = {
  position: z.int(),
  text: z.string(),
  easyRead: z.string().nullable(),
  required: z.boolean(),
  choices: z.array(z.string()),
};

export const voiceConsultationJson = z.object({
  slug: z.string(),
  title: z.string(),
  purpose: z.string().nullable(),
  audience: z.array(z.enum(audienceValues)).describe('Who it asks'),
  opensOn: apiJson.date().nullable(),
  closesOn: apiJson.date().nullable(),
  status: z.enum(Object.keys(consultationStatuses) as [keyof typeof consultationStatuses]),
  resultsPublic: z.boolean(),
  summary: z.string().nullable(),
  suppressionThreshold: z.int().describe('Counts from 1 to one less than this are suppressed'),
  responses: z.int(),
  respondentsByAgeBand: z.array(z.object({ of: z.string(), count })),
  respondentsByArea: z.array(z.object({ of: z.string(), count })),
  questions: z.array(
    z.union([
      z.object({
        ...question,
        kind: z.literal('text'),
        answered: count,
        themes: z.array(z.object({ code: z.string(), title: z.string(), count })),
        approvedQuotes: z.array(z.string()).describe('Only quotes a moderator approved'),
      }),
      z.object({
        ...question,
        kind: z.enum(questionKindValues).exclude(['text']),
        all: row,
        byAgeBand: z.array(row),
        byArea: z.array(row),
      }),
    ]),
  ),
  themes: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      youSaid: z.string().describe('What young people said about the theme'),
      weDid: z.array(
        z.object({
          kind: z.enum(outcomeKindValues),
          text: z.string(),
          decisionId: apiJson.id().nullable(),
          actionId: apiJson.id().nullable(),
          priorityId: apiJson.id().nullable(),
          planActionId: apiJson.id().nullable(),
        }),
      ),
    }),
  ),
});

export type VoiceConsultationJson = z.output<typeof voiceConsultationJson>;

export const voiceApiOperations: ApiOperation[] = [
  {
    path: '/partnerships/{slug}/voice/consultations',
    summary:
      'The partnership’s consultations of children, young people, parents and professionals: each with its questions, counts overall and by age band and area with small numbers suppressed ("[c]"), themes with quotes only a moderator approved, and what was done about each theme ("you said, we did"). Nothing identifies a respondent.',
    security: 'token',
    pathParameters: z.object({ slug: z.string().describe('The partnership’s short name') }),
    responses: {
      200: jsonResponse('Consultations with their results', z.array(voiceConsultationJson)),
      401: problemResponse('No token'),
      404: problemResponse('No such partnership that you can see'),
    },
  },
];
