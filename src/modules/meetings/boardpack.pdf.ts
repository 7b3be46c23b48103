// Putting a board pack together with pdf-lib: the printed cover and agenda, then each paper's
// pages in item order; every page numbered across the whole pack ("page n of N"); and an
// outline (bookmarks) with one entry per part, pointing at its first page.
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFString,
  StandardFonts,
  rgb,
  type PDFRef,
} from 'pdf-lib';

export interface PackPart {
  /** The bookmark's title, e.g. "Item 3: Budget (budget.pdf)". */
  title: string;
  pdf: Uint8Array;
}

export async function assemblePack(
  cover: PackPart,
  papers: PackPart[],
): Promise<{ pdf: Uint8Array; pageCount: number }> {
  const pack = await PDFDocument.create();
  pack.setTitle(cover.title);
  const starts: { title: string; page: number }[] = [];
  for (const part of [cover, ...papers]) {
    const source = await PDFDocument.load(part.pdf, { ignoreEncryption: true });
    const pages = await pack.copyPages(source, source.getPageIndices());
    starts.push({ title: part.title, page: pack.getPageCount() });
    for (const page of pages) pack.addPage(page);
  }
  const font = await pack.embedFont(StandardFonts.Helvetica);
  const total = pack.getPageCount();
  pack.getPages().forEach((page, index) => {
    const text = `Board pack page ${index + 1} of ${total}`;
    const { width } = page.getSize();
    page.drawText(text, {
      x: width - 18 - font.widthOfTextAtSize(text, 8),
      y: 10,
      size: 8,
      font,
      color: rgb(0.2, 0.2, 0.2),
    });
  });
  addOutline(pack, starts);
  return { pdf: await pack.save(), pageCount: total };
}

/** pdf-lib has no outline API: the outline is written as its dictionaries (PDF 32000, 12.3.3). */
function addOutline(pack: PDFDocument, entries: { title: string; page: number }[]) {
  const { context } = pack;
  const outlineRef = context.nextRef();
  const refs: PDFRef[] = entries.map(() => context.nextRef());
  const pages = pack.getPages();
  entries.forEach((entry, index) => {
    const item = context.obj({
      Title: PDFHexString.fromText(entry.title),
      Parent: outlineRef,
      Dest: [pages[entry.page]!.ref, PDFName.of('Fit')],
    });
    if (index > 0) item.set(PDFName.of('Prev'), refs[index - 1]!);
    if (index < refs.length - 1) item.set(PDFName.of('Next'), refs[index + 1]!);
    context.assign(refs[index]!, item);
  });
  context.assign(
    outlineRef,
    context.obj({ Type: 'Outlines', First: refs[0]!, Last: refs[refs.length - 1]!, Count: refs.length }),
  );
  pack.catalog.set(PDFName.of('Outlines'), outlineRef);
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
