// A list as a Word document in the house style (issue 23 item 4; ADR 0049): the title as its
// heading, an optional sentence, and one table whose columns are declared as for CSV and Excel
// (`CsvColumn`), so a page's three downloads show the same list.
import { HeadingLevel, Paragraph } from 'docx';
import type { CsvColumn, CsvRow } from './csv.ts';
import { councilDocument, type DocumentFrame } from './docx-style.ts';
import { dataTable } from './word.ts';

const text = (value: unknown): string =>
  value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : String(value);

export async function tableDocx(
  frame: DocumentFrame & { introduction?: string; empty?: string },
  columns: readonly CsvColumn[],
  rows: readonly CsvRow[],
): Promise<Buffer> {
  const keys = columns.map((column) => (typeof column === 'string' ? column : column.key));
  const header = columns.map((column) => (typeof column === 'string' ? column : column.header));
  const cells = rows.map((row) =>
    Array.isArray(row)
      ? (row as readonly unknown[]).map(text)
      : keys.map((key) => text((row as Record<string, unknown>)[key])),
  );
  return councilDocument(frame, [
    new Paragraph({ text: frame.title, heading: HeadingLevel.HEADING_1 }),
    ...(frame.introduction ? [new Paragraph({ text: frame.introduction })] : []),
    cells.length
      ? dataTable(cells, { header, landscape: frame.landscape ?? false })
      : new Paragraph({ text: frame.empty ?? 'There is nothing to list.' }),
  ]);
}
