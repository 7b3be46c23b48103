import { z } from 'zod';
import { numberInput } from '../../platform/numbers.ts';
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
  /** Other names, one a line ("Andy", "R. Smith"): matched by the membership import (0061). */
  otherNames: z
    .preprocess(
      (value) => (typeof value === 'string' ? value : ''),
      z
        .string()
        .transform((value) => [
          ...new Set(
            value
              .split(/\r?\n/)
              .map((line) => line.trim().replace(/\s+/g, ' '))
              .filter(Boolean),
          ),
        ])
        .refine((names) => names.length <= 20, 'Enter 20 other names or fewer')
        .refine(
          (names) => names.every((name) => name.length <= 200),
          'Each other name must be 200 characters or fewer',
        ),
    )
    .optional(),
});

export const seatSchema = z
  .object({
    label: z
      .string({ error: 'Enter the name of the seat' })
      .trim()
      .min(1, 'Enter the name of the seat')
      .max(300, 'Name of the seat must be 300 characters or fewer'),
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
      numberInput({ label: 'Places', whole: true, min: 1, max: 100, example: '1' }),
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
    // nominations (ADR 0037): recommended rather than constituted, a nomination awaited, candidates
    recommended: z.preprocess((value) => value === 'yes', z.boolean()),
    nominationBy: optionalText('Who is to nominate', 300),
    nominationDue: z.preprocess(
      (value) => value ?? { day: '', month: '', year: '' },
      dateInput('The date the nomination is due by', { required: false }),
    ),
    candidates: optionalText('Candidates', 500),
  })
  .refine((value) => !value.startsOn || !value.endsOn || value.endsOn >= value.startsOn, {
    path: ['endsOn', 'day'],
    message: 'The date the seat ended must be the same as or after the date it was created',
  })
  .refine((value) => !value.nominationDue || value.nominationBy, {
    path: ['nominationBy'],
    message: 'Enter who is to nominate, or leave the date the nomination is due by blank',
  })
  .refine((value) => !value.office || !bodyOffices.includes(value.office as Office) || value.officeBodyId, {
    path: ['officeBodyId'],
    message: 'Select the body whose chair or vice-chair holds this seat',
  })
  .transform((value) => ({
    ...value,
    officeBodyId: value.office && bodyOffices.includes(value.office as Office) ? value.officeBodyId : null,
    nominationDue: value.nominationDue ?? null,
  }));

export const appointmentSchema = z
  .object({
    personId: z.uuid({ error: 'Select the person' }),
    organisationId: z.preprocess(
      blankToUndefined,
      z.uuid({ error: 'Select an organisation from the list' }).optional(),
    ),
    // a year, a month or a day, as the list gives it ("from April 2010"; issue 15)
    startsOn: dateInput('Start date', { required: false, partial: true }),
    endsOn: dateInput('End date', { required: false, partial: true }),
    jointOrganisationIds: z.preprocess(
      (value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]),
      z.array(z.uuid({ error: 'Select the other organisations from the list' })),
    ),
    substituteIds: z.preprocess(
      (value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]),
      z.array(z.uuid({ error: 'Select substitutes from the list' })),
    ),
    notes: optionalText('Notes', 2000).transform((value) => value ?? undefined),
  })
  .refine(
    // partial dates compare as the periods they mean: the end's last day, the start's first
    (value) =>
      !value.startsOn ||
      !value.endsOn ||
      `${value.endsOn}-99-99`.slice(0, 10) >= `${value.startsOn}-01-01`.slice(0, 10),
    {
      path: ['endsOn', 'day'],
      message: 'End date must be the same as or after the start date',
    },
  );

export const endMembershipSchema = z.object({ endsOn: dateInput('End date', { required: true }) });

export const interestSchema = z.object({
  description: z
    .string({ error: 'Describe the interest' })
    .trim()
    .min(1, 'Describe the interest')
    .max(2000, 'The description must be 2000 characters or fewer'),
  declaredOn: dateInput('Date declared', { required: true }),
});
