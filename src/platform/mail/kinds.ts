// The kinds of message the product sends, and whether a person may switch each off. Papers
// (the agenda and its changes), invitations and survey response links always go: a member
// cannot do their part without them.
export const mailKinds = {
  invitation: { label: 'Invitations to join a partnership', optional: false },
  'survey-link': { label: 'Links to answer a survey', optional: false },
  agenda: { label: 'Agendas and papers for your meetings', optional: false },
  'papers-updated': { label: 'Changes to the papers of your meetings', optional: false },
  'board-pack': { label: 'Board pack ready', optional: true },
  minutes: { label: 'Draft minutes for comment and minutes approved', optional: true },
  'action-new': { label: 'New actions you own', optional: true },
  'action-reminder': {
    label: 'Reminders about your actions (due soon, overdue, updates due)',
    optional: true,
  },
  apologies: { label: 'Apologies sent to you as a meeting’s clerk', optional: true },
  'term-ending': { label: 'Terms of office ending (to administrators)', optional: true },
  'survey-reminder': { label: 'Reminders to answer a survey before it closes', optional: true },
  digest: { label: 'Your daily digest', optional: false },
} as const satisfies Record<string, { label: string; optional: boolean }>;

export type MailKind = keyof typeof mailKinds;

export const mailChoices = ['immediately', 'digest', 'off'] as const;
export type MailChoice = (typeof mailChoices)[number];

export const isMailKind = (value: unknown): value is MailKind =>
  typeof value === 'string' && Object.hasOwn(mailKinds, value);

export const optionalKinds = (Object.keys(mailKinds) as MailKind[]).filter(
  (kind) => mailKinds[kind].optional,
);
