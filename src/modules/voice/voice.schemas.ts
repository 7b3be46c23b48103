// The voice forms' answers, checked: a consultation's details, a question, a theme, what was
// done about it, moderation, the summary, the board paper, a recommendation and the board's
// response. The respondent's own answers are checked against the questions in voice.answers.ts.
import { z } from 'zod';
import { parseNumber } from '../../platform/numbers.ts';
import { dateInput } from '../../platform/http/date-input.ts';
import { codeOf } from '../surveys/index.ts';
import {
  audienceValues,
  boardResponseValues,
  outcomeKindValues,
  questionKindValues,
} from './voice.vocabulary.ts';

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .optional()
    .transform((value) => value || null);
const requiredText = (message: string, label: string, max: number) =>
  z.string({ error: message }).trim().min(1, message).max(max, `${label} must be ${max} characters or fewer`);
const lines = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
  );
const many = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]),
    z.array(item),
  );
const yes = z
  .string()
  .optional()
  .transform((value) => value === 'yes');
const uuid = (message: string) => z.string({ error: message }).regex(/^[0-9a-f-]{36}$/i, message);

export const consultationSchema = z
  .object({
    title: requiredText('Enter the consultation\u2019s title', 'Title', 300),
    slug: z
      .string()
      .trim()
      .optional()
      .transform((value) => value ?? ''),
    purpose: requiredText('Enter why you are asking, in plain words', 'Purpose', 5000),
    audience: z.preprocess(
      (value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]),
      z
        .array(z.enum(audienceValues, { error: 'Select who the consultation is for from the list' }))
        .min(1, 'Select who the consultation is for'),
    ),
    opensOn: dateInput('Opening date', { required: true }),
    closesOn: dateInput('Closing date', { required: true }),
    responsesPerDevice: z.coerce
      .number({ error: 'Enter how many responses one phone or computer may send, like 1' })
      .int('Enter a whole number of responses, like 1')
      .min(1, 'One phone or computer must be able to send at least 1 response')
      .max(100, 'One phone or computer may send at most 100 responses'),
    responseLimit: z
      .string()
      .trim()
      .optional()
      .transform((value, context) => {
        if (!value) return null;
        const reading = parseNumber(value, { label: 'Most responses', whole: true, min: 1, max: 1_000_000 });
        const n = 'value' in reading ? reading.value : Number.NaN;
        if (!Number.isInteger(n) || n < 1) {
          context.addIssue({
            code: 'custom',
            message: 'Enter the most responses the link takes as a whole number, like 500, or leave it blank',
          });
          return z.NEVER;
        }
        return n;
      }),
    areas: lines,
    asksContact: yes,
    contactReason: optionalText('Why you ask for contact details', 1000),
    privacyNotice: requiredText(
      'Enter the privacy notice: what you keep, why, and for how long',
      'Privacy notice',
      5000,
    ),
    safeguardingNotice: requiredText(
      'Enter the safeguarding notice: who to contact if someone is worried about their safety',
      'Safeguarding notice',
      2000,
    ),
  })
  .superRefine((value, context) => {
    if (value.opensOn && value.closesOn && value.closesOn < value.opensOn)
      context.addIssue({
        code: 'custom',
        path: ['closesOn', 'day'],
        message: 'The closing date must be on or after the opening date',
      });
    if (value.asksContact && !value.contactReason)
      context.addIssue({
        code: 'custom',
        path: ['contactReason'],
        message: 'Explain why you ask for contact details and what you will do with them',
      });
  })
  .transform((value) => ({ ...value, slug: codeOf(value.slug || value.title).slice(0, 60) }));
export type ConsultationInput = z.output<typeof consultationSchema>;

export const questionSchema = z
  .object({
    text: requiredText('Enter the question', 'Question', 1000),
    easyRead: optionalText('The easy-read question', 1000),
    kind: z.enum(questionKindValues, { error: 'Select the kind of answer' }),
    choices: lines,
    required: yes,
  })
  .superRefine((value, context) => {
    if ((value.kind === 'choice' || value.kind === 'choices') && value.choices.length < 2)
      context.addIssue({
        code: 'custom',
        path: ['choices'],
        message: 'Enter at least two answers to choose from, one a line',
      });
    if (new Set(value.choices).size !== value.choices.length)
      context.addIssue({ code: 'custom', path: ['choices'], message: 'Enter each answer once' });
  });
