// The survey's summary table as a Word document, as Kent's appendix lays it out.
import { Document, HeadingLevel, Packer, PageOrientation, Paragraph, Table, TableRow, WidthType } from 'docx';
import { textCell } from '../../platform/documents/word.ts';
import type { CollatedSurvey } from './surveys.service.ts';
import { summaryRows } from './surveys.table.ts';

const cell = (text: string, bold = false) => textCell(text, { bold, size: 16 });

export async function surveyDocx(collated: CollatedSurvey): Promise<Buffer> {
  const rows = summaryRows(collated);
  const tables = collated.groups.flatMap((group) => [
    new Paragraph({ text: group.name, heading: HeadingLevel.HEADING_2 }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({
          tableHeader: true,
          children: [cell('Authority', true), ...collated.questions.map((q) => cell(q.text, true))],
        }),
        ...rows
          .filter((row) => row.group === group.name)
          .map(
            (row) =>
              new TableRow({
                children: [
                  cell(`${row.number}. ${row.authority}${row.asAt ? ` (correct as at ${row.asAt})` : ''}`),
                  ...row.answers.map((answer) => cell(answer)),
                ],
              }),
          ),
      ],
    }),
  ]);
  const document = new Document({
    title: collated.survey.title,
    creator: 'Cooperate',
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          new Paragraph({ text: collated.survey.title, heading: HeadingLevel.HEADING_1 }),
          ...(collated.survey.purpose ? [new Paragraph({ text: collated.survey.purpose })] : []),
          ...tables,
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
