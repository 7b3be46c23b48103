import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as cheerio from 'cheerio';
import { lineChartSvg } from './chart.ts';
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
