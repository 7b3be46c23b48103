// The attendance appendix as a Word document: the same two tables as the page, in the house
// style, on A4 landscape (eight columns), each column at least as wide as its widest word, so
// that no word breaks ("Organisati-on").
import { HeadingLevel, Paragraph } from 'docx';
import { councilDocument } from '../../platform/documents/docx-style.ts';
import { dataTable } from '../../platform/documents/word.ts';
import type { Appendix, AppendixCounts } from './attendance.ts';

const percent = (rate: number | null) => (rate === null ? '–' : `${Math.round(rate * 100)}%`);
const counts = (row: AppendixCounts) => [
  String(row.expected),
  String(row.attended),
  String(row.apologies),
  String(row.substitutes),
  String(row.absent),
  String(row.notRecorded),
  percent(row.rate),
];
const numbers = ['Expected', 'Attended', 'Apologies', 'Substitutes', 'Absent', 'Not recorded', 'Rate'];

export async function appendixDocx(
  partnership: string,
  title: string,
  introduction: string,
  appendix: Appendix,
): Promise<Buffer> {
  return councilDocument({ partnership, title, landscape: true }, [
    new Paragraph({ text: title, heading: HeadingLevel.HEADING_1 }),
    new Paragraph({ text: introduction }),
    new Paragraph({ text: 'By member', heading: HeadingLevel.HEADING_2 }),
    dataTable(
      appendix.members.map((row) => [row.name, row.seatLabel, row.organisation ?? '', ...counts(row)]),
      { header: ['Member', 'Seat', 'Organisation', ...numbers], landscape: true },
    ),
    new Paragraph({
      text: 'By organisation (substitutes count as attendance)',
      heading: HeadingLevel.HEADING_2,
    }),
    dataTable(
      appendix.organisations.map((row) => [row.organisation, ...counts(row)]),
      { header: ['Organisation', ...numbers], landscape: true },
    ),
  ]);
}
