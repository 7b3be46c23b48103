// When an action is due: once by a date ("by December 2009"), or every period from a start
// ("on a quarterly basis from April 2009"). A recurring action owes an update for each period
// that has ended; a period with no update in it is overdue. Pure functions of dates.

export const recurrences = { monthly: 'Monthly', quarterly: 'Quarterly', annually: 'Annually' } as const;
export type Recurrence = keyof typeof recurrences;
export const recurrenceValues = Object.keys(recurrences) as [Recurrence, ...Recurrence[]];

const stepMonths: Record<Recurrence, number> = { monthly: 1, quarterly: 3, annually: 12 };

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export interface DuePeriod {
  start: string;
  end: string;
  label: string;
}

/** Adds months to an ISO date's month, keeping the day where the month has it. */
function addMonths(iso: string, months: number): { year: number; month: number } {
  const [year, month] = iso.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

const isoOf = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

const dayBefore = (iso: string) => {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
};

function labelOf(start: string, end: string): string {
  const [sy, sm] = start.split('-').map(Number) as [number, number];
  const [ey, em] = end.split('-').map(Number) as [number, number];
  if (sy === ey && sm === em) return `${monthNames[sm - 1]} ${sy}`;
  return sy === ey
    ? `${monthNames[sm - 1]} to ${monthNames[em - 1]} ${sy}`
    : `${monthNames[sm - 1]} ${sy} to ${monthNames[em - 1]} ${ey}`;
}

/**
 * The periods of a recurrence that have ended by `asAt` (and begin before `until`, when the
 * action stops recurring). Periods run from the start's day: quarterly from 2009-04-01 gives
 * April to June 2009, July to September 2009…
 */
export function periodsDue(
  recurrence: Recurrence,
  from: string,
  asAt: string,
  until?: string | null,
): DuePeriod[] {
  const periods: DuePeriod[] = [];
  const day = Number(from.slice(8, 10));
  for (let index = 0; index < 1200; index++) {
    const startParts = addMonths(from, index * stepMonths[recurrence]);
    const nextParts = addMonths(from, (index + 1) * stepMonths[recurrence]);
    const start = isoOf(startParts.year, startParts.month, Math.min(day, 28));
    const end = dayBefore(isoOf(nextParts.year, nextParts.month, Math.min(day, 28)));
    if (until && start > until) break;
    if (end >= asAt) break; // not over yet: nothing is owed
    periods.push({ start: index === 0 ? from : start, end, label: labelOf(start, end) });
  }
  return periods;
}

/** The ended periods of a recurring action with no update dated within them. */
export function overduePeriods(
  recurrence: Recurrence,
  from: string,
  updates: string[],
  asAt: string,
  until?: string | null,
): DuePeriod[] {
  return periodsDue(recurrence, from, asAt, until).filter(
    (period) => !updates.some((date) => date >= period.start && date <= period.end),
  );
}

export interface ActionTiming {
  dueOn: string | null;
  recurrence: Recurrence | null;
  recursFrom: string | null;
  recursUntil: string | null;
  status: 'not started' | 'in progress' | 'completed' | 'cancelled';
}

/** Whether an action is overdue on a date, and for which periods if it recurs. */
export function overdueOf(
  action: ActionTiming,
  updates: string[],
  asAt: string,
): { overdue: boolean; periods: DuePeriod[] } {
  if (action.status === 'completed' || action.status === 'cancelled') return { overdue: false, periods: [] };
  if (action.recurrence && action.recursFrom) {
    const periods = overduePeriods(action.recurrence, action.recursFrom, updates, asAt, action.recursUntil);
    return { overdue: periods.length > 0, periods };
  }
  return { overdue: Boolean(action.dueOn && action.dueOn < asAt), periods: [] };
}

/** "Quarterly from April 2009" */
export function describeRecurrence(recurrence: Recurrence, from: string): string {
  const [year, month] = from.split('-').map(Number) as [number, number];
  return `${recurrences[recurrence]} from ${monthNames[month - 1]} ${year}`;
}
