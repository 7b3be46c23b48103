// Pieces every Word document of the product uses.
import { Paragraph, TableCell, TextRun } from 'docx';

/** A table cell of plain text; each line of the text becomes a paragraph. Size in half-points. */
export function textCell(text: string, options: { bold?: boolean; size?: number } = {}): TableCell {
  return new TableCell({
    children: text.split('\n').map(
      (line) =>
        new Paragraph({
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
