// The forms of a corrected appointment (issue 15): its dates (a year, a month or a day), its
// organisations, a change of title or role from a date, a standing substitute.
import { z } from 'zod';
import { dateInput } from '../../platform/http/date-input.ts';
import { seatRoleValues } from './membership.vocabulary.ts';

const blankToUndefined = (value: unknown) => (value === '' ? undefined : value);
const list = (value: unknown) =>
  value === undefined || value === '' ? [] : Array.isArray(value) ? value.filter((v) => v !== '') : [value];
const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .optional()
    .transform((value) => value || null);

/** '2010' < '2010-04' < '2010-04-20' compare as the periods they start. */
const firstDay = (partial: string) => (partial + '-01-01').slice(0, 10);
const lastDay = (partial: string) =>
  partial.length === 4 ? `${partial}-12-31` : partial.length === 7 ? `${partial}-31` : partial;

export const correctionSchema = z
  .object({
    startsOn: dateInput('Start date', { required: false, partial: true }),
    endsOn: dateInput('End date', { required: false, partial: true }),
    organisationId: z
      .preprocess(blankToUndefined, z.uuid({ error: 'Select an organisation from the list' }).optional())
      .transform((value) => value ?? null),
    jointOrganisationIds: z.preprocess(
      list,
      z.array(z.uuid({ error: 'Select the other organisations from the list' })),
    ),
    notes: optionalText('Notes', 2000),
  })
  .refine((value) => !value.startsOn || !value.endsOn || lastDay(value.endsOn) >= firstDay(value.startsOn), {
    path: ['endsOn', 'day'],
    message: 'End date must be the same as or after the start date',
  });

export const termSchema = z
  .object({
    holdsFrom: dateInput('The date the change holds from', { required: true, partial: true }),
    title: optionalText('Title', 200),
    role: z
      .preprocess(
        blankToUndefined,
        z.enum(seatRoleValues, { error: 'Select a role from the list' }).optional(),
      )
      .transform((value) => value ?? null),
  })
  .refine((value) => value.title || value.role, {
    path: ['title'],
    message: 'Enter the new title, or select the new role',
  });

/** A standing substitute from a date until a date, each as the source gives it (issue 15). */
export const substituteSchema = z
  .object({
    personId: z.uuid({ error: 'Select the substitute' }),
    startsOn: dateInput('From', { required: false, partial: true }),
    endsOn: dateInput('Until', { required: false, partial: true }),
  })
  .refine((value) => !value.startsOn || !value.endsOn || lastDay(value.endsOn) >= firstDay(value.startsOn), {
    path: ['endsOn', 'day'],
    message: 'Until must be the same as or after From',
  });

/** The day a standing substitute stops being one (a year, a month or a day). */
export const substituteEndSchema = z.object({
  endsOn: dateInput('The date they stop being a standing substitute', { required: true, partial: true }),
});

export const confirmSchema = z.object({});
