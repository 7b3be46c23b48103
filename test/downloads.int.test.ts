// Every CSV and Word file the product writes, downloaded from a seed partnership (Dudley, from
// data/seeds) and from an empty one, and read as the programs people open them with read them
// (issue 19 items 5 and 6, issue 20 item 5; ADR 0038):
// - CSV: a UTF-8 byte-order mark, a header row also with no rows, RFC 4180 records that
//   csv-parse and Python's csv module (when python3 is installed) read alike, and no cell that a
//   spreadsheet would run: an organisation and a member named =HYPERLINK(...) through the forms,
//   and a survey answer typed through a response link, come out as text.
// - Word: the house style (platform/documents/docx-style.ts): a header with the partnership's
//   name and the title, a footer "Page X of Y", en-GB, black headings, columns at least as wide
//   as their widest word, and the committee report's numbered paragraphs; the minutes' Word file
//   among them.
// Which routes write these files is found in the source (every `sendCsv` call; no `Document`
// made outside the house style), so a new download without a place here fails the test.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { globSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import * as cheerio from 'cheerio';
import JSZip from 'jszip';
import {
  $,
  binary,
  makePartnership,
  signedInAs,
  startTestApp,
  submit,
  type Agent,
  type TestApp,
} from './support/test-app.ts';
import { importSeeds } from '../src/seeds/seed.importer.ts';
import { readSeeds, seedFiles } from '../src/seeds/seed.reader.ts';
import { systemCaller, type Caller } from '../src/platform/http/auth.ts';
import { publicSiteService } from '../src/modules/public/index.ts';
import { surveyAnsweredByLink } from './support/public-site.ts';
import { measure } from '../src/platform/documents/docx-style.ts';

const formula = '=HYPERLINK("http://x","y")';
const accented = 'Zoë’s Children’s Centre';
const linkAnswer = "@SUM(1+1)*cmd|' /C calc'!A0";
const plainNumber = /^-?(?:\d+(?:\.\d+)?|\.\d+)$/;

/** Where a CSV is written (the file that calls `sendCsv`) and an address that downloads it. */
interface CsvDownload {
  source: string;
  path: string;
  token?: boolean;
}

interface Place {
  slug: string;
  body: string;
  bodyId: string;
  survey: string;
  surveyId: string;
  voice?: string;
}

const csvDownloads = (p: Place, empty = false): CsvDownload[] => {
  const base = `/partnerships/${p.slug}`;
  return [
    {
      source: 'src/platform/audit/audit.routes.ts',
      path: `${base}/audit?format=csv${empty ? '&actor=nobody' : ''}`,
    },
    {
      source: 'src/modules/authorities/authorities.routes.ts',
      path: `/authorities?format=csv${empty ? '&q=zzzz' : ''}`,
    },
    { source: 'src/modules/partnerships/partnerships.routes.ts', path: '/partnerships?format=csv' },
    { source: 'src/modules/membership/directory.routes.ts', path: `${base}/organisations?format=csv` },
    { source: 'src/modules/membership/seats.routes.ts', path: `${base}/bodies/${p.body}/seats?format=csv` },
    {
      source: 'src/modules/compliance/compliance.routes.ts',
      path: `${base}/compliance?at=2004-01-01&format=csv`,
    },
    {
      source: 'src/modules/attendance/attendance.routes.ts',
      path: `${base}/bodies/${p.body}/attendance?from=2008-01-01&to=2009-12-31&format=csv`,
    },
    { source: 'src/modules/surveys/surveys.routes.ts', path: `${base}/surveys/${p.survey}?format=csv` },
    {
      source: 'src/modules/surveys/surveys.api.ts',
      path: `/api/v1/surveys/${p.surveyId}/table.csv`,
      token: true,
    },
    { source: 'src/modules/resources/resources.routes.ts', path: `${base}/resources?format=csv` },
    // the action log and the indicator values (issue 23 item 4)
    { source: 'src/modules/record/record.routes.ts', path: `${base}/actions?format=csv` },
    { source: 'src/modules/indicators/indicators.routes.ts', path: `${base}/indicators?format=csv` },
    { source: 'src/modules/public/public.routes.ts', path: `/public/${p.slug}/meetings.csv` },
    ...(empty
      ? []
      : [
          {
            source: 'src/modules/membership/seats.routes.ts',
            path: `${base}/bodies/${p.body}/seats?at=2010-01-01&format=csv`,
          },
          {
            source: 'src/modules/compliance/compliance.routes.ts',
            path: `${base}/compliance?at=2009-09-14&format=csv`,
          },
          {
            source: 'src/modules/benchmarking/benchmarking.routes.ts',
            path: `${base}/indicators/NI%2073/benchmark.csv`,
          },
          {
            source: 'src/modules/voice/voice.routes.ts',
            path: `${base}/voice/${p.voice}/results?format=csv`,
          },
        ]),
  ];
};

