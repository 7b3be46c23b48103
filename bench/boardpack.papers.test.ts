import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import { paperPdf, timings } from './boardpack.papers.ts';

test('a paper is a PDF of the pages asked for, the same bytes each time', async () => {
  const paper = await paperPdf(3, 10);
  assert.equal(Buffer.from(paper.subarray(0, 5)).toString('latin1'), '%PDF-');
  assert.equal((await PDFDocument.load(paper)).getPageCount(), 10);
  assert.equal((await PDFDocument.load(await paperPdf(1, 2))).getPageCount(), 2);
  assert.deepEqual(await paperPdf(3, 10), paper);
  assert.notDeepEqual(await paperPdf(4, 10), paper);
});

test('timings: median, p95 (nearest rank) and max, rounded to 0.1 ms', () => {
  assert.deepEqual(timings([300, 100.04, 200]), { runs: 3, median: 200, p95: 300, max: 300 });
  const twenty = Array.from({ length: 20 }, (_, index) => index + 1);
  assert.deepEqual(timings(twenty), { runs: 20, median: 10, p95: 19, max: 20 });
});
