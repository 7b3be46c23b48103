// Reporting periods, written the way partnerships write them ("2008-09", "2009/10",
// "2009-10 Q1"), checked against how often the indicator is measured, and turned into dates
// so that values sort and compare in time.
import type { Frequency } from './indicators.vocabulary.ts';

export interface Period {
  /** The canonical spelling, stored with each target and value. */
  key: string;
  label: string;
  /** ISO dates, first and last day. */
  start: string;
  end: string;
}

const months = [
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

const iso = (year: number, month: number, day: number) =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const plausible = (year: number) => year >= 1990 && year <= 2100;

/** "2008-09" or "2008/09" → 2008, when the second year follows the first. */
function spanningYear(text: string): number | null {
  const match = /^(\d{4})\s*[-/]\s*(\d{2}|\d{4})$/.exec(text);
  if (!match) return null;
  const first = Number(match[1]);
  const second = Number(match[2]);
  const follows = match[2]!.length === 4 ? second === first + 1 : second === (first + 1) % 100;
  return follows && plausible(first) ? first : null;
}

const short = (year: number) => String((year + 1) % 100).padStart(2, '0');

export const periodExamples: Record<Frequency, string> = {
  'financial year': '2008-09',
  'academic year': '2008/09',
  'calendar year': '2009',
  quarter: '2009-10 Q1',
  month: '2009-04',
};

/** The period `text` names for an indicator measured at `frequency`, or null if it names none. */
export function parsePeriod(frequency: Frequency, text: string): Period | null {
  const value = text.trim();
  switch (frequency) {
    case 'financial year': {
      const year = spanningYear(value);
      if (year === null) return null;
      const key = `${year}-${short(year)}`;
      return { key, label: key, start: iso(year, 4, 1), end: iso(year + 1, 3, 31) };
    }
    case 'academic year': {
      const year = spanningYear(value);
      if (year === null) return null;
      const key = `${year}/${short(year)}`;
      return { key, label: key, start: iso(year, 9, 1), end: iso(year + 1, 8, 31) };
    }
    case 'calendar year': {
      if (!/^\d{4}$/.test(value) || !plausible(Number(value))) return null;
      const year = Number(value);
      return { key: value, label: value, start: iso(year, 1, 1), end: iso(year, 12, 31) };
    }
    case 'quarter': {
      const match = /^(.+?)\s*Q([1-4])$/i.exec(value);
      const year = match ? spanningYear(match[1]!) : null;
      if (!match || year === null) return null;
      const quarter = Number(match[2]);
      // Financial quarters: Q1 is April to June, Q4 is January to March of the next year.
      const firstMonth = (((quarter - 1) * 3 + 3) % 12) + 1;
      const calendarYear = quarter === 4 ? year + 1 : year;
      const key = `${year}-${short(year)} Q${quarter}`;
      return {
        key,
        label: key,
        start: iso(calendarYear, firstMonth, 1),
        end: iso(calendarYear, firstMonth + 2, lastDay(calendarYear, firstMonth + 2)),
      };
    }
    case 'month': {
      const match = /^(\d{4})-(\d{2})$/.exec(value);
      if (!match) return null;
      const year = Number(match[1]);
      const month = Number(match[2]);
      if (!plausible(year) || month < 1 || month > 12) return null;
      return {
        key: value,
        label: `${months[month - 1]} ${year}`,
        start: iso(year, month, 1),
        end: iso(year, month, lastDay(year, month)),
      };
    }
  }
}

const named: Record<Frequency, string> = {
  'financial year': 'a financial year',
  'academic year': 'an academic year',
  'calendar year': 'a calendar year',
  quarter: 'a quarter',
  month: 'a month',
};

/** The message for a period that does not fit the indicator. */
export function periodProblem(frequency: Frequency, text: string): string {
  return text.trim()
    ? `“${text.trim()}” is not ${named[frequency]}, which this indicator is measured in: write it like ${periodExamples[frequency]}`
    : `Enter the period, like ${periodExamples[frequency]}`;
}
