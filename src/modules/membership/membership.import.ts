// Membership lists from CSV or Excel, in the one column set the list is also exported with
// (issue 15): read the file, check every row on its own, and keep a row that cannot be read
// as it was written, with its reasons, so the preview can show it. Matching the rows against
// the body's seats and the partnership's people and organisations is the service's
// (membership.list-import.ts).
import { z } from 'zod';
import { cell, dateCell, readRecords, readTableFile } from '../../platform/imports/table-file.ts';
import type { TextEncodingChoice } from '../../platform/files/text-encoding.ts';
import { categories, seatRoles, type Category, type SeatRole } from './membership.vocabulary.ts';

export { ImportFileInvalid } from '../../platform/imports/table-file.ts';

/** The columns of a membership list, for import and export alike, in this order. */
export const listColumns = [
  'seat',
  'seat role',
  'statutory category',
  'voting',
  'places',
  'organisation',
  'holder',
  'job title',
  'email',
  'young person',
  'from',
  'until',
  'substitute for',
  'seat from',
  'seat until',
] as const;
export type ListColumn = (typeof listColumns)[number];

/** Kept for the import page's help and older callers: the same columns. */
export const importColumns = listColumns;

/** Headers older files use for a column of the list. */
const headerAliases: Record<string, ListColumn> = {
  name: 'holder',
  member: 'holder',
  role: 'seat role',
  category: 'statutory category',
};

/** How a young person is written in a list that leaves the partnership (never named). */
export const youngPersonText = 'A young person';

export interface ImportRow {
  /** The row's line in the file (the header is line 1). */
  line: number;
  seat: string;
  seatRole: SeatRole | null;
  category: Category | null;
  voting: boolean | null;
  places: number | null;
  organisation: string | null;
  /** Null: a row for the seat alone (a vacant seat, or its places). */
  name: string | null;
  jobTitle: string | null;
  email: string | null;
  youngPerson: boolean;
  /** The first day the start can mean and the last day the end can mean (as dates). */
  from: string | null;
  until: string | null;
  /** The start and end as the list gives them: '2008', '2010-04' or '2010-04-20' (issue 15). */
  fromAs?: string | null | undefined;
  untilAs?: string | null | undefined;
  /** The member (on this list) this row's holder stands in for: a standing substitute. */
  substituteFor: string | null;
  /** The dates of the seat itself, for a seat the file creates. */
  seatFrom: string | null;
  seatUntil: string | null;
}

/** A row that could not be read: its cells as written, under their columns, and why. */
export interface UnreadableRow {
  line: number;
  cells: { column: string; value: string }[];
  problems: string[];
}

const byKeyOrLabel = <K extends string>(record: Record<K, string>, what: string) =>
  cell.transform((value, context): K | null => {
    if (!value) return null;
    const lower = value.toLowerCase().replace(/\s+/g, ' ');
    const found = (Object.entries(record) as [K, string][]).find(
      ([key, label]) => key === lower || label.toLowerCase() === lower || key.replace(/-/g, ' ') === lower,
    );
    if (!found) {
      context.addIssue({
        code: 'custom',
        message: `${what} “${value}” is not one of: ${Object.values(record).join(', ')}`,
      });
      return z.NEVER;
    }
    return found[0];
  });

const yesNo = (label: string) =>
  cell.transform((value, context): boolean | null => {
    if (!value) return null;
    const lower = value.toLowerCase();
    if (['yes', 'y', 'true'].includes(lower)) return true;
    if (['no', 'n', 'false'].includes(lower)) return false;
    context.addIssue({ code: 'custom', message: `${label} must be yes or no` });
    return z.NEVER;
  });

const months = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/**
 * A membership's date as a list gives it (issue 15): a day (2010-04-20, 20/4/2010), a month
 * (2010-04, 4/2010, April 2010 or Apr 2010) or a year alone (2008); kept as written in the
 * list's own forms, '2010-04-20', '2010-04' or '2008' (what the export writes).
 */
export const partialDateCell = (label: string) =>
  cell.transform((value, context): string | null => {
    if (!value) return null;
    const month = (year: string, number: number) =>
      number >= 1 && number <= 12 ? `${year}-${String(number).padStart(2, '0')}` : undefined;
    let partial: string | undefined;
    if (/^\d{4}$/.test(value)) partial = value;
    else if (/^\d{4}-\d{1,2}$/.test(value)) partial = month(value.slice(0, 4), Number(value.slice(5)));
    else if (/^\d{1,2}\/\d{4}$/.test(value)) {
      const [number, year] = value.split('/');
      partial = month(year!, Number(number));
    } else {
      const named = /^([a-z]+)\.?\s+(\d{4})$/i.exec(value);
      const index = named
        ? months.findIndex(
            (name) =>
              name === named[1]!.toLowerCase() ||
              (named[1]!.length >= 3 && name.startsWith(named[1]!.toLowerCase())),
          )
        : -1;
      if (named && index >= 0) partial = month(named[2]!, index + 1);
      else {
        const day = dateCell(label).safeParse(value);
        if (day.success) partial = day.data ?? undefined;
      }
    }
    if (!partial) {
      context.addIssue({
        code: 'custom',
        message: `${label} must be a date like 2009-04-01 or 1/4/2009, a month like 2009-04 or April 2009, or a year like 2009`,
      });
      return z.NEVER;
    }
    return partial;
  });

