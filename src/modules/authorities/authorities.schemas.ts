import { z } from 'zod';
import { authorityTypes } from './authorities.reference.ts';

const optionalText = z
  .string()
  .trim()
  .max(100, 'Search must be 100 characters or fewer')
  .optional()
  .transform((value) => value || undefined);

export const authoritySearchSchema = z
  .object({
    q: optionalText,
    region: optionalText,
    type: z.preprocess(
      (value) => (value === '' ? undefined : value),
      z.enum(authorityTypes, { error: 'Select a type of authority from the list' }).optional(),
    ),
    /** Councils abolished or reorganised since 2009 too: `former=yes` (or `true`). */
    former: z.preprocess(
      (value) => (value === '' ? undefined : value),
      z.enum(['yes', 'true'], { error: 'To include former councils, use former=yes' }).optional(),
    ),
  })
  .transform(({ former, ...search }) => ({ ...search, includeFormer: former !== undefined }));

export const gssCodeSchema = z.string().regex(/^E\d{8}$/, 'Enter a GSS code like E08000027');
