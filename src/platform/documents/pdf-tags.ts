// Tagged PDFs at the level of their objects (PDF 32000-1:2008, 14.7 and 14.8), with pdf-lib's
// low-level objects, since pdf-lib has no API for the structure tree (ADR 0047):
// - `finishTagged`: every printed PDF's language (en-GB), its title shown in the window, and a
//   role map for every non-standard structure type (Chromium writes Strong and Em, which PDF 1.7
//   does not define: without a role map readers drop them and the text inside them);
// - `appendTagged`: a paper's pages appended to a pack with its structure tree kept, under a
//   Part element of the pack's Document, its parent tree entries renumbered and its role map
//   merged;
// - checks the tests use: the structure types and whether each is standard or mapped, the
//   structure tree's outline, fonts that are not embedded.
import type { PDFDocument, PDFPageLeaf } from 'pdf-lib';
import {
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFObjectCopier,
  PDFPage,
  PDFRef,
  PDFStream,
  PDFString,
  type PDFObject,
} from 'pdf-lib';

/** The standard structure types of PDF 1.7 (PDF 32000-1:2008, 14.8.4). */
export const standardTypes = new Set(
  (
    'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 ' +
    'H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry ' +
    'Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form'
  ).split(' '),
);

/** What the non-standard types printers write mean in PDF 1.7's standard types. */
const standardFor: Record<string, string> = {
  Strong: 'Span',
  Em: 'Span',
  Sub: 'Span',
  Mark: 'Span',
  Title: 'H1',
  Aside: 'Note',
  FENote: 'Note',
  DocumentFragment: 'Part',
  Artifact: 'NonStruct',
};

const name = (key: string) => PDFName.of(key);
const nameText = (value: PDFObject | undefined) =>
  value instanceof PDFName ? value.decodeText() : undefined;

function structRoot(pdf: PDFDocument): PDFDict | undefined {
  return pdf.catalog.lookupMaybe(name('StructTreeRoot'), PDFDict);
}

/** The kids of a structure element or of the root, as objects (refs, dicts, numbers). */
function kidsOf(element: PDFDict): PDFObject[] {
  const kids = element.get(name('K'));
  if (!kids) return [];
  return kids instanceof PDFArray ? kids.asArray() : [kids];
}

/** Every structure element under the root, depth first, with its depth. */
export function structureElements(pdf: PDFDocument): { element: PDFDict; depth: number }[] {
  const root = structRoot(pdf);
  if (!root) return [];
  const found: { element: PDFDict; depth: number }[] = [];
  const seen = new Set<PDFDict>();
  const walk = (node: PDFDict, depth: number) => {
    for (const kid of kidsOf(node)) {
      const element = kid instanceof PDFRef ? pdf.context.lookup(kid) : kid;
      if (!(element instanceof PDFDict) || seen.has(element)) continue;
      // marked-content and object references are not structure elements
      const type = nameText(element.get(name('Type')));
      if (type === 'MCR' || type === 'OBJR') continue;
      if (!element.get(name('S'))) continue;
      seen.add(element);
      found.push({ element, depth });
      walk(element, depth + 1);
    }
  };
  walk(root, 0);
  return found;
}

function roleMap(pdf: PDFDocument): Map<string, string> {
  const map = new Map<string, string>();
  const dict = structRoot(pdf)?.lookupMaybe(name('RoleMap'), PDFDict);
  for (const [key, value] of dict?.entries() ?? []) {
    const target = nameText(value);
    if (target) map.set(key.decodeText(), target);
  }
  return map;
}

/** The structure types used, each with the standard type it is (itself, or through the role map). */
export function structureTypes(pdf: PDFDocument): Map<string, string | null> {
  const roles = roleMap(pdf);
  const types = new Map<string, string | null>();
  for (const { element } of structureElements(pdf)) {
    const type = nameText(element.get(name('S')));
    if (!type || types.has(type)) continue;
    let standard: string | undefined = type;
    for (let step = 0; standard && !standardTypes.has(standard) && step < 10; step++)
      standard = roles.get(standard);
    types.set(type, standard && standardTypes.has(standard) ? standard : null);
  }
  return types;
}

/** Structure types that are neither standard nor mapped to a standard type (should be none). */
export const unmappedTypes = (pdf: PDFDocument) =>
  [...structureTypes(pdf)].filter(([, standard]) => !standard).map(([type]) => type);

const textOf = (value: PDFObject | undefined) =>
  value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;

/** The structure tree as lines "  H1", "Part: title" (tests and diagnosis). */
export function structureOutline(pdf: PDFDocument): string[] {
  return structureElements(pdf).map(({ element, depth }) => {
    const title = textOf(element.lookup(name('T')));
    return `${'  '.repeat(depth)}${nameText(element.get(name('S')))}${title ? `: ${title}` : ''}`;
  });
}

