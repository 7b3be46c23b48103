// The words for meetings and their states, with the labels pages use.
import { meetingKinds as cadenceKinds } from '../bodies/index.ts';

/** Every kind of meeting: the kinds a body's cadence rules count, and joint meetings of several bodies. */
export const meetingKinds = {
  'board-meeting': 'Board meeting',
  'annual-event': 'Annual event',
  'deep-dive': 'Deep dive',
  'development-session': 'Development session',
  workshop: 'Workshop',
  'joint-meeting': 'Joint meeting',
} as const;
export type MeetingKind = keyof typeof meetingKinds;
export const meetingKindValues = Object.keys(meetingKinds) as [MeetingKind, ...MeetingKind[]];

/** The cadence kind a meeting counts as: a joint meeting is a meeting of each of its bodies. */
export const cadenceKindOf = (kind: string): string => (kind === 'joint-meeting' ? 'board-meeting' : kind);
export { cadenceKinds };

export const meetingStates = {
  scheduled: 'Scheduled',
  held: 'Held',
  cancelled: 'Cancelled',
} as const;
export type MeetingState = keyof typeof meetingStates;
export const meetingStateValues = Object.keys(meetingStates) as [MeetingState, ...MeetingState[]];
