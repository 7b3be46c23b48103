// What the resources forms, the import and the API accept. Amounts are pounds as people write
// them, turned into integer pence (parsePounds): a negative amount or more than two decimal
// places is refused with a message, never rounded. Dates are GOV.UK date inputs.
import { z } from 'zod';
import { shortName } from '../../platform/http/short-name.ts';
import { dateInput } from '../../platform/http/date-input.ts';
import { moneyMessage, parsePounds, parseYear } from './money.ts';
import {
  contributionFormValues,
  fundKindValues,
  pledgeResourceValues,
  pledgeStatusValues,
  serviceStatusValues,
} from './resources.vocabulary.ts';

const blank = (value: unknown) => (value === '' || value === null ? undefined : value);
const text = (label: string, max: number) =>
  z
    .preprocess(
      (value) => (typeof value === 'string' ? value.trim() || undefined : value),
      z.string().max(max, `${label} must be ${max} characters or fewer`).optional(),
    )
    .transform((value) => value ?? null);
const required = (message: string, label: string, max: number) =>
  z.string({ error: message }).trim().min(1, message).max(max, `${label} must be ${max} characters or fewer`);
const choice = <T extends string>(values: readonly [T, ...T[]], message: string) =>
  z.preprocess(blank, z.enum(values, { error: message }));
const optionalId = (message: string) =>
  z.preprocess(blank, z.uuid({ error: message }).optional()).transform((value) => value ?? null);
const ids = (message: string) =>
  z.preprocess(
    (value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]),
    z.array(z.uuid({ error: message })),
  );

/** An amount in pounds, as pence; blank is null (not recorded). */
export const pounds = (label: string) =>
  z
    .preprocess((value) => (value === undefined || value === null ? '' : String(value)), z.string())
    .transform((value, context): number | null => {
      const read = parsePounds(value);
      if ('pence' in read) return read.pence;
      if (read.problem === 'blank') return null;
      context.addIssue({ code: 'custom', message: moneyMessage(label, read.problem) });
      return z.NEVER;
    });

