// The survey forms' answers, checked: details, a question, an invitation, a response link, a
// code, a finding. Date inputs arrive as {day, month, year} (see withDates).
import { z } from 'zod';
import { dateInput, dateParts } from '../../platform/http/date-input.ts';
import { codeOf } from './surveys.coding.ts';

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .optional()
    .transform((value) => value || undefined);
const requiredText = (message: string, label: string, max: number) =>
  z.string({ error: message }).trim().min(1, message).max(max, `${label} must be ${max} characters or fewer`);
/** A textarea of one item a line. */
const lines = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
  );

export const surveyDetailsSchema = z.object({
  title: requiredText('Enter the survey’s title', 'Title', 300),
  purpose: optionalText('Purpose', 5000),
  opensOn: dateInput('Opening date', { required: false }),
  closesOn: dateInput('Closing date', { required: false }),
});
export type SurveyDetails = z.output<typeof surveyDetailsSchema>;

export const questionKinds = {
  text: 'Free text',
  choice: 'Choice of answers',
  number: 'Number',
  date: 'Date',
} as const;

export const questionSchema = z
  .object({
    text: requiredText('Enter the question', 'Question', 2000),
    kind: z.enum(['text', 'choice', 'number', 'date'], { error: 'Select the kind of answer' }),
    choices: lines,
    aboutChildren: z
      .string()
      .optional()
      .transform((value) => value === 'yes'),
    codes: lines.pipe(
      z.array(z.string().max(60, 'Each code must be 60 characters or fewer').transform(codeOf)),
    ),
  })
  .superRefine((value, context) => {
    if (value.kind === 'choice' && value.choices.length < 2)
      context.addIssue({
        code: 'custom',
        path: ['choices'],
        message: 'Enter at least two choices, one a line',
      });
  });
export type QuestionInput = z.output<typeof questionSchema>;

export const inviteSchema = z.object({
  group: requiredText('Enter the group, for example Statistical neighbours', 'Group', 100),
  authorities: lines,
  neighbours: z
    .string()
    .optional()
    .transform((value) => value === 'yes'),
});
export type InviteInput = z.output<typeof inviteSchema>;

export const linkSchema = z.object({
  respondentId: z.string({ error: 'Select the authority' }).uuid('Select the authority'),
  name: requiredText('Enter the contact’s name', 'Name', 200),
  email: z.email({ error: 'Enter an email address in the correct format, like name@example.org' }),
});

export const statusSchema = z.object({
  status: z.enum(['open', 'closed', 'published'], { error: 'Select what to do' }),
});

export const codeSchema = z.object({
  code: z
    .string()
    .optional()
    .transform((value) => value || null),
});

export const findingSchema = z.object({
  number: requiredText('Enter the finding’s number, for example 1 or 3.2', 'Number', 20),
  text: requiredText('Enter the finding', 'Finding', 5000),
  evidence: z.preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
    z.array(z.string()).min(1, 'Select at least one answer that supports the finding'),
  ),
});
export type FindingInput = z.output<typeof findingSchema>;

/**
 * The answer form: per question `answer-<id>` (dates: -day, -month, -year), `refersTo-<id>` and
 * `asAt-<id>` (its own "correct as at" date); `asAt` for the whole response.
 */
export interface AnswerInput {
  text: string;
  refersTo: string | null;
  /** This answer's own "correct as at" date, when it differs from the response's. */
  asAt?: string | undefined;
  asAtError?: string | undefined;
}
export interface ResponseInput {
  asAt: string | undefined;
  /** The "correct as at" date was filled in wrongly: the message. */
  asAtError?: string | undefined;
  answers: Record<string, AnswerInput>;
}

export const asAtSchema = dateInput('Correct as at', { required: false });

function asAtOf(body: Record<string, unknown>, name: string) {
  const parsed = asAtSchema.safeParse(dateParts(body, name));
  return parsed.success
    ? { asAt: parsed.data, asAtError: undefined }
    : { asAt: undefined, asAtError: parsed.error.issues[0]?.message };
}

export function responseInputOf(
  body: Record<string, unknown>,
  questions: { id: string; kind: string }[],
): ResponseInput {
  const answers: ResponseInput['answers'] = {};
  for (const q of questions) {
    let text = String(body[`answer-${q.id}`] ?? '').trim();
    if (q.kind === 'date') {
      const { day, month, year } = dateParts(body, `answer-${q.id}`);
      text = day || month || year ? `${year}-${month}-${day}` : '';
    }
    const refersTo = String(body[`refersTo-${q.id}`] ?? '');
    answers[q.id] = { text, refersTo: refersTo || null, ...asAtOf(body, `asAt-${q.id}`) };
  }
  return { ...asAtOf(body, 'asAt'), answers };
}