/** The files of `src` that hold a pattern, and how many times each. */
function sourcesWith(pattern: RegExp): Map<string, number> {
  const found = new Map<string, number>();
  for (const file of globSync('src/**/*.ts')) {
    if (file.endsWith('.test.ts')) continue;
    const count = readFileSync(file, 'utf8').match(new RegExp(pattern, 'g'))?.length ?? 0;
    if (count) found.set(file, count);
  }
  return found;
}

interface Csv {
  path: string;
  raw: Buffer;
  records: string[][];
}

async function downloadCsv(agent: Agent, download: CsvDownload, token: string): Promise<Csv> {
  let request = agent.get(download.path);
  if (download.token) request = request.set('Authorization', `Bearer ${token}`);
  const response = await request.buffer(true).parse(binary);
  assert.equal(response.status, 200, download.path);
  assert.equal(response.headers['content-type'], 'text/csv; charset=utf-8', download.path);
  assert.match(
    response.headers['content-disposition']!,
    /^attachment; filename="?[^"]+\.csv"?$/,
    download.path,
  );
  const raw = response.body as Buffer;
  assert.deepEqual(
    [...raw.subarray(0, 3)],
    [0xef, 0xbb, 0xbf],
    `${download.path} starts with the byte-order mark`,
  );
  // csv-parse refuses records of another length than the header's
  const records = parse(raw.toString('utf8'), { bom: true, relax_quotes: false }) as string[][];
  assert.ok(records.length >= 1, `${download.path} has a header row`);
  assert.ok(
    records[0]!.every((cell) => cell.length > 0),
    `${download.path}: every column has a header`,
  );
  for (const cell of records.flat())
    assert.ok(
      !/^[=+@\t\r]/.test(cell) && !(cell.startsWith('-') && !plainNumber.test(cell)),
      `${download.path}: ${JSON.stringify(cell)} would run as a formula`,
    );
  return { path: download.path, raw, records };
}

