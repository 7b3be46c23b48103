// The resources report as a Word document: the same tables as the page.
import { Document, HeadingLevel, Packer, Paragraph, Table, TableRow, WidthType } from 'docx';
import { textCell } from '../../platform/documents/word.ts';
import { formatPounds } from './money.ts';
import type { ResourcesReport } from './resources.report.ts';

const table = (header: string[], rows: string[][]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: header.map((text) => textCell(text, { bold: true, size: 18 })),
      }),
      ...rows.map((row) => new TableRow({ children: row.map((text) => textCell(text, { size: 18 })) })),
    ],
  });

export async function resourcesDocx(title: string, intro: string, report: ResourcesReport): Promise<Buffer> {
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
  return Packer.toBuffer(new Document({ title, creator: 'Cooperate', sections: [{ children }] }));
}
