import { z } from 'zod';
import { dateInput } from '../../platform/http/date-input.ts';
import {
  bodyOffices,
  categoryValues,
  howFilledValues,
  officeValues,
  sectorValues,
  seatRoleValues,
  type Office,
} from './membership.vocabulary.ts';

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .optional()
    .transform((value) => value || null);
const blankToUndefined = (value: unknown) => (value === '' ? undefined : value);

export const organisationSchema = z.object({
  name: z
    .string({ error: 'Enter the organisation’s name' })
    .trim()
    .min(1, 'Enter the organisation’s name')
    .max(200, 'Name must be 200 characters or fewer'),
  sector: z.enum(sectorValues, { error: 'Select the sector' }),
  category: z
    .preprocess(
      blankToUndefined,
      z.enum(categoryValues, { error: 'Select a statutory category from the list' }).optional(),
    )
    .transform((value) => value ?? null),
  notes: optionalText('Notes', 2000),
  endsOn: dateInput('Date it ended', { required: false }).transform((value) => value ?? null),
  successorId: z
    .preprocess(blankToUndefined, z.uuid({ error: 'Select an organisation from the list' }).optional())
    .transform((value) => value ?? null),
});

export const personSchema = z.object({
  name: z
    .string({ error: 'Enter the person’s full name' })
    .trim()
    .min(1, 'Enter the person’s full name')
    .max(200, 'Full name must be 200 characters or fewer'),
  jobTitle: optionalText('Job title', 200),
  email: z
    .preprocess(
      blankToUndefined,
      z.email({ error: 'Enter an email address in the correct format, like name@example.com' }).optional(),
    )
    .transform((value) => value ?? null),
  phone: optionalText('Telephone', 50),
  youngPerson: z.preprocess((value) => value === 'yes', z.boolean()),
  notes: optionalText('Notes', 2000),
});

export const seatSchema = z
  .object({
    label: z
      .string({ error: 'Enter the seat as the document words it' })
      .trim()
      .min(1, 'Enter the seat as the document words it')
      .max(300, 'The seat must be 300 characters or fewer'),
    role: z.enum(seatRoleValues, { error: 'Select the role' }),
    voting: z
      .enum(['yes', 'no'], { error: 'Select yes if the seat has a vote' })
      .transform((value) => value === 'yes'),
    howFilled: z.enum(howFilledValues, { error: 'Select how the seat is filled' }),
    filledBy: optionalText('Filled by', 300),
    organisationId: z
      .preprocess(blankToUndefined, z.uuid({ error: 'Select an organisation from the list' }).optional())
      .transform((value) => value ?? null),
    category: z
      .preprocess(
        blankToUndefined,
        z.enum(categoryValues, { error: 'Select a statutory category from the list' }).optional(),
      )
      .transform((value) => value ?? null),
    capacity: z.preprocess(
      (value) => (value === '' || value === undefined ? 1 : value),
      z.coerce
        .number({ error: 'Places must be a number, like 1' })
        .int('Places must be a whole number, like 1')
        .min(1, 'Places must be 1 or more')
        .max(100, 'Places must be 100 or fewer'),
    ),
    /** yes, no, or not known (null: a rule that asks for it is "not recorded"). */
    independent: z.preprocess(
      (value) => (value === 'yes' ? true : value === 'no' ? false : null),
      z.boolean().nullable(),
    ),
    notes: optionalText('Notes', 2000),
    position: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ error: 'Place in the list must be a number' })
        .int()
        .min(1, 'Place in the list must be 1 or more')
        .optional(),
    ),
    startsOn: dateInput('The date the seat was created', { required: false }).transform(
      (value) => value ?? null,
    ),
    endsOn: dateInput('The date the seat ended', { required: false }).transform((value) => value ?? null),
    // a change of places holds from a date, or corrects the record (ADR 0040)
    placesFrom: z.preprocess(
      (value) => value ?? { day: '', month: '', year: '' },
      dateInput('The date the places hold from', { required: false, partial: true }),
    ),
    placesCorrection: z.preprocess((value) => value === 'yes', z.boolean()),
    office: z
      .preprocess(
        blankToUndefined,
        z.enum(officeValues, { error: 'Select an office from the list' }).optional(),
      )
      .transform((value) => value ?? null),
    officeBodyId: z
      .preprocess(blankToUndefined, z.uuid({ error: 'Select a body from the list' }).optional())
      .transform((value) => value ?? null),
  })
  .refine((value) => !value.startsOn || !value.endsOn || value.endsOn >= value.startsOn, {
    path: ['endsOn', 'day'],
    message: 'The date the seat ended must be the same as or after the date it was created',
  })
  .refine((value) => !value.office || !bodyOffices.includes(value.office as Office) || value.officeBodyId, {
    path: ['officeBodyId'],
    message: 'Select the body whose chair or vice-chair holds this seat',
  })
  .transform((value) => ({
    ...value,
    officeBodyId: value.office && bodyOffices.includes(value.office as Office) ? value.officeBodyId : null,
  }));

export const appointmentSchema = z
  .object({
    personId: z.uuid({ error: 'Select the person' }),
    organisationId: z.preprocess(
      blankToUndefined,
      z.uuid({ error: 'Select an organisation from the list' }).optional(),
    ),
    startsOn: dateInput('Start date', { required: false }),
    endsOn: dateInput('End date', { required: false }),
    substituteIds: z.preprocess(
      (value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]),
      z.array(z.uuid({ error: 'Select substitutes from the list' })),
    ),
    notes: optionalText('Notes', 2000).transform((value) => value ?? undefined),
  })
  .refine((value) => !value.startsOn || !value.endsOn || value.endsOn >= value.startsOn, {
    path: ['endsOn', 'day'],
    message: 'End date must be the same as or after the start date',
  });

export const endMembershipSchema = z.object({ endsOn: dateInput('End date', { required: true }) });

export const interestSchema = z.object({
  description: z
    .string({ error: 'Describe the interest' })
    .trim()
    .min(1, 'Describe the interest')
    .max(2000, 'The description must be 2000 characters or fewer'),
  declaredOn: dateInput('Date declared', { required: true }),
});
