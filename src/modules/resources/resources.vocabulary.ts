// The words of the resources module, as stored and as shown.
export const fundKinds = {
  'pooled-s10': 'Pooled fund under section 10(6) of the Children Act 2004',
  'pooled-s75': 'Pooled fund under section 75 of the National Health Service Act 2006',
  pooled: 'Pooled fund (the power used is not recorded)',
  aligned: 'Aligned budgets (each partner keeps its own)',
  grant: 'Grant',
} as const;
export type FundKind = keyof typeof fundKinds;
export const fundKindValues = Object.keys(fundKinds) as [FundKind, ...FundKind[]];

export const contributionForms = {
  cash: 'Cash',
  'staff time': 'In kind: staff time',
  premises: 'In kind: premises',
  services: 'In kind: services',
  'other in kind': 'In kind: other',
} as const;
export type ContributionForm = keyof typeof contributionForms;
export const contributionFormValues = Object.keys(contributionForms) as [
  ContributionForm,
  ...ContributionForm[],
];

export const pledgeResources = {
  money: 'Money',
  people: 'People',
  premises: 'Premises',
  services: 'Services',
} as const;
export type PledgeResource = keyof typeof pledgeResources;
export const pledgeResourceValues = Object.keys(pledgeResources) as [PledgeResource, ...PledgeResource[]];

export const pledgeStatuses = {
  proposed: 'Proposed',
  agreed: 'Agreed',
  delivered: 'Delivered',
  withdrawn: 'Withdrawn',
} as const;
export type PledgeStatus = keyof typeof pledgeStatuses;
export const pledgeStatusValues = Object.keys(pledgeStatuses) as [PledgeStatus, ...PledgeStatus[]];

export const serviceStatuses = {
  proposed: 'Proposed',
  procuring: 'Being procured',
  active: 'Active',
  ended: 'Ended',
  decommissioned: 'Decommissioned',
} as const;
export type ServiceStatus = keyof typeof serviceStatuses;
export const serviceStatusValues = Object.keys(serviceStatuses) as [ServiceStatus, ...ServiceStatus[]];
