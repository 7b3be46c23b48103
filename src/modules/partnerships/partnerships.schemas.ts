import { z } from 'zod';
import { shortName } from '../../platform/http/short-name.ts';
import { dateInput, partialIsoDate } from '../../platform/http/date-input.ts';

export const partnershipStatuses = ['proposed', 'active', 'closed'] as const;
export const statusLabels: Record<(typeof partnershipStatuses)[number], string> = {
  proposed: 'Proposed',
  active: 'Active',
  closed: 'Closed',
};

/** Words the partnership pages use themselves (/partnerships/new). */
const reservedSlugs = ['new', 'api', 'admin'];

const fields = {
  authorityGssCode: z
    .string({ error: 'Select the local authority' })
    .trim()
    .regex(/^E\d{8}$/, 'Select the local authority'),
  name: z
    .string({ error: 'Enter the partnership’s name' })
    .trim()
    .min(1, 'Enter the partnership’s name')
    .max(200, 'Name must be 200 characters or fewer'),
  slug: shortName('dudley-childrens-trust').refine(
    (value) => !reservedSlugs.includes(value),
    'This short name is reserved: choose another',
  ),
};
const status = z.enum(partnershipStatuses, { error: 'Select the partnership’s status' });

/** The partnership form (HTML): the date comes as three fields, published as yes/no. */
export const partnershipFormSchema = z.object({
  ...fields,
  established: dateInput('Date established', { required: false, partial: true }),
  status,
  published: z
    .enum(['yes', 'no'], { error: 'Select yes if the partnership’s public pages should be published' })
    .transform((value) => value === 'yes'),
});

/** The same partnership as JSON (API and seed files). */
export const partnershipJsonSchema = z.object({
  ...fields,
  established: partialIsoDate('Date established')
    .nullable()
    .optional()
    .transform((value) => value ?? undefined),
  status,
  published: z.boolean({ error: 'published must be true or false' }),
});

export type PartnershipInput = z.output<typeof partnershipFormSchema>;
