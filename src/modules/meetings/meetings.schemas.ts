import { z } from 'zod';
import { numberInput } from '../../platform/numbers.ts';
import { dateInput, isoDate } from '../../platform/http/date-input.ts';
// times as people type them: "10am", "2:30pm", "14:30", "noon" (issue 23)
import { optionalTime } from '../../platform/http/time-input.ts';
import {
  actionStatusValues,
  interestKindValues,
  interestParticipationValues,
  itemPurposeValues,
  meetingKindValues,
  meetingStateValues,
  type MeetingKind,
  type MeetingState,
} from './meetings.vocabulary.ts';

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .optional()
    .transform((value) => value || undefined);

/** The fields of a meeting whatever they come from (a form, a seed, the API). */
export const meetingFields = {
  title: z
    .string({ error: 'Enter the meeting’s title' })
    .trim()
    .min(1, 'Enter the meeting’s title')
    .max(200, 'Title must be 200 characters or fewer'),
  kind: z.enum(meetingKindValues, { error: 'Select the kind of meeting' }),
  bodyIds: z.preprocess(
    (value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]),
    z
      .array(z.uuid({ error: 'Select bodies from the list' }))
      .min(1, 'Select the body or bodies the meeting belongs to'),
  ),
  // blank when the minutes give no start time: the meeting is kept as of its date alone (ADR 0041)
  startTime: optionalTime('the start time'),
  endTime: optionalTime('the end time'),
  place: optionalText('Place', 500),
  onlineUrl: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .url({ protocol: /^https?$/, error: 'Enter the online link as a web address starting https://' })
      .max(2000, 'The online link must be 2000 characters or fewer')
      .optional(),
  ),
  state: z.enum(meetingStateValues, { error: 'Select whether the meeting is scheduled, held or cancelled' }),
  notes: optionalText('Notes', 5000),
};

const jointNeedsTwo = <T extends { kind: string; bodyIds: string[] }>(value: T) =>
  value.kind !== 'joint-meeting' || new Set(value.bodyIds).size >= 2;
const endsAfterStart = <T extends { startTime?: string | undefined; endTime?: string | undefined }>(
  value: T,
) => !value.endTime || !value.startTime || value.endTime > value.startTime;
const noEndWithoutStart = <T extends { startTime?: string | undefined; endTime?: string | undefined }>(
  value: T,
) => !value.endTime || Boolean(value.startTime);
const endWithoutStart = {
  path: ['startTime'],
  message: 'Enter the start time, or leave the end time blank too if the minutes give neither',
};

export const meetingFormSchema = z
  .object({ ...meetingFields, date: dateInput('Date of the meeting', { required: true }) })
  .refine(jointNeedsTwo, { path: ['bodyIds'], message: 'Select two bodies or more for a joint meeting' })
  .refine(noEndWithoutStart, endWithoutStart)
  .refine(endsAfterStart, { path: ['endTime'], message: 'The end time must be after the start time' });

/** A meeting as the seeds and the services take it: the date as an ISO date. */
export const meetingInputSchema = z
  .object({ ...meetingFields, date: isoDate('Date of the meeting') })
  .refine(jointNeedsTwo, { path: ['bodyIds'], message: 'Select two bodies or more for a joint meeting' })
  .refine(noEndWithoutStart, endWithoutStart)
  .refine(endsAfterStart, { path: ['endTime'], message: 'The end time must be after the start time' });
/** A meeting as the services take it (what both schemas give). */
export interface MeetingInput {
  title: string;
  kind: MeetingKind;
  bodyIds: string[];
  /** The London date, 'YYYY-MM-DD', and times 'HH:MM'. */
  date: string;
  /** Undefined when the minutes give no start time. */
  startTime?: string | undefined;
  endTime?: string | undefined;
  place?: string | undefined;
  onlineUrl?: string | undefined;
  state: MeetingState;
  notes?: string | undefined;
}

const instantQuery = (label: string) =>
  z.preprocess((value) => (value === '' ? undefined : value), isoDate(label).optional());

export const meetingsQuery = z
  .object({
    from: instantQuery('From'),
    to: instantQuery('To'),
    body: z.preprocess(
      (value) => (value === '' ? undefined : value),
      z
        .string()
        .regex(/^[a-z0-9-]{1,60}$/, 'Body must be a body’s short name')
        .optional(),
    ),
  })
  .refine((value) => !value.from || !value.to || value.to >= value.from, {
    path: ['to'],
    message: 'To must be the same as or after From',
  });

