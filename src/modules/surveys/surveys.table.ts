// The summary table as rows of plain text: one row per respondent, in group and order, one
// column per question. Used by the CSV and the Word document alike.
import type { CollatedSurvey } from './surveys.service.ts';
import { formatDate } from '../../platform/views/nunjucks.ts';

export function asAtText(respondent: { asAt: string | null; asAtPrecision: string | null }): string {
  if (!respondent.asAt) return '';
  const partial =
    respondent.asAtPrecision === 'month'
      ? respondent.asAt.slice(0, 7)
      : respondent.asAtPrecision === 'year'
        ? respondent.asAt.slice(0, 4)
        : respondent.asAt;
  return formatDate(partial);
}

export function answerText(
  answer: { text: string | null; noResponse: boolean; blank: boolean } | undefined,
): string {
  if (!answer || answer.noResponse) return 'No response';
  return answer.text ?? '';
}

export function summaryRows(collated: CollatedSurvey) {
  return collated.groups.flatMap((group) =>
    group.respondents.map((respondent) => ({
      group: group.name,
      number: respondent.position,
      authority: respondent.label,
      asAt: asAtText(respondent),
      answers: collated.questions.map((question) => answerText(respondent.answers[question.key])),
    })),
  );
}
