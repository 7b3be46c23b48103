// The compliance report as a Word document in the house style.
import { HeadingLevel, Paragraph } from 'docx';
import { councilDocument } from '../../platform/documents/docx-style.ts';
import { dataTable } from '../../platform/documents/word.ts';
import type { Evaluation } from './compliance.service.ts';
import { strengths } from './ruleset.schema.ts';
import {
  countsText,
  describeResult,
  flagLabel,
  outcomeLabels,
  outcomeMeanings,
} from './compliance.present.ts';

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
      dataTable(
        results.map((r) => [
          `${r.rule.title}\n${strengths[r.rule.strength]}. ${r.rule.source}`,
          `${outcomeLabels[r.status]}${r.rarelyAttended ? `\n${flagLabel}` : ''}`,
          describeResult(r),
        ]),
        { header: ['Rule', 'Outcome', 'Evidence'] },
      ),
    ];
  });
  const title = `Compliance of ${partnership} on ${dateText}`;
  return councilDocument({ partnership, title }, [
    new Paragraph({ text: title, heading: HeadingLevel.HEADING_1 }),
    new Paragraph({
      text: `The partnership checked against the law and statutory guidance as they stood on the date, using the members and meetings recorded for that date: ${countsText(evaluation.counts) || 'no rules'}.${evaluation.rarelyAttended ? ` ${evaluation.rarelyAttended} met by seats whose holders rarely attend.` : ''}`,
    }),
    ...Object.entries(outcomeLabels).map(
      ([outcome, label]) =>
        new Paragraph({
          text: `${label}: ${outcomeMeanings[outcome as keyof typeof outcomeMeanings]}.`,
        }),
    ),
    ...(sections.length ? sections : [new Paragraph({ text: 'No rule set was in force on this date.' })]),
  ]);
}
