// The attendance appendix as a Word document: the same two tables as the page.
import { Document, HeadingLevel, Packer, Paragraph, Table, TableRow, WidthType } from 'docx';
import { textCell } from '../../platform/documents/word.ts';
import type { Appendix, AppendixCounts } from './attendance.ts';

const cell = (text: string | number, bold = false) => textCell(String(text), { bold });
const percent = (rate: number | null) => (rate === null ? '–' : `${Math.round(rate * 100)}%`);
const counts = (row: AppendixCounts) => [
  cell(row.expected),
  cell(row.attended),
  cell(row.apologies),
  cell(row.substitutes),
  cell(percent(row.rate)),
];
const numbers = ['Expected', 'Attended', 'Apologies', 'Substitutes', 'Rate'];

export async function appendixDocx(title: string, introduction: string, appendix: Appendix): Promise<Buffer> {
  const table = (head: string[], rows: TableRow[]) =>
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [new TableRow({ tableHeader: true, children: head.map((text) => cell(text, true)) }), ...rows],
    });
  const document = new Document({
    title,
    creator: 'Cooperate',
    sections: [
      {
        children: [
          new Paragraph({ text: title, heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: introduction }),
          new Paragraph({ text: 'By member', heading: HeadingLevel.HEADING_2 }),
          table(
            ['Member', 'Seat', 'Organisation', ...numbers],
            appendix.members.map(
              (row) =>
                new TableRow({
                  children: [
                    cell(row.name),
                    cell(row.seatLabel),
                    cell(row.organisation ?? ''),
                    ...counts(row),
                  ],
                }),
            ),
          ),
          new Paragraph({
            text: 'By organisation (substitutes count as attendance)',
            heading: HeadingLevel.HEADING_2,
          }),
          table(
            ['Organisation', ...numbers],
            appendix.organisations.map(
              (row) => new TableRow({ children: [cell(row.organisation), ...counts(row)] }),
            ),
          ),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
