// An inbound consultation as the form and the seeds give it, and the board's answers.
import { z } from 'zod';
import { dateInput, isoDate } from '../../platform/http/date-input.ts';

const text = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `${label[0]!.toUpperCase()}${label.slice(1)} must be ${max} characters or fewer`);

/** Questions: a list, or from the form one a line (blank lines dropped). */
const questions = z.preprocess(
  (value) =>
    (typeof value === 'string' ? value.split(/\r?\n/) : Array.isArray(value) ? value : [])
      .map((line) => String(line).trim())
      .filter(Boolean),
  z
    .array(z.string().max(2000, 'Each question must be 2000 characters or fewer'))
    .min(1, 'Enter the consultation’s questions, one a line')
    .max(50, 'A consultation has at most 50 questions'),
);

const fields = {
  title: text('the consultation’s title', 300),
  issuedBy: text('who issued the consultation', 300),
  summary: z
    .string()
    .trim()
    .max(5000, 'Summary must be 5000 characters or fewer')
    .optional()
    .transform((value) => value || null),
  questions,
};

export const consultationFormSchema = z.object({
  ...fields,
  deadline: dateInput('Deadline for responses', { required: true }),
});
export const consultationInputSchema = z.object({ ...fields, deadline: isoDate('Deadline for responses') });
export type ConsultationValues = z.output<typeof consultationInputSchema>;

/** The answers form: answer-1, answer-2 … (a blank answer leaves the question unanswered). */
export const answersSchema = z.record(
  z.string().regex(/^answer-\d{1,3}$/),
  z.string().max(10000, 'An answer must be 10000 characters or fewer'),
);
