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

const form = {
  title: 'Roles and responsibilities of the Lead Member and the Director of Children’s Services',
  issuedBy: 'Department for Children, Schools and Families',
  'deadline-day': '10',
  'deadline-month': '2',
  'deadline-year': '2009',
  summary: 'Draft revised statutory guidance.',
  questions:
    'Does the guidance clarify the role of the Lead Member?\n\nIs there anything else the guidance should cover?',
};

describe('inbound consultations', () => {
  let test: TestApp;
  let caller: Caller;
  let editor: Agent;
  let viewer: Agent;
  let meetingId: string;
  const items: Record<'public' | 'exempt', string> = { public: '', exempt: '' };
  const place = (item: 'public' | 'exempt') =>
    `/partnerships/notts/meetings/${meetingId}/agenda/${items[item]}/consultations/new`;
  const rows = async () =>
    (await test.db.owner.selectFrom('consultation_questions').select('question').execute()).length;
  const audits = async () =>
    test.db.owner
      .selectFrom('audit_events')
      .select(['action', 'summary'])
      .where('entity_type', '=', 'consultation')
      .orderBy('occurred_at')
      .execute();
  let consultationUrl = '';

  before(async () => {
    test = await startTestApp();
    const partnershipId = (await makePartnership(test.services, 'notts')).id;
    caller = systemCaller('test', partnershipId);
    editor = (await signedInAs(test, partnershipId, 'editor')).agent;
    viewer = (await signedInAs(test, partnershipId, 'viewer')).agent;
    meetingId = (await makeBoardMeeting(test.services, caller)).meetingId;
    Object.assign(items, await addPublicAndExemptItems(test.services, caller, meetingId, 'consultation'));
  });
  after(() => test.close());

  it('refuses a consultation without questions or with an impossible deadline, writing nothing', async () => {
    const response = await submit(editor, place('public'), { ...form, 'deadline-day': '31', questions: ' ' });
    assert.equal(response.status, 400);
    assert.equal(textsOf(response.text, '.govuk-error-summary__list a').length, 2);
    assert.ok(
      textsOf(response.text, '.govuk-error-summary__list a').includes(
        'Enter the consultation’s questions, one a line',
      ),
    );
    assert.equal($(response.text)('#issuedBy').val(), form.issuedBy, 'the answers are kept');
    assert.equal(await rows(), 0);
    assert.deepEqual(await audits(), []);
  });

  it('places a consultation on an item, records the board’s answers and shows the deadline on the overview', async () => {
    const placed = await submit(editor, place('public'), form);
    assert.equal(placed.status, 303);
    consultationUrl = placed.headers.location!;
    const page = await viewer.get(consultationUrl);
    assert.equal(page.status, 200);
    assert.ok(textsOf(page.text, '.govuk-summary-list__value').includes('10 February 2009 (passed)'));
    assert.deepEqual(textsOf(page.text, 'h2.govuk-heading-m'), ['Question 1', 'Question 2']);
    const overview = await viewer.get('/partnerships/notts');
    assert.ok(
      overview.text.includes('deadline passed 10 February 2009, 0 of 2 questions answered'),
      'the overview shows the deadline',
    );
    const bad = await submit(editor, `${consultationUrl}/answers`, { 'answer-1': 'Yes', 'answer-9': 'No' });
    assert.equal(bad.status, 400);
    assert.ok(
      textsOf(bad.text, '.govuk-error-summary__list a').includes('The consultation has no question 9'),
    );
    const answered = await submit(editor, `${consultationUrl}/answers`, {
      'answer-1': 'Yes, it is clear.',
      'answer-2': '',
    });
    assert.equal(answered.status, 303);
    const again = await viewer.get(consultationUrl);
    assert.ok(textsOf(again.text, '.govuk-summary-list__value').includes('1 of 2 questions'));
    assert.deepEqual(
      (await audits()).map((a) => a.action),
      ['create', 'update'],
    );
    const api = await test.services.consultations.list(caller);
    assert.deepEqual(
      api[0]!.questions.map((q) => q.answer),
      ['Yes, it is clear.', null],
    );
  });

  it('prints the response as a Word document and a tagged PDF', async () => {
    const word = await viewer.get(`${consultationUrl}?format=docx`).buffer(true).parse(binary);
    assert.equal(word.status, 200);
    const xml = await (await JSZip.loadAsync(word.body as Buffer)).file('word/document.xml')!.async('string');
    for (const text of [
      'Response to Roles and responsibilities',
      'Question 2',
      'Yes, it is clear.',
      'No answer agreed.',
    ])
      assert.ok(xml.includes(text), `${text} in the Word document`);
    if (!new PdfPrinter().available && process.env.CI !== 'true') return;
    const response = await viewer.get(`${consultationUrl}?format=pdf`).buffer(true).parse(binary);
    assert.equal(response.headers['content-type'], 'application/pdf');
    const pdf = await PDFDocument.load(response.body as Buffer);
    assert.ok(pdf.catalog.get(PDFName.of('StructTreeRoot')), 'the PDF is tagged');
    assert.ok(pdf.catalog.get(PDFName.of('Outlines')), 'the PDF has bookmarks');
  });

  it('keeps a consultation on an exempt item from a viewer, in the list, the overview, the API and the response', async () => {
    const placed = await submit(editor, place('exempt'), { ...form, title: 'Secret consultation' });
    assert.equal(placed.status, 303);
    const url = placed.headers.location!;
    assert.equal((await editor.get(url)).status, 200);
    for (const under of ['', '?format=docx', '?format=pdf', '/answers'])
      assert.ok([403, 404].includes((await viewer.get(`${url}${under}`)).status), `${under} withheld`);
    assert.ok(!(await viewer.get('/partnerships/notts/consultations')).text.includes('Secret consultation'));
    assert.ok(!(await viewer.get('/partnerships/notts')).text.includes('Secret consultation'));
    assert.ok((await editor.get('/partnerships/notts/consultations')).text.includes('Secret consultation'));
    assert.equal((await viewer.get(place('exempt'))).status, 403);
  });
});
