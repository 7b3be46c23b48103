// The surveys API's answers (ADR 0042): the schemas the presenters' types come from and the
// OpenAPI document is generated from.
import { z } from 'zod';
import {
  apiJson,
  jsonResponse,
  problemResponse,
  type ApiOperation,
} from '../../platform/http/api-document.ts';

const status = z.enum(['draft', 'open', 'closed', 'published']);
const partialDate = apiJson.partialDate();

const summary = {
  id: apiJson.id(),
  title: z.string(),
  status,
  opensOn: apiJson.date().nullable(),
  closesOn: apiJson.date().nullable(),
  owner: z.object({ name: z.string() }),
  access: z.object({
    partnership: z.string().describe('The slug of the caller’s partnership that sees it'),
    as: z.enum(['owner', 'respondent']),
  }),
};

export const surveySummaryJson = z.object({ ...summary, href: z.string() });

export const surveyListJson = z.object({ surveys: z.array(surveySummaryJson) });

export const surveyJson = z.object({
  ...summary,
  purpose: z.string().nullable(),
  questions: z.array(
    z.object({
      key: z.string().meta({ examples: ['q1'] }),
      number: z.int(),
      text: z.string(),
      kind: z.enum(['text', 'choice', 'number', 'date']),
      choices: z.array(z.string()).nullable(),
      aboutChildren: z.boolean().describe('A count of children: below the threshold it is "[c]"'),
      codes: z.array(z.string()).nullable(),
    }),
  ),
  respondents: z.array(
    z.object({
      key: z.string(),
      number: z.int(),
      group: z.string().meta({ examples: ['Statistical neighbours'] }),
      label: z.string(),
      authority: z.object({ gssCode: z.string().nullable(), name: z.string().nullable() }),
      asAt: partialDate
        .nullable()
        .describe('Correct as at, for the whole response: 2011, 2011-06 or 2011-06-01'),
      answers: z.array(
        z.object({
          question: z.string(),
          text: z.string().nullable(),
          noResponse: z.boolean(),
          asAt: partialDate.nullable(),
          refersTo: z.string().nullable().describe('The key of the question whose answer this one refers to'),
          code: z.string().nullable(),
        }),
      ),
    }),
  ),
  findings: z.array(
    z.object({
      number: z.string(),
      text: z.string(),
      evidence: z.array(
        z.object({ respondent: z.string(), question: z.string(), text: z.string().nullable() }),
      ),
    }),
  ),
});

export type SurveySummaryJson = z.output<typeof surveySummaryJson>;
export type SurveyListJson = z.output<typeof surveyListJson>;
export type SurveyJson = z.output<typeof surveyJson>;

const id = z.object({ id: apiJson.id().describe('The survey’s id') });

export const surveysApiOperations: ApiOperation[] = [
  {
    path: '/surveys',
    summary:
      'The surveys the caller may see: those their partnerships own, and those their partnerships’ authorities are invited to answer',
    security: 'token',
    responses: {
      200: jsonResponse(
        'Surveys, each with its owner and whether the caller sees it as owner or respondent',
        surveyListJson,
      ),
      401: problemResponse('No token'),
    },
  },
  {
    path: '/surveys/{id}',
    summary:
      'A survey: its questions; its respondents in order with their group and answers (asAt, noResponse, refersTo, code); its findings with their evidence. A respondent sees its own answers, and every answer once the survey is published, never the findings. Counts of children below the threshold are "[c]".',
    security: 'token',
    pathParameters: id,
    responses: {
      200: jsonResponse('The survey', surveyJson),
      401: problemResponse('No token'),
      404: problemResponse('No such survey that you can see'),
    },
  },
  {
    path: '/surveys/{id}/table.csv',
    summary: 'The summary table as CSV: one row per respondent in group and order, one column per question',
    security: 'token',
    pathParameters: id,
    responses: {
      200: {
        description: 'The table (UTF-8 with a byte-order mark, RFC 4180)',
        content: { 'text/csv': z.string() },
      },
      401: problemResponse('No token'),
      404: problemResponse('No such survey that you can see'),
    },
  },
];
