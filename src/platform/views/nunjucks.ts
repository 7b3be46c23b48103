// Server-rendered pages: Nunjucks over the GOV.UK Frontend macros. Templates are named from
// `src/` (e.g. "modules/partnerships/views/show.njk") and compiled once, then cached.
import { fileURLToPath } from 'node:url';
import type { Express } from 'express';
import nunjucks from 'nunjucks';

export const srcDir = fileURLToPath(new URL('../../', import.meta.url));
export const govukDir = fileURLToPath(new URL('../../../node_modules/govuk-frontend/dist/', import.meta.url));

const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});
const longDateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
  timeZone: 'Europe/London',
});

const monthYear = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "2009-09-14" or a Date → "14 September 2009", the GOV.UK style; "2007-04" → "April 2007"; "2007" stays. */
export function formatDate(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string' && /^\d{4}$/.test(value)) return value;
  if (typeof value === 'string' && /^\d{4}-\d{2}$/.test(value))
    return monthYear.format(new Date(`${value}-01T12:00:00Z`));
  const date =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? new Date(`${value}T12:00:00Z`)
      : new Date(value as string);
  return Number.isNaN(date.getTime()) ? String(value) : longDate.format(date);
}

export function formatDateTime(value: unknown): string {
  if (!value) return '';
  const date = new Date(value as string);
  return Number.isNaN(date.getTime())
    ? String(value)
    : longDateTime.format(date).replace(' am', 'am').replace(' pm', 'pm');
}

export function createViews(app: Express, options: { cache: boolean }): nunjucks.Environment {
  const env = nunjucks.configure([srcDir, govukDir], {
    autoescape: true,
    noCache: !options.cache,
    throwOnUndefined: false,
    express: app,
  });
  env.addFilter('date', formatDate);
  env.addFilter('dateTime', formatDateTime);
  // A dated record at the precision it was recorded: ('2008-11-01', 'month') → November 2008.
  env.addFilter('datedAt', (value: unknown, precision: string) =>
    formatDate(
      typeof value === 'string' && precision !== 'day' ? value.slice(0, precision === 'year' ? 4 : 7) : value,
    ),
  );
  env.addFilter('json', (value: unknown) => JSON.stringify(value, null, 2));
  env.addGlobal('serviceName', 'Cooperate');
  app.set('view engine', 'njk');
  return env;
}
