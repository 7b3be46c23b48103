// The survey's summary table as a Word document, as Kent's appendix lays it out (A4 landscape),
// in the house style, headed with the name of the partnership that owns the survey.
import { HeadingLevel, Paragraph } from 'docx';
import { councilDocument, sizes } from '../../platform/documents/docx-style.ts';
import { dataTable } from '../../platform/documents/word.ts';
import type { CollatedSurvey } from './surveys.service.ts';
import { summaryRows } from './surveys.table.ts';

export async function surveyDocx(collated: CollatedSurvey, partnership: string): Promise<Buffer> {
  const rows = summaryRows(collated);
  const tables = collated.groups.flatMap((group) => [
    new Paragraph({ text: group.name, heading: HeadingLevel.HEADING_2 }),
    dataTable(
      rows
        .filter((row) => row.group === group.name)
        .map((row) => [
          `${row.number}. ${row.authority}${row.asAt ? ` (correct as at ${row.asAt})` : ''}`,
          ...row.answers,
        ]),
      {
        header: ['Authority', ...collated.questions.map((q) => q.text)],
        size: sizes.table - 4,
        landscape: true,
      },
    ),
  ]);
  return councilDocument({ partnership, title: collated.survey.title, landscape: true }, [
    new Paragraph({ text: collated.survey.title, heading: HeadingLevel.HEADING_1 }),
    ...(collated.survey.purpose ? [new Paragraph({ text: collated.survey.purpose })] : []),
    ...tables,
  ]);
}
