// A committee report as a Word document in the house style: the header fields as a table of
// labels and values, then its sections in numbered paragraphs as councils write them: each
// section's heading "1.", "2." …, its paragraphs and recommendations "1.1", "1.2" …
import { HeadingLevel, Paragraph } from 'docx';
import { councilDocument, numberedHeading, numberedParagraph } from '../../platform/documents/docx-style.ts';
import { dataTable } from '../../platform/documents/word.ts';
import type { CommitteeReportRow } from './report.repository.ts';
import { reportSections } from './report.sections.ts';

export async function reportDocx(
  partnership: string,
  report: CommitteeReportRow,
  header: [label: string, value: string][],
): Promise<Buffer> {
  const body = reportSections(report).flatMap((section) => [
    numberedHeading(section.heading),
    ...(
      section.list ??
      (section.text ?? '')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
    ).map(numberedParagraph),
  ]);
  return councilDocument({ partnership, title: report.title }, [
    new Paragraph({ text: report.title, heading: HeadingLevel.HEADING_1 }),
    dataTable(header, { labels: true }),
    ...body,
  ]);
}
