// The authorities API's answers (ADR 0042): the schemas the presenters' types come from and the
// OpenAPI document is generated from.
import { z } from 'zod';
import {
  apiJson,
  jsonResponse,
  problemResponse,
  type ApiOperation,
} from '../../platform/http/api-document.ts';
import { authorityTypes } from './authorities.reference.ts';

const gssCode = z
  .string()
  .regex(/^E\d{8}$/)
  .meta({ examples: ['E08000027'] });
const authorityType = z.enum(authorityTypes);

export const authorityJson = z
  .object({
    gssCode,
    dfeCode: z
      .string()
      .nullable()
      .meta({ examples: ['332'] }),
    name: z.string().meta({ examples: ['Dudley'] }),
    type: authorityType,
    region: z.string().meta({ examples: ['West Midlands'] }),
    validFrom: apiJson.date().nullable().describe('When the council came into being, if since 2009'),
    validTo: apiJson.date().nullable().describe('When it was abolished or reorganised, if it was'),
  })
  .meta({ id: 'Authority', description: 'An English upper-tier local authority' });

const succession = z.object({
  gssCode,
  name: z.string(),
  continuing: z.boolean().describe('The same council under a new code (it became unitary)'),
});

export const authorityDetailJson = authorityJson.extend({
  statisticalNeighbours: z
    .array(
      z.object({
        rank: z.int().describe('The DfE statistical neighbour rank (1 is closest)'),
        gssCode,
        name: z.string(),
        closeness: z.string().meta({ examples: ['Very close'] }),
      }),
    )
    .describe('The DfE statistical neighbours, closest first'),
  types: z
    .array(
      z.object({
        type: authorityType,
        validFrom: apiJson.date().nullable(),
        validTo: apiJson.date().nullable(),
      }),
    )
    .describe('The kinds of council it has been, with their dates'),
  successors: z.array(succession),
  predecessors: z.array(succession),
});

export type AuthorityJson = z.output<typeof authorityJson>;
export type AuthorityDetailJson = z.output<typeof authorityDetailJson>;

export const authoritiesApiOperations: ApiOperation[] = [
  {
    path: '/authorities',
    summary: 'The English upper-tier local authorities',
    security: 'none',
    query: z.object({
      q: z.string().max(100).optional().describe('Part of a name, a GSS code or a DfE code'),
      region: z.string().max(100).optional(),
      type: authorityType.optional(),
      former: z.enum(['yes', 'true']).optional().describe('Councils abolished or reorganised since 2009 too'),
    }),
    responses: {
      200: jsonResponse('Authorities', apiJson.list(authorityJson)),
      400: problemResponse('The search is not valid'),
    },
  },
  {
    path: '/authorities/{gssCode}',
    summary:
      'One authority with its statistical neighbours, the kinds of council it has been, and its successors and predecessors',
    security: 'none',
    pathParameters: z.object({ gssCode: gssCode.describe('Like E08000027') }),
    responses: {
      200: jsonResponse('The authority', authorityDetailJson),
      404: problemResponse('No such authority'),
    },
  },
];
