// A time field as people type it ("10am", "2:30pm", "14:30", "noon"), read by `readTime`
// (platform/dates.ts) into 'HH:MM' on the 24-hour clock, with a clear message for anything else.
import { z } from 'zod';
import { readTime, timeProblem } from '../dates.ts';

const read = (label: string) =>
  z.string().transform((text, context): string => {
    const reading = readTime(text);
    if ('time' in reading) return reading.time;
    context.addIssue({ code: 'custom', message: timeProblem(label, reading.problem) });
    return z.NEVER;
  });

/** A time that must be given; `label` names it in messages ("the start time"). */
export const requiredTime = (label: string) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.trim() : value),
    z
      .string({ error: `Enter ${label}` })
      .min(1, `Enter ${label}`)
      .pipe(read(label)),
  );

/** A time that may be left blank (undefined). */
export const optionalTime = (label: string) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    read(label).optional(),
  );
