// The one writer of every CSV file the product serves (ADR 0038), so that each opens well in
// Excel, LibreOffice and Python alike:
// - UTF-8 with a byte-order mark, so Excel on Windows reads ’ and ë as written, not as â€™;
// - a header row always, also with no rows: the columns are declared, never guessed from rows;
// - RFC 4180: CRLF between records, a cell holding a comma, a quote or a line break in double
//   quotes, a quote doubled;
// - formula injection neutralised as OWASP's guidance on CSV injection says: a text cell that
//   begins with =, +, -, @, a tab or a carriage return is written with a leading apostrophe,
//   so a spreadsheet shows it as text and runs nothing. Numbers stay numbers: a cell given as a
//   number, and a text cell that is only a plain decimal number such as "-5" or "-12.50", is
//   written as it is, since a spreadsheet reads it as that number and nothing else.
// `sendCsv` takes only what `toCsv` wrote (the `CsvFile` type), so a route cannot send another.
import type { Response } from 'express';
import { stringify } from 'csv-stringify/sync';

/** A column: the key of a record and the header it is written under, or one name for both. */
export type CsvColumn = string | { readonly key: string; readonly header: string };

/** A row: a record read by the columns' keys, or the cells in the columns' order. */
export type CsvRow = Readonly<Record<string, unknown>> | readonly unknown[];

declare const written: unique symbol;
/** The text of a CSV file as `toCsv` writes it. */
export type CsvFile = string & { readonly [written]: true };

export const byteOrderMark = '\uFEFF';

const formulaStart = /^[=+\-@\t\r]/;
const plainNumber = /^-?(?:\d+(?:\.\d+)?|\.\d+)$/;

/** A cell as it is written: text that a spreadsheet would run as a formula gets a leading apostrophe. */
export function csvCell(value: unknown): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : csvCell(String(value));
  if (typeof value === 'bigint') return csvCell(String(value));
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return formulaStart.test(text) && !plainNumber.test(text) ? `'${text}` : text;
}

/** A CSV file: the byte-order mark, the header row, then one record a row. */
export function toCsv(columns: readonly CsvColumn[], rows: readonly CsvRow[]): CsvFile {
  if (!columns.length) throw new Error('A CSV file needs at least one column');
  const keys = columns.map((column) => (typeof column === 'string' ? column : column.key));
  const header = columns.map((column) => csvCell(typeof column === 'string' ? column : column.header));
  const records = rows.map((row) => {
    if (!Array.isArray(row)) return keys.map((key) => csvCell((row as Record<string, unknown>)[key]));
    if (row.length !== columns.length)
      throw new Error(`A CSV row has ${row.length} cells for ${columns.length} columns`);
    return row.map(csvCell);
  });
  // a line break of either kind is quoted: csv-stringify quotes only the record delimiter itself
  const text = stringify([header, ...records], { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
  return (byteOrderMark + text) as CsvFile;
}

/** Sends a CSV file as a download named `${name}.csv`. */
export function sendCsv(res: Response, name: string, file: CsvFile): void {
  res.attachment(`${name}.csv`).type('text/csv; charset=utf-8').send(file);
}