export type QuestionInput = z.output<typeof questionSchema>;

export const statusSchema = z.object({
  status: z.enum(['open', 'closed'], { error: 'Select what to do' }),
});

export const themeSchema = z.object({
  title: requiredText('Enter the theme, for example Feeling safe on the way to school', 'Theme', 200),
  said: requiredText('Enter what children and young people said', 'What they said', 5000),
});
export type ThemeInput = z.output<typeof themeSchema>;

export const outcomeSchema = z
  .object({
    kind: z.enum(outcomeKindValues, { error: 'Select what the partnership did' }),
    decisionId: z.string().optional(),
    actionId: z.string().optional(),
    priorityId: z.string().optional(),
    planActionId: z.string().optional(),
    note: optionalText('The explanation', 2000),
  })
  .superRefine((value, context) => {
    const field = {
      decision: 'decisionId',
      action: 'actionId',
      priority: 'priorityId',
      'plan-action': 'planActionId',
    } as const;
    if (value.kind === 'not-done') {
      if (!value.note)
        context.addIssue({
          code: 'custom',
          path: ['note'],
          message: 'Explain why the partnership did not do this',
        });
      return;
    }
    const key = field[value.kind];
    if (!value[key] || !/^[0-9a-f-]{36}$/i.test(value[key]))
      context.addIssue({
        code: 'custom',
        path: [key],
        message: `Select the ${value.kind.replace('-', ' ')}`,
      });
  });
export type OutcomeInput = z.output<typeof outcomeSchema>;

export const moderationSchema = z.object({
  moderation: z.enum(['approved', 'withheld', 'pending'], {
    error: 'Select whether the answer may be quoted',
  }),
  theme: z
    .string()
    .optional()
    .transform((value) => value || null),
});

export const summarySchema = z.object({
  summary: requiredText('Enter the summary for the board', 'Summary', 20000),
  resultsPublic: yes,
});

export const paperSchema = z.object({
  meetingId: uuid('Select the meeting'),
  number: z.coerce
    .number({ error: 'Enter the item number, like 4' })
    .int('Enter the item number as a whole number, like 4')
    .min(1, 'Enter the item number, like 4')
    .max(999, 'The item number must be 999 or less'),
});

export const recommendationSchema = z.object({
  meetingId: uuid('Select the young people\u2019s board meeting that made the recommendation'),
  number: z.coerce
    .number({ error: 'Enter the recommendation\u2019s number, like 1' })
    .int('Enter the number as a whole number, like 1')
    .min(1, 'Enter the recommendation\u2019s number, like 1'),
  text: requiredText('Enter the recommendation', 'Recommendation', 5000),
  consultationId: z
    .string()
    .optional()
    .transform((value) => value || null),
});
export type RecommendationInput = z.output<typeof recommendationSchema>;

export const responseSchema = z
  .object({
    response: z.enum(boardResponseValues, { error: 'Select the board\u2019s response' }),
    reasons: optionalText('Reasons', 5000),
    meetingId: uuid('Select the board meeting that responded'),
    actionIds: many(z.string()),
    priorityIds: many(z.string()),
  })
  .superRefine((value, context) => {
    if (value.response !== 'accepted' && !value.reasons)
      context.addIssue({
        code: 'custom',
        path: ['reasons'],
        message: 'Enter the board\u2019s reasons for not accepting all of it',
      });
  });
export type ResponseInput = z.output<typeof responseSchema>;

export const minuteItemSchema = z.object({
  meetingId: uuid('Select the meeting of the board that considered the recommendation'),
  number: z.coerce
    .number({ error: 'Enter the number of the agenda item, like 3' })
    .int('Enter the item number as a whole number, like 3')
    .min(1, 'Enter the number of the agenda item, like 3')
    .max(999, 'The item number must be 999 or less'),
});
export type MinuteItemInput = z.output<typeof minuteItemSchema>;

export const reportBackSchema = z.object({
  meetingId: uuid('Select the young people\u2019s board meeting where the response was reported back'),
});
