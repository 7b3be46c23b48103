// One way to write dates and times (issue 23), the GOV.UK style: dates as "21 January 2009",
// times as "10am", "2:30pm" and "12pm" (midday), "midnight", ranges with "to", durations in
// words. Times are read as people type them ("10am", "10:00", "14:30", "2pm", "noon") and
// kept as 'HH:MM' on the 24-hour clock. Pure: the forms, pages, documents and e-mails all
// write through these functions, and the unit tests cover every form accepted and refused.

const zone = 'Europe/London';
const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: zone,
});
const monthYear = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const londonClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: zone,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** "2009-09-14" or a Date → "14 September 2009"; "2007-04" → "April 2007"; "2007" stays. */
export function formatDate(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string' && /^\d{4}$/.test(value)) return value;
  if (typeof value === 'string' && /^\d{4}-\d{2}$/.test(value))
    return monthYear.format(new Date(`${value}-01T12:00:00Z`));
  const date =
    typeof value === 'string' && isoDay.test(value)
      ? new Date(`${value}T12:00:00Z`)
      : new Date(value as string);
  return Number.isNaN(date.getTime()) ? String(value) : longDate.format(date);
}

/**
 * Dates as sources give them (issues 15 and 24): a year, a month or a day. Stored as the first
 * day they can mean and their precision ('year', 'month', 'day'); written as they were given.
 */
export type DatePrecision = 'day' | 'month' | 'year';

/** A stored date and its precision → the date as written: "2008", "April 2010", "21 January 2009". */
export function formatDatedAt(date: unknown, precision: string | null | undefined): string {
  if (typeof date !== 'string' || !isoDay.test(date)) return formatDate(date);
  if (precision === 'year') return date.slice(0, 4);
  if (precision === 'month') return formatDate(date.slice(0, 7));
  return formatDate(date);
}

/**
 * A dated fact in a sentence: "since 2008", "from April 2010", "since 21 January 2009" (the
 * word before a year or a month stays; "in" reads better than "on" before them).
 */
export function formatDatedPhrase(word: string, date: unknown, precision: string | null | undefined): string {
  const written = formatDatedAt(date, precision);
  if (!written) return '';
  const before = word === 'on' && precision !== 'day' && precision ? 'in' : word;
  return `${before} ${written}`;
}

/** How precise a date written as '2008', '2008-04' or '2008-04-21' is. */
export function precisionOf(partial: string): DatePrecision {
  return /^\d{4}$/.test(partial) ? 'year' : /^\d{4}-\d{2}$/.test(partial) ? 'month' : 'day';
}

/** The first day a partial date can mean: '2008' → '2008-01-01', '2008-04' → '2008-04-01'. */
export function firstDayOf(partial: string): string {
  const precision = precisionOf(partial);
  return precision === 'year' ? `${partial}-01-01` : precision === 'month' ? `${partial}-01` : partial;
}

