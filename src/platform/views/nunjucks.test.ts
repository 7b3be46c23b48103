import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate, formatDateTime } from './nunjucks.ts';

describe('dates on pages', () => {
  it('are written the GOV.UK way, at the precision known', () => {
    assert.equal(formatDate('2009-09-14'), '14 September 2009');
    assert.equal(formatDate('2007-04'), 'April 2007');
    assert.equal(formatDate('2007'), '2007');
    assert.equal(formatDate(null), '');
    assert.equal(formatDate(new Date('2013-10-01T23:30:00Z')), '2 October 2013', 'in UK time');
  });

  it('give times with am and pm', () => {
    assert.equal(formatDateTime(new Date('2009-01-21T14:00:00Z')), '21 January 2009 at 2pm');
    assert.equal(formatDateTime(new Date('2009-07-21T13:30:00Z')), '21 July 2009 at 2:30pm', 'in UK time');
  });
});

describe('the trim filter', () => {
  it('trims as Nunjucks’s own does, keeping what is marked safe as safe', async () => {
    const express = (await import('express')).default;
    const nunjucks = (await import('nunjucks')).default;
    const { createViews } = await import('./nunjucks.ts');
    const ours = createViews(express(), { cache: false });
    const theirs = new nunjucks.Environment(null, { autoescape: true });
    const spaces = ' \t\n\u00a0\u2003\u3000\ufeff';
    const cases: [string, object][] = [
      ['{{ text | trim }}|', { text: `${spaces}a  b <i>${spaces}` }],
      ['{{ text | safe | trim }}|', { text: `${spaces}<i>a</i>  ${spaces}` }],
      ['{% set block %}\n  <p>x</p>\n{% endset %}{{ block | trim }}|', {}],
      ['{{ text | trim }}|', { text: '' }],
      ['{{ text | trim }}|', { text: spaces }],
    ];
    for (const [template, context] of cases)
      assert.equal(ours.renderString(template, context), theirs.renderString(template, context), template);
    assert.equal(ours.renderString('{{ text | safe | trim }}|', { text: ' <i>a</i> ' }), '<i>a</i>|');
  });
});
