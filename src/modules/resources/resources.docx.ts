// The resources report as a Word document in the house style (A4 landscape for its ten-column
// tables): the same tables as the page.
import { HeadingLevel, Paragraph, type Table } from 'docx';
import { councilDocument, sizes } from '../../platform/documents/docx-style.ts';
import { dataTable } from '../../platform/documents/word.ts';
import { formatPounds } from './money.ts';
import type { ResourcesReport } from './resources.report.ts';

const table = (header: string[], rows: string[][]) =>
  dataTable(rows, { header, size: sizes.small, landscape: true });

export async function resourcesDocx(
  partnership: string,
  title: string,
  intro: string,
  report: ResourcesReport,
): Promise<Buffer> {
  const money = formatPounds;
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: title, heading: HeadingLevel.HEADING_1 }),
    new Paragraph({ text: intro }),
  ];
  if (report.exceptions.length) {
    children.push(new Paragraph({ text: 'Exceptions', heading: HeadingLevel.HEADING_2 }));
    for (const exception of report.exceptions)
      children.push(new Paragraph({ text: exception.text, bullet: { level: 0 } }));
  }
  for (const group of report.byPlan) {
    children.push(
      new Paragraph({ text: `Resources by priority: ${group.plan.title}`, heading: HeadingLevel.HEADING_2 }),
    );
    for (const principle of group.principles)
      children.push(new Paragraph({ text: `Financial principle ${principle.position}: ${principle.text}` }));
    children.push(
      table(
        [
          'Priority',
          'Planned spending',
          'Committed',
          'Actual',
          'Pledged (agreed)',
          'Pledged (proposed)',
          'Services (current)',
          'Services (proposed)',
          'Current',
          'Proposed',
        ],
        [...group.rows, group.total].map((row) => [
          row.label,
          money(row.planned),
          money(row.committed),
          money(row.actual),
          money(row.pledgedAgreed),
          money(row.pledgedProposed),
          money(row.servicesCurrent),
          money(row.servicesProposed),
          money(row.current),
          money(row.proposed),
        ]),
      ),
    );
  }
  children.push(new Paragraph({ text: 'Resources by partner', heading: HeadingLevel.HEADING_2 }));
  children.push(
    report.byPartner.length
      ? table(
          [
            'Partner',
            'Cash planned',
            'Cash agreed',
            'Cash received',
            'In kind agreed',
            'Pledged (agreed)',
            'Pledged (proposed)',
          ],
          report.byPartner.map((p) => [
            p.organisationName,
            money(p.cash.planned),
            money(p.cash.agreed),
            money(p.cash.received),
            money(p.inKind.agreed),
            money(p.pledgedAgreed),
            money(p.pledgedProposed),
          ]),
        )
      : new Paragraph({ text: 'No partner has recorded a contribution or a pledge for this period.' }),
  );
  return councilDocument({ partnership, title, landscape: true }, children);
}
