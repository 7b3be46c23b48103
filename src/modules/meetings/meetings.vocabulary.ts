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

export const itemPurposes = {
  decision: 'For decision',
  information: 'For information',
  discussion: 'For discussion',
  consultation: 'For consultation',
} as const;
export type ItemPurpose = keyof typeof itemPurposes;
export const itemPurposeValues = Object.keys(itemPurposes) as [ItemPurpose, ...ItemPurpose[]];

/**
 * The descriptions of exempt information in Schedule 12A to the Local Government Act 1972
 * (Part 1, as substituted in England in 2006), by paragraph.
 */
export const exemptParagraphs: Record<number, string> = {
  1: 'Information relating to any individual',
  2: 'Information which is likely to reveal the identity of an individual',
  3: 'Information relating to the financial or business affairs of any particular person (including the authority holding that information)',
  4: 'Information relating to any consultations or negotiations, or contemplated consultations or negotiations, in connection with any labour relations matter arising between the authority or a Minister of the Crown and employees of, or office holders under, the authority',
  5: 'Information in respect of which a claim to legal professional privilege could be maintained in legal proceedings',
  6: 'Information which reveals that the authority proposes to give a notice imposing requirements on a person, or to make an order or direction, under any enactment',
  7: 'Information relating to any action taken or to be taken in connection with the prevention, investigation or prosecution of crime',
};

export const attendanceStatuses = {
  present: 'Present',
  apologies: 'Apologies',
  absent: 'Absent',
  substitute: 'Substitute',
  'in-attendance': 'In attendance',
  observer: 'Observer',
  'note-taker': 'Note-taker',
} as const;
export type AttendanceStatus = keyof typeof attendanceStatuses;

export const actionStatuses = { open: 'Open', done: 'Done', dropped: 'Dropped' } as const;
export type ActionStatus = keyof typeof actionStatuses;
export const actionStatusValues = Object.keys(actionStatuses) as [ActionStatus, ...ActionStatus[]];

/**
 * The kinds of interest a member declares at a meeting, in the words of the Local Government
 * Association's model councillor code of conduct (2020): interests registered under the
 * Relevant Authorities (Disclosable Pecuniary Interests) Regulations 2012, other interests the
 * code asks members to register, and interests that are not registrable but affect a matter.
 */
export const interestKinds = {
  'disclosable-pecuniary': 'Disclosable pecuniary interest',
  'other-registrable': 'Other registrable interest',
  'non-registrable': 'Non-registrable (personal) interest',
} as const;
export type InterestKind = keyof typeof interestKinds;
export const interestKindValues = Object.keys(interestKinds) as [InterestKind, ...InterestKind[]];

/** What the person did about the item they declared an interest in. */
export const interestParticipation = {
  'took-part': 'Stayed and took part',
  'did-not-vote': 'Stayed but did not vote',
  'left-room': 'Left the room for the item',
} as const;
export type InterestParticipation = keyof typeof interestParticipation;
export const interestParticipationValues = Object.keys(interestParticipation) as [
  InterestParticipation,
  ...InterestParticipation[],
];