/** Adds to the role map every non-standard type used that it lacks. */
function mapNonStandardTypes(pdf: PDFDocument): void {
  const root = structRoot(pdf);
  if (!root) return;
  let map = root.lookupMaybe(name('RoleMap'), PDFDict);
  for (const type of unmappedTypes(pdf)) {
    if (!map) {
      map = pdf.context.obj({});
      root.set(name('RoleMap'), map);
    }
    map.set(name(type), name(standardFor[type] ?? 'Span'));
  }
}

/**
 * Finishes a tagged PDF: its title (shown in the window's title bar), its language on the
 * catalog and the Document element, marked as tagged, every non-standard type role-mapped, and
 * the pages' tab order by structure (PDF/UA-1, 7.18.3).
 */
export function finishTagged(pdf: PDFDocument, options: { title: string; lang?: string }): void {
  const lang = options.lang ?? 'en-GB';
  pdf.setTitle(options.title, { showInWindowTitleBar: true });
  pdf.setLanguage(lang);
  pdf.setProducer('Cooperate');
  const root = structRoot(pdf);
  if (!root) return;
  pdf.catalog.set(name('MarkInfo'), pdf.context.obj({ Marked: true }));
  for (const { element } of structureElements(pdf))
    if (element.get(name('Lang'))) element.set(name('Lang'), PDFString.of(lang));
  mapNonStandardTypes(pdf);
  for (const page of pdf.getPages()) page.node.set(name('Tabs'), name('S'));
}

/** The entries of a number tree (PDF 32000-1:2008, 7.9.7), flattened. */
function numberTree(pdf: PDFDocument, tree: PDFDict | undefined): Map<number, PDFObject> {
  const entries = new Map<number, PDFObject>();
  const walk = (node: PDFDict | undefined) => {
    if (!node) return;
    const nums = node.lookupMaybe(name('Nums'), PDFArray);
    for (let index = 0; nums && index + 1 < nums.size(); index += 2) {
      const key = nums.lookup(index);
      if (key instanceof PDFNumber) entries.set(key.asNumber(), nums.get(index + 1));
    }
    const kids = node.lookupMaybe(name('Kids'), PDFArray);
    for (let index = 0; kids && index < kids.size(); index++) walk(kids.lookup(index) as PDFDict | undefined);
  };
  walk(tree);
  void pdf;
  return entries;
}

/** The pack's structure tree, made when the pack has none (an untagged first part). */
function packStructure(pack: PDFDocument): { root: PDFDict; document: PDFDict; documentRef: PDFRef } {
  let root = structRoot(pack);
  if (!root) {
    root = pack.context.obj({ Type: 'StructTreeRoot' });
    pack.catalog.set(name('StructTreeRoot'), pack.context.register(root));
    pack.catalog.set(name('MarkInfo'), pack.context.obj({ Marked: true }));
  }
  const top = kidsOf(root);
  const first = top.length === 1 && top[0] instanceof PDFRef ? top[0] : undefined;
  const firstElement = first ? pack.context.lookup(first) : undefined;
  if (first && firstElement instanceof PDFDict && nameText(firstElement.get(name('S'))) === 'Document')
    return { root, document: firstElement, documentRef: first };
  // one Document element holding whatever the root held
  const rootRef = pack.catalog.get(name('StructTreeRoot')) as PDFRef;
  const document = pack.context.obj({ Type: 'StructElem', S: 'Document', P: rootRef });
  const documentRef = pack.context.register(document);
  const kids = pack.context.obj([]);
  for (const kid of top) {
    kids.push(kid);
    const element = kid instanceof PDFRef ? pack.context.lookup(kid) : kid;
    if (element instanceof PDFDict) element.set(name('P'), documentRef);
  }
  document.set(name('K'), kids);
  root.set(name('K'), documentRef);
  return { root, document, documentRef };
}

const asArray = (pdf: PDFDocument, dict: PDFDict, key: string): PDFArray => {
  const value = dict.get(name(key));
  const resolved = value instanceof PDFRef ? pdf.context.lookup(value) : value;
  if (resolved instanceof PDFArray) return resolved;
  const array = pdf.context.obj(value ? [value] : []);
  dict.set(name(key), array);
  return array;
};

/**
 * Appends every page of `source` to `pack`, keeping the source's structure tree: its elements
 * go under a Part element (titled `title`) of the pack's Document element, its parent tree's
 * entries are renumbered into the pack's, and its role map merged into the pack's. Returns the
 * index of its first page in the pack.
 */
