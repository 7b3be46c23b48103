// Membership lists from CSV or Excel: read the file, check every row against the body's seats
// and the partnership's organisations, and report each problem with its row, so that nothing
// is written until the whole file is right.
import { z } from 'zod';
import { cell, dateCell, readRecords, readTable } from '../../platform/imports/table-file.ts';

export { ImportFileInvalid } from '../../platform/imports/table-file.ts';

export const importColumns = [
  'seat',
  'name',
  'job title',
  'email',
  'organisation',
  'young person',
  'from',
  'until',
  'seat from',
  'seat until',
] as const;

export interface ImportRow {
  /** The row's line in the file (the header is line 1). */
  line: number;
  seat: string;
  name: string;
  jobTitle: string | null;
  email: string | null;
  organisation: string | null;
  youngPerson: boolean;
  from: string | null;
  until: string | null;
  /** The dates of the seat itself, for a seat the file creates. */
  seatFrom: string | null;
  seatUntil: string | null;
}

const rowSchema = z
  .object({
    seat: z.string().trim().min(1, 'Give the seat, as its label or its number in the list'),
    name: z.string().trim().min(1, 'Give the member’s full name'),
    'job title': cell,
    email: cell.pipe(z.email({ error: 'The email address is not in the correct format' }).nullable()),
    organisation: cell,
    'young person': z
      .string()
      .trim()
      .toLowerCase()
      .refine(
        (value) => ['', 'yes', 'no', 'y', 'n', 'true', 'false'].includes(value),
        'Young person must be yes or no',
      )
      .transform((value) => ['yes', 'y', 'true'].includes(value)),
    from: dateCell('From'),
    until: dateCell('Until'),
    'seat from': dateCell('Seat from'),
    'seat until': dateCell('Seat until'),
  })
  .refine((row) => !row.from || !row.until || row.until >= row.from, {
    path: ['until'],
    message: 'The membership ends before it starts',
  })
  .refine((row) => !row['seat from'] || !row['seat until'] || row['seat until'] >= row['seat from'], {
    path: ['seat until'],
    message: 'The seat ends before it starts',
  });

/** Every row of the file, checked on its own; problems carry the row's line. */
export async function readMembershipFile(
  fileName: string,
  content: Buffer,
): Promise<{ rows: ImportRow[]; problems: { line: number; message: string }[] }> {
  const read = readRecords(await readTable(fileName, content), {
    columns: importColumns,
    required: ['seat', 'name'],
    schema: rowSchema,
  });
  return {
    problems: read.problems,
    rows: read.rows.map((row) => ({
      line: row.line,
      seat: row.seat,
      name: row.name,
      jobTitle: row['job title'],
      email: row.email,
      organisation: row.organisation,
      youngPerson: row['young person'],
      from: row.from,
      until: row.until,
      seatFrom: row['seat from'],
      seatUntil: row['seat until'],
    })),
  };
}
