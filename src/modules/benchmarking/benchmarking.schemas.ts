import { z } from 'zod';

/** The publication settings form: the ticked indicators (none, one or several). */
export const publicationSchema = z.object({
  indicatorIds: z.preprocess(
    (value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]),
    z.array(z.uuid({ error: 'Select indicators from the list' })),
  ),
});
