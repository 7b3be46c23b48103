// The partnerships API's answers (ADR 0042): the schemas the presenter's type comes from and the
// OpenAPI document is generated from.
import { z } from 'zod';
import {
  apiJson,
  jsonResponse,
  problemResponse,
  type ApiOperation,
} from '../../platform/http/api-document.ts';
import { partnershipStatuses } from './partnerships.schemas.ts';

export const partnershipJson = z
  .object({
    slug: z.string().meta({ examples: ['dudley'] }),
    name: z.string().meta({ examples: ['Dudley Children’s Trust'] }),
    authority: z.object({
      gssCode: z.string().meta({ examples: ['E08000027'] }),
      name: z.string().meta({ examples: ['Dudley'] }),
    }),
    status: z.enum(partnershipStatuses),
    established: apiJson
      .partialDate()
      .nullable()
      .describe('When it was established, as precisely as its documents say: 2007, 2007-04 or 2007-04-01'),
    published: z.boolean().describe('Whether its public pages and open data are published'),
  })
  .meta({ id: 'Partnership', description: 'A children’s partnership' });

export type PartnershipJson = z.output<typeof partnershipJson>;

export const partnershipsApiOperations: ApiOperation[] = [
  {
    path: '/partnerships',
    summary: 'Published partnerships, and with a token those you belong to',
    security: 'optional',
    responses: { 200: jsonResponse('Partnerships', apiJson.list(partnershipJson)) },
  },
  {
    path: '/partnerships/{slug}',
    summary: 'One partnership',
    security: 'optional',
    pathParameters: z.object({ slug: z.string().describe('The partnership’s short name') }),
    responses: {
      200: jsonResponse('The partnership', partnershipJson),
      401: problemResponse('Not published, and no token was sent'),
      404: problemResponse('No such partnership that you can see'),
    },
  },
];
