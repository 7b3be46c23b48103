// The CSV files the product writes, written one way: a cell that starts with =, +, -, @, a tab
// or a carriage return is prefixed with an apostrophe (csv-stringify's escape_formulas), so that
// nothing a user typed runs as a formula when the file is opened in a spreadsheet.
import { stringify, type Options } from 'csv-stringify/sync';

export function toCsv(records: unknown[], options: Options = {}): string {
  return stringify(records, { ...options, escape_formulas: true });
}
