// Tables uploaded as CSV or Excel: read the file into rows of text, map the header to the
// expected columns, and check every row with a schema, keeping each problem with its line, so
// that an import can report row by row and write nothing until the whole file is right.
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { controlCharacterIn } from '../http/control-characters.ts';
import { parseNumber, type NumberRules } from '../numbers.ts';
import { ArchiveRefused, checkArchive, oneUnpackAtATime } from '../files/zip-check.ts';
import {
  decodeText,
  encodingWarning,
  hasUnreadableCharacter,
  type TextEncoding,
  type TextEncodingChoice,
} from '../files/text-encoding.ts';

export class ImportFileInvalid extends Error {}

export interface LineProblem {
  /** The row's line in the file (the header is line 1). */
  line: number;
  message: string;
}

export interface TableRead {
  /** Rows of text; the header is the first. */
  rows: string[][];
  /** The encoding a CSV file was read in (none for Excel, which says its own). */
  encoding?: TextEncoding;
  /** What the preview must say before anything is imported (characters that could not be read). */
  warnings: string[];
}

/**
 * The first worksheet of an .xlsx file, or a CSV file, as rows of text; a file with a control
 * character (NUL and the like, ADR 0044) in a cell is refused whole, naming its line. A CSV
 * file is read in the encoding chosen or worked out (ADR 0048), with a warning naming the rows
 * holding characters that could not be read; an Excel file's unpacked size is checked before
 * it is unpacked, one at a time.
 */
export async function readTableFile(
  fileName: string,
  content: Buffer,
  options: { encoding?: TextEncodingChoice } = {},
): Promise<TableRead> {
  const read = await readCells(fileName, content, options.encoding ?? 'auto');
  const table = read.rows;
  for (const [index, row] of table.entries())
    for (const value of row) {
      const found = value ? controlCharacterIn(value) : undefined;
      if (found)
        throw new ImportFileInvalid(
          `Line ${index + 1} of the file contains a character that cannot be saved (${found}): remove it and upload the file again`,
        );
    }
  const warnings: string[] = [];
  if (read.encoding) {
    const unreadableRows = table.flatMap((row, index) =>
      row.some((value) => value && hasUnreadableCharacter(value)) ? [index + 1] : [],
    );
    const warning = encodingWarning(read.encoding, unreadableRows, 'row');
    if (warning) warnings.push(warning);
  }
  return { rows: table, ...(read.encoding ? { encoding: read.encoding } : {}), warnings };
}

/** The rows of the file, as `readTableFile` reads them, without its warnings. */
export async function readTable(
  fileName: string,
  content: Buffer,
  options: { encoding?: TextEncodingChoice } = {},
): Promise<string[][]> {
  return (await readTableFile(fileName, content, options)).rows;
}

async function readCells(
  fileName: string,
  content: Buffer,
  encoding: TextEncodingChoice,
): Promise<{ rows: string[][]; encoding?: TextEncoding }> {
  if (/\.xlsx$/i.test(fileName)) {
    const { default: ExcelJS } = await import('exceljs'); // loaded with the first workbook
    const workbook = new ExcelJS.Workbook();
    try {
      await oneUnpackAtATime(async () => {
        checkArchive(content);
        await workbook.xlsx.load(content as unknown as ArrayBuffer);
      });
    } catch (error) {
      if (error instanceof ArchiveRefused) throw new ImportFileInvalid(error.message);
      throw new ImportFileInvalid('The Excel file cannot be read: save it again as .xlsx or as CSV');
    }
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
              : typeof raw === 'object' && 'result' in raw
                ? String(raw.result ?? '')
                : typeof raw === 'object' && 'text' in raw
                  ? String(raw.text)
                  : String(raw);
      });
      rows[number - 1] = Array.from(values, (v) => v ?? '');
    });
    return { rows: Array.from(rows, (row) => row ?? []) };
  }
  if (/\.csv$/i.test(fileName)) {
    const decoded = decodeText(content, encoding);
    try {
      return {
        rows: parse(decoded.text, { relax_column_count: true, skip_empty_lines: false }) as string[][],
        encoding: decoded.encoding,
      };
    } catch (error) {
      throw new ImportFileInvalid(`The CSV file cannot be read: ${(error as Error).message}`);
    }
  }
  throw new ImportFileInvalid('The file must be a CSV or an Excel (.xlsx) file');
}

/**
 * Every row under the header, as a record of the expected columns, checked by `schema`. The
 * header must name the required columns (in any order, any case); blank rows are skipped.
 */
export function readRecords<C extends string, S extends z.ZodType>(
  table: string[][],
  spec: { columns: readonly C[]; required: readonly C[]; schema: S },
): { rows: (z.output<S> & { line: number })[]; problems: LineProblem[] } {
  const header = (table[0] ?? []).map((title) => title.trim().toLowerCase());
  const missing = spec.required.filter((column) => !header.includes(column));
  if (missing.length)
    throw new ImportFileInvalid(
      `The first row must name the columns; these are missing: ${missing.join(', ')}. The columns are: ${spec.columns.join(', ')}`,
    );
  const rows: (z.output<S> & { line: number })[] = [];
  const problems: LineProblem[] = [];
  table.slice(1).forEach((cells, index) => {
    const line = index + 2;
    if (cells.every((value) => !value?.trim())) return;
    const record = Object.fromEntries(
      spec.columns.map((column) => [column, cells[header.indexOf(column)] ?? '']),
    );
    const result = spec.schema.safeParse(record);
    if (!result.success) {
      for (const issue of result.error.issues)
        problems.push({
          line,
          message: `${String(issue.path[0] ?? '')}: ${issue.message}`.replace(/^: /, ''),
        });
      return;
    }
    rows.push({ ...(result.data as object), line } as z.output<S> & { line: number });
  });
  if (!rows.length && !problems.length) throw new ImportFileInvalid('The file has no rows under its header');
  return { rows, problems };
}

/** A text cell: trimmed, blank as null. */
export const cell = z
  .string()
  .trim()
  .transform((value) => value || null);

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

/** A date cell, as 2009-04-01 or 1/4/2009; blank as null. */
export const dateCell = (label: string) =>
  cell.transform((value, context) => {
    if (!value) return null;
    const iso = toIso(value);
    if (!realDate(iso)) {
      context.addIssue({ code: 'custom', message: `${label} must be a date like 2009-04-01 or 1/4/2009` });
      return z.NEVER;
    }
    return iso;
  });

/**
 * A number cell by the rules of `platform/numbers.ts` ("45.3", "1,204", "72%"; "1,5", "1e308"
 * and values beyond the range refused); blank as null.
 */
export const numberCell = (label: string, rules: Omit<NumberRules, 'label'> = {}) =>
  cell.transform((value, context) => {
    if (!value) return null;
    const reading = parseNumber(value, { percent: true, ...rules, label });
    if ('problem' in reading) {
      context.addIssue({ code: 'custom', message: reading.problem });
      return z.NEVER;
    }
    return reading.value;
  });