/** '2010' → '2010-01-01', '2010-04' → '2010-04-01': the first day a partial date can mean. */
const firstDayOf = (partial: string) => (partial + '-01-01').slice(0, 10);
/** '2010' → '2010-12-31', '2010-02' → '2010-02-28': the last day a partial date can mean. */
const lastDayOf = (partial: string) => {
  if (partial.length === 10) return partial;
  const [year, month] = [
    Number(partial.slice(0, 4)),
    partial.length === 7 ? Number(partial.slice(5, 7)) : 12,
  ];
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
};

const rowSchema = z
  .object({
    seat: z.string().trim().min(1, 'Give the seat, as its label or its number in the list'),
    'seat role': byKeyOrLabel(seatRoles, 'Seat role'),
    'statutory category': byKeyOrLabel(categories, 'Statutory category'),
    voting: yesNo('Voting'),
    places: cell.transform((value, context): number | null => {
      if (!value) return null;
      if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 100) {
        context.addIssue({ code: 'custom', message: 'Places must be a whole number from 1 to 100' });
        return z.NEVER;
      }
      return Number(value);
    }),
    organisation: cell,
    holder: cell,
    'job title': cell,
    email: cell.pipe(z.email({ error: 'The email address is not in the correct format' }).nullable()),
    'young person': yesNo('Young person'),
    from: partialDateCell('From'),
    until: partialDateCell('Until'),
    'substitute for': cell,
    'seat from': dateCell('Seat from'),
    'seat until': dateCell('Seat until'),
  })
  .refine((row) => !row.from || !row.until || lastDayOf(row.until) >= firstDayOf(row.from), {
    path: ['until'],
    message: 'The membership ends before it starts',
  })
  .refine((row) => !row['seat from'] || !row['seat until'] || row['seat until'] >= row['seat from'], {
    path: ['seat until'],
    message: 'The seat ends before it starts',
  })
  .refine((row) => row.holder || !row['substitute for'], {
    path: ['holder'],
    message: 'Enter the substitute’s name',
  })
  .refine((row) => row.holder || (!row['job title'] && !row.email && !row.from && !row.until), {
    path: ['holder'],
    message: 'Enter the holder’s name, or leave the holder’s details blank for a vacant seat',
  });

/** Every row of the file, checked on its own; problems carry the row's line. */
export async function readMembershipFile(
  fileName: string,
  content: Buffer,
  encoding: TextEncodingChoice = 'auto',
): Promise<{
  rows: ImportRow[];
  problems: { line: number; message: string }[];
  unreadable: UnreadableRow[];
  written: Map<number, { column: string; value: string }[]>;
  /** Rows with characters the file's encoding could not give (ADR 0048). */
  warnings: string[];
}> {
  const { rows: table, warnings } = await readTableFile(fileName, content, { encoding });
  const header = (table[0] ?? []).map((title) => {
    const lower = title.trim().toLowerCase().replace(/\s+/g, ' ');
    return headerAliases[lower] ?? lower;
  });
  const read = readRecords([header, ...table.slice(1)], {
    columns: listColumns,
    required: ['seat'],
    schema: rowSchema,
  });
  const cellsOf = (line: number) =>
    header
      .map((column, index) => ({ column, value: (table[line - 1]?.[index] ?? '').trim() }))
      .filter((entry) => entry.column && entry.value);
  const byLine = Map.groupBy(read.problems, (problem) => problem.line);
  const unreadable = [...byLine].map(([line, problems]) => ({
    line,
    cells: cellsOf(line),
    problems: problems.map((problem) => problem.message),
  }));
  return {
    warnings,
    problems: read.problems,
    unreadable,
    written: new Map(table.slice(1).map((_, index) => [index + 2, cellsOf(index + 2)])),
    rows: read.rows.map((row) => ({
      line: row.line,
      seat: row.seat,
      seatRole: row['seat role'],
      category: row['statutory category'],
      voting: row.voting,
      places: row.places,
      organisation: row.organisation,
      name: row.holder,
      jobTitle: row['job title'],
      email: row.email,
      youngPerson: row['young person'] ?? false,
      from: row.from && firstDayOf(row.from),
      until: row.until && lastDayOf(row.until),
      fromAs: row.from,
      untilAs: row.until,
      substituteFor: row['substitute for'],
      seatFrom: row['seat from'],
      seatUntil: row['seat until'],
    })),
  };
}
