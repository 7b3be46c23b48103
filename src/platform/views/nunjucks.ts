// Server-rendered pages: Nunjucks over the GOV.UK Frontend macros. Templates are named from
// `src/` (e.g. "modules/partnerships/views/show.njk") and compiled once, then cached.
import { fileURLToPath } from 'node:url';
import type { Express } from 'express';
import { LRUCache } from 'lru-cache';
import nunjucks from 'nunjucks';
import { KeepExtension } from './kept-html.ts';
import { narrowPages } from './narrow-pages.ts';
import { sendPagesInParts } from './send-pages.ts';
import {
  formatDate,
  formatDateRange,
  formatDatedAt,
  formatDatedPhrase,
  formatDateTime,
  formatDays,
  formatDuration,
  formatMeetingWhen,
  formatTime,
  formatTimeRange,
  formatWhen,
} from '../dates.ts';

export const srcDir = fileURLToPath(new URL('../../', import.meta.url));
export const govukDir = fileURLToPath(new URL('../../../node_modules/govuk-frontend/dist/', import.meta.url));

// One way to write dates and times (issue 23): the formatters are in platform/dates.ts.
export { formatDate, formatDateTime } from '../dates.ts';

/** Nunjucks' file loader (its resolve is not in its types). */
interface FileLoader {
  resolve(from: string, to: string): string;
}

export interface ViewOptions {
  /** Compiled templates kept (off in development, to see edits at once). */
  cache: boolean;
}

export function createViews(app: Express, options: ViewOptions): nunjucks.Environment {
  const env = nunjucks.configure([srcDir, govukDir], {
    autoescape: true,
    noCache: !options.cache,
    throwOnUndefined: false,
    express: app,
  });
  // a page is sent one byte a character (ADR 0056, replacing ADR 0024's patches)
  narrowPages(app);
  // and a kept part of it is sent as it was kept, not written into its text (ADR 0061)
  sendPagesInParts(app);
  // Every GOV.UK macro includes "./template.njk" beside it, so each call resolved that path
  // anew (path.resolve, about a tenth of rendering a page). The answer never changes: keep it.
  for (const loader of (env as unknown as { loaders: FileLoader[] }).loaders) {
    const resolve = loader.resolve.bind(loader);
    const resolved = new Map<string, string>();
    loader.resolve = (from, to) => {
      const key = `${from}\0${to}`;
      let found = resolved.get(key);
      if (found === undefined) resolved.set(key, (found = resolve(from, to)));
      return found;
    };
  }
  // A partial that depends on nothing but its parameters (the menu) is rendered once for each
  // set of parameters and kept, a few hundred at most: the same parameters give the same HTML.
  const partials = new LRUCache<string, nunjucks.runtime.SafeString>({ max: 500 });
  env.addGlobal('partial', (name: string, params: unknown) => {
    const key = `${name}\0${JSON.stringify(params)}`;
    let html = options.cache ? partials.get(key) : undefined;
    if (!html) {
      html = new nunjucks.runtime.SafeString(env.render(name, { params }));
      if (options.cache) partials.set(key, html);
    }
    return html;
  });
  env.addExtension('keep', new KeepExtension());
  // Nunjucks's own `trim` (which GOV.UK Frontend's macros call on every block of HTML they are
  // given) trims with /^\s*|\s*$/g, which looks for the end at every space of a page; the
  // language's trim takes off the same characters, in a pass from each end.
  env.addFilter('trim', (value: { toString(): string }) => {
    const trimmed = value.toString().trim();
    return value instanceof nunjucks.runtime.SafeString ? new nunjucks.runtime.SafeString(trimmed) : trimmed;
  });
  env.addFilter('date', formatDate);
  env.addFilter('dateTime', formatDateTime);
  env.addFilter('time', formatTime);
  env.addFilter('timeRange', formatTimeRange);
  env.addFilter('when', formatWhen);
  env.addFilter('dateRange', formatDateRange);
  env.addFilter('duration', formatDuration);
  env.addFilter('days', formatDays);
  // A dated record at the precision it was recorded: ('2008-11-01', 'month') → November 2008.
  env.addFilter('datedAt', (value: unknown, precision: string) => formatDatedAt(value, precision));
  // a dated fact in a sentence as the source gave it: "since 2008", "from April 2010" (ADR 0041)
  env.addFilter('datedPhrase', (value: unknown, word: string, precision: string) =>
    formatDatedPhrase(word, value, precision),
  );
  // a meeting's date and time, or its date alone when no start time is known (ADR 0041)
  env.addFilter('meetingWhen', (meeting: Parameters<typeof formatMeetingWhen>[0], withEnd = true) =>
    formatMeetingWhen(meeting, withEnd),
  );
  env.addFilter('json', (value: unknown) => JSON.stringify(value, null, 2));
  env.addGlobal('serviceName', 'Cooperate');
  app.set('view engine', 'njk');
  return env;
}
