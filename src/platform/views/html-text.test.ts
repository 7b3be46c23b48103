import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as cheerio from 'cheerio';
import { escapeHtml, firstWide, narrowCss, narrowHtml } from './html-text.ts';

test('escaping writes markup characters and characters above U+00FF as references', () => {
  assert.equal(
    escapeHtml(`<a href="x">Tom & Jerry's</a>`),
    '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;',
  );
  assert.equal(escapeHtml('Children’s Trust – 2009 £5 é'), 'Children&#x2019;s Trust &#x2013; 2009 £5 é');
  // a character outside the Basic Multilingual Plane is one reference, not two halves
  assert.equal(escapeHtml('ok 👍'), 'ok &#x1f44d;');
  assert.equal(escapeHtml('a\\b'), 'a&#92;b');
});

test('a page read by a browser says the same after narrowing', () => {
  const html = '<p title="Bolton’s “plan”">Children’s – ½ 👍 <b>bold</b></p>';
  const narrowed = narrowHtml(html);
  assert.equal(firstWide(narrowed), -1);
  const $ = cheerio.load(narrowed);
  assert.equal($('p').text(), 'Children’s – ½ 👍 bold');
  assert.equal($('p').attr('title'), 'Bolton’s “plan”');
});

test('a stylesheet for a style element uses CSS escapes and drops the byte order mark', () => {
  assert.equal(narrowCss('\u{feff}a::after{content:"\u200b"}'), 'a::after{content:"\\200b "}');
  assert.equal(firstWide(narrowCss('\u{feff}x{content:"–"}')), -1);
});

test('firstWide finds the first character above U+00FF', () => {
  assert.equal(firstWide('£é ÿ'), -1);
  assert.equal(firstWide('ab’c'), 2);
});
