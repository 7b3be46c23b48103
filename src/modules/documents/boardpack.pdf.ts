// Putting a board pack together with pdf-lib (ADR 0047): the printed parts (cover, agenda,
// previous minutes, action log, committee reports), printed by Chromium as one tagged document,
// are the pack; each paper's pages are appended with its structure tree kept (`appendTagged`);
// every page is numbered once, "Board pack page n of N", with a stamp printed by Chromium (so its
// font is embedded) and drawn as an artifact; the bookmarks are the printed parts' headings and
// one entry a paper; the meeting's title is the document's title, shown in the window, in en-GB.
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFString,
  beginMarkedContent,
  endMarkedContent,
  type PDFRef,
} from 'pdf-lib';
import { appendTagged, finishTagged } from '../../platform/documents/pdf-tags.ts';

export interface PackPart {
  /** The bookmark's title, e.g. "Item 3: Budget (budget.pdf)". */
  title: string;
  pdf: Uint8Array;
}

/** The page-number stamps' HTML: one A4 page each, its number at the foot, right-aligned. */
export function stampsHtml(total: number): string {
  const pages = Array.from(
    { length: total },
    (_, index) => `<div class="p"><span>Board pack page ${index + 1} of ${total}</span></div>`,
  ).join('');
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Page numbers</title>
<style>@page{size:A4;margin:0}body{margin:0;font:8pt arial,sans-serif;color:#333}
.p{height:297mm;position:relative;break-after:page;overflow:hidden}
.p span{position:absolute;right:18mm;bottom:3.5mm}</style></head><body>${pages}</body></html>`;
}

/** The strip of a stamp page that holds its number (points from the bottom left). */
const strip = { width: 260, height: 28 };

export async function assemblePack(pack: {
  title: string;
  printed: Uint8Array;
  papers: PackPart[];
  /** The page-number stamps of a pack of `total` pages, as a PDF (`stampsHtml`, printed). */
  numbering: (total: number) => Promise<Uint8Array>;
}): Promise<{ pdf: Uint8Array; pageCount: number }> {
  const document = await PDFDocument.load(pack.printed, { updateMetadata: false });
  const starts: { title: string; page: number }[] = [];
  for (const paper of pack.papers) {
    const source = await PDFDocument.load(paper.pdf, { ignoreEncryption: true, updateMetadata: false });
    starts.push({ title: paper.title, page: appendTagged(document, source, paper.title) });
  }
  const total = document.getPageCount();
  const stamps = await PDFDocument.load(await pack.numbering(total));
  const stampPages = stamps.getPages();
  const embedded = await document.embedPages(
    stampPages,
    stampPages.map((page) => ({
      left: page.getWidth() - strip.width,
      bottom: 0,
      right: page.getWidth(),
      top: strip.height,
    })),
  );
  document.getPages().forEach((page, index) => {
    const stamp = embedded[index];
    if (!stamp) return;
    // an artifact of pagination: not content, so not in the tags (PDF/UA-1, 7.1)
    page.pushOperators(beginMarkedContent('Artifact'));
    page.drawPage(stamp, { x: page.getWidth() - strip.width, y: 0 });
    page.pushOperators(endMarkedContent());
  });
  // one numbering: the viewer's page labels are the printed numbers, 1 to N
  document.catalog.set(
    PDFName.of('PageLabels'),
    document.context.obj({ Nums: [0, document.context.obj({ S: 'D' })] }),
  );
  appendToOutline(document, starts);
  finishTagged(document, { title: pack.title });
  return { pdf: await document.save(), pageCount: total };
}

/** Adds entries at the end of the outline's top level (made when there is none). */
function appendToOutline(pack: PDFDocument, entries: { title: string; page: number }[]) {
  if (!entries.length) return;
  const { context } = pack;
  let outlines = pack.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  let outlineRef = pack.catalog.get(PDFName.of('Outlines')) as PDFRef | undefined;
  if (!outlines || !outlineRef) {
    outlines = context.obj({ Type: 'Outlines' });
    outlineRef = context.register(outlines);
    pack.catalog.set(PDFName.of('Outlines'), outlineRef);
  }
  const pages = pack.getPages();
  const refs: PDFRef[] = entries.map(() => context.nextRef());
  const last = outlines.get(PDFName.of('Last')) as PDFRef | undefined;
  entries.forEach((entry, index) => {
    const item = context.obj({
      Title: PDFHexString.fromText(entry.title),
      Parent: outlineRef,
      Dest: [pages[entry.page]!.ref, PDFName.of('Fit')],
    });
    const previous = index > 0 ? refs[index - 1] : last;
    if (previous) item.set(PDFName.of('Prev'), previous);
    if (index < refs.length - 1) item.set(PDFName.of('Next'), refs[index + 1]!);
    context.assign(refs[index]!, item);
  });
  if (last) context.lookup(last, PDFDict).set(PDFName.of('Next'), refs[0]!);
  else outlines.set(PDFName.of('First'), refs[0]!);
  outlines.set(PDFName.of('Last'), refs.at(-1)!);
  const count = outlines.lookupMaybe(PDFName.of('Count'), PDFNumber)?.asNumber() ?? 0;
  outlines.set(PDFName.of('Count'), PDFNumber.of(Math.abs(count) + entries.length));
  pack.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** The outline's entries in order, each with the index of the page it opens (for checks). */
export function outlineEntries(pack: PDFDocument): { title: string; page: number }[] {
  const entries: { title: string; page: number }[] = [];
  const pages = pack.getPages().map((page) => page.ref.toString());
  const outlines = pack.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  let item = outlines?.lookupMaybe(PDFName.of('First'), PDFDict);
  while (item) {
    const title = item.lookup(PDFName.of('Title'));
    const destination = item.lookupMaybe(PDFName.of('Dest'), PDFArray)?.get(0);
    entries.push({
      title: title instanceof PDFString || title instanceof PDFHexString ? title.decodeText() : '',
      page: pages.indexOf(String(destination)),
    });
    item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
  }
  return entries;
}

export const outlineTitles = (pack: PDFDocument) => outlineEntries(pack).map((entry) => entry.title);