export function appendTagged(pack: PDFDocument, source: PDFDocument, title: string): number {
  const first = pack.getPageCount();
  const copier = PDFObjectCopier.for(source.context, pack.context);
  const sourceRoot = structRoot(source);
  // The top elements' parent is the source's root: cut that link, or copying them copies it.
  const sourceTop = sourceRoot ? kidsOf(sourceRoot) : [];
  for (const kid of sourceTop) {
    const element = kid instanceof PDFRef ? source.context.lookup(kid) : kid;
    if (element instanceof PDFDict) element.delete(name('P'));
  }
  const pageRefs = source.getPages().map((page) => copier.copy(page.ref) as PDFRef);
  for (const ref of pageRefs) pack.addPage(PDFPage.of(pack.context.lookup(ref) as PDFPageLeaf, ref, pack));

  const { root, document, documentRef } = packStructure(pack);
  const part = pack.context.obj({
    Type: 'StructElem',
    S: 'Part',
    P: documentRef,
    T: PDFHexString.fromText(title),
  });
  const partRef = pack.context.register(part);
  asArray(pack, document, 'K').push(partRef);
  if (pageRefs[0]) part.set(name('Pg'), pageRefs[0]);
  if (!sourceRoot) return first;

  const partKids = pack.context.obj([]);
  for (const kid of sourceTop) {
    const copied = copier.copy(kid);
    const element = copied instanceof PDFRef ? pack.context.lookup(copied) : copied;
    if (element instanceof PDFDict) element.set(name('P'), partRef);
    partKids.push(copied);
  }
  part.set(name('K'), partKids);

  // The parent tree: each copied page's and annotation's key renumbered after the pack's own.
  const packTree = numberTree(pack, root.lookupMaybe(name('ParentTree'), PDFDict));
  const sourceTree = numberTree(source, sourceRoot.lookupMaybe(name('ParentTree'), PDFDict));
  let next =
    Math.max(
      -1,
      ...packTree.keys(),
      (root.lookupMaybe(name('ParentTreeNextKey'), PDFNumber)?.asNumber() ?? 0) - 1,
    ) + 1;
  const renumber = (holder: PDFDict, key: string) => {
    const old = holder.lookupMaybe(name(key), PDFNumber)?.asNumber();
    if (old === undefined) return;
    const entry = sourceTree.get(old);
    if (entry === undefined) {
      holder.delete(name(key));
      return;
    }
    packTree.set(next, copier.copy(entry));
    holder.set(name(key), PDFNumber.of(next++));
  };
  for (const ref of pageRefs) {
    const page = pack.context.lookup(ref, PDFDict);
    renumber(page, 'StructParents');
    const annots = page.lookupMaybe(name('Annots'), PDFArray);
    for (let index = 0; annots && index < annots.size(); index++) {
      const annot = annots.lookup(index);
      if (annot instanceof PDFDict) renumber(annot, 'StructParent');
    }
  }
  const nums = pack.context.obj([]);
  for (const [key, value] of [...packTree].sort(([a], [b]) => a - b)) {
    nums.push(PDFNumber.of(key));
    nums.push(value);
  }
  root.set(name('ParentTree'), pack.context.register(pack.context.obj({ Nums: nums })));
  root.set(name('ParentTreeNextKey'), PDFNumber.of(next));

  // The source's role map and class map, merged (the pack's own entries win).
  for (const key of ['RoleMap', 'ClassMap']) {
    const theirs = sourceRoot.lookupMaybe(name(key), PDFDict);
    if (!theirs) continue;
    let ours = root.lookupMaybe(name(key), PDFDict);
    if (!ours) {
      ours = pack.context.obj({});
      root.set(name(key), ours);
    }
    for (const [entry, value] of theirs.entries()) if (!ours.has(entry)) ours.set(entry, copier.copy(value));
  }
  return first;
}

/** The names of fonts used on the pages (or in their forms) whose program is not embedded. */
export function fontsNotEmbedded(pdf: PDFDocument): string[] {
  const missing = new Set<string>();
  const seen = new Set<PDFDict>();
  const checkResources = (resources: PDFDict | undefined) => {
    if (!resources || seen.has(resources)) return;
    seen.add(resources);
    const fonts = resources.lookupMaybe(name('Font'), PDFDict);
    for (const [, ref] of fonts?.entries() ?? []) {
      const font = ref instanceof PDFRef ? pdf.context.lookup(ref) : ref;
      if (!(font instanceof PDFDict)) continue;
      const subtype = nameText(font.get(name('Subtype')));
      if (subtype === 'Type3') continue;
      const described =
        subtype === 'Type0'
          ? (font.lookupMaybe(name('DescendantFonts'), PDFArray)?.lookup(0) as PDFDict | undefined)
          : font;
      const descriptor = described?.lookupMaybe(name('FontDescriptor'), PDFDict);
      const embedded = ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor?.has(name(key)));
      if (!embedded) missing.add(nameText(font.get(name('BaseFont'))) ?? 'unnamed font');
    }
    const xobjects = resources.lookupMaybe(name('XObject'), PDFDict);
    for (const [, ref] of xobjects?.entries() ?? []) {
      const xobject = ref instanceof PDFRef ? pdf.context.lookup(ref) : ref;
      if (xobject instanceof PDFStream) checkResources(xobject.dict.lookupMaybe(name('Resources'), PDFDict));
    }
  };
  for (const page of pdf.getPages()) checkResources(page.node.Resources());
  return [...missing];
}
