// The report as CSV, through the platform's one writer: a cell a spreadsheet would read as a
// formula (starting with = + - @, or a tab or carriage return) is written with a leading
// apostrophe, so nothing a user typed runs.
import { toCsv, type CsvFile } from '../../platform/documents/csv.ts';
import { poundsDecimal, yearLabel } from './money.ts';
import type { ResourcesReport } from './resources.report.ts';

const money = (pence: number) => poundsDecimal(pence);

const columns = [
  'Section',
  'Period',
  'Plan',
  'Priority or partner',
  'Planned spending (£)',
  'Committed (£)',
  'Actual (£)',
  'Pledged, agreed (£)',
  'Pledged, proposed (£)',
  'Commissioned services, current (£)',
  'Commissioned services, proposed (£)',
  'Cash planned (£)',
  'Cash agreed (£)',
  'Cash received (£)',
  'In kind agreed (£)',
];

export function resourcesCsv(report: ResourcesReport): CsvFile {
  const period = report.year === null ? 'All years' : yearLabel(report.year);
  const rows: string[][] = [];
  for (const group of report.byPlan)
    for (const row of group.rows)
      rows.push([
        'By priority',
        period,
        group.plan.title,
        row.label,
        money(row.planned),
        money(row.committed),
        money(row.actual),
        money(row.pledgedAgreed),
        money(row.pledgedProposed),
        money(row.servicesCurrent),
        money(row.servicesProposed),
        '',
        '',
        '',
        '',
      ]);
  for (const partner of report.byPartner)
    rows.push([
      'By partner',
      period,
      '',
      partner.organisationName,
      '',
      '',
      '',
      money(partner.pledgedAgreed),
      money(partner.pledgedProposed),
      '',
      '',
      money(partner.cash.planned),
      money(partner.cash.agreed),
      money(partner.cash.received),
      money(partner.inKind.agreed),
    ]);
  return toCsv(columns, rows);
}
