// The board pack as one tagged PDF (issue 19, ADR 0047), checked with the PDF library and, where
// installed, with readers nobody on the project wrote: poppler's pdfinfo and pdftotext, and
// qpdf --check (CI installs them, and LibreOffice for the Word, OpenDocument and PowerPoint papers).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeadingLevel, Paragraph } from 'docx';
import JSZip from 'jszip';
import type { PDFString } from 'pdf-lib';
import { PDFBool, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { makePartnership, startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { systemCaller, type Caller } from '../../platform/http/auth.ts';
import { councilDocument } from '../../platform/documents/docx-style.ts';
import { OfficeConverter } from '../../platform/documents/office.ts';
import { fontsNotEmbedded, structureOutline, unmappedTypes } from '../../platform/documents/pdf-tags.ts';
import { makeBoardMeeting } from '../../../test/support/meetings.ts';
import { outlineEntries } from './boardpack.pdf.ts';

const has = (tool: string) => ['/usr/bin', '/usr/local/bin'].some((dir) => existsSync(join(dir, tool)));
const poppler = has('pdfinfo') && has('pdftotext');
const qpdf = has('qpdf');
const office = new OfficeConverter(process.env.SOFFICE_PATH);

const report = {
  reportTo: 'Partnership Board',
  reportOf: 'Director of Children’s Services',
  author: 'Jo Bloggs',
  contactOfficer: null,
  title: 'The plan for 2009',
  confidentiality: null,
  purpose: 'To agree the plan',
  summary: null,
  background: null,
  recommendations: ['Agree the plan'],
  decision: null,
  backgroundDocuments: null,
  financialImplications: null,
  legalImplications: null,
  equalityImplications: null,
  riskImplications: null,
  appendices: null,
};

const item = (number: number, title: string) => ({
  number,
  title,
  purpose: 'decision',
  presenter: null,
  exempt: false,
  exemptParagraph: null,
  exemptReason: null,
});

// The smallest OpenDocument text and PowerPoint files LibreOffice opens, written here part by part
// (both are zip files of XML parts: ODF 1.3 part 2, section 3; ECMA-376 part 1, section 13.3.6).
const xml = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`;

async function openDocumentText(heading: string, paragraph: string): Promise<Buffer> {
  const zip = new JSZip();
  // first and stored, so that a reader knows the file by its first bytes
  zip.file('mimetype', 'application/vnd.oasis.opendocument.text', { compression: 'STORE' });
  zip.file(
    'META-INF/manifest.xml',
    xml(`<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
  <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
  <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>`),
  );
  zip.file(
    'content.xml',
    xml(`<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">
  <office:body><office:text>
    <text:h text:outline-level="1">${heading}</text:h>
    <text:p>${paragraph}</text:p>
  </office:text></office:body>
</office:document-content>`),
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function powerPoint(title: string, line: string): Promise<Buffer> {
  const ns = {
    p: 'http://schemas.openxmlformats.org/presentationml/2006/main',
    a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
    r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  };
  const relationships = (type: string, target: string) =>
    xml(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="${ns.r}/${type}" Target="${target}"/>
</Relationships>`);
  const textBox = (id: number, y: number, text: string, size: number) => `<p:sp>
    <p:nvSpPr><p:cNvPr id="${id}" name="Text ${id}"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>
    <p:spPr><a:xfrm><a:off x="457200" y="${y}"/><a:ext cx="8229600" cy="1143000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>
    <p:txBody><a:bodyPr wrap="square"/><a:lstStyle/><a:p><a:r><a:rPr lang="en-GB" sz="${size}"/><a:t>${text}</a:t></a:r></a:p></p:txBody>
  </p:sp>`;
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    xml(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
  <Default Extension="xml" ContentType="application/xml"/>
  <Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/>
  <Override PartName="/ppt/slides/slide1.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.slide+xml"/>
</Types>`),
  );
  zip.file('_rels/.rels', relationships('officeDocument', 'ppt/presentation.xml'));
  zip.file(
    'ppt/presentation.xml',
    xml(`<p:presentation xmlns:p="${ns.p}" xmlns:a="${ns.a}" xmlns:r="${ns.r}">
  <p:sldIdLst><p:sldId id="256" r:id="rId1"/></p:sldIdLst>
  <p:sldSz cx="9144000" cy="6858000"/><p:notesSz cx="6858000" cy="9144000"/>
</p:presentation>`),
  );
  zip.file('ppt/_rels/presentation.xml.rels', relationships('slide', 'slides/slide1.xml'));
  zip.file(
    'ppt/slides/slide1.xml',
    xml(`<p:sld xmlns:p="${ns.p}" xmlns:a="${ns.a}" xmlns:r="${ns.r}"><p:cSld><p:spTree>
  <p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>
  ${textBox(2, 457200, title, 3600)}
  ${textBox(3, 2057400, line, 2400)}
</p:spTree></p:cSld></p:sld>`),
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('the board pack as one tagged PDF', () => {
  let test: TestApp;
  let caller: Caller;
  let meetingId: string;
  let dir: string;

  const made = async () => {
    await test.services.boardPacks.request(caller, meetingId);
    // three papers go through LibreOffice one after another, each allowed the converter's time
    // (CI ran this beside the browser suite, and the three took more than the default minute)
    await test.services.boardPacks.idle(3 * office.timeoutMs);
    const status = await test.services.boardPacks.status(caller, meetingId);
    assert.equal(status!.state, 'ready', status!.failure ?? '');
    const { content: bytes } = await test.services.boardPacks.file(caller, meetingId);
    const path = join(dir, `pack-${Date.now()}.pdf`);
    writeFileSync(path, bytes);
    return { bytes, path, pdf: await PDFDocument.load(bytes) };
  };
  const text = (path: string, page?: number) =>
    execFileSync(
      'pdftotext',
      [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', path, '-'],
      {
        encoding: 'utf8',
      },
    );

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cooperate-pack-test-'));
    test = await startTestApp();
    const partnershipId = (await makePartnership(test.services, 'notts')).id;
    caller = systemCaller('test', partnershipId);
    // the test's own converter, whose private profile `after` removes
    test.services.boardPacks.useOffice(office);
    // the previous meeting, held, with draft minutes and an action
    const previous = await makeBoardMeeting(test.services, caller, { state: 'held', date: '2009-01-21' });
    const budget = await test.services.agenda.addItem(caller, previous.meetingId, item(1, 'Budget'));
    await test.services.record.writeMinutes(caller, previous.meetingId, budget, 'The budget was agreed.');
    await test.services.record.raiseAction(caller, previous.meetingId, {
      agendaItemId: budget,
      text: 'Send the budget to the schools forum',
      ownerPersonId: null,
      ownerOrganisationId: null,
      ownerToBeConfirmed: true,
      dueOn: '2009-02-28',
    });
    meetingId = await test.services.meetings.create(caller, {
      title: 'Partnership Board, March 2009',
      kind: 'board-meeting',
      bodyIds: [previous.boardId],
      date: '2009-03-18',
      startTime: '10:00',
      state: 'scheduled',
    });
    // a tagged PDF paper (printed by Chromium) and a Word paper (the house style's builder)
    const tagged = await test.printer.print(
      `<!doctype html><html lang="en-GB"><head><title>Budget monitoring</title></head><body><main>
       <h1>Budget monitoring paper</h1><p>Spending is <strong>on track</strong>.</p></main></body></html>`,
      { title: 'Budget monitoring', footer: false },
    );
    await test.services.agenda.addItem(caller, meetingId, item(1, 'Budget monitoring'), {
      fileName: 'budget.pdf',
      content: tagged,
    });
    const word = await councilDocument({ partnership: 'Partnership notts', title: 'The plan' }, [
      new Paragraph({ text: 'The plan paper', heading: HeadingLevel.HEADING_1 }),
      new Paragraph('The plan for 2009 sets out five priorities for children and young people.'),
    ]);
    const plan = await test.services.agenda.addItem(caller, meetingId, item(2, 'Plan'), {
      fileName: 'plan.docx',
      content: word,
    });
    await test.services.reports.save(caller, meetingId, plan, report);
    // an OpenDocument text paper and a PowerPoint paper, converted by LibreOffice like the Word one
    await test.services.agenda.addItem(caller, meetingId, item(3, 'Voice'), {
      fileName: 'voice.odt',
      content: await openDocumentText(
        'The voice paper',
        'Young people asked the board for three changes to the plan.',
      ),
    });
    await test.services.agenda.addItem(caller, meetingId, item(4, 'Outcomes'), {
      fileName: 'outcomes.pptx',
      content: await powerPoint('Outcomes slides', 'Five outcomes for every child in the county.'),
    });
  });
  after(async () => {
    await test.close();
    await office.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is tagged, titled with the meeting, in en-GB, with every part and paper bookmarked, one numbering and every font embedded', async () => {
    const { pdf, path } = await made();
    const titles = outlineEntries(pdf).map((entry) => entry.title);
    const wordIn = office.available;
    assert.deepEqual(titles, [
      'Partnership Board, March 2009',
      'Agenda',
      'Minutes of the previous meeting: Partnership Board (draft)',
      'Action log and matters arising',
      'Item 2: The plan for 2009 (committee report)',
      'Item 1: Budget monitoring (budget.pdf)',
      ...(wordIn
        ? ['Item 2: Plan (plan.docx)', 'Item 3: Voice (voice.odt)', 'Item 4: Outcomes (outcomes.pptx)']
        : []),
    ]);
    assert.equal(pdf.getTitle(), 'Partnership Board, March 2009');
    assert.equal((pdf.catalog.lookup(PDFName.of('Lang')) as PDFString).decodeText(), 'en-GB');
    const preferences = pdf.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict);
    assert.equal(preferences.get(PDFName.of('DisplayDocTitle')), PDFBool.True);
    assert.deepEqual(fontsNotEmbedded(pdf), [], 'every font embedded');
    assert.deepEqual(unmappedTypes(pdf), [], 'no non-standard structure type without a role map');

    // the appended papers' own tags, under a Part of the pack's Document
    const tree = structureOutline(pdf);
    assert.equal(tree[0], 'Document');
    const part = tree.indexOf('  Part: Item 1: Budget monitoring (budget.pdf)');
    assert.ok(part > 0, tree.join('\n'));
    assert.ok(
      tree.slice(part + 1).some((line) => /^ {4,}H1$/.test(line)),
      'the paper’s heading is tagged',
    );
    if (wordIn) {
      assert.ok(tree.includes('  Part: Item 2: Plan (plan.docx)'), 'the Word paper is tagged');
      const odt = tree.indexOf('  Part: Item 3: Voice (voice.odt)');
      assert.ok(odt > 0, 'the OpenDocument paper is tagged');
      assert.ok(
        tree.slice(odt + 1).some((line) => /^ {4,}H1$/.test(line)),
        'the OpenDocument paper’s heading is tagged',
      );
      const pptx = tree.indexOf('  Part: Item 4: Outcomes (outcomes.pptx)');
      assert.ok(pptx > odt && tree.length > pptx + 1, 'the PowerPoint paper is tagged');
    }
    // the committee report's header block is a table of labels and values
    assert.ok(tree.some((line) => line.trim() === 'TH'));

    if (poppler) {
      const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
      assert.match(info, /^Title:\s+Partnership Board, March 2009$/m);
      assert.match(info, /^Tagged:\s+yes$/m);
      const struct = execFileSync('pdfinfo', ['-struct-text', path], { encoding: 'utf8' });
      assert.match(struct, /"Budget monitoring paper"/, 'the appended paper’s text is in its tags');
      assert.match(
        struct,
        /TH[^"]*\n\s*NonStruct\s*\n\s*"Report to"/,
        'the report’s labels are header cells',
      );
      assert.match(struct, /"on track"/, 'text inside Strong is kept (role-mapped)');
      if (wordIn) {
        assert.match(struct, /five priorities/);
        assert.match(struct, /"The voice paper"/);
        assert.match(struct, /three changes to the plan/);
        assert.match(struct, /Five outcomes for every child/);
      }
      // one page numbering: every page says its number in the pack once; the printed parts say no
      // other (Chromium's own footer is off); a paper keeps what it prints (the Word paper's footer)
      const total = pdf.getPageCount();
      const firstPaper = outlineEntries(pdf)[5]!.page + 1;
      for (let page = 1; page <= total; page++) {
        const numbers = text(path, page).match(/page \d+ of \d+/gi) ?? [];
        assert.deepEqual(
          numbers.filter((line) => line.startsWith('page')),
          [`page ${page} of ${total}`],
          `page ${page}`,
        );
        assert.match(text(path, page), new RegExp(`Board pack page ${page} of ${total}`));
        if (page < firstPaper) assert.equal(numbers.length, 1, `page ${page} of the printed parts`);
      }
      const all = text(path);
      assert.match(all, /Minutes of the previous meeting/);
      assert.match(all, /The budget was agreed\./);
      assert.match(all, /Send the budget to the schools forum/);
      for (const [file, kind] of [
        ['plan.docx', 'Word document'],
        ['voice.odt', 'OpenDocument text'],
        ['outcomes.pptx', 'PowerPoint presentation'],
      ])
        assert.match(
          all,
          new RegExp(wordIn ? `${file} \\(in this pack\\)` : `Not included: ${file} \\(${kind}\\)`),
        );
      if (wordIn) {
        assert.match(all, /The voice paper/);
        assert.match(all, /Five outcomes for every child in the county\./);
      }
    }
    if (qpdf) execFileSync('qpdf', ['--check', path]); // throws on any error
  });

  it('lists a Word paper as not included when LibreOffice is not installed', async () => {
    test.services.boardPacks.useOffice(new OfficeConverter('/nowhere/soffice'));
    try {
      const { pdf, path } = await made();
      const titles = outlineEntries(pdf).map((entry) => entry.title);
      assert.ok(!titles.some((title) => /plan\.docx|voice\.odt|outcomes\.pptx/.test(title)));
      assert.ok(titles.includes('Item 1: Budget monitoring (budget.pdf)'));
      if (poppler) {
        const all = text(path);
        assert.match(all, /Not included: plan\.docx \(Word document\)/);
        assert.match(all, /Not included: voice\.odt \(OpenDocument text\)/);
        assert.match(all, /Not included: outcomes\.pptx \(PowerPoint presentation\)/);
      } else
        assert.ok(!structureOutline(pdf).some((line) => /plan\.docx|voice\.odt|outcomes\.pptx/.test(line)));
    } finally {
      test.services.boardPacks.useOffice(office);
    }
  });
});
