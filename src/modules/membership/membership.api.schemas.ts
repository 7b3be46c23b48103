// The seats and organisations API's answers (ADR 0042): the schemas the presenters' types come
// from and the OpenAPI document is generated from.
import { z } from 'zod';
import {
  apiJson,
  jsonResponse,
  problemResponse,
  type ApiOperation,
} from '../../platform/http/api-document.ts';
import { howFilledValues, officeValues, sectorValues, seatRoleValues } from './membership.vocabulary.ts';

const slug = z
  .string()
  .describe('The partnership’s short name')
  .meta({ examples: ['dudley'] });

export const seatsJson = z.object({
  body: z.string().describe('The body’s short name'),
  at: apiJson.date(),
  count: z.int(),
  items: z.array(
    z.object({
      position: z.int(),
      label: z.string().meta({ examples: ['Director of Children’s Services'] }),
      role: z.enum(seatRoleValues),
      voting: z.boolean(),
      howFilled: z.enum(howFilledValues),
      filledBy: z.string().nullable().describe('Who appoints, nominates or elects to the seat'),
      organisation: z.string().nullable(),
      category: z
        .string()
        .nullable()
        .describe('The statutory partner category: the seat’s own, or its organisation’s'),
      capacity: z.int().describe('How many people may hold it at once'),
      independent: z
        .boolean()
        .nullable()
        .describe('Whether the holder is independent of the partners; null: not recorded'),
      rule: z
        .object({
          kind: z.literal('chairs-of'),
          bodies: z.array(z.string()).optional(),
          bodyKinds: z.array(z.string()).optional(),
          unlessAlreadyMember: z.boolean().optional(),
        })
        .nullable()
        .describe('A seat whose holders follow from other seats: the chairs of these bodies'),
      startsOn: apiJson.date().nullable(),
      endsOn: apiJson.date().nullable(),
      office: z.enum(officeValues).nullable().describe('The office that holds the seat ex officio'),
      officeBody: z.string().nullable().describe('The body whose office it is (its chair, its vice-chair)'),
      recommended: z
        .boolean()
        .describe('Recommended rather than constituted: counted apart, never meeting a compliance rule'),
      nomination: z
        .object({
          by: z.string().describe('The organisation or person who is to nominate'),
          due: apiJson.date().nullable().describe('The date the nomination is due by'),
        })
        .nullable()
        .describe('A nomination awaited for the seat; null: none recorded'),
      candidates: z.string().nullable().describe('The candidates named, as the minutes give them'),
      holders: z.array(
        z.object({
          name: z.string().nullable().describe('Null for a young person: young people are never named here'),
          youngPerson: z.boolean(),
          organisation: z
            .string()
            .nullable()
            .describe('The organisation the holder sits for (a joint post’s first)'),
          organisations: z
            .array(z.string())
            .describe('Every organisation the holder sits for: more than one for a joint post'),
          startsOn: apiJson.date().nullable(),
          endsOn: apiJson.date().nullable(),
        }),
      ),
    }),
  ),
});

export const organisationsJson = apiJson.list(
  z.object({ name: z.string(), sector: z.enum(sectorValues), category: z.string().nullable() }),
);

export type SeatsJson = z.output<typeof seatsJson>;
export type OrganisationsJson = z.output<typeof organisationsJson>;

export const membershipApiOperations: ApiOperation[] = [
  {
    path: '/partnerships/{slug}/bodies/{body}/seats',
    summary:
      'A body’s seats that exist on a date, in order, with their dates, the office that holds them ex officio and their holders on the date (young people are never named)',
    security: 'token',
    pathParameters: z.object({ slug, body: z.string().describe('The body’s short name') }),
    query: z.object({ at: apiJson.date().optional().describe('A date like 2009-09-14; default today') }),
    responses: {
      200: jsonResponse('Seats', seatsJson),
      400: problemResponse('The date is not valid'),
      401: problemResponse('No token'),
      404: problemResponse('No such body'),
    },
  },
  {
    path: '/partnerships/{slug}/organisations',
    summary: 'The partnership’s organisations with their sector and statutory category',
    security: 'token',
    pathParameters: z.object({ slug }),
    responses: {
      200: jsonResponse('Organisations', organisationsJson),
      401: problemResponse('No token'),
      404: problemResponse('No such partnership that you can see'),
    },
  },
];
