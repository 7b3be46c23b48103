// A consultation's results as CSV and Word: the same suppressed tables the page shows, the
// themes with what was done, and only approved quotes. The CSV is written by the platform's one
// writer, which neutralises cells that start like a formula, so nothing a respondent typed runs
// in a spreadsheet.
import { toCsv, type CsvFile } from '../../platform/documents/csv.ts';
import { HeadingLevel, Paragraph } from 'docx';
import { councilDocument, sizes } from '../../platform/documents/docx-style.ts';
import { dataTable } from '../../platform/documents/word.ts';
import { formatDate } from '../../platform/views/nunjucks.ts';
import type { SharedConsultation } from './voice.service.ts';
import { shown, type QuestionResult } from './voice.results.ts';
import { outcomeKinds } from './voice.vocabulary.ts';

type Theme = SharedConsultation['themes'][number];
type Outcome = Theme['outcomes'][number];

/** What was done, in words, as the public may read it (an exempt item's words are not). */
export function outcomeText(o: Outcome): string {
  if (o.kind === 'not-done') return `We did not, because ${o.note ?? ''}`.trim();
  const note = o.note ? ` (${o.note})` : '';
  if (o.decision)
    return o.decision.exempt
      ? `A decision of ${o.decision.meetingTitle} on ${formatDate(o.decision.startsAt)}${note}`
      : `${o.decision.meetingTitle} decided on ${formatDate(o.decision.startsAt)}: ${o.decision.text}${note}`;
  if (o.action)
    return o.action.exempt
      ? `An action of ${o.action.meetingTitle} on ${formatDate(o.action.startsAt)}${note}`
      : `Action from ${o.action.meetingTitle} on ${formatDate(o.action.startsAt)}: ${o.action.text} (${o.action.status})${note}`;
  if (o.priority) return `A priority of ${o.priority.planTitle}: ${o.priority.title}${note}`;
  if (o.planAction) return `An action of ${o.planAction.planTitle}: ${o.planAction.title}${note}`;
  return outcomeKinds[o.kind as keyof typeof outcomeKinds] ?? o.kind;
}

function rowsOf(q: QuestionResult) {
  if (q.kind === 'text')
    return [
      ...q.themes.map((t) => ({ group: 'Theme', label: t.title, answer: '', count: shown(t.count) })),
      { group: 'All', label: 'Answered', answer: '', count: shown(q.all.total) },
    ];
  const groups: [string, typeof q.byAge][] = [
    ['All', [q.all]],
    ['Age', q.byAge],
    ['Area', q.byArea],
  ];
  return groups.flatMap(([group, rows]) =>
    rows.flatMap((row) => [
      ...q.columns.map((column, index) => ({
        group,
        label: row.label,
        answer: column,
        count: shown(row.cells[index] ?? null),
      })),
      { group, label: row.label, answer: 'Answered', count: shown(row.total) },
    ]),
  );
}

export function resultsCsv(shared: SharedConsultation): CsvFile {
  const rows = shared.results.flatMap((q) =>
    rowsOf(q).map((r) => ({
      Question: `${q.position}. ${q.text}`,
      Group: r.group,
      Of: r.label,
      Answer: r.answer,
      Count: r.count,
    })),
  );
  return toCsv(['Question', 'Group', 'Of', 'Answer', 'Count'], rows);
}

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
  new Paragraph({ text, heading: level });

export async function resultsDocx(shared: SharedConsultation, partnership: string): Promise<Buffer> {
  const c = shared.consultation;
  const questionParts = shared.results.flatMap((q) => {
    const rows = rowsOf(q);
    return [
      heading(`Question ${q.position}: ${q.text}`, HeadingLevel.HEADING_3),
      dataTable(
        rows.map((r) => [r.group === 'All' ? r.label : `${r.group}: ${r.label}`, r.answer, String(r.count)]),
        { header: ['Of', 'Answer', 'Count'], size: sizes.small },
      ),
      ...q.quotes.map(
        (quote) =>
          new Paragraph({ text: `\u201c${quote.text}\u201d${quote.theme ? ` (${quote.theme})` : ''}` }),
      ),
    ];
  });
  return councilDocument({ partnership, title: c.title }, [
    heading(`What children and young people said: ${c.title}`, HeadingLevel.HEADING_1),
    new Paragraph({ text: c.purpose }),
    new Paragraph({
      text: `Open from ${formatDate(c.opensOn)} to ${formatDate(c.closesOn)}. ${shared.respondents.total} responses.`,
    }),
    ...(c.summary
      ? [
          heading('Summary', HeadingLevel.HEADING_2),
          ...c.summary.split(/\r?\n/).map((line) => new Paragraph({ text: line })),
        ]
      : []),
    heading('Results', HeadingLevel.HEADING_2),
    new Paragraph({
      text: `Numbers from 1 to ${shared.threshold - 1} are shown as [c], with others where they would give them away, so that no one can be identified.`,
    }),
    ...questionParts,
    heading('You said, we did', HeadingLevel.HEADING_2),
    ...shared.themes.flatMap((t) => [
      heading(t.title, HeadingLevel.HEADING_3),
      new Paragraph({ text: `You said: ${t.said}` }),
      ...(t.outcomes.length
        ? t.outcomes.map((o) => new Paragraph({ text: `We did: ${outcomeText(o)}`, bullet: { level: 0 } }))
        : [new Paragraph({ text: 'Not yet decided.' })]),
    ]),
  ]);
}
