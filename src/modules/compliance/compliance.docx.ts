// The compliance report as a Word document.
import { Document, HeadingLevel, Packer, Paragraph, Table, TableRow, WidthType } from 'docx';
import { textCell } from '../../platform/documents/word.ts';
import type { Evaluation } from './compliance.service.ts';
import { strengths } from './ruleset.schema.ts';
import { describeEvidence, outcomeLabels } from './compliance.present.ts';

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
                  cell(outcomeLabels[r.status]),
                  cell(
                    r.evidence.map(describeEvidence).join('\n') ||
                      r.reason ||
                      'No seat, member, body or link meets it',
                  ),
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
            text: `The partnership checked against the law and statutory guidance as they stood on the date: ${evaluation.counts.met} met, ${evaluation.counts['not-met']} not met, ${evaluation.counts['not-applicable']} not applicable.`,
          }),
          ...(sections.length
            ? sections
            : [new Paragraph({ text: 'No rule set was in force on this date.' })]),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
