// The words of the voice module: who a consultation asks, its kinds of question, the optional
// "about you" answers, what was done about a theme, and the board's response to a
// recommendation.
export const audiences = {
  children: 'Children (under 11)',
  'young-people': 'Young people (11 to 25)',
  parents: 'Parents and carers',
  professionals: 'Professionals',
} as const;
export type Audience = keyof typeof audiences;
export const audienceValues = Object.keys(audiences) as [Audience, ...Audience[]];

export const questionKinds = {
  choice: 'Choose one answer',
  choices: 'Choose one or more answers',
  scale: 'A scale (for example, from "not at all" to "a lot")',
  text: 'Answer in their own words',
} as const;
export type VoiceQuestionKind = keyof typeof questionKinds;
export const questionKindValues = Object.keys(questionKinds) as [VoiceQuestionKind, ...VoiceQuestionKind[]];

/** The scale a scale question uses when the editor gives none. */
export const defaultScale = ['Not at all', 'A little', 'Some', 'A lot'];

export const ageBands = {
  'under-11': 'Under 11',
  '11-15': '11 to 15',
  '16-18': '16 to 18',
  '19-25': '19 to 25',
  adult: 'Over 25',
} as const;
export type AgeBand = keyof typeof ageBands;
export const ageBandValues = Object.keys(ageBands) as [AgeBand, ...AgeBand[]];

export const heardVia = {
  school: 'At school or college',
  'youth-group': 'At a youth group or club',
  worker: 'From a worker (for example a social worker or youth worker)',
  poster: 'From a poster',
  online: 'Online or on social media',
  other: 'Another way',
} as const;
export type HeardVia = keyof typeof heardVia;
export const heardViaValues = Object.keys(heardVia) as [HeardVia, ...HeardVia[]];

export const consultationStatuses = {
  draft: 'Draft',
  open: 'Open',
  closed: 'Closed',
} as const;

export const outcomeKinds = {
  decision: 'A decision of a meeting',
  action: 'An action from a meeting',
  priority: 'A priority of a plan',
  'plan-action': 'An action of a plan',
  'not-done': 'We did not, because ...',
} as const;
export type OutcomeKind = keyof typeof outcomeKinds;
export const outcomeKindValues = Object.keys(outcomeKinds) as [OutcomeKind, ...OutcomeKind[]];

export const boardResponses = {
  accepted: 'Accepted',
  'accepted-in-part': 'Accepted in part',
  'not-accepted': 'Not accepted',
} as const;
export type BoardResponse = keyof typeof boardResponses;
export const boardResponseValues = Object.keys(boardResponses) as [BoardResponse, ...BoardResponse[]];

export const moderationStates = {
  pending: 'Waiting for moderation',
  approved: 'Approved to quote',
  withheld: 'Withheld',
} as const;
