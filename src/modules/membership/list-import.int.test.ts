// The membership list that round-trips (issue 15 items 4 to 6, issue 24 item 6): every seed
// partnership's bodies exported and imported back with no differences; next year's list with
// joins, leaves, a move and changes of title and role, shown and applied exactly; one bad row
// writing nothing; the preview refusing exactly what the import refuses; other names matched;
// and a real council's published list entered through the import.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import type { Agent } from 'supertest';
import {
  $,
  auditCount,
  csrfTokenIn,
  dateFields,
  makePartnership,
  pageText,
  signedInAs,
  startTestApp,
  textsOf,
  binary,
  type TestApp,
} from '../../../test/support/test-app.ts';
import { systemCaller, type Caller } from '../../platform/http/auth.ts';
import { RuleViolation } from '../../platform/http/validation.ts';
import { readMembershipFile } from './membership.import.ts';

const csv = (lines: string[]) => Buffer.from(lines.join('\n'));

/** Uploads a list with its date (and leaving day), as the import page posts them. */
async function uploadList(
  agent: Agent,
  path: string,
  file: Buffer,
  name: string,
  dates: { on?: string; leaveOn?: string } = {},
) {
  const page = await agent.get(path);
  let request = agent.post(path).field('_csrf', csrfTokenIn(page.text));
  for (const [field, iso] of Object.entries(dates))
    for (const [key, value] of Object.entries(dateFields(field, iso))) request = request.field(key, value);
  return request.attach('file', file, name);
}

