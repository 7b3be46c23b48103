// The words for bodies, their statuses and their relationships, with the labels pages use.

export const internalKinds = {
  board: 'Board',
  'executive-board': 'Executive board',
  'business-group': 'Business group',
  'sub-group': 'Sub-group',
  'local-partnership': 'Local or district partnership',
  'task-and-finish-group': 'Task and finish group',
  'working-group': 'Working group',
  network: 'Network',
  'young-peoples-board': 'Young people’s board',
  forum: 'Forum',
} as const;

export const externalKinds = {
  'health-and-wellbeing-board': 'Health and Wellbeing Board',
  'safeguarding-board': 'Safeguarding children board or partnership',
  'local-strategic-partnership': 'Local Strategic Partnership',
  cabinet: 'Cabinet',
  'scrutiny-committee': 'Scrutiny committee',
  'other-external': 'Other external body',
} as const;

export const bodyKinds = { ...internalKinds, ...externalKinds };
export type BodyKind = keyof typeof bodyKinds;
export const bodyKindValues = Object.keys(bodyKinds) as [BodyKind, ...BodyKind[]];
export const isExternal = (kind: string) => kind in externalKinds;

export const statuses = {
  proposed: 'Proposed',
  established: 'Established',
  'under-review': 'Under review',
  'on-hold': 'On hold',
  renamed: 'Renamed',
  'merged-into': 'Merged into another body',
  dissolved: 'Dissolved',
  replaced: 'Replaced',
} as const;
export type BodyStatus = keyof typeof statuses;
export const statusValues = Object.keys(statuses) as [BodyStatus, ...BodyStatus[]];
/** After one of these a body no longer exists. */
export const endingStatuses: readonly BodyStatus[] = ['merged-into', 'dissolved', 'replaced'];

export const relationshipKinds = {
  'reports-to': 'Reports to',
  'accountable-to': 'Accountable to',
  informs: 'Informs',
  'has-oversight-of': 'Has oversight of',
  'sub-function-of': 'Sub-function of',
  'replaced-by': 'Replaced by',
} as const;
export type RelationshipKind = keyof typeof relationshipKinds;
export const relationshipKindValues = Object.keys(relationshipKinds) as [
  RelationshipKind,
  ...RelationshipKind[],
];
/** The kinds that make a hierarchy: none of them may go round in a loop. */
export const hierarchicalKinds: readonly RelationshipKind[] = [
  'reports-to',
  'accountable-to',
  'sub-function-of',
];

export const focusTypes = {
  outcome: 'Outcome',
  'age-range': 'Age range',
  theme: 'Theme',
  area: 'Area',
} as const;
export type FocusType = keyof typeof focusTypes;

/** Kinds of meeting a body's cadence rules count (Medway: 3 meetings, 1 annual event, 2 deep dives a year). */
export const meetingKinds = {
  'board-meeting': 'Meetings',
  'annual-event': 'Annual events',
  'deep-dive': 'Deep dives',
  'development-session': 'Development sessions',
  workshop: 'Workshops',
} as const;
export type MeetingKind = keyof typeof meetingKinds;
/** One of each kind, for counts ("1 annual event", "3 meetings"). */
const meetingKindOne: Record<MeetingKind, string> = {
  'board-meeting': 'meeting',
  'annual-event': 'annual event',
  'deep-dive': 'deep dive',
  'development-session': 'development session',
  workshop: 'workshop',
};

/** A body's cadence in words: "3 meetings, 1 annual event, 2 deep dives". */
export function cadenceCounts(entries: readonly { kind: string; perYear: number }[]): string {
  return entries
    .map(({ kind, perYear }) => {
      const many = meetingKinds[kind as MeetingKind]?.toLowerCase() ?? kind;
      return `${perYear} ${perYear === 1 ? (meetingKindOne[kind as MeetingKind] ?? kind) : many}`;
    })
    .join(', ');
}
