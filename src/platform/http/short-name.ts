// The short name of a thing in its web addresses (a partnership, a body, a plan, a fund): one
// field for every form, so that each says the same and a blank answer gets one message, not
// three (issue 23).
import { z } from 'zod';

/** `example` completes "like …" in the message about the short name's form. */
export const shortName = (example: string) =>
  z
    .string({ error: 'Enter a short name for web addresses' })
    .trim()
    .toLowerCase()
    .min(1, { error: 'Enter a short name for web addresses', abort: true })
    .max(60, { error: 'Short name must be 60 characters or fewer', abort: true })
    .regex(
      /^[a-z0-9]+(-[a-z0-9]+)*$/,
      `Short name must contain only letters, numbers and single hyphens, like ${example}`,
    );