describe('the membership list, exported and imported', () => {
  let test: TestApp;

  before(async () => {
    // the five seed partnerships loaded
    test = await startTestApp({}, { seeded: true });
  });
  after(() => test.close());

  it('exports every seed partnership’s bodies and imports each list back with no differences', async () => {
    const checked = new Map<string, number>();
    const withSeats = new Set<string>();
    for (const partnership of await test.services.partnerships.list()) {
      const caller = systemCaller('test', partnership.id);
      const { agent } = await signedInAs(test, partnership.id, 'editor');
      for (const body of await test.services.bodies.list(caller)) {
        const seats = await test.services.membership.seats(caller, body.id, undefined, { all: true });
        if (!seats.length) continue;
        withSeats.add(partnership.slug);
        const held = await test.services.membership.memberships(caller, { bodyId: body.id });
        // the list on the day its last member joined (the body at its fullest), or its last seat began
        const on =
          [...held.map((m) => m.startsOn ?? ''), ...seats.map((seat) => seat.startsOn ?? '')].sort().at(-1) ||
          '2010-01-01';
        const base = `/partnerships/${partnership.slug}/bodies/${body.slug}/seats`;
        const exported = await agent.get(`${base}?at=${on}&format=csv`);
        assert.equal(exported.status, 200);
        if (exported.text.trim().split('\n').length < 2) continue; // no seat on that date
        const before = await auditCount(test);
        const preview = await uploadList(agent, `${base}/import`, Buffer.from(exported.text), 'list.csv', {
          on,
        });
        assert.equal(
          preview.status,
          200,
          `${partnership.slug} ${body.slug}: ${textsOf(preview.text, '.govuk-error-summary a').join('; ')}`,
        );
        assert.match(
          $(preview.text)('#summary').text(),
          /matches the membership on that date\. Nothing would change/,
          `${partnership.slug} ${body.slug}: ${$(preview.text)('#summary').text()}`,
        );
        const confirmed = await agent
          .post(`${base}/import/confirm`)
          .type('form')
          .send({ _csrf: csrfTokenIn(preview.text) });
        assert.equal(confirmed.status, 303);
        assert.equal(await auditCount(test), before, 'an unchanged list writes nothing');
        const again = await agent.get(`${base}?at=${on}&format=csv`);
        assert.equal(
          again.text,
          exported.text,
          `${partnership.slug} ${body.slug}: the same list after the import`,
        );
        checked.set(partnership.slug, (checked.get(partnership.slug) ?? 0) + 1);
      }
    }
    assert.deepEqual([...checked.keys()].sort(), [...withSeats].sort(), 'every seed partnership with seats');
    assert.ok(checked.size >= 4, `the seed partnerships’ boards: ${[...checked].join(', ')}`);
  });

  it('writes a membership’s dates as the record gives them, reads them back, and matches a young substitute (issue 15)', async () => {
    const partnershipId = (await makePartnership(test.services, 'partial-list')).id;
    const caller = systemCaller('test', partnershipId);
    const { agent } = await signedInAs(test, partnershipId, 'editor');
    const base = '/partnerships/partial-list/bodies/board/seats';
    const boardId = (
      await test.services.bodies.create(caller, {
        slug: 'board',
        name: 'Partial Children’s Trust Board',
        kind: 'board',
        takesDecisions: true,
        status: 'established',
        statusOn: '2008',
      })
    ).id;
    const addSeat = (label: string) =>
      test.services.membership.addSeat(caller, boardId, {
        label,
        role: 'member',
        voting: true,
        howFilled: 'appointed',
        capacity: 1,
      });
    const addPerson = (name: string, youngPerson: boolean) =>
      test.services.membership.addPerson(caller, {
        name,
        jobTitle: null,
        email: null,
        phone: null,
        youngPerson,
        notes: null,
      });
    const [council, health, youth] = [
      await addSeat('Council'),
      await addSeat('Health'),
      await addSeat('Youth'),
    ];
    await test.services.membership.appoint(caller, {
      seatId: council,
      personId: await addPerson('Ann Year', false),
      startsOn: '2008',
    });
    await test.services.membership.appoint(caller, {
      seatId: health,
      personId: await addPerson('Bob Month', false),
      startsOn: '2010-04',
      endsOn: '2011',
    });
    const youthMember = await test.services.membership.appoint(caller, {
      seatId: youth,
      personId: await addPerson('Yasmin Cole', true),
      startsOn: '2009-09',
    });
    await test.services.appointments.addSubstitute(caller, youthMember, {
      personId: await addPerson('Zak Ahmed', true),
    });
    // the list writes "2008" and "2010-04" (its month form), not 1 January 2008 or 1 April 2010;
    // both young people are "A young person", the substitute standing in for the young member
    const exported = await agent.get(`${base}?at=2010-06-01&format=csv`);
    const lines = exported.text.trim().split(/\r?\n/);
    assert.ok(
      lines.some((line) => /^Council,.*,Ann Year,.*,2008,,,,$/.test(line)),
      exported.text,
    );
    assert.ok(
      lines.some((line) => /^Health,.*,Bob Month,.*,2010-04,2011,,,$/.test(line)),
      exported.text,
    );
    assert.ok(
      lines.some((line) => /^Youth,.*,A young person,.*,yes,2009-09,,,,$/.test(line)),
      exported.text,
    );
    assert.ok(
      lines.some((line) => /^Youth,.*,A young person,.*,yes,,,A young person,,$/.test(line)),
      exported.text,
    );
    const nothing = async (file: string) => {
      const preview = await uploadList(agent, `${base}/import`, Buffer.from(file), 'list.csv', {
        on: '2010-06-01',
      });
      assert.equal(preview.status, 200, textsOf(preview.text, '.govuk-error-summary a').join('; '));
      return $(preview.text)('#summary').text();
    };
    assert.match(await nothing(exported.text), /Nothing would change/);
    // the month written as people write it reads the same: "April 2010", "Apr 2010", "4/2010"
    for (const month of ['April 2010', 'Apr 2010', '4/2010'])
      assert.match(
        await nothing(exported.text.replace(',2010-04,', `,${month},`)),
        /Nothing would change/,
        month,
      );
    const { rows, problems } = await readMembershipFile(
      'list.csv',
      csv([
        lines[0]!,
        lines.find((line) => line.startsWith('Health,'))!.replace(',2010-04,2011,', ',April 2010,2011,'),
      ]),
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(
      [rows[0]!.from, rows[0]!.fromAs, rows[0]!.until, rows[0]!.untilAs],
      ['2010-04-01', '2010-04', '2011-12-31', '2011'],
    );
    const bad = await readMembershipFile(
      'list.csv',
      csv([lines[0]!, 'Health,,,,,,Bob Month,,,no,Spring 2010,,']),
    );
    assert.match(
      bad.problems[0]!.message,
      /From must be a date like 2009-04-01 or 1\/4\/2009, a month like 2009-04 or April 2009, or a year like 2009/,
    );
    // a member joining from "April 2010" on an imported list keeps the month
    const joining = 'Police,member,Police,yes,1,,Cath April,,,no,April 2010,,,,';
    const preview = await uploadList(
      agent,
      `${base}/import`,
      Buffer.from(`${exported.text.trim()}\r\n${joining}`),
      'list.csv',
      {
        on: '2010-06-01',
      },
    );
    assert.equal(preview.status, 200, textsOf(preview.text, '.govuk-error-summary a').join('; '));
    assert.match(pageText(preview.text), /Cath April.*from April 2010/s);
    const done = await agent
      .post(`${base}/import/confirm`)
      .type('form')
      .send({ _csrf: csrfTokenIn(preview.text) });
    assert.equal(done.status, 303);
    const cath = (await test.services.membership.memberships(caller, { bodyId: boardId })).find(
      (m) => m.personName === 'Cath April',
    )!;
    assert.deepEqual(
      [cath.startsOn, cath.startsPrecision, cath.startsAs],
      ['2010-04-01', 'month', '2010-04'],
    );
    // two young standing substitutes: "A young person" could be either, so the list must name them
    await test.services.appointments.addSubstitute(caller, youthMember, {
      personId: await addPerson('Tia Young', true),
    });
    const two = await agent.get(`${base}?at=2010-06-01&format=csv`);
    const before = await auditCount(test);
    const refused = await uploadList(agent, `${base}/import`, Buffer.from(two.text), 'list.csv', {
      on: '2010-06-01',
    });
    assert.equal(refused.status, 400);
    assert.match(
      textsOf(refused.text, '.govuk-error-summary a').join('; '),
      /Enter the young person’s name: 2 young people are standing substitute for “A young person” on 2010-06-01/,
    );
    // named, they are matched: the editor's list gives the names
    const named = two.text
      .trim()
      .split(/\r?\n/)
      .map((line, index) =>
        /^Youth,.*,A young person,.*,A young person,,$/.test(line)
          ? line.replace(',A young person,', index % 2 ? ',Zak Ahmed,' : ',Tia Young,')
          : line,
      )
      .join('\n');
    assert.match(await nothing(named), /Nothing would change/);
    assert.equal(await auditCount(test), before);
    // "A young person" entered as a person's name is refused: it tells nobody apart
    const typed = await agent.get('/partnerships/partial-list/people/new');
    const person = await agent
      .post('/partnerships/partial-list/people/new')
      .type('form')
      .send({
        _csrf: csrfTokenIn(typed.text),
        _form: /name="_form" value="([^"]+)"/.exec(typed.text)?.[1] ?? '',
        name: 'A young person',
        youngPerson: 'yes',
      });
    assert.equal(person.status, 400);
    assert.match(pageText(person.text), /Enter the young person’s own name/);
    assert.equal(await auditCount(test), before);
  });

  describe('next year’s list', () => {
    let caller: Caller;
    let partnershipId: string;
    let boardId: string;
    let agent: Agent;
    const base = '/partnerships/next-year/bodies/board/seats';
    // this year's list, as imported on 1 April 2009
    const thisYear = [
      'seat,seat role,statutory category,voting,places,organisation,holder,job title,email,young person,from,until,substitute for',
      'Chair,chair,Local authority,yes,1,Northtown Council,Ann Lee,Leader of the Council,,no,2009-04-01,,',
      'Director of Children’s Services,member,Local authority,yes,1,Northtown Council,Bob Crane,Director of Children’s Services,,no,2009-04-01,,',
      'Head teachers,member,School,yes,2,,Carol Dunn,Head teacher,,no,2009-04-01,,',
      'Head teachers,member,School,yes,2,,Dev Patel,Head teacher,,no,2009-04-01,,',
      'Head teachers,member,School,yes,2,,Eve Ross,Deputy head,,no,,,Carol Dunn',
      'Police,member,Police,yes,1,Northshire Police,Frank Hill,Chief Superintendent,,no,2009-04-01,,',
    ];

    before(async () => {
      partnershipId = (await makePartnership(test.services, 'next-year')).id;
      caller = systemCaller('test', partnershipId);
      boardId = (
        await test.services.bodies.create(caller, {
          slug: 'board',
          name: 'Northtown Children’s Trust Board',
          kind: 'board',
          takesDecisions: true,
          status: 'established',
          statusOn: '2009-01-01',
        })
      ).id;
      for (const [name, sector, category] of [
        ['Northtown Council', 'local-authority', 'local-authority'],
        ['Northshire Police', 'police', 'police'],
      ] as const)
        await test.services.membership.addOrganisation(caller, { name, sector, category, notes: null });
      agent = (await signedInAs(test, partnershipId, 'editor')).agent;
      const preview = await uploadList(agent, `${base}/import`, csv(thisYear), 'this-year.csv', {
        on: '2009-04-01',
      });
      assert.equal(preview.status, 200, textsOf(preview.text, '.govuk-error-summary a').join('; '));
      const done = await agent
        .post(`${base}/import/confirm`)
        .type('form')
        .send({ _csrf: csrfTokenIn(preview.text) });
      assert.equal(done.status, 303);
    });

    it('takes seat role, category, voting, places and substitutes from the list, and places from the list alone', async () => {
      const seats = await test.services.membership.seats(caller, boardId, '2009-06-01');
      assert.deepEqual(
        seats.map((seat) => [
          seat.label,
          seat.role,
          seat.category,
          seat.voting,
          seat.capacity,
          seat.holders.map((h) => h.personName),
        ]),
        [
          ['Chair', 'chair', 'local-authority', true, 1, ['Ann Lee']],
          ['Director of Children’s Services', 'member', 'local-authority', true, 1, ['Bob Crane']],
          ['Head teachers', 'member', 'school', true, 2, ['Carol Dunn', 'Dev Patel']],
          ['Police', 'member', 'police', true, 1, ['Frank Hill']],
        ],
      );
      const carol = seats[2]!.holders.find((h) => h.personName === 'Carol Dunn')!;
      assert.deepEqual(
        carol.substitutes.map((s) => s.name),
        ['Eve Ross'],
      );
    });

    it('refuses a list with one bad row and writes nothing', async () => {
      const before = await auditCount(test);
      const response = await uploadList(
        agent,
        `${base}/import`,
        csv([
          'seat,holder,job title,from',
          'Chair,Ann Lee,Leader,',
          'Police,Grace Wu,Chief Superintendent,',
          'Police,Harry Ng,Inspector,',
        ]),
        'bad.csv',
        { on: '2010-04-01', leaveOn: '2010-03-31' },
      );
      assert.equal(response.status, 400);
      assert.deepEqual(textsOf(response.text, '.govuk-error-summary a'), [
        'Row 4: “Police” is already held by Grace Wu then: end that membership first',
      ]);
      assert.equal($(response.text)('.govuk-error-summary a').attr('href'), '#row-4');
      assert.equal($(response.text)('#row-4').length, 1, 'the row the error links to is shown');
      assert.equal(await auditCount(test), before, 'the preview wrote nothing');
      const confirm = await agent
        .post(`${base}/import/confirm`)
        .type('form')
        .send({ _csrf: csrfTokenIn(response.text) });
      assert.equal(confirm.status, 400, 'nothing to confirm');
      assert.equal(await auditCount(test), before);
      const people = await test.services.membership.people(caller);
      assert.ok(!people.some((p) => p.name === 'Grace Wu'));
      assert.equal(people.find((p) => p.name === 'Ann Lee')!.jobTitle, 'Leader of the Council');
    });

    it('shows who joins, leaves, changes seat, role or title and who stays, then applies exactly that', async () => {
      const nextYear = [
        'seat,seat role,statutory category,voting,places,organisation,holder,job title,email,young person,from,until,substitute for',
        // the chair stays, with a new title; the seat becomes "member" and the vice-chair a new seat
        'Chair,chair,Local authority,yes,1,Northtown Council,Ann Lee,Leader of Northtown Council,,no,,,',
        // Bob Crane leaves (not on the list); Carol Dunn moves into his seat
        'Director of Children’s Services,member,Local authority,yes,1,Northtown Council,Carol Dunn,Director of Children’s Services,,no,,,',
        'Head teachers,member,School,yes,2,,Dev Patel,Head teacher,,no,,,',
        'Head teachers,member,School,yes,2,,Ian Ford,Head teacher,,no,,,',
        // the police seat becomes "in attendance", not voting
        'Police,in attendance,Police,no,1,Northshire Police,Frank Hill,Chief Superintendent,,no,,,',
        'Vice-chair,vice-chair,Voluntary and community sector,yes,1,Northtown CVS,Jo King,Chief Officer,,no,,,',
      ];
      const preview = await uploadList(agent, `${base}/import`, csv(nextYear), 'next-year.csv', {
        on: '2010-04-01',
        leaveOn: '2010-03-31',
      });
      assert.equal(preview.status, 200, textsOf(preview.text, '.govuk-error-summary a').join('; '));
      const page = $(preview.text);
      assert.match(
        page('#summary').text(),
        /6 members, 1 new seat, 2 new people; 2 joining, 1 changing seat, 1 leaving, 3 staying, 1 new organisation/,
      );
      const row = (line: number) => page(`#row-${line}`).text().replace(/\s+/g, ' ');
      assert.match(row(2), /Stays job title: Leader of the Council to Leader of Northtown Council/);
      assert.match(
        row(3),
        /Changes seat from “Head teachers” job title: Head teacher to Director of Children’s Services/,
      );
      assert.match(row(4), /Dev Patel Stays/);
      assert.match(row(5), /Ian Ford New person Joins/);
      assert.match(row(6), /Frank Hill Stays/);
      assert.match(row(7), /Jo King New person Joins Northtown CVS New organisation/);
      assert.deepEqual(textsOf(preview.text, '#leavers li'), [
        'Bob Crane, “Director of Children’s Services”',
      ]);
      assert.deepEqual(textsOf(preview.text, '#seat-changes li'), [
        '“Police”: role: Member to In attendance; voting: yes to no',
        '“Vice-chair”: a new seat',
      ]);
      assert.match(page('#new-organisation-0 legend').text(), /New organisation: Northtown CVS \(row 7\)/);
      // the preview changed nothing
      assert.equal((await test.services.membership.seats(caller, boardId, '2010-04-01')).length, 4);
      // a new organisation needs its sector
      const unchosen = await agent
        .post(`${base}/import/confirm`)
        .type('form')
        .send({ _csrf: csrfTokenIn(preview.text) });
      assert.equal(unchosen.status, 400);
      assert.deepEqual(textsOf(unchosen.text, '.govuk-error-summary a'), [
        'Select the sector of Northtown CVS',
      ]);
      const before = await auditCount(test);
      const done = await agent
        .post(`${base}/import/confirm`)
        .type('form')
        .send({
          _csrf: csrfTokenIn(unchosen.text),
          'org-0-sector': 'voluntary-community',
          'org-0-category': 'voluntary-community',
        });
      assert.equal(done.status, 303);
      assert.ok((await auditCount(test)) > before, 'every change in the audit trail');

      const then = await test.services.membership.seats(caller, boardId, '2010-04-01');
      assert.deepEqual(
        then.map((seat) => [
          seat.label,
          seat.role,
          seat.voting,
          seat.holders.map((h) => `${h.personName} ${h.startsOn ?? ''}`),
        ]),
        [
          ['Chair', 'chair', true, ['Ann Lee 2009-04-01']],
          ['Director of Children’s Services', 'member', true, ['Carol Dunn 2010-04-01']],
          ['Head teachers', 'member', true, ['Dev Patel 2009-04-01', 'Ian Ford 2010-04-01']],
          ['Police', 'in-attendance', false, ['Frank Hill 2009-04-01']],
          ['Vice-chair', 'vice-chair', true, ['Jo King 2010-04-01']],
        ],
      );
      const history = await test.services.membership.memberships(caller, { bodyId: boardId });
      const ended = (name: string) =>
        history.filter((m) => m.personName === name && m.endsOn).map((m) => [m.seatLabel, m.endsOn]);
      assert.deepEqual(ended('Bob Crane'), [['Director of Children’s Services', '2010-03-31']]);
      assert.deepEqual(ended('Carol Dunn'), [['Head teachers', '2010-03-31']]);
      const people = await test.services.membership.people(caller);
      assert.equal(people.find((p) => p.name === 'Ann Lee')!.jobTitle, 'Leader of Northtown Council');
      const cvs = (await test.services.membership.organisations(caller)).find(
        (o) => o.name === 'Northtown CVS',
      )!;
      assert.deepEqual([cvs.sector, cvs.category], ['voluntary-community', 'voluntary-community']);
      // the same list again: nothing left to change
      const again = await uploadList(agent, `${base}/import`, csv(nextYear), 'next-year.csv', {
        on: '2010-04-01',
        leaveOn: '2010-03-31',
      });
      assert.match($(again.text)('#summary').text(), /Nothing would change/);
      // and the year before is as it was
      const lastYear = await test.services.membership.seats(caller, boardId, '2009-06-01');
      assert.deepEqual(
        lastYear
          .find((seat) => seat.label === 'Director of Children’s Services')!
          .holders.map((h) => h.personName),
        ['Bob Crane'],
      );
    });

    it('refuses in the preview exactly what the import refuses, with the reason the import gives', async () => {
      const files: string[][] = [
        // before the body was established (1 January 2009): not "dissolved or replaced"
        ['seat,holder,from', 'Chair,Early Bird,2008-06-01'],
        ['seat,holder,from', 'New seat,Someone,2008-06-01'],
        ['seat,holder,from,until', 'Police,Ken Lo,2011-01-01,', 'Police,Len Ma,2011-02-01,'],
        ['seat,holder,from,seat from', '9,Nobody,,'],
        ['seat,holder,substitute for', 'Police,Mo Sub,Nobody Listed'],
      ];
      for (const lines of files) {
        const read = await readMembershipFile('list.csv', csv(lines));
        const options = { on: '2011-06-01', leaveOn: null };
        const preview = await test.services.membership.previewImport(caller, boardId, read.rows, options);
        const shown = preview.problems.map((p) => `Row ${p.line}: ${p.message}`);
        assert.ok(shown.length, `${lines.join(' / ')}: refused`);
        const refused = await test.services.membership
          .importMembers(caller, boardId, read.rows, 'list.csv', options)
          .then(
            () => [],
            (error: unknown) => {
              assert.ok(error instanceof RuleViolation);
              return error.problems.map((p) => p.message);
            },
          );
        assert.deepEqual(refused, shown, lines.join(' / '));
      }
      const early = await uploadList(agent, `${base}/import`, csv(files[0]!), 'early.csv', {
        on: '2008-06-01',
      });
      assert.deepEqual(textsOf(early.text, '.govuk-error-summary a'), [
        'Row 2: Northtown Children’s Trust Board does not exist on 2008-06-01 (it exists from 2009-01-01): its seats cannot change then',
      ]);
      assert.ok(
        !(await test.services.membership.people(caller)).some((p) =>
          ['Early Bird', 'Ken Lo', 'Len Ma'].includes(p.name),
        ),
        'nothing written',
      );
    });

    it('matches a person by another name kept on their page, and says so', async () => {
      const ann = (await test.services.membership.people(caller)).find((p) => p.name === 'Ann Lee')!;
      const edit = await agent.get(`/partnerships/next-year/people/${ann.id}/edit`);
      const form = $(edit.text);
      const saved = await agent
        .post(`/partnerships/next-year/people/${ann.id}/edit`)
        .type('form')
        .send({
          _csrf: csrfTokenIn(edit.text),
          version: form('input[name=version]').val(),
          name: 'Ann Lee',
          jobTitle: 'Leader of Northtown Council',
          youngPerson: 'no',
          otherNames: 'Annie Lee\nA. Lee\n  Annie   Lee ',
        });
      assert.equal(saved.status, 303);
      const shown = await agent.get(`/partnerships/next-year/people/${ann.id}`);
      assert.match(pageText(shown.text), /Other names\s*Annie Lee, A\. Lee/);
      const response = await uploadList(
        agent,
        `${base}/import`,
        csv(['seat,holder,from,until', 'Adviser,A. Lee,2012-01-01,2012-12-31']),
        'alias.csv',
        { on: '2012-06-01' },
      );
      assert.equal(response.status, 200, textsOf(response.text, '.govuk-error-summary a').join('; '));
      assert.match(
        $(response.text)('#row-2').text().replace(/\s+/g, ' '),
        /Ann Lee matched as “A\. Lee”, another name of Ann Lee/,
      );
      assert.match($(response.text)('#summary').text(), /0 new people/);
      const done = await agent
        .post(`${base}/import/confirm`)
        .type('form')
        .send({ _csrf: csrfTokenIn(response.text) });
      assert.equal(done.status, 303);
      const held = await test.services.membership.memberships(caller, { personId: ann.id });
      assert.ok(held.some((m) => m.seatLabel === 'Adviser' && m.startsOn === '2012-01-01'));
      assert.ok(!(await test.services.membership.people(caller)).some((p) => p.name === 'A. Lee'));
    });

    it('gives a new seat as many places as the list has holders at once, not its rows over time', async () => {
      const response = await uploadList(
        agent,
        `${base}/import`,
        csv([
          'seat,holder,from,until',
          'Parent governors,Pat One,2009-04-01,2009-12-31',
          'Parent governors,Pat Two,2009-04-01,',
          'Parent governors,Pat Three,2010-01-01,',
        ]),
        'parents.csv',
        { on: '2010-06-01' },
      );
      assert.equal(response.status, 200, textsOf(response.text, '.govuk-error-summary a').join('; '));
      const done = await agent
        .post(`${base}/import/confirm`)
        .type('form')
        .send({ _csrf: csrfTokenIn(response.text) });
      assert.equal(done.status, 303);
      const seat = (await test.services.membership.seats(caller, boardId, '2010-06-01')).find(
        (candidate) => candidate.label === 'Parent governors',
      )!;
      assert.equal(seat.capacity, 2);
      assert.deepEqual(
        seat.holders.map((h) => h.personName),
        ['Pat Two', 'Pat Three'],
      );
    });

    it('exports the list as Excel, which imports back unchanged', async () => {
      const file = await agent.get(`${base}?at=2010-04-01&format=xlsx`).buffer(true).parse(binary);
      assert.equal(file.status, 200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file.body as ArrayBuffer);
      assert.deepEqual((workbook.worksheets[0]!.getRow(1).values as string[]).slice(1, 4), [
        'seat',
        'seat role',
        'statutory category',
      ]);
      const preview = await uploadList(agent, `${base}/import`, file.body as Buffer, 'list.xlsx', {
        on: '2010-04-01',
      });
      assert.equal(preview.status, 200, textsOf(preview.text, '.govuk-error-summary a').join('; '));
      assert.match($(preview.text)('#summary').text(), /Nothing would change/);
    });
  });

  it('enters a council’s published list: the Cheshire East Children’s Trust as its scrutiny committee was told it', async () => {
    // Source: Cheshire East Council, Children and Families Scrutiny Committee, 18 January 2010,
    // item 68 "Children's Trust" (moderngov.cheshireeast.gov.uk, ieIssueDetails IId=9753): "The
    // Trust comprised the Director of Children's Services; the Lead Member with Cabinet
    // responsibility and one representative from" the primary and secondary head teachers'
    // associations, the voluntary, community and faith sector hub, Cheshire Police, the Police
    // Authority, Central and Eastern Cheshire Primary Care Trust, and the Director of Public
    // Health. The minutes name no one: every seat is entered vacant, one place each.
    const partnershipId = (await makePartnership(test.services, 'cheshire-east')).id;
    const caller = systemCaller('test', partnershipId);
    await test.services.bodies.create(caller, {
      slug: 'trust',
      name: 'Cheshire East Children’s Trust',
      kind: 'board',
      takesDecisions: true,
      status: 'established',
      statusOn: '2009-04',
    });
    await test.services.membership.addOrganisation(caller, {
      name: 'Cheshire East Council',
      sector: 'local-authority',
      category: 'local-authority',
      notes: null,
    });
    const { agent } = await signedInAs(test, partnershipId, 'editor');
    const base = '/partnerships/cheshire-east/bodies/trust/seats';
    const list = csv([
      'seat,seat role,statutory category,voting,places,organisation,holder',
      'Director of Children’s Services,member,local-authority,yes,1,Cheshire East Council,',
      'Lead Member with Cabinet responsibility,member,local-authority,yes,1,Cheshire East Council,',
      'Association of Primary Head Teachers,member,school,yes,1,Association of Primary Head Teachers,',
      'Association of Secondary Head Teachers,member,school,yes,1,Association of Secondary Head Teachers,',
      'Voluntary Community and Faith Sector Hub,member,voluntary-community,yes,1,"Children and Young People’s Voluntary, Community and Faith Sector Hub",',
      'Cheshire Police,member,police,yes,1,Cheshire Police,',
      'Police Authority,member,police,yes,1,Cheshire Police Authority,',
      'Primary Care Trust,member,primary-care-trust,yes,1,Central and Eastern Cheshire Primary Care Trust,',
      'Director of Public Health,member,public-health,yes,1,Central and Eastern Cheshire Primary Care Trust,',
    ]);
    const preview = await uploadList(agent, `${base}/import`, list, 'cheshire-east-2010.csv', {
      on: '2010-01-18',
    });
    assert.equal(preview.status, 200, textsOf(preview.text, '.govuk-error-summary a').join('; '));
    assert.match($(preview.text)('#summary').text(), /0 members, 9 new seats, 0 new people/);
    const legends = textsOf(preview.text, 'fieldset legend');
    assert.equal(legends.length, 6, legends.join('; '));
    const choices: Record<string, string> = { _csrf: csrfTokenIn(preview.text) };
    const sectorOf: Record<string, [string, string]> = {
      'Association of Primary Head Teachers': ['school', 'school'],
      'Association of Secondary Head Teachers': ['school', 'school'],
      'Children and Young People’s Voluntary, Community and Faith Sector Hub': [
        'voluntary-community',
        'voluntary-community',
      ],
      'Cheshire Police': ['police', 'police'],
      'Cheshire Police Authority': ['police', 'police'],
      'Central and Eastern Cheshire Primary Care Trust': ['health', 'primary-care-trust'],
    };
    legends.forEach((legend, index) => {
      const name = /New organisation: (.*) \(row \d+\)/.exec(legend)![1]!;
      [choices[`org-${index}-sector`], choices[`org-${index}-category`]] = sectorOf[name]!;
    });
    const done = await agent.post(`${base}/import/confirm`).type('form').send(choices);
    assert.equal(done.status, 303);
    const body = (await test.services.bodies.list(caller)).find((b) => b.slug === 'trust')!;
    const seats = await test.services.membership.seats(caller, body.id, '2010-01-18');
    assert.equal(seats.length, 9);
    assert.ok(seats.every((seat) => seat.capacity === 1 && seat.holders.length === 0));
    assert.deepEqual(
      seats.filter((seat) => seat.category === 'primary-care-trust').map((seat) => seat.organisationName),
      ['Central and Eastern Cheshire Primary Care Trust'],
    );
    const organisations = await test.services.membership.organisations(caller);
    assert.equal(organisations.length, 7);
    assert.equal(organisations.find((o) => o.name === 'Cheshire Police Authority')!.sector, 'police');
  });
});
