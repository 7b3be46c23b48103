// The GOV.UK date input: three fields (day, month, year) checked together, with the Design
// System's wording for each way they can be wrong.
import { z } from 'zod';

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/** Collects `name-day`, `name-month`, `name-year` from a form body. */
export function dateParts(body: Record<string, unknown>, name: string): DateParts {
  const part = (key: string) => String(body[`${name}-${key}`] ?? '').trim();
  return { day: part('day'), month: part('month'), year: part('year') };
}

/** Reshapes a posted form for the schemas: date inputs become {day, month, year}. */
export function withDates(body: Record<string, unknown>, ...names: string[]): Record<string, unknown> {
  const shaped: Record<string, unknown> = { ...body };
  for (const name of names) shaped[name] = dateParts(body, name);
  return shaped;
}

export function partsOf(isoDate: string | null | undefined): DateParts {
  const [year = '', month = '', day = ''] = (isoDate ?? '').split('-');
  return { day: day.replace(/^0/, ''), month: month.replace(/^0/, ''), year };
}

/** The values of a date input named NAME showing an ISO date: NAME-day, NAME-month, NAME-year. */
export function dateValues(name: string, isoDate: string | null | undefined): Record<string, string> {
  const parts = partsOf(isoDate);
  return { [`${name}-day`]: parts.day, [`${name}-month`]: parts.month, [`${name}-year`]: parts.year };
}

/**
 * A date input as an ISO date ('YYYY-MM-DD'); optional inputs left blank give undefined.
 * With `partial`, a year alone or a month and year are accepted too ('2007', '2007-04'), for
 * dates that the records give only so far ("established in 2007").
 */
type DateInputSchema<T> = z.ZodType<T, DateParts>;
export function dateInput(
  label: string,
  options: { required: true; partial?: boolean },
): DateInputSchema<string>;
export function dateInput(
  label: string,
  options: { required: false; partial?: boolean },
): DateInputSchema<string | undefined>;
export function dateInput(
  label: string,
  options: { required: boolean; partial?: boolean },
): DateInputSchema<string | undefined> {
  // A required input that fails adds an issue, so the value is never undefined when it passes.
  return z
    .object({ day: z.string(), month: z.string(), year: z.string() })
    .transform((parts, context): string | undefined => {
      const missing = (['day', 'month', 'year'] as const).filter((key) => !parts[key]);
      // Issues point at the first field to correct, so the error summary links to it.
      const at = (field: keyof DateParts) => [field];
      if (missing.length === 3) {
        if (options.required)
          context.addIssue({ code: 'custom', path: at('day'), message: `Enter ${label.toLowerCase()}` });
        return undefined;
      }
      if (options.partial && parts.year && !parts.day && (missing.length === 2 || parts.month)) {
        const month = Number(parts.month || '1');
        if (!/^\d{4}$/.test(parts.year) || !Number.isInteger(month) || month < 1 || month > 12) {
          context.addIssue({
            code: 'custom',
            path: at(parts.month ? 'month' : 'year'),
            message: `${label} must be a real date`,
          });
          return undefined;
        }
        return parts.month ? `${parts.year}-${String(month).padStart(2, '0')}` : parts.year;
      }
      if (options.partial && !parts.year) {
        // a year is the least a partial date needs: "April" alone is no date
        context.addIssue({ code: 'custom', path: at('year'), message: `${label} must include a year` });
        return undefined;
      }
      if (missing.length) {
        context.addIssue({
          code: 'custom',
          path: at(missing[0]!),
          message: `${label} must include a ${missing.join(' and ')}`,
        });
        return undefined;
      }
      const [day, month, year] = [Number(parts.day), Number(parts.month), Number(parts.year)];
      if (![day, month, year].every(Number.isInteger) || !/^\d{4}$/.test(parts.year)) {
        context.addIssue({ code: 'custom', path: at('day'), message: `${label} must be a real date` });
        return undefined;
      }
      const date = new Date(Date.UTC(year, month - 1, day));
      if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
        context.addIssue({
          code: 'custom',
          path: at(month < 1 || month > 12 ? 'month' : 'day'),
          message: `${label} must be a real date`,
        });
        return undefined;
      }
      return date.toISOString().slice(0, 10);
    });
}

/**
 * Date filters in a query string, entered with the GOV.UK date input (issue 23): each as
 * NAME-day, NAME-month and NAME-year, or as NAME=YYYY-MM-DD (or YYYY-MM, YYYY with `partial`)
 * as links and earlier addresses give it. Gives the query with NAME set to the ISO date the
 * input makes (so the filters' schemas read it as before) and the three parts set for the
 * input to show, and a problem for each input that is not a date.
 */
export function queryDates(
  query: Record<string, unknown>,
  fields: Record<string, { label: string; partial?: boolean }>,
): { query: Record<string, unknown>; problems: { path: string; message: string }[] } {
  const shaped: Record<string, unknown> = { ...query };
  const problems: { path: string; message: string }[] = [];
  for (const [name, { label, partial }] of Object.entries(fields)) {
    const parts = dateParts(query, name);
    if (parts.day || parts.month || parts.year) {
      const read = dateInput(label, { required: false, partial: partial ?? false }).safeParse(parts);
      if (read.success) shaped[name] = read.data;
      else {
        delete shaped[name];
        for (const issue of read.error.issues)
          problems.push({ path: [name, ...issue.path].join('.'), message: issue.message });
      }
    } else if (typeof query[name] === 'string' && query[name]) {
      Object.assign(shaped, dateValues(name, query[name]));
    }
  }
  return { query: shaped, problems };
}

/** An ISO 8601 date at the precision known: '2007', '2007-04' or '2007-04-20'. */
export const partialIsoDate = (label: string) =>
  z
    .string({ error: `${label} must be a date like 2007, 2007-04 or 2007-04-20` })
    .regex(
      /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/,
      `${label} must be a date like 2007, 2007-04 or 2007-04-20`,
    );

/** An ISO date in JSON bodies and query strings. */
export const isoDate = (label: string) =>
  z.iso.date({ error: `${label} must be a date in the form YYYY-MM-DD` });

export type Precision = 'day' | 'month' | 'year';

/** '2008-11' → the first day it can mean and how precise it is; for dated records. */
export function datedAt(partial: string): { date: string; precision: Precision } {
  if (/^\d{4}$/.test(partial)) return { date: `${partial}-01-01`, precision: 'year' };
  if (/^\d{4}-\d{2}$/.test(partial)) return { date: `${partial}-01`, precision: 'month' };
  return { date: partial, precision: 'day' };
}

/** The inverse of `datedAt`: '2008-11-01' at month precision → '2008-11'. */
export function partialOf(date: string, precision: string): string {
  return precision === 'year' ? date.slice(0, 4) : precision === 'month' ? date.slice(0, 7) : date;
}

/** Today's date as 'YYYY-MM-DD' (UTC), the default "as at" date of pages and rules. */
export const today = (): string => new Date().toISOString().slice(0, 10);
