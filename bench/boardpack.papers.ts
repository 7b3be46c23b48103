// The papers of the board pack benchmark: PDFs made with pdf-lib, a heading and a page of text
// on each page, about what a committee paper weighs. The same arguments make the same bytes.
import { HeadingLevel, Paragraph } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { councilDocument } from '../src/platform/documents/docx-style.ts';
import { percentile } from './stats.ts';

const sentences = [
  'This paper is illustrative: it was made by the benchmark and describes nothing real.',
  'The partnership is asked to note the progress made against the priorities of the plan.',
  'Performance has improved on most indicators, with exceptions reported to the executive board.',
  'The sub-groups have reviewed their terms of reference and their membership this year.',
  'Partners are asked to confirm their contributions to the pooled budget for next year.',
  'Young people told the board what matters to them: safe places, mental health, transport.',
];

/** A paper of `pages` A4 pages, numbered `paper` in the pack (its heading says so). */
export async function paperPdf(paper: number, pages: number): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const fixed = new Date('2025-01-01T00:00:00Z');
  document.setTitle(`Illustrative paper ${paper}`);
  document.setCreationDate(fixed);
  document.setModificationDate(fixed);
  const font = await document.embedFont(StandardFonts.Helvetica);
  const bold = await document.embedFont(StandardFonts.HelveticaBold);
  for (let number = 1; number <= pages; number++) {
    const page = document.addPage([595, 842]);
    page.drawText(`Paper ${paper}, page ${number} of ${pages} (illustrative)`, {
      x: 56,
      y: 780,
      size: 14,
      font: bold,
    });
    for (let line = 0; line < 40; line++)
      page.drawText(sentences[(paper + number + line) % sentences.length]!, {
        x: 56,
        y: 740 - line * 16,
        size: 10,
        font,
      });
  }
  return document.save();
}

/**
 * A Word paper of about `pages` A4 pages in the house style (a heading a page, then 30 lines of
 * text), which the pack converts with LibreOffice.
 */
export function paperDocx(paper: number, pages: number): Promise<Buffer> {
  const children = [];
  for (let number = 1; number <= pages; number++) {
    children.push(
      new Paragraph({
        text: `Paper ${paper}, part ${number} of ${pages} (illustrative)`,
        heading: HeadingLevel.HEADING_1,
        pageBreakBefore: number > 1,
      }),
    );
    for (let line = 0; line < 16; line++)
      children.push(new Paragraph(sentences[(paper + number + line) % sentences.length]!));
  }
  return councilDocument(
    { partnership: 'Illustrative partnership', title: `Illustrative paper ${paper}` },
    children,
  );
}

/** Median, 95th percentile (nearest rank) and maximum of some timings, in ms to 0.1. */
export function timings(ms: number[]): { runs: number; median: number; p95: number; max: number } {
  const sorted = Float64Array.from(ms).sort();
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    runs: sorted.length,
    median: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
}
