import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { PDFDocument, PDFName } from 'pdf-lib';
import { PdfPrinter } from '../../platform/documents/pdf.ts';
import {
  $,
  binary,
  makePartnership,
  signedInAs,
  startTestApp,
  submit,
  type Agent,
  type TestApp,
  textsOf,
} from '../../../test/support/test-app.ts';
import { systemCaller, type Caller } from '../../platform/http/auth.ts';
import { addPublicAndExemptItems, makeBoardMeeting } from '../../../test/support/meetings.ts';

const fields = {
  reportTo: 'Nottinghamshire Children and Young People’s Partnership Board',
  reportOf: 'Corporate Director, Children and Young People’s Services',
  author: 'Anthony May',
  contactOfficer: 'Policy officer, 0115 000 0000',
  title: 'Statutory guidance on Children’s Trusts',
  confidentiality: '',
  purpose: 'Information on the updated statutory guidance on Children’s Trusts.',
  summary: 'The DCSF has issued updated guidance.',
  background: 'The DCSF published updated guidance in November 2008.\nIt replaces the guidance of 2005.',
  recommendations:
    'approves the arrangements in paragraphs 17 and 18\n\ndetermines its views on the consultation questions',
  decision: '',
  backgroundDocuments: 'Children’s Trusts: statutory guidance (DCSF, November 2008)',
  financialImplications: 'None arising from this report.',
  legalImplications: 'Statutory guidance to which the partners must have regard.',
  equalityImplications: '',
  riskImplications: '',
  appendices: '',
};