/** A financial year: "2009" (from a select) or "2009-10" as written. */
export const financialYear = (message: string) =>
  z
    .preprocess((value) => (value === undefined || value === null ? '' : String(value).trim()), z.string())
    .transform((value, context): number => {
      const year = /^\d{4}$/.test(value) ? Number(value) : parseYear(value);
      if (year === null || year < 1990 || year > 2100) {
        context.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return year;
    });

const oneAmount = (fields: string[], message: string) => (row: Record<string, unknown>) =>
  fields.some((field) => row[field] !== null && row[field] !== undefined) || message;

export const fundSchema = z
  .object({
    name: required('Enter the fund’s name', 'Name', 200),
    slug: shortName('pooled-fund-2009'),
    kind: choice(fundKindValues, 'Select what kind of fund it is'),
    hostOrganisationId: optionalId('Select the host from the list'),
    purpose: text('Purpose', 2000),
    agreementDocument: text('Agreement', 500),
    agreementStartsOn: dateInput('The date the agreement starts', { required: false }),
    agreementEndsOn: dateInput('The date the agreement ends', { required: false }),
    reviewOn: dateInput('The review date', { required: false }),
    priorityIds: ids('Select priorities from the list'),
  })
  .transform((value) => ({
    ...value,
    agreementStartsOn: value.agreementStartsOn ?? null,
    agreementEndsOn: value.agreementEndsOn ?? null,
    reviewOn: value.reviewOn ?? null,
  }))
  .refine((v) => !v.agreementStartsOn || !v.agreementEndsOn || v.agreementEndsOn >= v.agreementStartsOn, {
    path: ['agreementEndsOn', 'day'],
    message: 'The agreement must end on or after the day it starts',
  });

export const contributionSchema = z
  .object({
    organisationId: z.uuid({ error: 'Select the partner' }),
    year: financialYear('Select the financial year'),
    form: choice(contributionFormValues, 'Select whether it is cash or in kind'),
    description: text('Description', 500),
    planned: pounds('The planned amount'),
    agreed: pounds('The agreed amount'),
    received: pounds('The amount received'),
  })
  .refine(oneAmount(['planned', 'agreed', 'received'], ''), {
    path: ['planned'],
    message: 'Enter at least one amount: planned, agreed or received',
  });

export const spendingSchema = z
  .object({
    year: financialYear('Select the financial year'),
    priorityId: z.uuid({ error: 'Select the priority the money is spent on' }),
    actionId: optionalId('Select an action from the list'),
    serviceId: optionalId('Select a commissioned service from the list'),
    decisionId: optionalId('Select a decision from the list'),
    description: text('Description', 500),
    planned: pounds('The planned amount'),
    committed: pounds('The committed amount'),
    actual: pounds('The actual amount'),
  })
  .refine(oneAmount(['planned', 'committed', 'actual'], ''), {
    path: ['planned'],
    message: 'Enter at least one amount: planned, committed or actual',
  })
  .refine((row) => !row.actionId || !row.serviceId, {
    path: ['serviceId'],
    message: 'Spending is on an action or a commissioned service, not both',
  });

export const pledgeSchema = z
  .object({
    organisationId: z.uuid({ error: 'Select the partner making the pledge' }),
    priorityId: z.uuid({ error: 'Select the priority the pledge is for' }),
    actionId: optionalId('Select an action from the list'),
    resource: choice(pledgeResourceValues, 'Select what is pledged'),
    description: required('Describe what is pledged', 'Description', 500),
    amount: pounds('The amount'),
    fromYear: financialYear('Select the first financial year'),
    toYear: financialYear('Select the last financial year'),
    status: choice(pledgeStatusValues, 'Select the pledge’s status'),
    pledgedOn: dateInput('The date of the pledge', { required: true }),
    dueOn: dateInput('The date it is due', { required: false }),
    agreedBy: text('Who agreed it', 300),
    decisionId: optionalId('Select a decision from the list'),
  })
  .transform((value) => ({ ...value, dueOn: value.dueOn ?? null }))
  .refine((row) => row.toYear >= row.fromYear, {
    path: ['toYear'],
    message: 'The last year must be the first year or after it',
  })
  .refine((row) => row.resource !== 'money' || row.amount !== null, {
    path: ['amount'],
    message: 'Enter how much money is pledged a year',
  });

export const serviceSchema = z
  .object({
    name: required('Enter the service’s name', 'Name', 300),
    providerKind: choice(
      ['organisation', 'other'],
      'Select whether the provider is one of the partnership’s organisations or another provider',
    ),
    providerOrganisationId: optionalId(
      'Select the provider from the list of the partnership’s organisations',
    ),
    provider: text('The provider’s name', 300),
    annualValue: pounds('The value a year'),
    startsOn: dateInput('The start date', { required: false }),
    endsOn: dateInput('The end date', { required: false }),
    fundId: optionalId('Select the fund from the list'),
    status: choice(serviceStatusValues, 'Select the service’s status'),
    priorityIds: ids('Select priorities from the list'),
  })
  .refine((v) => v.providerKind !== 'organisation' || v.providerOrganisationId !== null, {
    path: ['providerOrganisationId'],
    message: 'Select the provider from the list of the partnership’s organisations',
  })
  .refine((v) => v.providerKind !== 'other' || v.provider !== null, {
    path: ['provider'],
    message: 'Enter the name of the provider outside the partnership',
  })
  // one or the other: the organisation's name is filled in by the service
  .transform(({ providerKind, ...value }) => ({
    ...value,
    providerOrganisationId: providerKind === 'organisation' ? value.providerOrganisationId : null,
    provider: providerKind === 'other' ? (value.provider ?? '') : '',
    startsOn: value.startsOn ?? null,
    endsOn: value.endsOn ?? null,
  }))
  .refine((v) => !v.startsOn || !v.endsOn || v.endsOn >= v.startsOn, {
    path: ['endsOn', 'day'],
    message: 'The service must end on or after the day it starts',
  });

export const principleSchema = z.object({
  text: required('Enter the principle', 'Principle', 1000),
});

export const decisionLinkSchema = z.object({ decisionId: z.uuid({ error: 'Select the decision' }) });
