import { z } from 'zod';
import { shortName } from '../../platform/http/short-name.ts';
import { numberInput } from '../../platform/numbers.ts';
import { dateInput, partialIsoDate } from '../../platform/http/date-input.ts';
import { firstDayOf, lastDayOf } from '../../platform/dates.ts';
import {
  bodyKindValues,
  focusTypes,
  meetingKinds,
  relationshipKindValues,
  statusValues,
} from './bodies.vocabulary.ts';
import type { CadenceRule, QuorumRule } from './bodies.tables.ts';
import { chairingKindValues, type ChairingRule } from './rules.ts';

const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .optional()
    .transform((value) => value || undefined);

export const slug = shortName('executive-board');

const focusTypeValues = Object.keys(focusTypes) as [keyof typeof focusTypes, ...(keyof typeof focusTypes)[]];

const bodyFields = {
  name: z
    .string({ error: 'Enter the body’s name' })
    .trim()
    .min(1, 'Enter the body’s name')
    .max(200, 'Name must be 200 characters or fewer'),
  slug,
  kind: z.enum(bodyKindValues, { error: 'Select the kind of body' }),
  purpose: text('Purpose', 5000),
  focusType: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.enum(focusTypeValues, { error: 'Select what the body focuses on' }).optional(),
  ),
  focus: text('Focus', 200),
  area: text('Area', 200),
  membershipCap: numberInput({
    label: 'Membership cap',
    whole: true,
    min: 1,
    max: 1000,
    example: '20',
    optional: true,
  }),
  attendanceThreshold: z.preprocess(
    (value) => (value === '' || value === undefined ? 50 : value),
    numberInput({
      label: 'The attendance expected',
      whole: true,
      min: 0,
      max: 100,
      percent: true,
      example: '50',
    }),
  ),
};

const perYear = (label: string) =>
  z.preprocess(
    (value) => (value === '' || value === undefined ? 0 : value),
    numberInput({ label: `${label} a year`, whole: true, min: 0, max: 52, example: '3' }),
  );

/** Quorum and cadence as the form asks them, turned into the body's rules. */
const rulesFields = {
  leadOfficerId: z
    .preprocess(
      (value) => (value === '' ? undefined : value),
      z.uuid({ error: 'Select the lead officer from the list' }).optional(),
    )
    .transform((value) => value ?? null),
  quorumMinimum: numberInput({
    label: 'Quorum',
    whole: true,
    min: 1,
    max: 1000,
    example: '6',
    optional: true,
  }),
  quorumCategories: z.preprocess(
    (value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]),
    z.array(z.string().regex(/^[a-z-]+$/, 'Select categories from the list')),
  ),
  ...Object.fromEntries(
    Object.entries(meetingKinds).map(([kind, label]) => [`cadence-${kind}`, perYear(label)]),
  ),
  chairingKind: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.enum(chairingKindValues, { error: 'Select how the chair is chosen' }).optional(),
  ),
  chairingDetail: text('Who chairs, as the terms of reference say it,', 300),
  actionCode: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().toUpperCase() || undefined : value),
    z
      .string()
      .regex(/^[A-Z0-9]{1,12}$/, 'The code for action numbers must be 1 to 12 letters or digits, like CTB')
      .optional(),
  ),
  standingItems: z.preprocess(
    (value) =>
      typeof value === 'string'
        ? value
            .split(/\r?\n/)
            .map((line) => line.trim())
            .filter(Boolean)
        : [],
    z
      .array(z.string().max(200, 'Each standing item must be 200 characters or fewer'))
      .max(30, 'Enter 30 standing items or fewer'),
  ),
} as Record<string, z.ZodType>;

export function rulesOf(value: Record<string, unknown>): {
  quorumRule: QuorumRule | null;
  cadenceRules: CadenceRule[] | null;
  leadOfficerId: string | null;
  chairingRule: ChairingRule | null;
  actionCode: string | null;
  standingItems: string[];
} {
  const categories = (value.quorumCategories as string[] | undefined) ?? [];
  const minimum = value.quorumMinimum as number | undefined;
  const cadence = Object.keys(meetingKinds)
    .map((kind) => ({ kind, perYear: Number(value[`cadence-${kind}`] ?? 0) }))
    .filter((rule) => rule.perYear > 0);
  return {
    quorumRule:
      minimum || categories.length
        ? { ...(minimum ? { minimum } : {}), ...(categories.length ? { categories } : {}) }
        : null,
    cadenceRules: cadence.length ? cadence : null,
    leadOfficerId: (value.leadOfficerId as string | null | undefined) ?? null,
    chairingRule: value.chairingKind
      ? {
          kind: value.chairingKind as ChairingRule['kind'],
          ...(value.chairingDetail ? { detail: value.chairingDetail as string } : {}),
        }
      : null,
    actionCode: (value.actionCode as string | undefined) ?? null,
    standingItems: (value.standingItems as string[] | undefined) ?? [],
  };
}

