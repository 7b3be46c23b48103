// The compliance report as a Word document.
import { Document, HeadingLevel, Packer, Paragraph, Table, TableRow, WidthType } from 'docx';
import { textCell } from '../../platform/documents/word.ts';
import type { Evaluation } from './compliance.service.ts';
import { strengths } from './ruleset.schema.ts';
import {
  countsText,
  describeResult,
  flagLabel,
  outcomeLabels,
  outcomeMeanings,
} from './compliance.present.ts';

const cell = (text: string, bold = false) => textCell(text, { bold });

export async function complianceDocx(
  partnership: string,
  dateText: string,
  evaluation: Evaluation,
): Promise<Buffer> {
  const sections = evaluation.ruleSets.flatMap((set) => {
    const results = evaluation.results.filter((r) => r.ruleSet.id === set.id);
    return [
      new Paragraph({ text: set.title, heading: HeadingLevel.HEADING_2 }),
      new Paragraph({ text: set.source }),
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({
            tableHeader: true,
            children: [cell('Rule', true), cell('Outcome', true), cell('Evidence', true)],
          }),
          ...results.map(
            (r) =>
              new TableRow({
                children: [
                  cell(`${r.rule.title}\n${strengths[r.rule.strength]}. ${r.rule.source}`),
                  cell(`${outcomeLabels[r.status]}${r.rarelyAttended ? `\n${flagLabel}` : ''}`),
                  cell(describeResult(r)),
                ],
              }),
          ),
        ],
      }),
    ];
  });
  const document = new Document({
    title: `Compliance of ${partnership} on ${dateText}`,
    creator: 'Cooperate',
    sections: [
      {
        children: [
          new Paragraph({
            text: `Compliance of ${partnership} on ${dateText}`,
            heading: HeadingLevel.HEADING_1,
          }),
          new Paragraph({
            text: `The partnership checked against the law and statutory guidance as they stood on the date, using the members and meetings recorded for that date: ${countsText(evaluation.counts) || 'no rules'}.${evaluation.rarelyAttended ? ` ${evaluation.rarelyAttended} met by seats whose holders rarely attend.` : ''}`,
          }),
          ...Object.entries(outcomeLabels).map(
            ([outcome, label]) =>
              new Paragraph({
                text: `${label}: ${outcomeMeanings[outcome as keyof typeof outcomeMeanings]}.`,
              }),
          ),
          ...(sections.length
            ? sections
            : [new Paragraph({ text: 'No rule set was in force on this date.' })]),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
