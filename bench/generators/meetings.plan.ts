// What the meetings step makes for one partnership's board, drawn from the seeded stream before
// the database is looked at (so the same seed and options always draw the same meetings):
// each year four board meetings, an annual event and a development session, one in twelve
// cancelled; for each meeting held an agenda of 6 to 10 items (one in ten exempt under a
// paragraph of Schedule 12A), a decision or two, a few actions, and how each expected member
// attended. Pure: unit-tested in meetings.plan.test.ts. All of it is illustrative.
import type { ItemPurpose, MeetingKind } from '../../src/modules/meetings/index.ts';
import { benchMeetingYear } from '../identities.ts';
import type { Random } from '../random.ts';

/**
 * The last year of meetings, the year the runner measures: complete whenever the bench runs,
 * and late enough that the board's members (who joined from 2014 on) fill its registers.
 */
export const lastMeetingYear = benchMeetingYear;

export interface PlannedItem {
  number: number;
  title: string;
  purpose: ItemPurpose;
  presenter: string | null;
  exempt: boolean;
  exemptParagraph: number | null;
  exemptReason: string | null;
}

export interface PlannedAction {
  text: string;
  /** Index into the agenda, or null for an action of the meeting as a whole. */
  item: number | null;
  dueOn: string;
  /** A draw in [0, 1) that picks the owner: a member present, or else an organisation. */
  owner: number;
  /** What becomes of it after the meeting: closed at the next meeting, or left open. */
  fate: 'done' | 'dropped' | 'open';
}