/** The body form: dates as GOV.UK date inputs; yes/no as radios. */
export const bodyFormSchema = z
  .object({
    ...bodyFields,
    ...rulesFields,
    takesDecisions: z
      .enum(['yes', 'no'], { error: 'Select yes if the body takes decisions' })
      .transform((value) => value === 'yes'),
    // a body's own dates as the records give them: a year, a month and year, or a day (issue 24)
    startsOn: dateInput('Start date', { required: false, partial: true }),
    endsOn: dateInput('End date', { required: false, partial: true }),
    // when the form changes a rule (ADR 0040): from when, or a correction of the record
    rulesFrom: z.preprocess(
      (value) => value ?? { day: '', month: '', year: '' },
      dateInput('The date the changed rules hold from', { required: false, partial: true }),
    ),
    rulesCorrection: z.preprocess((value) => value === 'yes', z.boolean()),
  })
  .refine((body) => !body.startsOn || !body.endsOn || lastDayOf(body.endsOn) >= firstDayOf(body.startsOn), {
    path: ['endsOn', 'day'],
    message: 'End date must be the same as or after the start date',
  });

/** A new body also says how it begins: proposed or established, and when. */
export const newBodyFormSchema = bodyFormSchema.and(
  z.object({
    status: z.enum(['proposed', 'established'], {
      error: 'Select whether the body is proposed or established',
    }),
    statusOn: dateInput('The date it was proposed or established', { required: true, partial: true }),
  }),
);

export const statusFormSchema = z
  .object({
    status: z.enum(statusValues, { error: 'Select the change' }),
    effectiveOn: dateInput('Date of the change', { required: true, partial: true }),
    newName: text('New name', 200),
    relatedBodyId: z.preprocess(
      (value) => (value === '' ? undefined : value),
      z.uuid({ error: 'Select the body' }).optional(),
    ),
    detail: text('Details', 1000),
  })
  .superRefine((value, context) => {
    if (value.status === 'renamed' && !value.newName)
      context.addIssue({ code: 'custom', path: ['newName'], message: 'Enter the new name' });
    if ((value.status === 'merged-into' || value.status === 'replaced') && !value.relatedBodyId) {
      context.addIssue({
        code: 'custom',
        path: ['relatedBodyId'],
        message:
          value.status === 'replaced' ? 'Select the body that replaces it' : 'Select the body it merges into',
      });
    }
  });

export const relationshipFormSchema = z
  .object({
    kind: z.enum(relationshipKindValues, { error: 'Select how the bodies are related' }),
    toBodyId: z.uuid({ error: 'Select the other body' }),
    // as sources give them: a year, a month and year, or a day (ADR 0041)
    startsOn: dateInput('Start date', { required: false, partial: true }),
    endsOn: dateInput('End date', { required: false, partial: true }),
    notes: text('Notes', 1000),
  })
  .refine(
    (value) => !value.startsOn || !value.endsOn || lastDayOf(value.endsOn) >= firstDayOf(value.startsOn),
    {
      path: ['endsOn', 'day'],
      message: 'End date must be the same as or after the start date',
    },
  );

export const termsFormSchema = z.object({
  title: z
    .string({ error: 'Enter a title' })
    .trim()
    .min(1, 'Enter a title')
    .max(200, 'Title must be 200 characters or fewer'),
  adoptedOn: dateInput('Date adopted', { required: true, partial: true }),
  adoptedBy: text('Adopted by', 500),
  text: z
    .string({ error: 'Enter the terms of reference' })
    .trim()
    .min(1, 'Enter the terms of reference')
    .max(100_000, 'Terms of reference must be 100,000 characters or fewer'),
});

export const atDateQuery = z.object({
  at: z.preprocess((value) => (value === '' ? undefined : value), partialIsoDate('The date').optional()),
});