/** An agenda item as the form and the seeds give it. */
export const agendaItemSchema = z
  .object({
    number: numberInput({ label: 'Item number', whole: true, min: 1, max: 999, example: '5' }),
    title: z
      .string({ error: 'Enter the item’s title' })
      .trim()
      .min(1, 'Enter the item’s title')
      .max(300, 'Title must be 300 characters or fewer'),
    purpose: z.enum(itemPurposeValues, { error: 'Select what the item is for' }),
    presenter: optionalText('Presenter', 200),
    startTime: optionalTime('the item’s start time'),
    exempt: z.preprocess(
      (value) => (typeof value === 'boolean' ? (value ? 'yes' : 'no') : value),
      z
        .enum(['yes', 'no'], { error: 'Select whether the item is exempt from publication' })
        .transform((value) => value === 'yes'),
    ),
    exemptParagraph: z.preprocess(
      (value) => (value === '' || value === undefined || value === null ? undefined : value),
      z.coerce
        .number({ error: 'Select the paragraph of Schedule 12A' })
        .int('Select the paragraph of Schedule 12A')
        .min(1, 'Select the paragraph of Schedule 12A')
        .max(7, 'Select the paragraph of Schedule 12A')
        .optional(),
    ),
    exemptReason: optionalText('Reason', 2000),
  })
  .superRefine((value, context) => {
    if (value.exempt && !value.exemptParagraph)
      context.addIssue({
        code: 'custom',
        path: ['exemptParagraph'],
        message: 'Select the paragraph of Schedule 12A that makes the item exempt',
      });
  })
  .transform((value) => ({
    number: value.number,
    title: value.title,
    purpose: value.purpose,
    presenter: value.presenter ?? null,
    startTime: value.startTime ?? null,
    exempt: value.exempt,
    exemptParagraph: value.exempt ? (value.exemptParagraph ?? null) : null,
    exemptReason: value.exempt ? (value.exemptReason ?? null) : null,
  }));

const requiredText = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(
      max,
      `${label.replace(/^the /, '').replace(/^./, (c) => c.toUpperCase())} must be ${max} characters or fewer`,
    );

export const minutesSchema = z.object({ text: requiredText('the minutes', 50_000) });

export const decisionSchema = z.object({
  text: requiredText('the decision', 10_000),
  delegatedTo: optionalText('Delegated to', 500).transform((value) => value ?? null),
});

export const outcomeSchema = z.object({
  outcome: requiredText('the outcome', 10_000),
  outcomeOn: dateInput('Date of the outcome', { required: true }),
});

const optionalUuid = (message: string) =>
  z
    .preprocess((value) => (value === '' ? undefined : value), z.uuid({ error: message }).optional())
    .transform((value) => value ?? null);

export const actionSchema = z
  .object({
    text: requiredText('the action', 5000),
    agendaItemId: optionalUuid('Select the agenda item from the list'),
    ownerPersonId: optionalUuid('Select the person from the list'),
    ownerOrganisationId: optionalUuid('Select the organisation from the list'),
    /** No owner yet: the minutes say "to be confirmed" (issue 24). */
    ownerToBeConfirmed: z.preprocess((value) => value === 'yes' || value === true, z.boolean()),
    /** Its number as the minutes give it (14 in "CTB/2010/14"); the next free one when left out. */
    number: numberInput({
      label: 'The action’s number',
      whole: true,
      min: 1,
      max: 9999,
      example: '14',
      optional: true,
    }),
    dueOn: dateInput('Due date', { required: false }).transform((value) => value ?? null),
  })
  .refine((value) => value.ownerPersonId || value.ownerOrganisationId || value.ownerToBeConfirmed, {
    path: ['ownerPersonId'],
    message: 'Select who owns the action: a person or an organisation, or say the owner is to be confirmed',
  })
  .refine((value) => !value.ownerToBeConfirmed || (!value.ownerPersonId && !value.ownerOrganisationId), {
    path: ['ownerToBeConfirmed'],
    message: 'An owner “to be confirmed” has no person or organisation yet: choose one or the other',
  });

/** An action raised from the action log: the meeting whose log it joins, and the action (issue 23). */
export const loggedActionSchema = z
  .object({
    meetingId: z.uuid({ error: 'Select the meeting the action joins' }),
    /** The plan priority it serves, when raised for one (issue 23). */
    planPriorityId: optionalUuid('Select the plan priority from the list'),
  })
  .and(actionSchema);

/** Approving the previous meeting's minutes: as they stand, or as amended (with the amendment). */
export const approvalSchema = z
  .object({
    approvedAs: z.enum(['as-they-stand', 'as-amended'], {
      error: 'Select whether the minutes are approved as they stand or as amended',
    }),
    amendment: z.string().trim().max(5000, 'The amendment must be 5,000 characters or fewer').optional(),
  })
  .refine((value) => value.approvedAs === 'as-they-stand' || value.amendment, {
    path: ['amendment'],
    message: 'Enter the amendment, as the minutes of this meeting record it',
  })
  .transform((value) => (value.approvedAs === 'as-amended' ? value.amendment! : null));

/** The plan priority an action serves, or none (issue 23). */
export const actionPrioritySchema = z.object({
  planPriorityId: optionalUuid('Select the plan priority from the list'),
});

export const actionUpdateSchema = z.object({
  text: requiredText('the update', 5000),
  status: z.enum(actionStatusValues, { error: 'Select the action’s status' }),
});

export const actionsQuery = z.object({
  status: z.preprocess((value) => (value === '' ? undefined : value), z.enum(actionStatusValues).optional()),
  owner: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.uuid({ error: 'Owner must be a person’s or an organisation’s id' }).optional(),
  ),
});

export const declarationSchema = z.object({
  agendaItemId: z.uuid({ error: 'Select the agenda item' }),
  personId: z.uuid({ error: 'Select who declares the interest' }),
  kind: z.enum(interestKindValues, { error: 'Select the kind of interest' }),
  nature: requiredText('the nature of the interest', 2000),
  participation: z.enum(interestParticipationValues, { error: 'Select what they did for the item' }),
  interestId: optionalUuid('Select an entry of the register of interests, or none'),
});