/** The last day a partial date can mean: '2008' → '2008-12-31', '2009-02' → '2009-02-28'. */
export function lastDayOf(partial: string): string {
  const precision = precisionOf(partial);
  if (precision === 'year') return `${partial}-12-31`;
  if (precision === 'day') return partial;
  const [year, month] = partial.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/**
 * Orders dates of any precision: by the first day each can mean, and a coarser date before a
 * finer one starting that day ("2009" before "January 2009" before "1 January 2009").
 */
export function comparePartialDates(a: string, b: string): number {
  const [first, second] = [firstDayOf(a), firstDayOf(b)];
  if (first !== second) return first < second ? -1 : 1;
  const rank = { year: 0, month: 1, day: 2 } as const;
  return rank[precisionOf(a)] - rank[precisionOf(b)];
}

/** "2009-04-01" and "2010-03-31" → "1 April 2009 to 31 March 2010"; either may be missing. */
export function formatDateRange(from: unknown, to: unknown): string {
  const [start, end] = [formatDate(from), formatDate(to)];
  if (start && end) return start === end ? start : `${start} to ${end}`;
  if (start) return `from ${start}`;
  return end ? `until ${end}` : '';
}

/** The wall-clock time in England of an instant, 'HH:MM'. */
export function londonTime(instant: Date): string {
  return londonClock.format(instant);
}

/** 'HH:MM' (24-hour) or an instant (its time in England) → "10am", "2:30pm", "12pm", "midnight". */
export function formatTime(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  const clock = value instanceof Date ? londonTime(value) : String(value);
  const match = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(clock);
  if (!match) return clock;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (hours === 0 && minutes === 0) return 'midnight';
  const hour = hours % 12 === 0 ? 12 : hours % 12;
  return `${hour}${minutes ? `:${match[2]}` : ''}${hours < 12 ? 'am' : 'pm'}`;
}

/** "10am to 12pm"; the start alone when there is no end. */
export function formatTimeRange(start: unknown, end?: unknown): string {
  const [from, to] = [formatTime(start), formatTime(end)];
  return from && to ? `${from} to ${to}` : from || to;
}

/** An instant → "14 September 2009 at 2pm" (in England). */
export function formatDateTime(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  const date = value instanceof Date ? value : new Date(value as string);
  if (Number.isNaN(date.getTime())) return String(value);
  return `${longDate.format(date)} at ${formatTime(date)}`;
}

/**
 * When something happens, from its start and end instants: "14 September 2009, 2pm to 4pm";
 * "14 September 2009 at 2pm" without an end; both dates when it ends on another day.
 */
export function formatWhen(start: unknown, end?: unknown): string {
  if (!start) return '';
  const from = start instanceof Date ? start : new Date(start as string);
  if (Number.isNaN(from.getTime())) return String(start);
  if (!end) return formatDateTime(from);
  const to = end instanceof Date ? end : new Date(end as string);
  if (Number.isNaN(to.getTime())) return formatDateTime(from);
  const [day, endDay] = [longDate.format(from), longDate.format(to)];
  return day === endDay
    ? `${day}, ${formatTimeRange(londonTime(from), londonTime(to))}`
    : `${formatDateTime(from)} to ${formatDateTime(to)}`;
}

/**
 * When a meeting happens, or the date alone when the minutes give no start time (ADR 0041):
 * "21 January 2009, 2pm to 4pm" or "21 January 2009".
 */
export function formatMeetingWhen(
  meeting: { startsAt: unknown; endsAt?: unknown; startTimeKnown?: boolean | null },
  withEnd = true,
): string {
  if (meeting.startTimeKnown === false) return formatDate(meeting.startsAt);
  return withEnd ? formatWhen(meeting.startsAt, meeting.endsAt) : formatDateTime(meeting.startsAt);
}

const plural = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`;

/** A number of minutes in words: "45 minutes", "1 hour", "1 hour 30 minutes", "2 days". */
export function formatDuration(minutes: number): string {
  if (!Number.isFinite(minutes) || minutes < 0) return '';
  const whole = Math.round(minutes);
  if (whole === 0) return '0 minutes';
  const days = Math.floor(whole / 1440);
  const hours = Math.floor((whole % 1440) / 60);
  const rest = whole % 60;
  return [days && plural(days, 'day'), hours && plural(hours, 'hour'), rest && plural(rest, 'minute')]
    .filter(Boolean)
    .join(' ');
}

/** A number of days in words: "1 day", "90 days", "2 weeks" when it is whole weeks under a year. */
export function formatDays(days: number): string {
  if (!Number.isFinite(days) || days < 0) return '';
  if (days >= 14 && days % 7 === 0 && days < 365) return plural(days / 7, 'week');
  return plural(Math.round(days), 'day');
}

/** What reading a time gives: 'HH:MM', or why it cannot be read. */
export type TimeReading = { time: string } | { problem: 'format' | 'real' | 'ambiguous' };

const words: Record<string, string> = {
  noon: '12:00',
  midday: '12:00',
  '12 noon': '12:00',
  '12 midday': '12:00',
  midnight: '00:00',
  '12 midnight': '00:00',
};

/**
 * A time as people type it: "10am", "10 am", "10.30am", "10:30 a.m.", "2pm", "12pm" (midday),
 * "12am" (midnight), "noon", "midday", "midnight", or the 24-hour clock: "10:00", "9:05",
 * "14:30", "14.30", "1430". A bare number ("10") is refused as ambiguous; "13pm", "25:00" and
 * "10:60" as not real times; anything else as not a time.
 */
export function readTime(text: string): TimeReading {
  const typed = text
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/([\d ])([ap])\.? ?m\.?$/, '$1$2m');
  if (words[typed]) return { time: words[typed] };
  const twelve = /^(\d{1,2})(?:[:.](\d{2}))? ?([ap]m)$/.exec(typed);
  if (twelve) {
    const [hour, minute] = [Number(twelve[1]), Number(twelve[2] ?? '0')];
    if (hour < 1 || hour > 12 || minute > 59) return { problem: 'real' };
    const hours = (hour % 12) + (twelve[3] === 'pm' ? 12 : 0);
    return { time: `${String(hours).padStart(2, '0')}:${String(minute).padStart(2, '0')}` };
  }
  const clock = /^(\d{1,2})[:.](\d{2})$/.exec(typed) ?? /^(\d{2})(\d{2})$/.exec(typed);
  if (clock) {
    const [hours, minute] = [Number(clock[1]), Number(clock[2])];
    if (hours > 23 || minute > 59) return { problem: 'real' };
    return { time: `${String(hours).padStart(2, '0')}:${clock[2]}` };
  }
  if (/^\d{1,2}$/.test(typed)) return Number(typed) <= 24 ? { problem: 'ambiguous' } : { problem: 'real' };
  return { problem: 'format' };
}

/** The message for a time that cannot be read, naming the field ("the start time"). */
export function timeProblem(label: string, problem: 'format' | 'real' | 'ambiguous'): string {
  const capital = label.charAt(0).toUpperCase() + label.slice(1);
  switch (problem) {
    case 'ambiguous':
      return `${capital} must say am or pm, like 10am or 2pm, or use the 24-hour clock, like 14:00`;
    case 'real':
      return `${capital} must be a real time, like 10am, 2:30pm or 14:30`;
    default:
      return `Enter ${label.toLowerCase()} as a time, like 10am, 2:30pm or 14:30`;
  }
}
