// What the plan forms accept. Dates are GOV.UK date inputs (reshaped by the routes).
import { z } from 'zod';
import { shortName } from '../../platform/http/short-name.ts';
import { dateInput } from '../../platform/http/date-input.ts';
import {
  actionStatusValues,
  evidenceKindValues,
  leadKindValues,
  planKindValues,
  planStatusValues,
  recurrenceValues,
  updateRagValues,
} from './plans.vocabulary.ts';
import { frameworkValues } from './outcome-frameworks.ts';

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .optional()
    .transform((value) => value || undefined);

const required = (message: string, label: string, max: number) =>
  z.string({ error: message }).trim().min(1, message).max(max, `${label} must be ${max} characters or fewer`);

const blank = (value: unknown) => (value === '' || value === null ? undefined : value);
const choice = <T extends string>(values: readonly [T, ...T[]], message: string) =>
  z.preprocess(blank, z.enum(values, { error: message }));
const optionalId = (message: string) => z.preprocess(blank, z.uuid({ error: message }).optional());
const ids = (message: string) =>
  z.preprocess(
    (value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]),
    z.array(z.uuid({ error: message })),
  );

export const planFormSchema = z
  .object({
    title: required('Enter the plan’s title', 'Title', 300),
    slug: shortName('cypp-2009-11'),
    kind: choice(planKindValues, 'Select the kind of plan'),
    startsOn: dateInput('Start date', { required: true }),
    endsOn: dateInput('End date', { required: true }),
    vision: optionalText('Vision', 5000),
    status: choice(planStatusValues, 'Select the plan’s status'),
    resourcing: optionalText('Resourcing', 5000),
    /** Left out: a new plan takes the default for its start date, a change keeps the plan's. */
    framework: z.preprocess(
      blank,
      z.enum(frameworkValues, { error: 'Select an outcome framework from the list' }).optional(),
    ),
  })
  .superRefine((plan, context) => {
    if (plan.startsOn && plan.endsOn && plan.endsOn < plan.startsOn)
      context.addIssue({
        code: 'custom',
        path: ['endsOn', 'day'],
        message: 'End date must be after the start date',
      });
  })
  .transform((plan) => ({ ...plan, vision: plan.vision ?? null, resourcing: plan.resourcing ?? null }));

export const versionSchema = z.object({
  note: required('Say what changed in this version, like “Refreshed for 2010”', 'Note', 1000),
});

export const outcomeSchema = z.object({ title: required('Enter the outcome', 'Outcome', 300) });

export const evidenceSchema = z.object({
  kind: choice(evidenceKindValues, 'Select the kind of evidence'),
  title: required('Enter what the evidence is', 'Title', 500),
  dated: dateInput('Date', { required: false, partial: true }),
  link: z.preprocess(
    blank,
    z
      .url({ error: 'Enter a web address starting https://', protocol: /^https?$/ })
      .max(2000)
      .optional(),
  ),
});

export const prioritySchema = z.object({
  title: required('Enter the priority', 'Priority', 1000),
  description: optionalText('Description', 5000),
  ownerBodyId: optionalId('Select the owning body from the list'),
  leadPersonId: optionalId('Select the lead person from the list'),
  outcomeIds: ids('Select outcomes of this plan'),
  indicatorIds: ids('Select indicators the partnership tracks'),
});

export const actionSchema = z
  .object({
    text: required('Enter the action', 'Action', 2000),
    leadKind: choice(leadKindValues, 'Select who leads the action'),
    leadPersonId: optionalId('Select the lead from the list'),
    leadOrganisationId: optionalId('Select the lead from the list'),
    leadBodyId: optionalId('Select the lead from the list'),
    partnerIds: ids('Select partners from the list'),
    timing: choice(['date', 'recurring', 'none'] as const, 'Select when the action is due'),
    dueOn: dateInput('Due date', { required: false }),
    recurrence: z.preprocess(blank, z.enum(recurrenceValues, { error: 'Select how often' }).optional()),
    recursFrom: dateInput('Date it recurs from', { required: false }),
    recursUntil: dateInput('Last date', { required: false }),
    status: choice(actionStatusValues, 'Select the action’s status'),
  })
  .superRefine((action, context) => {
    const leadField = {
      person: 'leadPersonId',
      organisation: 'leadOrganisationId',
      body: 'leadBodyId',
    } as const;
    if (action.leadKind && !action[leadField[action.leadKind]])
      context.addIssue({
        code: 'custom',
        path: [leadField[action.leadKind]],
        message: 'Select the lead from the list',
      });
    if (action.timing === 'date' && !action.dueOn)
      context.addIssue({ code: 'custom', path: ['dueOn', 'day'], message: 'Enter the due date' });
    if (action.timing === 'recurring') {
      if (!action.recurrence)
        context.addIssue({ code: 'custom', path: ['recurrence'], message: 'Select how often' });
      if (!action.recursFrom)
        context.addIssue({
          code: 'custom',
          path: ['recursFrom', 'day'],
          message: 'Enter the date it recurs from',
        });
    }
  })
  .transform((action) => {
    const leadId = {
      person: action.leadPersonId,
      organisation: action.leadOrganisationId,
      body: action.leadBodyId,
    }[action.leadKind]!;
    return {
      text: action.text,
      leadKind: action.leadKind,
      leadId,
      partnerIds: action.partnerIds,
      status: action.status,
      dueOn: action.timing === 'date' ? action.dueOn : undefined,
      recurrence: action.timing === 'recurring' ? action.recurrence : undefined,
      recursFrom: action.timing === 'recurring' ? action.recursFrom : undefined,
      recursUntil: action.timing === 'recurring' ? action.recursUntil : undefined,
    };
  });

export const milestoneSchema = z.object({
  text: required('Enter the milestone', 'Milestone', 1000),
  dueOn: dateInput('Due date', { required: false }),
  doneOn: dateInput('Date reached', { required: false }),
});

export const updateSchema = z.object({
  reportedOn: dateInput('Date of the update', { required: true }),
  rag: choice(updateRagValues, 'Select red, amber or green'),
  commentary: required('Enter the commentary: what has happened and what is next', 'Commentary', 5000),
  status: z.preprocess(blank, z.enum(actionStatusValues).optional()),
});
