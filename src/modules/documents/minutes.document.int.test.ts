// A meeting's minutes as documents (issue 19): Word in the house style, opened by LibreOffice
// where installed (CI), and a tagged PDF, for a seed meeting (Dudley's illustrative Executive
// Board of 12 January 2009, data/seeds/000-dudley.yaml, with its register), minuted here.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { PDFDocument } from 'pdf-lib';
import {
  binary,
  signedInAs,
  startTestApp,
  type Agent,
  type TestApp,
} from '../../../test/support/test-app.ts';
import { importSeeds } from '../../seeds/seed.importer.ts';
import { readSeeds, seedFiles } from '../../seeds/seed.reader.ts';
import { systemCaller } from '../../platform/http/auth.ts';
import { OfficeConverter } from '../../platform/documents/office.ts';
import { fontsNotEmbedded, unmappedTypes } from '../../platform/documents/pdf-tags.ts';

const poppler = existsSync('/usr/bin/pdftotext');
const office = new OfficeConverter(process.env.SOFFICE_PATH);

describe('the minutes as a document', () => {
  let test: TestApp;
  let viewer: Agent;
  let path: string;
  let dir: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cooperate-minutes-test-'));
    test = await startTestApp();
    await importSeeds(
      test.services,
      await readSeeds((await seedFiles()).filter((file) => file.endsWith('000-dudley.yaml'))),
    );
    const dudley = (await test.services.partnerships.list()).find((p) => p.slug === 'dudley')!;
    const caller = systemCaller('test', dudley.id);
    const meeting = (await test.services.meetings.list(caller)).find(
      (m) =>
        m.title === 'Executive Board (illustrative)' && m.startsAt.toISOString().startsWith('2009-01-12'),
    )!;
    const item = (number: number, title: string, exempt = false) => ({
      number,
      title,
      purpose: 'decision',
      presenter: null,
      exempt,
      exemptParagraph: exempt ? 3 : null,
      exemptReason: exempt ? 'Financial or business affairs' : null,
    });
    const plan = await test.services.agenda.addItem(
      caller,
      meeting.id,
      item(1, 'Children and Young People’s Plan'),
    );
    await test.services.record.writeMinutes(
      caller,
      meeting.id,
      plan,
      'The Board considered the draft plan.\nIt was agreed.',
    );
    await test.services.record.raiseAction(caller, meeting.id, {
      agendaItemId: plan,
      text: 'Publish the plan',
      ownerPersonId: null,
      ownerOrganisationId: null,
      ownerToBeConfirmed: true,
      dueOn: '2009-03-31',
    });
    const contract = await test.services.agenda.addItem(caller, meeting.id, item(2, 'Contract award', true));
    await test.services.record.writeMinutes(caller, meeting.id, contract, 'Acme Ltd won the contract.');
    viewer = (await signedInAs(test, dudley.id, 'viewer')).agent;
    path = `/partnerships/dudley/meetings/${meeting.id}`;
  });
  after(async () => {
    await test.close();
    await office.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const download = (file: string) => viewer.get(`${path}/${file}`).buffer(true).parse(binary);

  it('is offered on the meeting’s page', async () => {
    const page = await viewer.get(path);
    assert.match(page.text, /minutes\.docx/);
    assert.match(page.text, /minutes\.pdf/);
  });

  it('is a Word document in the house style that LibreOffice opens, without the exempt item’s minutes', async () => {
    const file = await download('minutes.docx');
    assert.equal(file.status, 200);
    assert.match(String(file.headers['content-type']), /wordprocessingml/);
    const zip = await JSZip.loadAsync(file.body as Buffer);
    const document = await zip.file('word/document.xml')!.async('string');
    const texts = [...document.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');
    assert.match(texts, /Minutes: Executive Board \(illustrative\)/);
    assert.match(texts, /Present/);
    assert.match(texts, /Apologies/);
    assert.match(texts, /The Board considered the draft plan\./);
    assert.match(texts, /Publish the plan/);
    assert.match(texts, /Draft: not yet approved/);
    assert.match(texts, /Item 2: exempt item, paragraph 3/);
    assert.doesNotMatch(texts, /Acme/);
    const headers = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => /^word\/header\d*\.xml$/.test(name))
        .map((name) => zip.file(name)!.async('string')),
    );
    assert.ok(
      headers.some((xml) => xml.includes('Dudley')),
      'the header names the partnership',
    );
    if (office.available) {
      const pdf = await office.convertTo(file.body as Buffer, 'docx', 'pdf');
      const opened = join(dir, 'minutes-from-word.pdf');
      writeFileSync(opened, pdf);
      assert.ok((await PDFDocument.load(pdf)).getPageCount() >= 1);
      if (poppler)
        assert.match(execFileSync('pdftotext', [opened, '-'], { encoding: 'utf8' }), /Publish the plan/);
    }
  });

  it('is a tagged PDF, in en-GB, with no unmapped structure type and every font embedded', async () => {
    const file = await download('minutes.pdf');
    assert.equal(file.status, 200);
    assert.equal(file.headers['content-type'], 'application/pdf');
    const pdf = await PDFDocument.load(file.body as Buffer);
    assert.equal(pdf.getTitle(), 'Minutes: Executive Board (illustrative)');
    assert.deepEqual(unmappedTypes(pdf), []);
    assert.deepEqual(fontsNotEmbedded(pdf), []);
    if (poppler) {
      const saved = join(dir, 'minutes.pdf');
      writeFileSync(saved, file.body as Buffer);
      assert.match(execFileSync('pdfinfo', [saved], { encoding: 'utf8' }), /^Tagged:\s+yes$/m);
      const struct = execFileSync('pdfinfo', ['-struct-text', saved], { encoding: 'utf8' });
      assert.match(struct, /"Present"/);
      assert.match(struct, /"The Board considered the draft plan\."/);
      assert.doesNotMatch(struct, /Acme/);
    }
  });
});
