// The exception report, the plan on a page, its progress and the highlight report as Word
// documents in the house style.
import { HeadingLevel, Paragraph, type Table } from 'docx';
import { councilDocument, type DocumentFrame } from '../../platform/documents/docx-style.ts';
import { dataTable } from '../../platform/documents/word.ts';
import type { BodyExceptions, Highlight } from './accountability.ts';
import type { PlanDetail } from './plans.service.ts';
import { actionStatuses } from './plans.vocabulary.ts';
import type { PlanResources } from './plan-resources.ts';

const table = (header: string[], rows: string[][]) => dataTable(rows, { header });

export async function exceptionsDocx(
  frame: DocumentFrame,
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
  return councilDocument(frame, [
    new Paragraph({ text: frame.title, heading: HeadingLevel.HEADING_1 }),
    new Paragraph({
      text: `The actions off track or overdue on ${dateText}, and the red indicators, for each owning body.`,
    }),
    ...(sections.length
      ? sections
      : [new Paragraph({ text: 'Nothing is off track or overdue, and no indicator is red.' })]),
  ]);
}

const document = (frame: DocumentFrame, intro: string, children: (Paragraph | Table)[]) =>
  councilDocument(frame, [
    new Paragraph({ text: frame.title, heading: HeadingLevel.HEADING_1 }),
    new Paragraph({ text: intro }),
    ...children,
  ]);

/** The plan's resources for a year: each priority's figures, then the pledges that count in it. */
function resourcesSection(resources: PlanResources | null | undefined): (Paragraph | Table)[] {
  if (!resources) return [];
  if (!resources.recorded)
    return [
      new Paragraph({ text: `Resources, ${resources.period}`, heading: HeadingLevel.HEADING_2 }),
      new Paragraph({
        text: 'No spending, pledge or commissioned service is recorded against the plan’s priorities.',
      }),
    ];
  const pledges = resources.rows.filter((row) => row.pledges.length);
  return [
    new Paragraph({ text: `Resources, ${resources.period}`, heading: HeadingLevel.HEADING_2 }),
    new Paragraph({ text: 'In pounds.' }),
    table(
      ['Priority', ...resources.headings],
      [...resources.rows, resources.total].map((row) => [row.label, ...row.cells]),
    ),
    ...(pledges.length
      ? [
          new Paragraph({ text: `Partners’ pledges, ${resources.period}`, heading: HeadingLevel.HEADING_3 }),
          ...pledges.flatMap((row) => [
            new Paragraph({ text: row.label }),
            ...row.pledges.map((text) => new Paragraph({ text, bullet: { level: 0 } })),
          ]),
        ]
      : []),
    ...resources.notes.map((text) => new Paragraph({ text })),
  ];
}

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
  frame: DocumentFrame,
  intro: string,
  rows: OnAPageRow[],
  vision: string | null,
  framework: FrameworkSection,
  resources?: PlanResources | null,
) {
  return document(frame, intro, [
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
    ...resourcesSection(resources),
  ]);
}

export function progressDocx(
  frame: DocumentFrame,
  intro: string,
  detail: PlanDetail,
  resources?: PlanResources | null,
) {
  return document(frame, intro, [
    ...detail.priorities.flatMap((priority) => [
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
    ...resourcesSection(resources),
  ]);
}

export function highlightDocx(frame: DocumentFrame, intro: string, highlight: Highlight) {
  return document(
    frame,
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
