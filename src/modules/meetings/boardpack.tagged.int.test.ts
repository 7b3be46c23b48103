// The board pack as one tagged PDF (issue 19, ADR 0047), checked with the PDF library and, where
// installed, with readers nobody on the project wrote: poppler's pdfinfo and pdftotext, and
// qpdf --check (CI installs them, and LibreOffice for the Word paper).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeadingLevel, Paragraph } from 'docx';
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

describe('the board pack as one tagged PDF', () => {
  let test: TestApp;
  let caller: Caller;
  let meetingId: string;
  let dir: string;

  const made = async () => {
    await test.services.boardPacks.request(caller, meetingId);
    await test.services.boardPacks.idle();
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
      ...(wordIn ? ['Item 2: Plan (plan.docx)'] : []),
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
    if (wordIn) assert.ok(tree.includes('  Part: Item 2: Plan (plan.docx)'), 'the Word paper is tagged');
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
      if (wordIn) assert.match(struct, /five priorities/);
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
      assert.match(
        all,
        wordIn ? /plan\.docx \(in this pack\)/ : /Not included: plan\.docx \(Word document\)/,
      );
    }
    if (qpdf) execFileSync('qpdf', ['--check', path]); // throws on any error
  });

  it('lists a Word paper as not included when LibreOffice is not installed', async () => {
    test.services.boardPacks.useOffice(new OfficeConverter('/nowhere/soffice'));
    try {
      const { pdf, path } = await made();
      const titles = outlineEntries(pdf).map((entry) => entry.title);
      assert.ok(!titles.some((title) => title.includes('plan.docx')));
      assert.ok(titles.includes('Item 1: Budget monitoring (budget.pdf)'));
      if (poppler) assert.match(text(path), /Not included: plan\.docx \(Word document\)/);
      else assert.ok(!structureOutline(pdf).some((line) => line.includes('plan.docx')));
    } finally {
      test.services.boardPacks.useOffice(office);
    }
  });
});
