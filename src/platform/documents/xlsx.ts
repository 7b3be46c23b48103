// Excel workbooks (issue 23 item 4; ADR 0049): one sheet of one table, written by the exceljs
// library the imports already read with, so a file downloaded can be changed and imported again.
// Columns are declared as for CSV (`CsvColumn`): a header row always, also with no rows. A
// number stays a number; every other cell is written as text (never as a formula: exceljs makes
// a formula only of a `{ formula }` value, which this never writes), dates as ISO text like the
// CSV files. The header row is bold and frozen, and each column as wide as its widest cell.
import type { Response } from 'express';
import type { CsvColumn, CsvRow } from './csv.ts';

declare const made: unique symbol;
/** The bytes of a workbook as `toXlsx` writes it. */
export type XlsxFile = Buffer & { readonly [made]: true };

export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function cell(value: unknown): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A workbook of one sheet (its name at most 31 characters, as Excel allows). */
export async function toXlsx(
  sheetName: string,
  columns: readonly CsvColumn[],
  rows: readonly CsvRow[],
): Promise<XlsxFile> {
  if (!columns.length) throw new Error('A workbook needs at least one column');
  const keys = columns.map((column) => (typeof column === 'string' ? column : column.key));
  const headers = columns.map((column) => (typeof column === 'string' ? column : column.header));
  const { default: ExcelJS } = await import('exceljs'); // loaded with the first workbook
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cooperate';
  const sheet = workbook.addWorksheet(sheetName.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const records = rows.map((row) =>
    Array.isArray(row)
      ? (row as readonly unknown[]).map(cell)
      : keys.map((key) => cell((row as Record<string, unknown>)[key])),
  );
  sheet.addRow(headers).font = { bold: true };
  for (const record of records) sheet.addRow(record);
  sheet.columns.forEach((column, index) => {
    const widest = Math.max(headers[index]!.length, ...records.map((r) => String(r[index] ?? '').length));
    column.width = Math.min(60, Math.max(8, widest + 2));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer()) as XlsxFile;
}

/** Sends a workbook as a download named `${name}.xlsx`. */
export function sendXlsx(res: Response, name: string, file: XlsxFile): void {
  res.attachment(`${name}.xlsx`).type(xlsxType).send(file);
}
