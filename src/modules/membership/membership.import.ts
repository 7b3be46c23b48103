// Membership lists from CSV or Excel: read the file, check every row against the body's seats
// and the partnership's organisations, and report each problem with its row, so that nothing
// is written until the whole file is right.
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';

export const importColumns = [
  'seat',
  'name',
  'job title',
  'email',
  'organisation',
  'young person',
  'from',
  'until',
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
}

export class ImportFileInvalid extends Error {}

const ukDate = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const toIso = (value: string) => {
  const uk = ukDate.exec(value);
  return uk ? `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}` : value;
};
const realDate = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`);
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
  );
};

const cell = z
  .string()
  .trim()
  .transform((value) => value || null);
const dateCell = (label: string) =>
  cell.transform((value, context) => {
    if (!value) return null;
    const iso = toIso(value);
    if (!realDate(iso)) {
      context.addIssue({ code: 'custom', message: `${label} must be a date like 2009-04-01 or 1/4/2009` });
      return z.NEVER;
    }
    return iso;
  });

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
  })
  .refine((row) => !row.from || !row.until || row.until >= row.from, {
    path: ['until'],
    message: 'The membership ends before it starts',
  });

async function readTable(fileName: string, content: Buffer): Promise<string[][]> {
  if (/\.xlsx$/i.test(fileName)) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new ImportFileInvalid('The spreadsheet has no worksheet');
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, number) => {
      const values: string[] = [];
      row.eachCell({ includeEmpty: true }, (value, column) => {
        const raw = value.value;
        values[column - 1] =
          raw instanceof Date
            ? raw.toISOString().slice(0, 10)
            : raw === null || raw === undefined
              ? ''
              : typeof raw === 'object' && 'text' in raw
                ? String(raw.text)
                : String(raw);
      });
      rows[number - 1] = Array.from(values, (v) => v ?? '');
    });
    return Array.from(rows, (row) => row ?? []);
  }
  if (/\.csv$/i.test(fileName)) {
    try {
      return parse(content, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
    } catch (error) {
      throw new ImportFileInvalid(`The CSV file cannot be read: ${(error as Error).message}`);
    }
  }
  throw new ImportFileInvalid('The file must be a CSV or an Excel (.xlsx) file');
}

/** Every row of the file, checked on its own; problems carry the row's line. */
export async function readMembershipFile(
  fileName: string,
  content: Buffer,
): Promise<{ rows: ImportRow[]; problems: { line: number; message: string }[] }> {
  const table = await readTable(fileName, content);
  const header = (table[0] ?? []).map((title) => title.trim().toLowerCase());
  const missing = importColumns.filter(
    (column) => (column === 'seat' || column === 'name') && !header.includes(column),
  );
  if (missing.length)
    throw new ImportFileInvalid(
      `The first row must name the columns; these are missing: ${missing.join(', ')}. The columns are: ${importColumns.join(', ')}`,
    );
  const rows: ImportRow[] = [];
  const problems: { line: number; message: string }[] = [];
  table.slice(1).forEach((cells, index) => {
    const line = index + 2;
    if (cells.every((value) => !value?.trim())) return;
    const record = Object.fromEntries(
      importColumns.map((column) => [column, cells[header.indexOf(column)] ?? '']),
    );
    const result = rowSchema.safeParse(record);
    if (!result.success) {
      for (const issue of result.error.issues)
        problems.push({
          line,
          message: `${String(issue.path[0] ?? '')}: ${issue.message}`.replace(/^: /, ''),
        });
      return;
    }
    const row = result.data;
    rows.push({
      line,
      seat: row.seat,
      name: row.name,
      jobTitle: row['job title'],
      email: row.email,
      organisation: row.organisation,
      youngPerson: row['young person'],
      from: row.from,
      until: row.until,
    });
  });
  if (!rows.length && !problems.length) throw new ImportFileInvalid('The file has no rows under its header');
  return { rows, problems };
}
