// The shape of a seed file in data/seeds: one source document, written by hand into data.
// Each capability adds its own section (bodies, seats, meetings, plans, surveys) here.
import { z } from 'zod';
import { partnershipJsonSchema } from '../modules/partnerships/index.ts';

export const seedFileSchema = z.strictObject({
  source: z.strictObject({
    /** The file in the project's source documents this seed is written from. */
    document: z.string().min(1, 'Enter the source document’s file name'),
    title: z.string().min(1, 'Enter the source document’s title'),
    author: z.string().min(1).optional(),
    date: z.iso.date({ error: 'source.date must be a date like 2009-09-14' }),
  }),
  authority: z.strictObject({
    gssCode: z.string().regex(/^E\d{8}$/, 'authority.gssCode must be a GSS code like E08000027'),
    name: z.string().min(1),
  }),
  partnership: partnershipJsonSchema.omit({ authorityGssCode: true }),
});

export type SeedFile = z.infer<typeof seedFileSchema>;