export interface PlannedMeeting {
  title: string;
  kind: MeetingKind;
  date: string;
  startTime: string;
  endTime: string;
  place: string;
  state: 'held' | 'cancelled';
  notes: string;
  items: PlannedItem[];
  /** Indexes into the agenda of the items decided, each with whether it was delegated. */
  decisions: { item: number; delegatedTo: string | null }[];
  actions: PlannedAction[];
  /** 1 to 3 officers in attendance, as draws in [0, 1) to pick from the partnership's people. */
  inAttendance: number[];
  /** One draw a register row, in [0, 1): see `attendanceOf`. */
  attendance: number[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Board meetings in these months; the annual event in June, a development session in September. */
const boardMonths = [2, 5, 9, 11];

const standingItems: { title: string; purpose: ItemPurpose }[] = [
  { title: 'Welcome, introductions and apologies', purpose: 'information' },
  { title: 'Declarations of interest', purpose: 'information' },
  { title: 'Minutes of the last meeting and matters arising', purpose: 'decision' },
];
const topics: { title: string; purpose: ItemPurpose }[] = [
  { title: 'Performance report: the plan’s indicators', purpose: 'discussion' },
  { title: 'Early help strategy refresh', purpose: 'decision' },
  { title: 'Safeguarding partnership annual report', purpose: 'information' },
  { title: 'Children and Young People’s Plan: progress against priorities', purpose: 'discussion' },
  { title: 'Pooled budget: quarterly position', purpose: 'decision' },
  { title: 'Special educational needs and disabilities: inspection readiness', purpose: 'discussion' },
  { title: 'Youth offer consultation', purpose: 'consultation' },
  { title: 'Child poverty action plan', purpose: 'decision' },
  { title: 'Emotional health and wellbeing: transformation plan', purpose: 'discussion' },
  { title: 'Young people’s board: what we heard', purpose: 'information' },
  { title: 'Joint strategic needs assessment: children’s chapter', purpose: 'information' },
  { title: 'Sub-group reports', purpose: 'information' },
  { title: 'Risk register', purpose: 'discussion' },
  { title: 'Commissioning intentions', purpose: 'consultation' },
];
const exemptTopics: { title: string; paragraph: number; reason: string }[] = [
  { title: 'Contract award: family support service', paragraph: 3, reason: 'Commercial terms of bidders' },
  { title: 'Serious case review: emerging findings', paragraph: 1, reason: 'Information about a child' },
  { title: 'Staffing restructure of the partnership team', paragraph: 4, reason: 'Consultation with staff' },
  { title: 'Legal advice on the pooled budget agreement', paragraph: 5, reason: 'Legal privilege' },
];
const closingItem = { title: 'Any other business', purpose: 'information' as const };
const presenters = ['Chair', 'Director of Children’s Services', 'Partnership manager', 'Head of performance'];
const places = ['Council House, Committee Room 2', 'Civic Centre, Room 1', 'Online (Teams)'];
const actionTexts = [
  'Circulate the revised strategy to members for comment',
  'Bring the performance exceptions back to the next meeting',
  'Write to the integrated care board about the waiting times',
  'Arrange a development session on the new inspection framework',
  'Share the young people’s board feedback with the sub-groups',
  'Update the risk register and report the changes',
  'Confirm the partners’ contributions to the pooled budget',
];

function addDays(date: string, days: number): string {
  const at = new Date(`${date}T12:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

function agendaFor(random: Random, kind: MeetingKind): PlannedItem[] {
  const count = random.int(6, 10);
  const chosen = [...topics];
  const items: PlannedItem[] = [];
  const push = (title: string, purpose: ItemPurpose, exempt?: (typeof exemptTopics)[number]) =>
    items.push({
      number: items.length + 1,
      title: exempt ? exempt.title : title,
      purpose: exempt ? 'decision' : purpose,
      presenter: items.length < 2 ? 'Chair' : random.pick(presenters),
      exempt: Boolean(exempt),
      exemptParagraph: exempt?.paragraph ?? null,
      exemptReason: exempt?.reason ?? null,
    });
  for (const item of kind === 'board-meeting' ? standingItems : standingItems.slice(0, 2))
    push(item.title, item.purpose);
  while (items.length < count - 1) {
    if (random.chance(0.1)) push('', 'decision', random.pick(exemptTopics));
    else {
      const [topic] = chosen.splice(random.int(0, chosen.length - 1), 1);
      push(topic!.title, topic!.purpose);
    }
  }
  push(closingItem.title, closingItem.purpose);
  return items;
}

function meetingOn(random: Random, kind: MeetingKind, date: string): PlannedMeeting {
  const titles: Partial<Record<MeetingKind, string>> = {
    'board-meeting': 'Board meeting',
    'annual-event': 'Annual partnership event',
    'development-session': 'Board development session',
  };
  const state = random.chance(1 / 12) ? 'cancelled' : 'held';
  const start = kind === 'annual-event' ? 9 : random.pick([10, 13, 14]);
  const base: PlannedMeeting = {
    title: titles[kind]!,
    kind,
    date,
    startTime: `${pad(start)}:${random.pick(['00', '30'])}`,
    endTime: `${pad(start + (kind === 'annual-event' ? 6 : 2))}:00`,
    place: random.pick(places),
    state,
    notes: 'Illustrative meeting made by the benchmark generator.',
    items: [],
    decisions: [],
    actions: [],
    inAttendance: [],
    attendance: [],
  };
  if (state === 'cancelled') return base;
  const items = agendaFor(random, kind);
  const decidable = items.flatMap((item, index) => (item.purpose === 'decision' ? [index] : []));
  const decisions = Array.from({ length: Math.min(decidable.length, random.int(1, 2)) }, () => {
    const [index] = decidable.splice(random.int(0, decidable.length - 1), 1);
    return { item: index!, delegatedTo: random.chance(0.2) ? 'The executive board' : null };
  });
  const actions = Array.from({ length: random.int(2, 4) }, () => ({
    text: random.pick(actionTexts),
    item: random.chance(0.8) ? random.int(2, items.length - 1) : null,
    dueOn: addDays(date, random.int(4, 12) * 7),
    owner: random.next(),
    fate: random.chance(0.8)
      ? ('done' as const)
      : random.chance(0.25)
        ? ('dropped' as const)
        : ('open' as const),
  }));
  return {
    ...base,
    items,
    decisions,
    actions,
    inAttendance: Array.from({ length: random.int(1, 3) }, () => random.next()),
    // Enough for the largest board; a register uses as many as it has rows.
    attendance: Array.from({ length: 40 }, () => random.next()),
  };
}

/** The board's meetings over `years` years ending with `lastYear`, in date order. */
export function planMeetings(random: Random, years: number, lastYear = lastMeetingYear): PlannedMeeting[] {
  const meetings: PlannedMeeting[] = [];
  for (let year = lastYear - years + 1; year <= lastYear; year++) {
    const dated: { kind: MeetingKind; month: number }[] = [
      ...boardMonths.map((month) => ({ kind: 'board-meeting' as const, month })),
      { kind: 'annual-event', month: 6 },
      { kind: 'development-session', month: 10 },
    ];
    for (const { kind, month } of dated.sort((a, b) => a.month - b.month))
      meetings.push(meetingOn(random, kind, `${year}-${pad(month)}-${pad(random.int(1, 28))}`));
  }
  return meetings;
}

export type Attendance = 'present' | 'apologies' | 'absent';

/**
 * How a member attended, from the meeting's draw for their row: 78 in 100 present, 17 sent
 * apologies (a named substitute, if the membership has one, comes for half of them), 5 absent.
 */
export function attendanceOf(
  draw: number,
  hasSubstitute: boolean,
): { status: Attendance; substitute: boolean } {
  if (draw < 0.78) return { status: 'present', substitute: false };
  if (draw < 0.95) return { status: 'apologies', substitute: hasSubstitute && draw < 0.865 };
  return { status: 'absent', substitute: false };
}
