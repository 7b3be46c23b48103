import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import {
  $,
  csrfTokenIn,
  makePartnership,
  pageText,
  signedInAs,
  startTestApp,
  textsOf,
  upload,
  type TestApp,
} from '../../../test/support/test-app.ts';
import { systemCaller, type Caller } from '../../platform/http/auth.ts';

const csv = (lines: string[]) => Buffer.from(lines.join('\n'));

describe('importing a membership list', () => {
  let test: TestApp;
  let caller: Caller;
  let partnershipId: string;
  let boardId: string;
  const path = '/partnerships/imports/bodies/trust/seats/import';
  before(async () => {
    test = await startTestApp();
    partnershipId = (await makePartnership(test.services, 'imports')).id;
    caller = systemCaller('test', partnershipId);
    boardId = (
      await test.services.bodies.create(caller, {
        slug: 'trust',
        name: 'Bolton Children’s Trust',
        kind: 'board',
        takesDecisions: true,
        status: 'established',
        statusOn: '2007-04',
      })
    ).id;
    await test.services.membership.addOrganisation(caller, {
      name: 'Bolton CVS',
      sector: 'voluntary-community',
      category: 'voluntary-community',
      notes: null,
    });
    await test.services.membership.addSeat(caller, boardId, {
      label: 'Director of Children’s Services',
      role: 'member',
      voting: true,
      howFilled: 'ex-officio',
      capacity: 1,
    });
  });
  after(() => test.close());

  it('refuses a file with one bad row, reports the row, and writes nothing', async () => {
    const { agent } = await signedInAs(test, partnershipId, 'editor');
    const response = await upload(
      agent,
      path,
      csv([
        'seat,name,organisation,from,until',
        '1,Margaret Asquith,,2007-04-01,',
        'Bolton CVS Chief Officer,Karen Minnit,Bolton Council for Voluntary Service,,',
        'Youth MP,Nafisah Atcha,,2009-01-01,2008-01-01',
      ]),
      'members.csv',
    );
    assert.equal(response.status, 400);
    assert.deepEqual(textsOf(response.text, '.govuk-error-summary a'), [
      'Row 4: until: The membership ends before it starts',
    ]);
    // every error links to a row that is shown: the unreadable row as written, with its reason
    const page = $(response.text);
    assert.equal(page('.govuk-error-summary a').attr('href'), '#row-4');
    assert.match(
      page('#row-4').text(),
      /Could not be read\. As written: seat “Youth MP”; holder “Nafisah Atcha”; from “2009-01-01”; until “2008-01-01”/,
    );
    assert.match(page('#row-4').text(), /until: The membership ends before it starts/);
    // an organisation the partnership does not have is offered for creation, not refused
    assert.match(page('#row-3').text(), /Bolton Council for Voluntary Service\s*New organisation/);
    assert.equal($(response.text)('button:contains("Import these members")').length, 0);
    assert.equal((await test.services.membership.people(caller)).length, 0);
    assert.equal((await test.services.membership.seats(caller, boardId)).length, 1);
  });

  it('previews a good file row by row, then imports it all on confirmation', async () => {
    const { agent } = await signedInAs(test, partnershipId, 'editor');
    const preview = await upload(
      agent,
      path,
      csv([
        'Seat,Name,Job title,Email,Organisation,Young person,From,Until',
        '1,Margaret Asquith,Director of Children’s Services,,,,20/4/2007,',
        'Bolton CVS Chief Officer,Karen Minnit,,karen@example.org,Bolton CVS,no,,',
        'Youth MP,Nafisah Atcha,,,,yes,,',
        'Youth MP,Zuhayr Adia,,,,yes,,',
      ]),
      'members.csv',
    );
    assert.equal(preview.status, 200);
    assert.match($(preview.text)('main').text(), /4 members, 2 new seats, 4 new people/);
    assert.equal((await test.services.membership.people(caller)).length, 0, 'nothing written by the preview');
    const confirmed = await agent
      .post(`${path}/confirm`)
      .type('form')
      .send({ _csrf: csrfTokenIn(preview.text) });
    assert.equal(confirmed.status, 303);
    const seats = await test.services.membership.seats(caller, boardId, '2009-02-12');
    assert.deepEqual(
      seats.map((seat) => [seat.label, seat.capacity, seat.holders.map((h) => h.personName)]),
      [
        ['Director of Children’s Services', 1, ['Margaret Asquith']],
        ['Bolton CVS Chief Officer', 1, ['Karen Minnit']],
        ['Youth MP', 2, ['Nafisah Atcha', 'Zuhayr Adia']],
      ],
    );
    assert.equal(seats[0]!.holders[0]!.startsOn, '2007-04-20');
    assert.ok((await test.services.membership.people(caller)).filter((p) => p.youngPerson).length === 2);
    const again = await agent
      .post(`${path}/confirm`)
      .type('form')
      .send({ _csrf: csrfTokenIn(preview.text) });
    assert.equal(again.status, 400, 'a preview is imported once');
  });

  it('reads a Latin-1 list with its accents, and warns of characters it cannot read (issue 20)', async () => {
    const { agent } = await signedInAs(test, partnershipId, 'editor');
    const latin1 = Buffer.concat([
      Buffer.from('seat,holder\r\nYouth worker,Zo\xeb Bront\xeb\r\nAdviser,A', 'latin1'),
      Buffer.from([0x81]), // no character in Windows-1252
      Buffer.from('n\r\n'),
    ]);
    const preview = await upload(agent, path, latin1, 'members.csv');
    assert.equal(preview.status, 200);
    assert.match(pageText(preview.text), /Zoë Brontë/);
    assert.match(
      $(preview.text)('[data-import-warning]').text().replace(/\s+/g, ' '),
      /could not be read as Windows-1252 on row 3/,
    );
    const form = await agent.get(path);
    assert.equal($(form.text)('#encoding option:selected').val(), 'auto', 'the encoding is asked');
  });

  it('reads Excel files too, and refuses a seat filled twice over', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Members');
    sheet.addRow(['seat', 'name', 'from']);
    sheet.addRow([1, 'Someone Else', '2009-01-01']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const { agent } = await signedInAs(test, partnershipId, 'editor');
    const response = await upload(agent, path, file, 'members.xlsx');
    assert.equal(response.status, 400);
    assert.match(
      $(response.text)('.govuk-error-summary').text(),
      /Row 2: “Director of Children’s Services” is already held by Margaret Asquith then: end that membership first/,
    );
  });

  it('carries the dates of the seats it adds, and refuses memberships outside them', async () => {
    const { agent } = await signedInAs(test, partnershipId, 'editor');
    const outside = await upload(
      agent,
      path,
      csv([
        'seat,name,from,until,seat from,seat until',
        'Head of Probation,Alan Probation,1/1/2010,,1/4/2010,',
        'Too early,Nobody,,,1/1/2006,',
      ]),
      'dated.csv',
    );
    assert.equal(outside.status, 400);
    const summary = $(outside.text)('.govuk-error-summary').text();
    assert.match(
      summary,
      /Row 2: “Head of Probation” exists from 2010-04-01: a membership cannot start on 2010-01-01/,
    );
    assert.match(
      summary,
      /Row 3: Bolton Children’s Trust does not exist on 2006-01-01 \(it exists from 2007-04-01\)/,
    );
    const preview = await upload(
      agent,
      path,
      csv([
        'seat,name,from,until,seat from,seat until',
        'Head of Probation,Alan Probation,1/5/2010,,1/4/2010,',
      ]),
      'dated.csv',
    );
    assert.equal(preview.status, 200);
    const confirmed = await agent
      .post(`${path}/confirm`)
      .type('form')
      .send({ _csrf: csrfTokenIn(preview.text) });
    assert.equal(confirmed.status, 303);
    const all = await test.services.membership.seats(caller, boardId, '2010-06-01', { all: true });
    const probation = all.find((seat) => seat.label === 'Head of Probation')!;
    assert.deepEqual([probation.startsOn, probation.endsOn], ['2010-04-01', null]);
    assert.ok(
      !(await test.services.membership.seats(caller, boardId, '2010-01-01')).some(
        (seat) => seat.label === 'Head of Probation',
      ),
      'the seat is not among the seats of a date before it was created',
    );
  });

  it('says what is wrong with a file it cannot use', async () => {
    const { agent } = await signedInAs(test, partnershipId, 'editor');
    const wrongType = await upload(agent, path, Buffer.from('hello'), 'members.txt');
    assert.equal(wrongType.status, 400);
    assert.match(
      $(wrongType.text)('#file-error').text(),
      /The file must be a CSV or an Excel \(\.xlsx\) file/,
    );
    const noHeader = await upload(agent, path, csv(['who,where', 'x,y']), 'members.csv');
    assert.match($(noHeader.text)('#file-error').text(), /these are missing: seat\./);
    const page = await agent.get(path);
    const empty = await agent.post(path).field('_csrf', csrfTokenIn(page.text)).field('nothing', '');
    assert.match($(empty.text)('#file-error').text(), /Select a CSV or Excel file/);
  });

  it('refuses an upload without its CSRF token, and a viewer', async () => {
    const { agent } = await signedInAs(test, partnershipId, 'editor');
    const response = await agent.post(path).attach('file', csv(['seat,name', '1,Nobody']), 'members.csv');
    assert.equal(response.status, 403);
    const viewer = await signedInAs(test, partnershipId, 'viewer');
    assert.equal((await viewer.agent.get(path)).status, 403);
  });

  it('asks which encoding a list is in: a Windows-1252 list with “Zoë” read as chosen, and read as UTF-8 with a warning naming its row (ADR 0048)', async () => {
    const { agent } = await signedInAs(test, partnershipId, 'editor');
    // Excel's plain "CSV" on Windows: ë is 0xEB and the curly apostrophe 0x92 (a C1 control in ISO-8859-1)
    const windows1252 = Buffer.concat([
      Buffer.from('seat,holder\r\nParticipation worker,Zo', 'latin1'),
      Buffer.from([0xeb]),
      Buffer.from(' O', 'latin1'),
      Buffer.from([0x92]),
      Buffer.from('Brien\r\n', 'latin1'),
    ]);
    const send = async (encoding: string) => {
      const page = await agent.get(path);
      return agent
        .post(path)
        .field('_csrf', csrfTokenIn(page.text))
        .field('encoding', encoding)
        .attach('file', windows1252, 'members.csv');
    };
    const asUtf8 = await send('utf-8');
    assert.equal(asUtf8.status, 200);
    assert.match(
      $(asUtf8.text)('[data-import-warning]').text().replace(/\s+/g, ' '),
      /Some characters could not be read as UTF-8 on row 2/,
    );
    const unknown = await send('ebcdic');
    assert.equal(unknown.status, 400);
    assert.match(
      $(unknown.text)('.govuk-error-summary').text(),
      /Select the encoding the file was saved in from the list/,
    );
    const chosen = await send('windows-1252');
    assert.equal(chosen.status, 200);
    assert.match(pageText(chosen.text), /Zoë O’Brien/);
    assert.equal($(chosen.text)('[data-import-warning]').length, 0, 'every character read');
    const confirmed = await agent
      .post(`${path}/confirm`)
      .type('form')
      .send({ _csrf: csrfTokenIn(chosen.text) });
    assert.equal(confirmed.status, 303);
    assert.ok(
      (await test.services.membership.people(caller)).some((person) => person.name === 'Zoë O’Brien'),
      'imported with its letters, not Zo\ufffd',
    );
  });
});
