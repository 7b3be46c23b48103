// The statutory partner categories over time (data/reference/statutory-categories.yaml): the
// dates each kind of partner exists between, each with its source. Read and checked once per
// process, synchronously on first use (a small file), so the checks below are plain
// synchronous functions the compliance evaluator can call inside its pure code;
// `statutoryCategories()` at start (or in a test) reads it early and reports every problem.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DataFilesInvalid, parseDataFile } from '../../platform/data-files.ts';
import { categoryValues } from './membership.vocabulary.ts';

export const statutoryCategoriesFile = fileURLToPath(
  new URL('../../../data/reference/statutory-categories.yaml', import.meta.url),
);

const isoDay = z.iso.date({ error: 'A date must be written like 2010-03-31' });
const datedSource = z.strictObject({
  date: isoDay,
  source: z.string({ error: 'Enter the source of the date' }).trim().min(1, 'Enter the source of the date'),
  url: z.url().optional(),
});

export const statutoryCategoriesSchema = z.strictObject({
  // An enum-keyed record: every category of the vocabulary must be there, and nothing else.
  categories: z.record(
    z.enum(categoryValues),
    z
      .strictObject({ from: datedSource.optional(), until: datedSource.optional() })
      .refine((entry) => !entry.from || !entry.until || entry.from.date <= entry.until.date, {
        message: 'A category must begin on or before its last day',
        path: ['until', 'date'],
      }),
  ),
});

export type StatutoryCategories = z.output<typeof statutoryCategoriesSchema>['categories'];

export function readStatutoryCategories(file = statutoryCategoriesFile): StatutoryCategories {
  const { value, problems } = parseDataFile(
    'statutory-categories.yaml',
    readFileSync(file, 'utf8'),
    statutoryCategoriesSchema,
  );
  if (!value) throw new DataFilesInvalid('statutory categories', problems);
  return value.categories;
}

let cached: StatutoryCategories | undefined;
/** The shipped file, read once per process. */
export const statutoryCategories = (): StatutoryCategories => (cached ??= readStatutoryCategories());

/**
 * Whether a statutory category exists on a date ('YYYY-MM-DD'): on or after its `from` and on or
 * before its `until` (its last day). A category the vocabulary does not know is in force never.
 */
export function categoryInForce(category: string, date: string): boolean {
  const known = statutoryCategories();
  if (!Object.hasOwn(known, category)) return false;
  const { from, until } = known[category as keyof StatutoryCategories];
  return (!from || from.date <= date) && (!until || date <= until.date);
}

/** Whether an organisation has ended by a date: its last day (`endsOn`) is before the date. */
export function organisationEndedBy(organisation: { endsOn: string | null }, date: string): boolean {
  return organisation.endsOn !== null && organisation.endsOn < date;
}
