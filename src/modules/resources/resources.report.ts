// The resources report as the page, the Word document, the PDF and the CSV all show it: for
// each plan, its priorities' resources (with the total), and each partner's contributions and
// pledges; and the chart of current and proposed resource by priority, drawn as SVG on the
// server with its figures in the table beside it.
import { scaleBand, scaleLinear } from 'd3-scale';
import { escapeHtml, narrowHtml } from '../../platform/views/html-text.ts';
import { formatPounds, yearLabel } from './money.ts';
import type { PriorityResources, PartnerResources } from './statement.ts';
import type { ResourcesService } from './resources.service.ts';

type Report = Awaited<ReturnType<ResourcesService['report']>>;

export interface ReportRow extends Omit<PriorityResources, 'priorityId'> {
  label: string;
}

export interface ResourcesReport {
  year: number | null;
  period: string;
  years: number[];
  byPlan: {
    plan: Report['byPlan'][number]['plan'];
    principles: Report['byPlan'][number]['principles'];
    rows: ReportRow[];
    total: ReportRow;
    chart: string | null;
  }[];
  byPartner: PartnerResources[];
  exceptions: Report['exceptions'];
}

const width = 640;
const barHeight = 14;
const margin = { top: 10, right: 110, bottom: 30, left: 230 };

/** Horizontal bars, two a priority: current (solid blue) and proposed (black outline, hatched). */
export function priorityChart(id: string, title: string, rows: ReportRow[]): string | null {
  if (!rows.length || rows.every((row) => row.current === 0 && row.proposed === 0)) return null;
  const height = margin.top + margin.bottom + rows.length * (barHeight * 2 + 14);
  const y = scaleBand<number>()
    .domain(rows.map((_, index) => index))
    .range([margin.top, height - margin.bottom])
    .paddingInner(0.25);
  const max = Math.max(...rows.flatMap((row) => [row.current, row.proposed]));
  const x = scaleLinear()
    .domain([0, max])
    .nice(4)
    .range([margin.left, width - margin.right]);
  const label = (text: string) => escapeHtml(text.length > 38 ? `${text.slice(0, 37)}…` : text);
  const bars = rows
    .map((row, index) => {
      const top = y(index)!;
      const bar = (value: number, offset: number, style: string) =>
        `<rect x="${margin.left}" y="${(top + offset).toFixed(1)}" width="${Math.max(0, x(value) - margin.left).toFixed(1)}" height="${barHeight}" ${style}/>` +
        `<text x="${(x(value) + 4).toFixed(1)}" y="${(top + offset + barHeight - 3).toFixed(1)}" font-size="11">${escapeHtml(formatPounds(value))}</text>`;
      return (
        `<text x="${margin.left - 6}" y="${(top + barHeight).toFixed(1)}" text-anchor="end" font-size="12">${label(row.label)}</text>` +
        bar(row.current, 0, 'fill="#1d70b8"') +
        bar(row.proposed, barHeight + 2, `fill="url(#${id}-hatch)" stroke="#0b0c0c"`)
      );
    })
    .join('');
  const ticks = x
    .ticks(4)
    .map(
      (tick) =>
        `<line x1="${x(tick).toFixed(1)}" x2="${x(tick).toFixed(1)}" y1="${margin.top}" y2="${height - margin.bottom}" stroke="#b1b4b6"/>` +
        `<text x="${x(tick).toFixed(1)}" y="${height - margin.bottom + 14}" text-anchor="middle" font-size="11">${escapeHtml(formatPounds(Math.round(tick)).replace(/\.00$/, ''))}</text>`,
    )
    .join('');
  const legendY = height - 6;
  return narrowHtml(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" class="app-chart">` +
      `<title id="${id}-title">${escapeHtml(title)}</title>` +
      `<desc id="${id}-desc">For each priority, the resource it has now (committed and actual spending, agreed pledges and current services) and what is proposed (planned spending, proposed pledges and services). The table after the chart gives every figure.</desc>` +
      `<defs><pattern id="${id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#0b0c0c" stroke-width="2"/></pattern></defs>` +
      ticks +
      bars +
      `<rect x="${margin.left}" y="${legendY - 10}" width="12" height="10" fill="#1d70b8"/><text x="${margin.left + 16}" y="${legendY}" font-size="11">Current</text>` +
      `<rect x="${margin.left + 80}" y="${legendY - 10}" width="12" height="10" fill="url(#${id}-hatch)" stroke="#0b0c0c"/><text x="${margin.left + 96}" y="${legendY}" font-size="11">Proposed</text>` +
      `</svg>`,
  );
}

export function shapeReport(report: Report): ResourcesReport {
  const period = report.year === null ? 'all years' : yearLabel(report.year);
  return {
    year: report.year,
    period,
    years: report.years,
    byPartner: report.byPartner,
    exceptions: report.exceptions,
    byPlan: report.byPlan.map((group) => {
      const rows = group.resources.rows.map((row) => {
        const priority = group.priorities.find((p) => p.id === row.priorityId)!;
        const { priorityId: _id, ...figures } = row;
        return { ...figures, label: `Priority ${priority.position}: ${priority.title}` };
      });
      return {
        plan: group.plan,
        principles: group.principles,
        rows,
        total: { ...group.resources.total, label: 'All priorities' },
        chart: priorityChart(
          `chart-${group.plan.slug}`,
          `Resources by priority of ${group.plan.title}, ${period}`,
          rows,
        ),
      };
    }),
  };
}
