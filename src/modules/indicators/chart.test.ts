import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as cheerio from 'cheerio';
import { legendLayout, lineChartSvg } from './chart.ts';
import { breakdownsOf, gapsOf, indicatorCharts } from './indicator-charts.ts';

const indicator = {
  id: 'i',
  code: 'NI 73',
  title: 'Achievement at level 4 or above in both English and Maths at Key Stage 2',
  definition: '',
  unit: 'percentage' as const,
  unitLabel: '%',
  polarity: 'higher' as const,
  frequency: 'academic year' as const,
  source: '',
  outcome: 'EA' as const,
  libraryKey: 'NI 73',
};
const value = (period: string, start: string, amount: number, breakdown = '') => ({
  id: `${period}${breakdown}`,
  indicatorId: 'i',
  period,
  periodStart: start,
  breakdownKind: breakdown ? ('group' as const) : ('all' as const),
  breakdown,
  value: amount,
  illustrative: false,
  note: null,
});

describe('server-side SVG charts', () => {
  it('draws one line per series with its own markers, ticks from the scale, a title and a description', () => {
    const svg = lineChartSvg({
      id: 'trend',
      title: 'NI 73 by period',
      description: 'Up from 70% to 74%.',
      periods: ['2007/08', '2008/09', '2009/10'],
      series: [
        { name: 'Value', values: [70, null, 74] },
        { name: 'Target', values: [72, 73, 75] },
      ],
      unit: '%',
      percentage: true,
    })!;
    const html = cheerio.load(svg, { xml: true });
    assert.equal(html('svg').attr('role'), 'img');
    assert.equal(html('svg').attr('aria-labelledby'), 'trend-title trend-desc');
    assert.equal(html('title').text(), 'NI 73 by period');
    assert.equal(html('desc').text(), 'Up from 70% to 74%.');
    assert.equal(html('.app-chart__series').length, 2);
    assert.equal(
      html('.app-chart__series').eq(0).find('circle').length,
      2,
      'no marker where there is no value',
    );
    assert.equal(html('.app-chart__series').eq(1).find('rect').length, 3);
    assert.notEqual(
      html('.app-chart__series').eq(0).find('path').attr('stroke-dasharray'),
      html('.app-chart__series').eq(1).find('path').attr('stroke-dasharray'),
    );
    const tickLabels = html('.app-chart__axis text')
      .map((_, el) => html(el).text())
      .get();
    assert.ok(tickLabels.includes('0') && tickLabels.includes('2009/10'), tickLabels.join(','));
    assert.deepEqual(
      html('.app-chart__legend text')
        .map((_, el) => html(el).text())
        .get(),
      ['Value', 'Target'],
    );
  });

  it('draws nothing when there is nothing to draw', () => {
    assert.equal(
      lineChartSvg({ id: 'x', title: 't', description: 'd', periods: [], series: [], unit: '%' }),
      null,
    );
  });

  it('escapes names', () => {
    const svg = lineChartSvg({
      id: 'x',
      title: 'A <b> & "c"',
      description: 'd',
      periods: ['2009'],
      series: [{ name: '<script>', values: [1] }],
      unit: 'n',
    })!;
    assert.ok(
      !svg.includes('<script>') && svg.includes('&lt;script&gt;') && svg.includes('A &lt;b&gt; &amp;'),
    );
  });
});

describe('gaps and summaries', () => {
  const values = [
    value('2008/09', '2008-09-01', 72),
    value('2009/10', '2009-09-01', 73),
    value('2009/10', '2009-09-01', 41, 'Looked-after children'),
    value('2010/11', '2010-09-01', 44, 'Looked-after children'),
  ];
  it('sets each group against everyone in the same period', () => {
    assert.deepEqual(gapsOf(values), [
      { period: '2009/10', breakdown: 'Looked-after children', value: 41, overall: 73, gap: -32 },
    ]);
  });
  it('lists every group value once, with everyone and the gap only where everyone is known', () => {
    assert.deepEqual(
      breakdownsOf(values).map(({ period, breakdown, value, overall, gap }) => ({
        period,
        breakdown,
        value,
        overall,
        gap,
      })),
      [
        { period: '2009/10', breakdown: 'Looked-after children', value: 41, overall: 73, gap: -32 },
        { period: '2010/11', breakdown: 'Looked-after children', value: 44, overall: null, gap: null },
      ],
    );
  });
  it('says what the charts show', () => {
    const charts = indicatorCharts({ indicator, targets: [], values, comparators: [] });
    assert.equal(charts.trendSummary, 'NI 73 went from 72% in 2008/09 to 73% in 2009/10.');
    assert.equal(
      charts.gapSummary,
      'In 2009/10, Looked-after children: 41% against 73% for everyone, a gap of 32 percentage points below everyone.',
    );
    assert.ok(charts.trend?.startsWith('<svg'));
    assert.ok(charts.gap?.includes('Looked-after children'));
  });
});

describe('the chart legend', () => {
  it('keeps every entry inside the drawing, flowing onto further rows and wrapping long names', () => {
    const names = [
      'Value',
      'Target',
      'England average',
      'Statistical neighbours average',
      'West Midlands region average for the same period',
    ];
    const { entries, extra } = legendLayout(names);
    for (const [index, { left, lines }] of entries.entries()) {
      const right = left + 36 + Math.max(...lines.map((text) => text.length)) * 9;
      assert.ok(right <= 620, `${names[index]} ends at ${right}, inside the 640 wide drawing`);
      assert.equal(lines.join(' '), names[index], 'wrapped at spaces, nothing lost');
    }
    assert.ok(extra > 0, 'rows were added to the drawing');
    const svg = lineChartSvg({
      id: 'many',
      title: 'Many lines',
      description: 'Five lines.',
      periods: ['2007/08', '2008/09'],
      series: names.map((name, index) => ({ name, values: [index, index + 1] })),
      unit: '%',
    })!;
    const viewBox = cheerio.load(svg, { xml: true })('svg').attr('viewBox')!.split(' ').map(Number);
    assert.deepEqual(viewBox, [0, 0, 640, 320 + extra], 'the drawing is as tall as its legend');
    // a name with no spaces longer than a row is cut into pieces that fit
    const [long] = legendLayout(['x'.repeat(120)]).entries;
    assert.ok(long!.lines.every((text) => 60 + 36 + text.length * 9 <= 620));
    assert.equal(long!.lines.join(''), 'x'.repeat(120));
    // two short names share a row
    const pair = legendLayout(['Value', 'Target']);
    assert.equal(pair.entries[1]!.top, 0);
    assert.equal(pair.extra, 0);
  });
});
