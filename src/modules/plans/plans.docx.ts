// The exception report as a Word document.
import { Document, HeadingLevel, Packer, Paragraph, Table, TableRow, WidthType } from 'docx';
import { textCell } from '../../platform/documents/word.ts';
import type { BodyExceptions, Highlight } from './accountability.ts';
import type { PlanDetail } from './plans.service.ts';
import { actionStatuses } from './plans.vocabulary.ts';

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

const document = (title: string, intro: string, children: (Paragraph | Table)[]) =>
  Packer.toBuffer(
    new Document({
      title,
      creator: 'Cooperate',
      sections: [
        {
          children: [
            new Paragraph({ text: title, heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ text: intro }),
            ...children,
          ],
        },
      ],
    }),
  );

export interface OnAPageRow {
  priority: PlanDetail['priorities'][number];
  outcomes: string;
  owner: string;
  ragText: string;
}

/** The plan's outcome framework, named with its source, and its outcomes, enablers and local outcomes. */
export interface FrameworkSection {
  label: string;
  source: string;
  outcomes: { title: string; kind: string }[];
}

export function planOnAPageDocx(
  title: string,
  intro: string,
  rows: OnAPageRow[],
  vision: string | null,
  framework: FrameworkSection,
) {
  return document(title, intro, [
    ...(vision ? [new Paragraph({ text: vision })] : []),
    new Paragraph({ text: `Outcome framework: ${framework.label}`, heading: HeadingLevel.HEADING_2 }),
    new Paragraph({ text: `From ${framework.source}.` }),
    ...framework.outcomes.map(
      (outcome) => new Paragraph({ text: `${outcome.kind}: ${outcome.title}`, bullet: { level: 0 } }),
    ),
    table(
      ['Priority', 'Outcomes', 'Owner and lead', 'Actions', 'Latest RAG of its actions'],
      rows.map((row) => [
        `${row.priority.position}. ${row.priority.title}`,
        row.outcomes,
        row.owner,
        String(row.priority.actions.length),
        row.ragText,
      ]),
    ),
  ]);
}

export function progressDocx(title: string, intro: string, detail: PlanDetail) {
  return document(
    title,
    intro,
    detail.priorities.flatMap((priority) => [
      new Paragraph({
        text: `Priority ${priority.position}: ${priority.title}`,
        heading: HeadingLevel.HEADING_2,
      }),
      priority.actions.length
        ? table(
            ['Action', 'Lead', 'When', 'Status', 'Latest update'],
            priority.actions.map((action) => [
              action.text,
              action.leadName,
              action.when,
              `${actionStatuses[action.status]}${action.overdue ? ' (overdue)' : ''}`,
              action.latest
                ? `${action.latest.rag}, ${action.latest.reportedOn}: ${action.latest.commentary}`
                : 'None yet',
            ]),
          )
        : new Paragraph({ text: 'No actions.' }),
    ]),
  );
}

export function highlightDocx(title: string, intro: string, highlight: Highlight) {
  return document(
    title,
    intro,
    highlight.priorities.flatMap((entry) => [
      new Paragraph({
        text: `${entry.plan.title}: priority ${entry.priority.position}`,
        heading: HeadingLevel.HEADING_2,
      }),
      new Paragraph({ text: entry.priority.title }),
      ...(entry.priority.indicators.length
        ? [
            table(
              ['Indicator', 'Latest period', 'Value', 'Target', 'RAG'],
              entry.priority.indicators.map(({ indicator, performance }) => [
                `${indicator.code} ${indicator.title}`,
                performance.latest?.period ?? 'No values',
                String(performance.latest?.value ?? ''),
                String(performance.latest?.target?.target ?? ''),
                performance.latest?.rag ?? 'No rating',
              ]),
            ),
          ]
        : []),
      table(
        ['Action', 'Status', 'Updates in the period'],
        entry.actions.map((action) => [
          `${action.text}\n${action.leadName}; ${action.when}`,
          `${actionStatuses[action.status]}${action.overdue ? ' (overdue)' : ''}`,
          action.updatesInPeriod.map((u) => `${u.reportedOn}, ${u.rag}: ${u.commentary}`).join('\n') ||
            'None',
        ]),
      ),
    ]),
  );
}
