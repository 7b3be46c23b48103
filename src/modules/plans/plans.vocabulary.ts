// The words of plans: kinds, statuses, evidence, actions and their leads.
export { recurrences, recurrenceValues, type Recurrence } from './recurrence.ts';

export const planKinds = {
  "children and young people's plan": 'Children and Young People’s Plan',
  'commissioning plan': 'Commissioning plan',
  'strategic action plan': 'Strategic action plan',
  other: 'Other plan',
} as const;
export type PlanKind = keyof typeof planKinds;
export const planKindValues = Object.keys(planKinds) as [PlanKind, ...PlanKind[]];

export const planStatuses = {
  draft: 'Draft',
  'out to consultation': 'Out to consultation',
  agreed: 'Agreed',
  published: 'Published',
  superseded: 'Superseded',
} as const;
export type PlanStatus = keyof typeof planStatuses;
export const planStatusValues = Object.keys(planStatuses) as [PlanStatus, ...PlanStatus[]];

export const evidenceKinds = {
  'needs assessment': 'Needs assessment',
  inspection: 'Inspection',
  survey: 'Survey',
  'performance data': 'Performance data',
  consultation: 'Consultation',
  other: 'Other',
} as const;
export type EvidenceKind = keyof typeof evidenceKinds;
export const evidenceKindValues = Object.keys(evidenceKinds) as [EvidenceKind, ...EvidenceKind[]];

export const actionStatuses = {
  'not started': 'Not started',
  'in progress': 'In progress',
  completed: 'Completed',
  cancelled: 'Cancelled',
} as const;
export type ActionStatus = keyof typeof actionStatuses;
export const actionStatusValues = Object.keys(actionStatuses) as [ActionStatus, ...ActionStatus[]];

export const leadKinds = { person: 'A person', organisation: 'An organisation', body: 'A body' } as const;
export type LeadKind = keyof typeof leadKinds;
export const leadKindValues = Object.keys(leadKinds) as [LeadKind, ...LeadKind[]];

export const updateRags = {
  green: 'Green: on track',
  amber: 'Amber: at risk',
  red: 'Red: off track',
} as const;
export type UpdateRag = keyof typeof updateRags;
export const updateRagValues = Object.keys(updateRags) as [UpdateRag, ...UpdateRag[]];
