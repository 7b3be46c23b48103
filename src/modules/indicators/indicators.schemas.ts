// What the indicator forms and the API accept. The period and the unit's bounds depend on the
// indicator, so the service checks them (performance.ts valueProblems).
import { z } from 'zod';
import { numberInput } from '../../platform/numbers.ts';
import {
  breakdownKindValues,
  comparatorKindValues,
  ecmOutcomeValues,
  frequencyValues,
  polarityValues,
  toleranceKindValues,
  unitValues,
} from './indicators.vocabulary.ts';

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .optional()
    .transform((value) => value || undefined);

const required = (message: string, max: number, label: string) =>
  z.string({ error: message }).trim().min(1, message).max(max, `${label} must be ${max} characters or fewer`);

const blankIsUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

/**
 * A number as typed, by the rules the page states (`platform/numbers.ts`, ADR 0048): "45.3",
 * "1,204" or "-2"; a percent sign is allowed and dropped; "1,5", "1e308" and values beyond a
 * million million refused.
 */
export const numberField = (label: string, message = `Enter the ${label.toLowerCase()}`) =>
  numberInput({ label, blank: message, percent: true });

const choice = <T extends string>(values: readonly [T, ...T[]], message: string) =>
  z.preprocess(blankIsUndefined, z.enum(values, { error: message }));

export const localIndicatorSchema = z.object({
  code: required('Enter a code, like LOCAL 1', 40, 'Code').regex(
    /^[^/?#\\]+$/,
    'Code must not contain a slash, a question mark, a hash or a backslash',
  ),
  title: required('Enter the indicator’s title', 300, 'Title'),
  definition: required('Enter how the indicator is defined', 5000, 'Definition'),
  unit: choice(unitValues, 'Select the unit'),
  unitLabel: optionalText('Unit label', 100),
  polarity: choice(polarityValues, 'Select whether higher or lower is better'),
  frequency: choice(frequencyValues, 'Select how often it is measured'),
  source: required('Enter where the figures come from', 300, 'Source'),
  outcome: z.preprocess(blankIsUndefined, z.enum(ecmOutcomeValues).optional()),
});

/** A local indicator's changes: everything but its code, which addresses and files use. */
export const localIndicatorChangesSchema = localIndicatorSchema.omit({ code: true });

export const trackSchema = z.object({
  key: required('Select an indicator from the library', 100, 'Key'),
});

export const targetSchema = z.object({
  period: z.string({ error: 'Enter the period' }).trim(),
  target: numberField('Target'),
  toleranceKind: choice(
    toleranceKindValues,
    'Select how the tolerance is measured: a target needs a tolerance rule',
  ),
  tolerance: numberField(
    'Tolerance',
    'Enter the tolerance: how far short of the target is still amber (0 for none)',
  ).refine((value) => value >= 0, 'Tolerance must be 0 or more'),
  source: optionalText('Source', 200),
});

export const valueSchema = z
  .object({
    period: z.string({ error: 'Enter the period' }).trim(),
    value: numberField('Value'),
    breakdownKind: z.preprocess((value) => value ?? 'all', z.enum(breakdownKindValues)),
    breakdown: optionalText('Group or area', 200),
    illustrative: z.preprocess((value) => value === 'yes' || value === true, z.boolean()),
    note: optionalText('Note', 1000),
  })
  .superRefine((input, context) => {
    if (input.breakdownKind !== 'all' && !input.breakdown)
      context.addIssue({
        code: 'custom',
        path: ['breakdown'],
        message: `Enter the ${input.breakdownKind}, like ${input.breakdownKind === 'group' ? 'Looked-after children' : 'North district'}`,
      });
  });

export const comparatorSchema = z.object({
  period: z.string({ error: 'Enter the period' }).trim(),
  comparator: choice(comparatorKindValues, 'Select the comparator'),
  value: numberField('Value'),
});

export const libraryQuery = z.object({
  set: z.preprocess(blankIsUndefined, z.enum(['nis2008', 'lait']).optional()).catch(undefined),
  outcome: z.preprocess(blankIsUndefined, z.enum(ecmOutcomeValues).optional()).catch(undefined),
  q: optionalText('Search', 100).catch(undefined),
});
