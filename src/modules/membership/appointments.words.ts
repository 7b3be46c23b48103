// Pure helpers of corrected appointments (issue 15): the last day a partial end can mean, and
// the meetings a refusal names.
import { datedAt, type Precision } from '../../platform/http/date-input.ts';
import { formatDate } from '../../platform/dates.ts';

/** '2010' → '2010-12-31', '2010-02' → '2010-02-28', a day stays: the last day a partial end can mean. */
export function lastDayOf(partial: string): { date: string; precision: Precision } {
  const { date, precision } = datedAt(partial);
  if (precision === 'day') return { date, precision };
  const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  const last = precision === 'year' ? new Date(Date.UTC(year, 11, 31)) : new Date(Date.UTC(year, month, 0));
  return { date: last.toISOString().slice(0, 10), precision };
}

/** "Board on 14 September 2009, Board on 12 October 2009" (each meeting once). */
export const meetingsNamed = (counted: { meetingId: string; title: string; startsAt: Date }[]) =>
  [...new Map(counted.map((row) => [row.meetingId, row])).values()]
    .map((row) => `${row.title} on ${formatDate(row.startsAt)}`)
    .join(', ');

const londonDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });

/** The day in England of an instant, 'YYYY-MM-DD' (a meeting's date). */
export const londonDay = (instant: Date): string => londonDate.format(instant);
