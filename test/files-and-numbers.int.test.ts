// Files that cannot mislead their reader and numbers read by stated rules (issue 20 item 5,
// ADR 0048), through the pages: a Latin-1 CSV's accents kept, characters that cannot be read
// named in the preview, the encoding asked for on the form, an Excel zip bomb refused before
// it is unpacked, and "1,5", 1e308, -1e308 and NaN refused in imports and forms, never stored.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  $,
  auditCount,
  csrfTokenIn,
  makePartnership,
  signedInAs,
  startTestApp,
  submit,
  textsOf,
  upload,
  type Agent,
  type TestApp,
} from './support/test-app.ts';
import { xlsxBomb } from './support/zip.ts';
import { spreadsheetLimits } from '../src/platform/files/zip-check.ts';
import { systemCaller, type Caller } from '../src/platform/http/auth.ts';

const base = '/partnerships/safe-files';
const importPath = `${base}/indicators/import`;
const latin1 = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'latin1');

async function uploadWith(agent: Agent, path: string, file: Buffer, name: string, encoding: string) {
  const page = await agent.get(path);
  return agent
    .post(path)
    .field('_csrf', csrfTokenIn(page.text))
    .field('encoding', encoding)
    .attach('file', file, name);
}

describe('imported files and typed numbers', () => {
  let test: TestApp;
  let caller: Caller;
  let editor: Agent;
  before(async () => {
    test = await startTestApp();
    const partnershipId = (await makePartnership(test.services, 'safe-files')).id;
    caller = systemCaller('test', partnershipId);
    await test.services.indicators.track(caller, 'NI 112');
    ({ agent: editor } = await signedInAs(test, partnershipId, 'editor'));
  });
  after(() => test.close());

  const values = async () => (await test.services.indicators.byCode(caller, 'NI 112'))!.values;

  it('imports a Latin-1 CSV (Excel’s plain CSV on Windows) with its accents: “Zoë” stays Zoë', async () => {
    const preview = await upload(
      editor,
      importPath,
      latin1(['indicator,period,value,group', 'NI 112,2008-09,41.2,Pupils at Zoë Brontë School']),
      'values.csv',
    );
    assert.equal(preview.status, 200);
    assert.match($(preview.text)('#preview').text(), /Pupils at Zoë Brontë School/);
    assert.equal($(preview.text)('[data-import-warning]').length, 0, 'nothing to warn about');
    const confirmed = await editor
      .post(`${importPath}/confirm`)
      .type('form')
      .send({ _csrf: csrfTokenIn(preview.text) });
    assert.equal(confirmed.status, 303);
    assert.deepEqual(
      (await values()).map((value) => value.breakdown),
      ['Pupils at Zoë Brontë School'],
    );
  });

  it('warns in the preview, naming the rows, when characters cannot be read', async () => {
    const file = Buffer.concat([
      latin1(['indicator,period,value,group', 'NI 112,2009-10,40.1,Ann', 'NI 112,2010-11,39.0,B']),
      Buffer.from([0x81]), // no character in Windows-1252
      Buffer.from('x\r\n'),
    ]);
    const preview = await upload(editor, importPath, file, 'values.csv');
    assert.equal(preview.status, 200);
    assert.deepEqual(
      textsOf(preview.text, '[data-import-warning] .govuk-warning-text__text').map((text) =>
        text.replace(/\s+/g, ' '),
      ),
      [
        'Warning Some characters could not be read as Windows-1252 on row 3: they show as “�” or not at all. Check the names on those lines, or upload the file again choosing the encoding it was saved in.',
      ],
    );
  });

  it('reads the file in the encoding the form asks for, and refuses an encoding not offered', async () => {
    const form = await editor.get(importPath);
    assert.deepEqual(
      $(form.text)('select#encoding option')
        .map((_, option) => $(form.text)(option).attr('value'))
        .get(),
      ['auto', 'utf-8', 'windows-1252', 'iso-8859-1', 'utf-16le', 'utf-16be'],
    );
    const file = latin1(['indicator,period,value,group', 'NI 112,2009-10,40.1,Zoë']);
    const asUtf8 = await uploadWith(editor, importPath, file, 'values.csv', 'utf-8');
    assert.equal(asUtf8.status, 200);
    assert.match($(asUtf8.text)('[data-import-warning]').text(), /could not be read as UTF-8 on row 2/);
    const asLatin1 = await uploadWith(editor, importPath, file, 'values.csv', 'iso-8859-1');
    assert.equal($(asLatin1.text)('[data-import-warning]').length, 0);
    assert.match($(asLatin1.text)('#preview').text(), /Zoë/);
    const bogus = await uploadWith(editor, importPath, file, 'values.csv', 'ebcdic');
    assert.equal(bogus.status, 400);
    assert.deepEqual(textsOf(bogus.text, '.govuk-error-summary a'), [
      'Select the encoding the file was saved in from the list',
    ]);
  });

  it('refuses an Excel zip bomb from its directory, before unpacking it, and writes nothing', async () => {
    const before = await auditCount(test);
    const bomb = xlsxBomb(spreadsheetLimits.maxUnpackedBytes + 1024 * 1024);
    const refused = await upload(editor, importPath, bomb, 'values.xlsx');
    assert.equal(refused.status, 400);
    assert.match(
      textsOf(refused.text, '.govuk-error-summary a')[0] ?? '',
      /^The Excel file cannot be imported: one of its parts would unpack to \d+ MB/,
    );
    assert.equal(await auditCount(test), before);
  });

  it('refuses "1,5", 1e308, -1e308 and NaN in an import, row by row, and imports none of it', async () => {
    const before = (await values()).length;
    const preview = await upload(
      editor,
      importPath,
      latin1([
        'indicator,period,value',
        'NI 112,2011-12,"1,5"',
        'NI 112,2012-13,1e308',
        'NI 112,2013-14,-1e308',
        'NI 112,2014-15,NaN',
        'NI 112,2015-16,"1,234.5"',
      ]),
      'values.csv',
    );
    assert.equal(preview.status, 400);
    assert.deepEqual(textsOf(preview.text, '.govuk-error-summary a'), [
      'Row 2: value: Value must use a full stop for decimals, like 45.3: a comma separates thousands only, as in 1,250',
      'Row 3: value: Value must be written in digits, like 45.3',
      'Row 4: value: Value must be written in digits, like 45.3',
      'Row 5: value: Value must be written in digits, like 45.3',
    ]);
    assert.equal((await values()).length, before);
  });

  it('refuses the same in the value form, keeping the answer, and never stores 15 for "1,5"', async () => {
    const form = `${base}/indicators/${encodeURIComponent('NI 112')}/values/new`;
    const page = await editor.get(form);
    assert.match(
      $(page.text)('#value-hint').text(),
      /full stop for decimals, like 45\.3; thousands may be separated by commas/,
    );
    const before = (await values()).length;
    for (const [typed, message] of [
      ['1,5', /Value must use a full stop for decimals/],
      ['1e308', /Value must be written in digits/],
      ['-1e308', /Value must be written in digits/],
      ['NaN', /Value must be written in digits/],
      ['Infinity', /Value must be written in digits/],
      ['99999999999999999999', /Value must be between -1,000,000,000,000 and 1,000,000,000,000/],
      ['12,34,567', /groups of three digits/],
    ] as const) {
      const response = await submit(editor, form, { period: '2016-17', value: typed, breakdownKind: 'all' });
      assert.equal(response.status, 400, typed);
      assert.match(textsOf(response.text, '.govuk-error-summary a').join(' '), message, typed);
      assert.equal($(response.text)('#value').val(), typed, 'the answer is kept');
    }
    assert.equal((await values()).length, before, 'nothing written');
    const saved = await submit(editor, form, { period: '2016-17', value: '1,234.5', breakdownKind: 'all' });
    assert.equal(saved.status, 303);
    assert.ok((await values()).some((value) => value.value === 1234.5));
  });

  it('reads whole-number fields of other forms by the same rules (a body’s cap and quorum)', async () => {
    const response = await submit(editor, `${base}/bodies/new`, {
      name: 'Board',
      slug: 'board',
      kind: 'board',
      takesDecisions: 'yes',
      status: 'established',
      'statusOn-day': '',
      'statusOn-month': '11',
      'statusOn-year': '2008',
      membershipCap: '1e308',
      quorumMinimum: '1,5',
    });
    assert.equal(response.status, 400);
    assert.deepEqual(textsOf(response.text, '.govuk-error-summary a'), [
      'Membership cap must be written in digits, like 20',
      'Quorum must use a full stop for decimals, like 6: a comma separates thousands only, as in 1,250',
    ]);
  });
});
