// The exception report as a Word document.
import { Document, HeadingLevel, Packer, Paragraph, Table, TableRow, WidthType } from 'docx';
import { textCell } from '../../platform/documents/word.ts';
import type { BodyExceptions } from './accountability.ts';

const cell = (text: string, bold = false) => textCell(text, { bold });

const table = (header: string[], rows: string[][]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((text) => cell(text, true)) }),
      ...rows.map((row) => new TableRow({ children: row.map((text) => cell(text)) })),
    ],
  });

export async function exceptionsDocx(
  title: string,
  dateText: string,
  exceptions: BodyExceptions[],
): Promise<Buffer> {
  const sections = exceptions.flatMap((group) => [
    new Paragraph({ text: group.body.name, heading: HeadingLevel.HEADING_2 }),
    ...(group.actions.length
      ? [
          new Paragraph({ text: 'Actions off track or overdue', heading: HeadingLevel.HEADING_3 }),
          table(
            ['Action', 'Plan and priority', 'Lead', 'Why'],
            group.actions.map((entry) => [
              entry.action.text,
              `${entry.plan.title}: priority ${entry.priority.position}`,
              entry.action.leadName,
              entry.reasons.join('; '),
            ]),
          ),
        ]
      : []),
    ...(group.indicators.length
      ? [
          new Paragraph({ text: 'Red indicators', heading: HeadingLevel.HEADING_3 }),
          table(
            ['Indicator', 'Period', 'Value', 'Target'],
            group.indicators.map(({ summary }) => [
              `${summary.indicator.code} ${summary.indicator.title}`,
              summary.performance.latest?.period ?? '',
              String(summary.performance.latest?.value ?? ''),
              String(summary.performance.latest?.target?.target ?? ''),
            ]),
          ),
        ]
      : []),
  ]);
  const document = new Document({
    title,
    creator: 'Cooperate',
    sections: [
      {
        children: [
          new Paragraph({ text: title, heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            text: `The actions off track or overdue on ${dateText}, and the red indicators, for each owning body.`,
          }),
          ...(sections.length
            ? sections
            : [new Paragraph({ text: 'Nothing is off track or overdue, and no indicator is red.' })]),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
