// Kent, 21 June 2011 (source document 004): the survey of 24 councils, reproduced from data.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { parse } from 'csv-parse/sync';
import { systemCaller, type Caller } from '../../src/platform/http/auth.ts';
import { importSeeds } from '../../src/seeds/seed.importer.ts';
import { readSeeds, seedFiles } from '../../src/seeds/seed.reader.ts';
import { importSurveys, readSurveys } from '../../src/seeds/seed.surveys.ts';
import {
  $,
  makePartnership,
  signedInAs,
  startTestApp,
  textsOf,
  binary,
  type TestApp,
} from '../support/test-app.ts';

const slug = 'kent-childrens-trust-strategic-review-2011-summary';
const path = `/partnerships/kent/surveys/${slug}`;

describe('Kent’s survey of Children’s Trust arrangements (June 2011)', () => {
  let test: TestApp;
  let caller: Caller;
  let kentId: string;
  before(async () => {
    test = await startTestApp();
    await importSeeds(
      test.services,
      await readSeeds((await seedFiles()).filter((file) => file.endsWith('004-kent.yaml'))),
    );
    const reports = await importSurveys(test.services, await readSurveys());
    assert.deepEqual(reports, [{ file: '004-kent.yaml', outcome: 'created' }]);
    kentId = (await test.services.partnerships.bySlug('kent'))!.id;
    caller = systemCaller('test', kentId);
  });
  after(() => test.close());

  it('has 25 respondents in the document’s two groups and order', async () => {
    const survey = (await test.services.surveys.get(caller, slug))!;
    assert.equal(survey.survey.slug, slug);
    assert.deepEqual(
      survey.groups.map((group) => group.respondents.length),
      [8, 17],
    );
    assert.equal(survey.groups[0]!.respondents[0]!.label, 'Kent');
    for (const group of survey.groups) {
      const numbers = group.respondents.map((r) => r.position);
      assert.deepEqual(
        numbers,
        [...numbers].sort((a, b) => a - b),
      );
    }
    assert.equal(survey.questions.length, 4);
  });

  it('records the 8 unanswered cells as no response, not as answers', async () => {
    const survey = (await test.services.surveys.get(caller, slug))!;
    assert.deepEqual(survey.answers, { expected: 100, given: 92 });
    const hampshire = survey.respondents.find((r) => r.label === 'Hampshire')!;
    assert.equal(hampshire.answers.q4!.noResponse, true);
    assert.equal(hampshire.answers.q4!.blank, true);
    assert.equal(hampshire.answers.q3!.refersTo, 'q1', 'a cross-reference is kept as a reference');
  });

  it('keeps the “correct as at” dates where the document gives them', async () => {
    const survey = (await test.services.surveys.get(caller, slug))!;
    const asAt = survey.respondents.filter((r) => r.asAt).map((r) => [r.label, r.asAt, r.asAtPrecision]);
    assert.deepEqual(asAt, [
      ['Kent', '2011-06-01', 'month'],
      ['Lancashire', '2010-12-01', 'month'],
    ]);
  });

  it('codes the answers to question 1 and counts them', async () => {
    const survey = (await test.services.surveys.get(caller, slug))!;
    const [coded] = survey.codes;
    assert.deepEqual(Object.fromEntries(coded!.counts.map((c) => [c.code, c.count])), {
      continuing: 17,
      'under-review': 5,
      'not-continuing': 2,
      'merging-with-hwb': 1,
    });
  });

  it('links each of the 8 findings to the answers that support it', async () => {
    const survey = (await test.services.surveys.get(caller, slug))!;
    assert.equal(survey.findings.length, 8);
    assert.deepEqual(
      survey.findings.map((f) => f.number),
      ['3.1', '3.2', '3.3', '3.4', '3.5', '3.6', '3.7', '3.8'],
    );
    assert.ok(survey.findings.every((f) => f.evidence.length > 0));
  });

  it('shows the summary table with rows and columns in the document’s order', async () => {
    const { agent } = await signedInAs(test, kentId, 'viewer');
    const page = await agent.get(path);
    assert.equal(page.status, 200);
    const first = textsOf(page.text, '#group-statistical-neighbours tbody th');
    assert.equal(first.length, 8);
    assert.match(first[0]!, /^1\. Kent\s*correct as at June 2011$/);
    assert.equal(textsOf(page.text, '#group-others tbody th').length, 17);
    assert.equal($(page.text)('#group-others thead th').length, 5);
    assert.equal($(page.text)('.govuk-tag:contains("No response")').length, 8);
    // the groups named as the document names them, and the 8 cells left blank counted (issue 23)
    assert.equal(
      $(page.text)('#survey-counts').text().replace(/\s+/g, ' ').trim(),
      "25 respondents: 8 in “Survey of Kent's' Statistical neighbours”, 17 in “Survey of other Local Authorities”. 8 of 100 answers were not given. Closed 21 June 2011.",
    );
    // questions that carry their own numbers are not numbered twice
    assert.match(
      textsOf(page.text, '#questions li')[0]!,
      /^1\. Is the main Children's Trust Board continuing\?/,
    );
  });

  it('downloads the table as CSV and as a Word document', async () => {
    const { agent } = await signedInAs(test, kentId, 'viewer');
    const csv = await agent.get(`${path}?format=csv`);
    const records = parse(csv.text, { columns: true, bom: true }) as Record<string, string>[];
    assert.equal(records.length, 25);
    assert.equal(records[0]!.Authority, 'Kent');
    assert.equal(records[0]!['Correct as at'], 'June 2011');
    assert.equal(
      records.filter((r) => Object.values(r).includes('No response')).length,
      6,
      'six authorities left cells unanswered (Barnet and Tower Hamlets two each)',
    );
    const docx = await agent.get(`${path}?format=docx`).buffer(true).parse(binary);
    const xml = await (await JSZip.loadAsync(docx.body as Buffer)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, ' ');
    assert.match(text, /Kent \(correct as at June 2011\)/);
    assert.equal(text.match(/No response/g)?.length, 8);
  });

  it('is not shown to another partnership', async () => {
    const other = await makePartnership(test.services, 'elsewhere');
    const { agent } = await signedInAs(test, other.id, 'admin');
    assert.equal((await agent.get(path)).status, 404);
    assert.equal((await agent.get(`/partnerships/elsewhere/surveys/${slug}`)).status, 404);
  });
});
