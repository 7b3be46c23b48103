// A committee report as a Word document: the header fields as a table, then its sections.
import { Document, HeadingLevel, Packer, Paragraph, Table, TableRow, WidthType } from 'docx';
import { textCell } from '../../platform/documents/word.ts';
import type { CommitteeReportRow } from './report.repository.ts';
import { reportSections } from './report.sections.ts';

export async function reportDocx(
  report: CommitteeReportRow,
  header: [label: string, value: string][],
): Promise<Buffer> {
  const body = reportSections(report).flatMap((section) => [
    new Paragraph({ text: section.heading, heading: HeadingLevel.HEADING_2 }),
    ...(section.list
      ? section.list.map(
          (line) => new Paragraph({ text: line, numbering: { reference: 'recommendations', level: 0 } }),
        )
      : (section.text ?? '')
          .split('\n')
          .filter((line) => line.trim())
          .map((line) => new Paragraph({ text: line }))),
  ]);
  const document = new Document({
    title: report.title,
    creator: 'Cooperate',
    numbering: {
      config: [
        {
          reference: 'recommendations',
          levels: [{ level: 0, format: 'decimal', text: '(%1)', alignment: 'left' }],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: report.title, heading: HeadingLevel.HEADING_1 }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: header.map(
              ([label, value]) =>
                new TableRow({ children: [textCell(label, { bold: true }), textCell(value)] }),
            ),
          }),
          ...body,
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
