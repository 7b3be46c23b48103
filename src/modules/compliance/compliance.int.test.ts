import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  $,
  makePartnership,
  signedInAs,
  startTestApp,
  type TestApp,
  textsOf,
  binary,
} from '../../../test/support/test-app.ts';
import { systemCaller } from '../../platform/http/auth.ts';
import JSZip from 'jszip';
import { PDFDocument, PDFName } from 'pdf-lib';
import { PdfPrinter } from '../../platform/documents/pdf.ts';

const test_printerAvailable = () => new PdfPrinter().available;

describe('the compliance page and API', () => {
  let test: TestApp;
  let partnershipId: string;
  before(async () => {
    test = await startTestApp();
    partnershipId = (await makePartnership(test.services, 'compliant')).id;
    const caller = systemCaller('test', partnershipId);
    const board = await test.services.bodies.create(caller, {
      slug: 'board',
      name: 'Trust Board',
      kind: 'board',
      takesDecisions: true,
      status: 'established',
      statusOn: '2007',
    });
    await test.services.membership.addSeat(caller, board.id, {
      label: 'Head of Jobcentre Plus',
      role: 'member',
      voting: true,
      howFilled: 'nominated',
      category: 'jobcentre-plus',
      capacity: 1,
    });
  });
  after(() => test.close());

  it('shows each rule in force on the date with its outcome and evidence', async () => {
    const { agent } = await signedInAs(test, partnershipId, 'viewer');
    const page = await agent.get('/partnerships/compliant/compliance?at=2009-09-14&ruleset=guidance-2008');
    assert.equal(page.status, 200);
    const html = $(page.text);
    assert.match(html('h1').text(), /Compliance on 14 September 2009/);
    const row = html('#rule-guidance-2008-jobcentre-plus');
    // the seat exists but nobody is recorded in any seat of the board
    assert.match(row.find('.govuk-tag').text(), /^Met on paper$/);
    assert.match(row.text(), /Trust Board, seat 1: Head of Jobcentre Plus/);
    assert.equal(
      row.find('a').attr('href'),
      '/partnerships/compliant/bodies/board/seats?at=2009-09-14#seat-1',
      'the evidence links to the seat on the date',
    );
    assert.match(html('#rule-guidance-2008-lead-gp .govuk-tag').text(), /Not met/);
    assert.match(html('#rule-guidance-2008-lscb-independent-chair .govuk-tag').text(), /Not recorded/);
    assert.match(html('main p').first().text(), /1 met, 1 met on paper, \d+ not met, \d+ not recorded/);
    const csv = await agent.get(
      '/partnerships/compliant/compliance?at=2009-09-14&ruleset=guidance-2008&format=csv',
    );
    assert.match(csv.text, /Jobcentre Plus is included as a key partner on the Board,.*Met on paper/);
  });

  it('evaluates every rule set in force when none is chosen, and says when none was', async () => {
    const { agent } = await signedInAs(test, partnershipId, 'viewer');
    const today = await agent.get('/partnerships/compliant/compliance');
    assert.ok(textsOf(today.text, 'h2').some((heading: string) => heading.includes('section 10')));
    const before = await agent.get('/partnerships/compliant/compliance?at=2004-01-01');
    assert.match($(before.text)('main').text(), /No rule set was in force on this date/);
    const bad = await agent.get('/partnerships/compliant/compliance?at=soon');
    assert.match($(bad.text)('#at-error').text(), /The date must be a date like 2007, 2007-04 or 2007-04-20/);
  });

  it('answers through the API with rules, their status and evidence', async () => {
    const { user } = await signedInAs(test, partnershipId, 'viewer');
    const { token } = await test.services.tokens.create(systemCaller('test'), user.id, 'api');
    const response = await test
      .request()
      .get('/api/v1/partnerships/compliant/compliance?at=2009-09-14&ruleset=guidance-2008')
      .set('Authorization', `Bearer ${token}`);
    assert.equal(response.status, 200);
    const body = response.body as {
      date: string;
      rules: { id: string; status: string; strength: string; source: string; evidence: unknown[] }[];
    };
    assert.equal(body.date, '2009-09-14');
    const jcp = body.rules.find((rule) => rule.id === 'jobcentre-plus')!;
    assert.equal(jcp.status, 'met-on-paper');
    assert.equal(jcp.strength, 'guidance');
    assert.deepEqual(
      jcp.evidence.map((evidence) => {
        const { seatId, bodyId, ...rest } = evidence as { seatId: string; bodyId: string };
        assert.ok(seatId && bodyId);
        return rest;
      }),
      [
        {
          type: 'seat',
          bodySlug: 'board',
          body: 'Trust Board',
          position: 1,
          label: 'Head of Jobcentre Plus',
          holders: [],
          from: null,
          until: null,
          heldSince: [],
          attendance: null,
        },
      ],
    );
    const bad = await test
      .request()
      .get('/api/v1/partnerships/compliant/compliance?ruleset=NOT%20VALID')
      .set('Authorization', `Bearer ${token}`);
    assert.equal(bad.status, 400);
  });

  it('produces the report as a Word document that reads back', async () => {
    const { agent } = await signedInAs(test, partnershipId, 'viewer');
    const response = await agent
      .get('/partnerships/compliant/compliance?at=2009-09-14&ruleset=guidance-2008&format=docx')
      .buffer(true)
      .parse(binary);
    assert.equal(response.status, 200);
    assert.match(response.headers['content-type']!, /wordprocessingml/);
    const zip = await JSZip.loadAsync(response.body as Buffer);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, ' ');
    assert.match(text, /Compliance of Partnership compliant on 14 September 2009/);
    assert.match(text, /Jobcentre Plus is included as a key partner on the Board/);
    assert.match(text, /Trust Board, seat 1: Head of Jobcentre Plus/);
  });

  it(
    'produces the report as a tagged PDF with bookmarks and numbered pages',
    { skip: !test_printerAvailable() && process.env.CI !== 'true' ? 'Chromium is not installed' : false },
    async () => {
      const { agent } = await signedInAs(test, partnershipId, 'viewer');
      const response = await agent
        .get('/partnerships/compliant/compliance?at=2009-09-14&format=pdf')
        .buffer(true)
        .parse(binary);
      assert.equal(response.status, 200);
      assert.equal(response.headers['content-type'], 'application/pdf');
      const pdf = await PDFDocument.load(response.body as Buffer);
      assert.ok(pdf.getPageCount() >= 1);
      const catalog = pdf.catalog;
      assert.ok(catalog.get(PDFName.of('StructTreeRoot')), 'the PDF is tagged');
      assert.ok(catalog.get(PDFName.of('Outlines')), 'the PDF has bookmarks');
      assert.equal(pdf.getTitle(), 'Compliance of Partnership compliant on 14 September 2009');
    },
  );
});
