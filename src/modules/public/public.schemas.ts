import { z } from 'zod';

/** A date as the public site's search takes it: 2009-01-21. */
export const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date like 2009-01-21')
  .refine(
    (value) =>
      !Number.isNaN(Date.parse(`${value}T12:00:00Z`)) &&
      new Date(`${value}T12:00:00Z`).toISOString().startsWith(value),
    'Enter a real date, like 2009-01-21',
  );
