// Line charts as SVG drawn on the server: d3-scale places the periods and values and chooses
// the axis ticks, d3-shape draws the lines. Each series has its own dash pattern and marker
// shape, so colour is never the only difference; the SVG has a title and a description, and
// the page puts the same figures in a table beside it.
import { scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';
import { escapeHtml } from '../../platform/views/html-text.ts';

export interface ChartSeries {
  name: string;
  /** One value per period, null where there is none. */
  values: (number | null)[];
}

export interface LineChart {
  id: string;
  title: string;
  description: string;
  periods: string[];
  series: ChartSeries[];
  unit: string;
  /** Percentages run from 0 to 100 at most. */
  percentage?: boolean;
}

const width = 640;
const height = 320;
const margin = { top: 20, right: 20, bottom: 50, left: 60 };

const styles = [
  { stroke: '#1d70b8', dash: '', marker: 'circle' },
  { stroke: '#0b0c0c', dash: '6 4', marker: 'square' },
  { stroke: '#d4351c', dash: '2 3', marker: 'triangle' },
  { stroke: '#00703c', dash: '10 3 2 3', marker: 'diamond' },
  { stroke: '#4c2c92', dash: '1 2', marker: 'circle' },
] as const;

function marker(shape: string, x: number, y: number, colour: string): string {
  const at = (n: number) => n.toFixed(1);
  switch (shape) {
    case 'square':
      return `<rect x="${at(x - 4)}" y="${at(y - 4)}" width="8" height="8" fill="${colour}"/>`;
    case 'triangle':
      return `<path d="M${at(x)},${at(y - 5)}L${at(x + 5)},${at(y + 4)}L${at(x - 5)},${at(y + 4)}Z" fill="${colour}"/>`;
    case 'diamond':
      return `<path d="M${at(x)},${at(y - 5)}L${at(x + 5)},${at(y)}L${at(x)},${at(y + 5)}L${at(x - 5)},${at(y)}Z" fill="${colour}"/>`;
    default:
      return `<circle cx="${at(x)}" cy="${at(y)}" r="4" fill="${colour}"/>`;
  }
}

const legendLine = 18;
/** A generous width of a character of the legend (12px Arial with WCAG text spacing). */
const legendCharacter = 9;

/** Where each legend entry goes: its left edge, its row's offset, its name in lines. */
export function legendLayout(names: string[]): {
  entries: { left: number; top: number; lines: string[] }[];
  /** The height the rows after the first add to the drawing. */
  extra: number;
} {
  const right = width - margin.right;
  const room = Math.floor((right - margin.left - 36) / legendCharacter);
  let [left, top, rowLines] = [margin.left, 0, 1];
  const entries = names.map((name) => {
    const lines = wrapWords(name, room);
    const wide = 36 + Math.max(...lines.map((text) => text.length)) * legendCharacter;
    if (left > margin.left && left + wide > right) {
      top += rowLines * legendLine + 6;
      [left, rowLines] = [margin.left, 1];
    }
    const entry = { left, top, lines };
    left += wide + 24;
    rowLines = Math.max(rowLines, lines.length);
    return entry;
  });
  return { entries, extra: top + (rowLines - 1) * legendLine };
}

function wrapWords(text: string, room: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > room) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.flatMap((long) => long.match(new RegExp(`.{1,${room}}`, 'g')) ?? ['']);
}

/** The chart's SVG, or null when there is nothing to draw. */
export function lineChartSvg(chart: LineChart): string | null {
  const numbers = chart.series.flatMap((series) =>
    series.values.filter((value): value is number => value !== null),
  );
  if (!numbers.length || !chart.periods.length) return null;
  const low = Math.min(0, ...numbers);
  const high = Math.max(...numbers);
  const y = scaleLinear()
    .domain([low, high === low ? low + 1 : high])
    .nice()
    .range([height - margin.bottom, margin.top]);
  if (chart.percentage) y.domain([Math.max(0, y.domain()[0]!), Math.min(100, y.domain()[1]!)]);
  const x = scalePoint<string>()
    .domain(chart.periods)
    .range([margin.left, width - margin.right])
    .padding(0.5);
  const ticks = y.ticks(6);
  const format = y.tickFormat(6);
  const parts: string[] = [];
  parts.push(
    `<g class="app-chart__axis" aria-hidden="true">`,
    ...ticks.map(
      (tick) =>
        `<line x1="${margin.left}" x2="${width - margin.right}" y1="${y(tick).toFixed(1)}" y2="${y(tick).toFixed(1)}" stroke="#b1b4b6" stroke-width="1"/>` +
        `<text x="${margin.left - 8}" y="${y(tick).toFixed(1)}" text-anchor="end" dominant-baseline="middle">${escapeHtml(format(tick))}</text>`,
    ),
    ...chart.periods.map(
      (period) =>
        `<text x="${x(period)!.toFixed(1)}" y="${height - margin.bottom + 20}" text-anchor="middle">${escapeHtml(period)}</text>`,
    ),
    `<text x="14" y="${(margin.top + height - margin.bottom) / 2}" text-anchor="middle" transform="rotate(-90 14 ${(margin.top + height - margin.bottom) / 2})">${escapeHtml(chart.unit)}</text>`,
    `</g>`,
  );
  const draw = line<[string, number | null]>()
    .defined(([, value]) => value !== null)
    .x(([period]) => x(period)!)
    .y(([, value]) => y(value!));
  chart.series.forEach((series, index) => {
    const style = styles[index % styles.length]!;
    const points = chart.periods.map(
      (period, at) => [period, series.values[at] ?? null] as [string, number | null],
    );
    parts.push(
      `<g class="app-chart__series" aria-hidden="true">`,
      `<path d="${draw(points) ?? ''}" fill="none" stroke="${style.stroke}" stroke-width="2.5" stroke-dasharray="${style.dash}"/>`,
      ...points
        .filter(([, value]) => value !== null)
        .map(([period, value]) => marker(style.marker, x(period)!, y(value!), style.stroke)),
      `</g>`,
    );
  });
  // The legend names each line by its dash and marker as well as its colour. Its entries flow
  // left to right and onto further rows, names wrapped, so that it stays inside the drawing
  // whatever the names (issue 23), with room for WCAG's text spacing.
  const legend = legendLayout(chart.series.map((series) => series.name));
  chart.series.forEach((series, index) => {
    const style = styles[index % styles.length]!;
    const { left, top, lines } = legend.entries[index]!;
    const legendY = height - 12 + top;
    parts.push(
      `<g class="app-chart__legend" aria-hidden="true">`,
      `<line x1="${left}" x2="${left + 30}" y1="${legendY}" y2="${legendY}" stroke="${style.stroke}" stroke-width="2.5" stroke-dasharray="${style.dash}"/>`,
      marker(style.marker, left + 15, legendY, style.stroke),
      `<text y="${legendY}" dominant-baseline="middle">${lines
        .map(
          (text, at) =>
            `<tspan x="${left + 36}" y="${legendY + at * legendLine}">${escapeHtml(text)}</tspan>`,
        )
        .join(' ')}</text>`,
      `</g>`,
    );
  });
  const drawnHeight = height + legend.extra;
  return (
    `<svg class="app-chart" viewBox="0 0 ${width} ${drawnHeight}" role="img" aria-labelledby="${chart.id}-title ${chart.id}-desc" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${chart.id}-title">${escapeHtml(chart.title)}</title>` +
    `<desc id="${chart.id}-desc">${escapeHtml(chart.description)}</desc>` +
    parts.join('') +
    `</svg>`
  );
}
