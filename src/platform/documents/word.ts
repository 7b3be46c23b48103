// Pieces every Word document of the product uses: cells, and tables whose columns are as wide
// as their content needs, so that no word breaks across lines in Word or LibreOffice.
import {
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { measure, sizes, textWidth } from './docx-style.ts';

/** A table cell of plain text; each line of the text becomes a paragraph. Size in half-points. */
export function textCell(
  text: string,
  options: { bold?: boolean; size?: number; width?: number; shaded?: boolean } = {},
): TableCell {
  return new TableCell({
    ...(options.width ? { width: { size: options.width, type: WidthType.DXA } } : {}),
    ...(options.shaded ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F3F2F1' } } : {}),
    children: text.split('\n').map(
      (line) =>
        new Paragraph({
          spacing: { before: 40, after: 40, line: 240 },
          children: [
            new TextRun({
              text: line,
              bold: options.bold ?? false,
              ...(options.size ? { size: options.size } : {}),
            }),
          ],
        }),
    ),
  });
}

/** A cell's margins (108 twips each side, Word's default) and a little to spare, in twips. */
const cellPadding = 2 * 108 + 60;

interface Measured {
  /** The widest word (a line may break between words, and after a hyphen). */
  least: number;
  /** The widest line, unbroken. */
  most: number;
}

function measured(text: string, size: number, bold: boolean): Measured {
  const lines = text.split('\n');
  const words = lines.flatMap((line) => line.split(/\s+|(?<=-)/));
  const width = (part: string) => measure(part, { size, bold }) + cellPadding;
  return {
    least: Math.max(cellPadding, ...words.map(width)),
    most: Math.max(cellPadding, ...lines.map(width)),
  };
}

/**
 * Column widths (twips) that add up to `available`: every column at least as wide as its widest
 * word, the room left shared in proportion to what each column's longest lines would still
 * take. Only when even the widest words do not fit side by side are columns narrowed below them.
 */
export function columnWidths(columns: Measured[], available: number): number[] {
  const least = columns.map((c) => c.least);
  const most = columns.map((c) => Math.max(c.most, c.least));
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  let widths: number[];
  if (sum(most) <= available)
    widths = most.map((width) => width + ((available - sum(most)) * width) / sum(most));
  else if (sum(least) <= available) {
    const wanted = most.map((width, index) => width - least[index]!);
    widths = least.map((width, index) => width + ((available - sum(least)) * wanted[index]!) / sum(wanted));
  } else widths = least.map((width) => (width * available) / sum(least));
  const whole = widths.map(Math.floor);
  whole[whole.length - 1]! += available - sum(whole);
  return whole;
}

export interface DataTableOptions {
  /** The header row, repeated at the top of each page. */
  header?: readonly string[];
  /** Text size in half-points (default 10 pt). */
  size?: number;
  /** The first column's cells in bold (a table of labels and values). */
  labels?: boolean;
  /** For a landscape document. */
  landscape?: boolean;
}

/** The smallest text a table is set in to keep its words whole: 8 pt. */
const smallest = 16;

/**
 * A table of text (a cell's lines split at "\n"), its columns as wide as their content needs.
 * A table whose widest words do not fit side by side is set smaller, down to 8 pt, before any
 * column is made narrower than a word.
 */
export function dataTable(rows: readonly (readonly string[])[], options: DataTableOptions = {}): Table {
  const header = options.header ?? null;
  const count = header?.length ?? rows[0]?.length ?? 1;
  const available = textWidth(options.landscape);
  const measureAt = (size: number) =>
    Array.from({ length: count }, (_, index) => {
      const cells = [
        ...(header ? [measured(header[index] ?? '', size, true)] : []),
        ...rows.map((row) => measured(row[index] ?? '', size, Boolean(options.labels) && index === 0)),
      ];
      return {
        least: Math.max(...cells.map((c) => c.least)),
        most: Math.max(...cells.map((c) => c.most)),
      };
    });
  let size = options.size ?? sizes.table;
  let columns = measureAt(size);
  const fits = () => columns.reduce((sum, column) => sum + column.least, 0) <= available;
  while (!fits() && size - 2 >= smallest) {
    size -= 2;
    columns = measureAt(size);
  }
  // a column of labels takes what its longest label needs and leaves the rest to the values
  const label = options.labels && count > 1 ? Math.round(Math.min(columns[0]!.most, available / 2)) : 0;
  const widths = label
    ? [label, ...columnWidths(columns.slice(1), available - label)]
    : columnWidths(columns, available);
  const row = (cells: readonly string[], heading: boolean) =>
    new TableRow({
      tableHeader: heading,
      cantSplit: true,
      children: widths.map((width, index) =>
        textCell(cells[index] ?? '', {
          size,
          width,
          bold: heading || (Boolean(options.labels) && index === 0),
          shaded: heading,
        }),
      ),
    });
  return new Table({
    width: { size: available, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [...(header ? [row(header, true)] : []), ...rows.map((cells) => row(cells, false))],
  });
}