/** What Python's csv module reads of each file: its rows, or null when python3 is not installed. */
function readWithPython(files: Csv[]): string[][][] | null {
  if (spawnSync('python3', ['--version']).status !== 0) return null;
  const folder = mkdtempSync(join(tmpdir(), 'cooperate-csv-'));
  try {
    const names = files.map((file, index) => {
      const name = join(folder, `${index}.csv`);
      writeFileSync(name, file.raw);
      return name;
    });
    const script =
      'import csv, json, sys\n' +
      "print(json.dumps([list(csv.reader(open(n, encoding='utf-8-sig', newline=''), strict=True)) for n in sys.argv[1:]]))";
    const run = spawnSync('python3', ['-c', script, ...names], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    assert.equal(run.status, 0, run.stderr);
    return JSON.parse(run.stdout) as string[][][];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

// ---- Word ----

const xml = (text: string) => cheerio.load(text, { xml: true });
const w = (name: string) => `w\\:${name}`;

async function docxParts(agent: Agent, path: string) {
  const response = await agent.get(path).buffer(true).parse(binary);
  assert.equal(response.status, 200, path);
  assert.equal(
    response.headers['content-type'],
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    path,
  );
  const zip = await JSZip.loadAsync(response.body as Buffer);
  const part = async (name: string) => {
    const file = zip.file(name);
    assert.ok(file, `${path} has ${name}`);
    return file.async('string');
  };
  const rels = xml(await part('word/_rels/document.xml.rels'));
  const target = (type: string) =>
    rels(`Relationship[Type$="/${type}"]`).attr('Target') ?? assert.fail(`${path} has no ${type}`);
  return {
    document: xml(await part('word/document.xml')),
    styles: xml(await part('word/styles.xml')),
    header: xml(await part(`word/${target('header')}`)),
    footer: xml(await part(`word/${target('footer')}`)),
    core: xml(await part('docProps/core.xml')),
    numbering: xml(await part('word/numbering.xml')),
  };
}

type Parts = Awaited<ReturnType<typeof docxParts>>;

/** The widest word of a table cell as Word sets it (each run at its size, bold or not), in twips. */
function widestWord(cell: cheerio.Cheerio<never>, page: cheerio.CheerioAPI): number {
  let widest = 0;
  cell.find(w('r')).each((_, run) => {
    const r = page(run);
    const size = Number(r.find(w('sz')).attr('w:val') ?? 24);
    const bold = r.find(w('b')).length > 0 && r.find(w('b')).attr('w:val') !== 'false';
    for (const word of r
      .find(w('t'))
      .text()
      .split(/\s+|(?<=-)/))
      widest = Math.max(widest, measure(word, { size, bold }));
  });
  return widest;
}

function assertHouseStyle(path: string, parts: Parts, partnership: string) {
  const { document, styles, header, footer, core } = parts;
  const title = core('dc\\:title').text();
  assert.ok(title, `${path} has a title`);
  assert.equal(core('dc\\:creator').text(), partnership, `${path}: the partnership is its author`);
  const headerText = header(w('t')).text();
  assert.ok(headerText.includes(partnership), `${path}: the header names ${partnership}: ${headerText}`);
  assert.ok(headerText.includes(title), `${path}: the header holds the title ${title}`);
  const footerText = footer(w('t')).text();
  const fields = footer(w('instrText'))
    .map((_, el) => footer(el).text().trim())
    .get();
  assert.equal(footerText.replace(/\s+/g, ' ').trim(), 'Page of', `${path}: the footer`);
  assert.deepEqual(fields, ['PAGE', 'NUMPAGES'], `${path}: page X of Y`);
  assert.equal(styles(`${w('docDefaults')} ${w('lang')}`).attr('w:val'), 'en-GB', `${path}: en-GB`);
  for (const level of [1, 2, 3, 4, 5, 6]) {
    const style = styles(`${w('style')}[w\\:styleId="Heading${level}"]`);
    assert.equal(style.find(w('color')).attr('w:val'), '000000', `${path}: Heading ${level} is black`);
  }
  assert.equal(document(`${w('sectPr')} ${w('headerReference')}`).length, 1);
  assert.equal(document(`${w('sectPr')} ${w('footerReference')}`).length, 1);
  document(w('tbl')).each((_, table) => {
    const t = document(table);
    assert.equal(
      t.find(`> ${w('tblPr')} ${w('tblLayout')}`).attr('w:type'),
      'fixed',
      `${path}: fixed layout`,
    );
    const grid = t
      .find(`> ${w('tblGrid')} ${w('gridCol')}`)
      .map((_, col) => Number(document(col).attr('w:w')))
      .get();
    const total = Number(t.find(`> ${w('tblPr')} > ${w('tblW')}`).attr('w:w'));
    assert.equal(
      grid.reduce((sum, width) => sum + width, 0),
      total,
      `${path}: the columns fill the table`,
    );
    t.find(`> ${w('tr')}`).each((_, row) => {
      document(row)
        .find(`> ${w('tc')}`)
        .each((index, cell) => {
          const word = widestWord(document(cell) as cheerio.Cheerio<never>, document);
          // a cell's left and right margins are 108 twips each
          assert.ok(
            word + 216 <= grid[index]!,
            `${path}: "${document(cell).text()}" needs ${Math.ceil(word + 216)} twips, its column has ${grid[index]}`,
          );
        });
    });
  });
  return { title };
}

describe('Downloads: every CSV and Word file, as spreadsheets and word processors read them', () => {
  let test: TestApp;
  let editor: Agent;
  let token: string;
  let dudley: Place & { id: string; name: string };
  let empty: Place;
  let reportPath = '';
  let consultationPath = '';
  let minutesPath = '';
  let planSlug = '';
  let highlightBody = '';

  before(async () => {
    test = await startTestApp();
    await importSeeds(
      test.services,
      await readSeeds((await seedFiles()).filter((file) => file.endsWith('000-dudley.yaml'))),
    );
    const found = (await test.services.partnerships.list()).find((p) => p.slug === 'dudley')!;
    const caller = systemCaller('test', found.id);
    const body = (await test.services.bodies.list(caller)).find((b) => b.slug === 'executive-board')!;
    const survey = await surveyAnsweredByLink(test, caller, found.id, {
      email: 'sam@example.org',
      answer: linkAnswer,
    });
    const voice = await voiceAnswered(test, caller, found.id);
    await publicSiteService(test.db, test.services).saveSections(caller, ['structure', 'meetings']);
    await test.services.indicators.track(caller, 'NI 73');
    await test.services.indicators.recordValue(caller, 'NI 73', {
      period: '2009/10',
      value: 74.5,
      breakdownKind: 'all',
      illustrative: false,
    });
    const ni73 = (await test.services.indicators.byCode(caller, 'NI 73'))!.indicator;
    await test.services.benchmarking.setPublished(caller, [ni73.id]);
    // a committee report written in paragraphs, and a consultation answered, on a meeting
    const meetingId = await test.services.meetings.create(caller, {
      title: 'Executive Board',
      kind: 'board-meeting',
      bodyIds: [body.id],
      date: '2009-10-12',
      startTime: '14:00',
      state: 'held',
    });
    const itemId = await test.services.agenda.addItem(caller, meetingId, {
      number: 1,
      title: 'Children and Young People’s Plan',
      purpose: 'decision',
      presenter: null,
      exempt: false,
      exemptParagraph: null,
      exemptReason: null,
    });
    await test.services.reports.save(caller, meetingId, itemId, {
      reportTo: 'Executive Board',
      reportOf: 'Director of Children’s Services',
      author: 'Head of Partnerships',
      contactOfficer: null,
      title: 'Refreshing the Children and Young People’s Plan',
      confidentiality: null,
      purpose: 'To agree how the plan is refreshed.\nTo set the timetable.',
      summary: null,
      background: 'The plan runs from 2009 to 2011.',
      recommendations: ['That the Board agrees the timetable.', 'That the Board notes the consultation.'],
      decision: null,
      backgroundDocuments: null,
      financialImplications: null,
      legalImplications: null,
      equalityImplications: null,
      riskImplications: null,
      appendices: null,
    });
    const consultationId = await test.services.consultations.place(caller, meetingId, itemId, {
      title: 'Consultation on school places',
      issuedBy: 'DfE',
      deadline: '2009-11-10',
      summary: null,
      questions: ['Do you agree?'],
    });
    await test.services.consultations.answer(caller, consultationId, new Map([[1, 'We agree.']]));
    await test.services.record.writeMinutes(
      caller,
      meetingId,
      itemId,
      'The Board agreed the timetable for refreshing the plan.',
    );
    reportPath = `/partnerships/dudley/meetings/${meetingId}/agenda/${itemId}/report`;
    minutesPath = `/partnerships/dudley/meetings/${meetingId}/minutes.docx`;
    consultationPath = `/partnerships/dudley/consultations/${consultationId}`;
    planSlug = (await test.services.plans.list(caller))[0]!.slug;
    highlightBody = (await test.services.bodies.list(caller)).find((b) => b.slug === 'trust-board')!.id;

    const admin = await signedInAs(test, found.id, 'admin');
    editor = admin.agent;
    ({ token } = await test.services.tokens.create(systemCaller('test'), admin.user.id, 'downloads'));
    dudley = {
      id: found.id,
      name: found.name,
      slug: 'dudley',
      body: body.slug,
      bodyId: body.id,
      survey: survey.slug,
      surveyId: survey.id,
      voice,
    };

    // formulas typed into the forms: an organisation, and a person appointed to a seat
    const base = '/partnerships/dudley';
    assert.equal(
      (await submit(editor, `${base}/organisations/new`, { name: formula, sector: 'other' })).status,
      303,
    );
    assert.equal((await submit(editor, `${base}/people/new`, { name: formula })).status, 303);
    assert.equal(
      (await submit(editor, `${base}/organisations/new`, { name: accented, sector: 'other' })).status,
      303,
    );
    const organisationId = (await test.services.membership.organisations(caller)).find(
      (o) => o.name === formula,
    )!.id;
    const personId = (await test.services.membership.people(caller)).find((p) => p.name === formula)!.id;
    const seatId = await test.services.membership.addSeat(caller, body.id, {
      label: 'Formula seat',
      role: 'member',
      voting: true,
      howFilled: 'appointed',
      organisationId,
      capacity: 1,
    });
    const appoint = await submit(editor, `${base}/bodies/${body.slug}/seats/${seatId}/appoint`, {
      personId,
      organisationId,
      'startsOn-day': '1',
      'startsOn-month': '1',
      'startsOn-year': '2009',
    });
    assert.equal(appoint.status, 303, $(appoint.text)('.govuk-error-summary').text());

    // an empty partnership: one body, one survey, nothing else
    const bare = await makePartnership(test.services, 'empty');
    const bareCaller = systemCaller('test', bare.id);
    await test.services.partnerships.update(bareCaller, bare.id, {
      authorityGssCode: 'E08000027',
      name: 'Partnership empty',
      slug: 'empty',
      established: '2007',
      status: 'active',
      published: true,
    });
    await publicSiteService(test.db, test.services).saveSections(bareCaller, ['meetings']);
    const bareBody = await test.services.bodies.create(bareCaller, {
      slug: 'board',
      name: 'Board',
      kind: 'board',
      takesDecisions: true,
      status: 'established',
      statusOn: '2007',
    });
    const bareSurvey = await test.services.surveys.create(bareCaller, {
      title: 'Nothing asked yet',
      purpose: undefined,
      opensOn: undefined,
      closesOn: undefined,
    });
    const bareAdmin = await signedInAs(test, bare.id, 'admin');
    empty = {
      slug: 'empty',
      body: bareBody.slug,
      bodyId: bareBody.id,
      survey: bareSurvey.slug,
      surveyId: (await test.services.surveys.get(bareCaller, bareSurvey.slug))!.survey.id,
    };
    emptyAgent = bareAdmin.agent;
    ({ token: emptyToken } = await test.services.tokens.create(
      systemCaller('test'),
      bareAdmin.user.id,
      'empty',
    ));
  });
  let emptyAgent: Agent;
  let emptyToken: string;
  after(() => test.close());

  it('knows every route that writes a CSV: each `sendCsv` call is downloaded here, and nothing else writes one', () => {
    const calls = sourcesWith(/\bsendCsv\(/);
    calls.delete('src/platform/documents/csv.ts');
    const covered = new Set(csvDownloads(dudley).map((d) => d.source));
    assert.deepEqual([...calls.keys()].sort(), [...covered].sort());
    for (const [file, count] of calls) assert.equal(count, 1, `${file} sends CSV from one place`);
    // no other writer and no other way of sending a CSV
    assert.deepEqual([...sourcesWith(/csv-stringify/).keys()], ['src/platform/documents/csv.ts']);
    const typed = sourcesWith(
      /type\(\s*['"`]text\/csv|Content-Type['"`],\s*['"`]text\/csv|\.csv['"`]\)\s*\.send/,
    );
    typed.delete('src/platform/documents/csv.ts');
    assert.deepEqual([...typed.keys()], [], 'only sendCsv sends a CSV');
  });

  it('writes every CSV of the seed partnership with the byte-order mark, a header and formulas as text; Python reads them alike', async () => {
    const files: Csv[] = [];
    for (const download of csvDownloads(dudley)) files.push(await downloadCsv(editor, download, token));
    const byPath = (fragment: string) => files.find((file) => file.path.includes(fragment))!;
    assert.ok(
      byPath('/organisations?').records.some((row) => row[0] === `'${formula}`),
      'the organisation, as text',
    );
    const seats = byPath('/seats?format=csv').records;
    const holder = seats[0]!.indexOf('holder');
    const organisation = seats[0]!.indexOf('organisation');
    const formulaRow = seats.find((row) => row[holder] === `'${formula}`);
    assert.ok(formulaRow, 'the member, as text');
    assert.equal(formulaRow[organisation], `'${formula}`, 'the member’s organisation, as text');
    const survey = byPath('/surveys/').records;
    assert.ok(survey.flat().includes(`'${linkAnswer}`), 'an answer given through a response link, as text');
    assert.ok(byPath('/api/v1/surveys/').records.flat().includes(`'${linkAnswer}`));
    assert.ok(
      byPath('benchmark.csv').records.some((row) => row[1] === '74.5'),
      'a value, as a number',
    );
    // characters beyond ASCII, as written (Excel reads them so because of the byte-order mark)
    assert.ok(byPath('/organisations?').records.some((row) => row[0] === accented));
    const python = readWithPython(files);
    if (python)
      files.forEach((file, index) =>
        assert.deepEqual(python[index], file.records, `Python's csv module reads ${file.path} alike`),
      );
  });

  it('writes the header row of every CSV also when there are no rows', async () => {
    for (const download of csvDownloads(empty, true)) {
      const file = await downloadCsv(emptyAgent, download, emptyToken);
      if (/\/partnerships\?|\/audit\?/.test(download.path)) continue; // the partnership itself is a row
      assert.equal(
        file.records.length,
        1,
        `${download.path} has only its header: ${file.raw.toString('utf8')}`,
      );
    }
  });

  it('makes every Word document in the house style, from one builder', async () => {
    const made = sourcesWith(/new Document\(|Packer\./);
    assert.deepEqual(
      [...made.keys()],
      ['src/platform/documents/docx-style.ts'],
      'only the house style makes a document',
    );
    const base = '/partnerships/dudley';
    const paths = [
      `${base}/compliance?at=2009-09-14&format=docx`,
      `${reportPath}?format=docx`,
      `${consultationPath}?format=docx`,
      `${base}/surveys/${dudley.survey}?format=docx`,
      `${base}/resources?format=docx`,
      `${base}/voice/${dudley.voice}/results?format=docx`,
      `${base}/plans/${planSlug}/on-a-page?format=docx`,
      `${base}/plans/${planSlug}/progress?format=docx`,
      `${base}/highlight?body=${highlightBody}&from=2009-04-01&to=2010-03-31&format=docx`,
      `${base}/exceptions?format=docx`,
      `${base}/bodies/${dudley.body}/attendance?from=2008-01-01&to=2009-12-31&format=docx`,
      `${base}/actions?format=docx`,
      `${base}/bodies/${dudley.body}/seats?at=2010-01-01&format=docx`,
      minutesPath,
    ];
    const builders = sourcesWith(/\bcouncilDocument\(/);
    builders.delete('src/platform/documents/docx-style.ts');
    assert.ok(builders.size >= 8, 'each module’s builder uses the house style');
    for (const path of paths) assertHouseStyle(path, await docxParts(editor, path), dudley.name);
    // the minutes: their title in the header, and the item's minutes in the body
    const minutes = await docxParts(editor, minutesPath);
    assert.match(minutes.header(w('t')).text(), /Minutes: Executive Board/);
    assert.match(
      minutes.document(w('t')).text(),
      /The Board agreed the timetable for refreshing the plan\./,
      'the item’s minutes',
    );
  });

  it('numbers the committee report’s sections and paragraphs as councils do, and fits the appendix’s columns', async () => {
    const report = await docxParts(editor, `${reportPath}?format=docx`);
    const texts = report
      .numbering(`${w('lvl')}`)
      .map((_, lvl) => report.numbering(lvl).find(w('lvlText')).attr('w:val'))
      .get();
    assert.ok(texts.includes('%1.') && texts.includes('%1.%2'), 'sections 1., paragraphs 1.1');
    const numbered = report
      .document(`${w('body')} > ${w('p')}`)
      .filter((_, p) => report.document(p).find(w('numPr')).length > 0)
      .map((_, p) => {
        const paragraph = report.document(p);
        return `${paragraph.find(w('ilvl')).attr('w:val')} ${paragraph.find(w('t')).text()}`;
      })
      .get();
    assert.deepEqual(numbered, [
      '0 Purpose of the report',
      '1 To agree how the plan is refreshed.',
      '1 To set the timetable.',
      '0 Background',
      '1 The plan runs from 2009 to 2011.',
      '0 Recommendations',
      '1 That the Board agrees the timetable.',
      '1 That the Board notes the consultation.',
    ]);
    // the report's header is a table of labels and values
    const header = report.document(w('tbl')).first();
    assert.match(header.text(), /Report to\s*Executive Board/);

    const appendix = await docxParts(
      editor,
      `/partnerships/dudley/bodies/${dudley.body}/attendance?from=2008-01-01&to=2009-12-31&format=docx`,
    );
    const table = appendix.document(w('tbl')).first();
    const headings = table
      .find(`${w('tr')}`)
      .first()
      .find(w('tc'))
      .map((_, cell) => appendix.document(cell).text())
      .get();
    const column = headings.indexOf('Organisation');
    const width = Number(table.find(w('gridCol')).eq(column).attr('w:w'));
    assert.ok(
      width >= measure('Organisation', { size: 20, bold: true }) + 216,
      `"Organisation" fits its column (${width} twips) on one line`,
    );
  });
});

/** A consultation of young people, answered, closed and summarised. */
async function voiceAnswered(test: TestApp, caller: Caller, partnershipId: string) {
  const voice = test.services.voice;
  const year = new Date().getUTCFullYear();
  const slug = await voice.create(caller, {
    slug: 'feeling-safe',
    title: 'Feeling safe',
    purpose: 'To shape the plan around where young people feel safe.',
    audience: ['young-people'],
    opensOn: `${year - 1}-01-01`,
    closesOn: `${year + 1}-12-31`,
    responsesPerDevice: 1,
    responseLimit: null,
    areas: [],
    asksContact: false,
    contactReason: null,
    privacyNotice: 'We keep your answers for two years.',
    safeguardingNotice: 'Call Childline free on 0800 1111.',
  });
  await voice.addQuestion(caller, slug, {
    text: 'Do you feel safe?',
    easyRead: null,
    kind: 'choice',
    choices: ['Yes', 'No'],
    required: true,
  });
  await voice.setStatus(caller, slug, 'open');
  const found = await voice.get(caller, slug);
  await voice.respond(partnershipId, found.consultation.linkToken, 'device-one', {
    [`q-${found.questions[0]!.id}`]: 'Yes',
  });
  await voice.setStatus(caller, slug, 'closed');
  await voice.setSummary(caller, slug, { summary: 'Young people told us.', resultsPublic: false });
  return slug;
}