describe('committee reports', () => {
  let test: TestApp;
  let caller: Caller;
  let editor: Agent;
  let viewer: Agent;
  let meetingId: string;
  const items: Record<'public' | 'exempt', string> = { public: '', exempt: '' };
  const url = (item: 'public' | 'exempt', under = '') =>
    `/partnerships/notts/meetings/${meetingId}/agenda/${items[item]}/report${under}`;
  const reportRows = async () =>
    (await test.db.owner.selectFrom('committee_reports').select('title').execute()).map((r) => r.title);
  const auditRows = async () =>
    test.db.owner
      .selectFrom('audit_events')
      .select(['action', 'summary'])
      .where('entity_type', '=', 'committee-report')
      .orderBy('occurred_at')
      .execute();

  before(async () => {
    test = await startTestApp();
    const partnershipId = (await makePartnership(test.services, 'notts')).id;
    caller = systemCaller('test', partnershipId);
    editor = (await signedInAs(test, partnershipId, 'editor')).agent;
    viewer = (await signedInAs(test, partnershipId, 'viewer')).agent;
    meetingId = (await makeBoardMeeting(test.services, caller)).meetingId;
    Object.assign(
      items,
      await addPublicAndExemptItems(test.services, caller, meetingId, 'decision', {
        public: 'Statutory guidance on Children’s Trusts',
        exempt: 'A placement contract',
      }),
    );
  });
  after(() => test.close());

  it('offers the meeting’s body as the report’s addressee, not the meeting’s title', async () => {
    const { boardId } = await test.services.meetings
      .get(caller, meetingId)
      .then((meeting) => ({ boardId: meeting.bodies[0]!.id }));
    const special = await test.services.meetings.create(caller, {
      title: 'Extraordinary meeting on the plan',
      kind: 'board-meeting',
      bodyIds: [boardId],
      date: '2009-03-04',
      startTime: '10:00',
      state: 'held',
    });
    const itemId = await test.services.agenda.addItem(caller, special, {
      number: 1,
      title: 'The plan',
      purpose: 'decision',
      presenter: null,
      exempt: false,
      exemptParagraph: null,
      exemptReason: null,
    });
    const form = await editor.get(`/partnerships/notts/meetings/${special}/agenda/${itemId}/report/edit`);
    assert.equal(form.status, 200);
    assert.equal($(form.text)('#reportTo').val(), 'Partnership Board');
  });

  it('refuses a report without its required fields, keeping the answers and writing nothing', async () => {
    const response = await submit(editor, url('public', '/edit'), {
      ...fields,
      author: '',
      recommendations: ' \n ',
    });
    assert.equal(response.status, 400);
    assert.deepEqual(textsOf(response.text, '.govuk-error-summary__list a'), [
      'Enter the author',
      'Enter at least one recommendation, one a line',
    ]);
    assert.equal(
      $(response.text)('#title').val(),
      'Statutory guidance on Children’s Trusts',
      'the answers are kept',
    );
    assert.equal($(response.text)('#author').attr('aria-describedby'), 'author-error');
    assert.deepEqual(await reportRows(), []);
    assert.deepEqual(await auditRows(), []);
  });

  it('writes a report on the item, shows it with its fields and recommendations, and audits it', async () => {
    const saved = await submit(editor, url('public', '/edit'), fields);
    assert.equal(saved.status, 303);
    assert.equal(saved.headers.location, url('public'));
    const page = await viewer.get(url('public'));
    assert.equal(page.status, 200);
    assert.deepEqual(textsOf(page.text, '.govuk-summary-list__key'), [
      'Report to',
      'Meeting date',
      'Agenda item',
      'Report of',
      'Author',
      'Contact officer',
      'Confidentiality',
    ]);
    assert.ok(textsOf(page.text, '.govuk-summary-list__value').includes('21 January 2009'));
    assert.ok(textsOf(page.text, '.govuk-summary-list__value').includes('Public'));
    assert.deepEqual(textsOf(page.text, 'ol.govuk-list--number li'), [
      'approves the arrangements in paragraphs 17 and 18',
      'determines its views on the consultation questions',
    ]);
    assert.deepEqual(textsOf(page.text, 'h2.govuk-heading-m'), [
      'Purpose of the report',
      'Summary',
      'Background',
      'Recommendations',
      'Financial implications',
      'Legal implications',
      'Background documents',
    ]);
    const meeting = await viewer.get(`/partnerships/notts/meetings/${meetingId}`);
    assert.ok(textsOf(meeting.text, '#item-5 a').some((text) => text.startsWith('Report')));
    const changed = await submit(editor, url('public', '/edit'), { ...fields, decision: 'Agreed.' });
    assert.equal(changed.status, 303);
    assert.deepEqual(
      (await auditRows()).map((row) => row.action),
      ['create', 'update'],
    );
  });

  it('gives the report as a Word document and a tagged PDF with bookmarks', async () => {
    const word = await viewer
      .get(`${url('public')}?format=docx`)
      .buffer(true)
      .parse(binary);
    assert.equal(word.status, 200);
    const xml = await (await JSZip.loadAsync(word.body as Buffer)).file('word/document.xml')!.async('string');
    for (const text of ['Statutory guidance', 'Report of', 'Anthony May', 'determines its views', 'Agreed.'])
      assert.ok(xml.includes(text), `${text} in the Word document`);
    if (!new PdfPrinter().available && process.env.CI !== 'true') return;
    const response = await viewer
      .get(`${url('public')}?format=pdf`)
      .buffer(true)
      .parse(binary);
    assert.equal(response.headers['content-type'], 'application/pdf');
    const pdf = await PDFDocument.load(response.body as Buffer);
    assert.ok(pdf.catalog.get(PDFName.of('StructTreeRoot')), 'the PDF is tagged');
    assert.ok(pdf.catalog.get(PDFName.of('Outlines')), 'the PDF has bookmarks');
    assert.equal(pdf.getTitle(), 'Statutory guidance on Children’s Trusts');
  });

  it('never shows an exempt item’s report to a viewer, in any output', async () => {
    assert.equal(
      (await submit(editor, url('exempt', '/edit'), { ...fields, title: 'Contract award' })).status,
      303,
    );
    const shown = await editor.get(url('exempt'));
    assert.equal(shown.status, 200);
    assert.ok(shown.text.includes('Schedule 12A to the Local Government Act 1972, paragraph 3'));
    for (const under of ['', '?format=docx', '?format=pdf', '/edit']) {
      const response = await viewer.get(url('exempt', under)).buffer(true).parse(binary);
      assert.ok([403, 404].includes(response.status), `${under || 'the page'} is withheld`);
      assert.ok(!String(response.body).includes('Contract award'));
    }
    assert.equal((await viewer.get(url('exempt'))).status, 404);
    const meeting = await viewer.get(`/partnerships/notts/meetings/${meetingId}`);
    assert.ok(!meeting.text.includes(items.exempt));
  });
});
