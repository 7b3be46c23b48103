// Input that cannot poison (issue 20, item 4; ADR 0044), on either engine. What the issue found:
// a membership CSV with a NUL in a name answered its preview with 200, then every request with
// that cookie answered 500 for up to eight hours; a NUL in any text field, in a survey response
// (which needs no account) or in an uploaded file's name answered 500. Now each is a clear 400
// with nothing written, and a session that cannot be read is replaced by a fresh one.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { systemCaller, type Caller } from '../src/platform/http/auth.ts';
import {
  $,
  auditCount,
  csrfTokenIn,
  makePartnership,
  pageText,
  signedInAs,
  startTestApp,
  submit,
  type Agent,
  type TestApp,
} from './support/test-app.ts';

const year = new Date().getUTCFullYear() + 1;

describe('input that cannot poison a session, a form or the database', () => {
  let test: TestApp;
  let caller: Caller;
  let editor: Agent;
  const base = '/partnerships/notts';
  let meetingId: string;

  const sessions = async () =>
    Number(
      (await sql<{ n: string }>`select count(*) as n from user_sessions`.execute(test.db.owner)).rows[0]!.n,
    );

  before(async () => {
    test = await startTestApp();
    const partnership = await makePartnership(test.services, 'notts', 'E10000024');
    caller = systemCaller('test', partnership.id);
    editor = (await signedInAs(test, partnership.id, 'editor')).agent;
    const board = await test.services.bodies.create(caller, {
      slug: 'board',
      name: 'Children’s Trust Board',
      kind: 'board',
      takesDecisions: true,
      status: 'established',
      statusOn: '2005',
    });
    await test.services.membership.addSeat(caller, board.id, {
      label: 'Director of Children’s Services',
      role: 'member',
      voting: true,
      howFilled: 'nominated',
      category: null,
      capacity: 1,
    });
    meetingId = await test.services.meetings.create(caller, {
      title: 'Children’s Trust Board',
      kind: 'board-meeting',
      bodyIds: [board.id],
      date: '2009-01-21',
      startTime: '10:00',
      state: 'held',
    });
  });
  after(() => test.close());

  it('refuses a NUL or another control character in a text field with a 400, writing nothing', async () => {
    const audit = await auditCount(test);
    const meetings = (await test.services.meetings.list(caller)).length;
    const fields = {
      kind: 'board-meeting',
      bodyIds: (await test.services.meetings.bodies(caller)).map((body) => body.id),
      'date-day': '4',
      'date-month': '3',
      'date-year': '2009',
      startTime: '14:00',
      state: 'scheduled',
    };
    for (const title of ['Board\u0000meeting', 'Board\u0007meeting', 'Board\u001bmeeting']) {
      const refused = await submit(editor, `${base}/meetings/new`, { ...fields, title });
      assert.equal(refused.status, 400, JSON.stringify(title));
      assert.match(pageText(refused.text), /title\) contain a character that cannot be saved/);
    }
    // in the notes of a change, and in a search
    const edit = await submit(editor, `${base}/meetings/${meetingId}/edit`, {
      ...fields,
      title: 'Board',
      notes: 'a\u0000b',
    });
    assert.equal(edit.status, 400);
    assert.equal((await editor.get(`${base}/meetings/search?q=%00`)).status, 400);
    // tab, line feed and carriage return are text
    const kept = await submit(editor, `${base}/meetings/new`, {
      ...fields,
      title: 'Board',
      notes: 'One\tTwo\r\nThree',
    });
    assert.equal(kept.status, 303);
    assert.equal((await test.services.meetings.list(caller)).length, meetings + 1);
    assert.equal(await auditCount(test), audit + 1, 'only the good meeting was written');
    // the API answers problem+json, naming the field
    const token = (
      await test.services.tokens.create(
        systemCaller('test'),
        (await signedInAs(test, null, 'platform-admin')).user.id,
        't',
      )
    ).token;
    const api = await test
      .request()
      .get('/api/v1/partnerships?q=%00')
      .set('Authorization', `Bearer ${token}`);
    assert.equal(api.status, 400);
    assert.match(api.headers['content-type']!, /application\/problem\+json/);
    assert.deepEqual(
      (api.body as { errors: { path: string }[] }).errors.map((e) => e.path),
      ['q'],
    );
    // the session is as good as before
    assert.equal((await editor.get(base)).status, 200);
  });

  it('refuses a NUL in a survey response sent through a link, which needs no account', async () => {
    const owner = editor;
    const page = `${base}/surveys/arrangements`;
    const steps: [string, Record<string, string>][] = [
      [
        `${base}/surveys/new`,
        {
          title: 'Arrangements',
          slug: 'arrangements',
          'closesOn-day': '30',
          'closesOn-month': '6',
          'closesOn-year': String(year),
        },
      ],
      [`${page}/questions/new`, { text: 'Is your Children’s Trust Board continuing?', kind: 'text' }],
      [`${page}/invite`, { group: 'Others', authorities: 'E08000001' }],
    ];
    for (const [path, fields] of steps) assert.equal((await submit(owner, path, fields)).status, 303, path);
    assert.equal((await submit(owner, `${page}/status`, { status: 'open' }, page)).status, 303);
    const survey = (await test.services.surveys.get(caller, 'arrangements'))!;
    const made = await submit(owner, `${page}/links`, {
      respondentId: survey.respondents[0]!.id,
      name: 'Pat Contact',
      email: 'pat@example.org',
    });
    assert.equal(made.status, 200);
    const link = new URL($(made.text)('#made-link code').text().trim()).pathname;
    const anonymous = test.agent();
    const form = await anonymous.get(link);
    const csrf = csrfTokenIn(form.text);
    const answers = async () =>
      Number(
        (await sql<{ n: string }>`select count(*) as n from survey_answers`.execute(test.db.owner)).rows[0]!
          .n,
      );
    const before = await answers();
    const refused = await anonymous
      .post(link)
      .type('form')
      .send({ _csrf: csrf, action: 'save', [`answer-${survey.questions[0]!.id}`]: 'Continuing\u0000' });
    assert.equal(refused.status, 400);
    assert.match(pageText(refused.text), /cannot be saved/);
    assert.equal(await answers(), before, 'nothing written');
    const saved = await anonymous
      .post(link)
      .type('form')
      .send({ _csrf: csrf, action: 'save', [`answer-${survey.questions[0]!.id}`]: 'Continuing' });
    assert.equal(saved.status, 303, 'the link still works');
  });

  it('refuses a CSV import with a NUL in a cell, and a file whose name has one, and the session stays good', async () => {
    const path = `${base}/bodies/board/seats/import`;
    const csrf = csrfTokenIn((await editor.get(path)).text);
    const send = (content: string, name: string) =>
      editor.post(path).field('_csrf', csrf).attach('file', Buffer.from(content, 'utf8'), name);
    const before = await auditCount(test);
    const poisoned = await send(
      'seat,name\nDirector of Children’s Services,Zo\u0000e Smith\n',
      'members.csv',
    );
    assert.equal(poisoned.status, 400);
    assert.match(
      pageText(poisoned.text),
      /Line 2 of the file contains a character that cannot be saved \(NUL, U\+0000\)/,
    );
    const named = await send('seat,name\nDirector of Children’s Services,Zoe Smith\n', 'members\u0000.csv');
    assert.equal(named.status, 400);
    assert.match(pageText(named.text), /file’s name may contain a character that cannot be saved/);
    // the session holds nothing of either file: every page still answers
    for (const next of [base, '/sign-in', `${base}/bodies/board/seats`])
      assert.ok([200, 303].includes((await editor.get(next)).status), next);
    const stored = await sql<{ sess: string }>`select sess::text as sess from user_sessions`.execute(
      test.db.owner,
    );
    assert.ok(stored.rows.every((row) => !row.sess.includes('\\u0000') && !row.sess.includes('Zo')));
    // a paper's file name on the agenda form too
    const agendaPath = `${base}/meetings/${meetingId}/agenda/new`;
    const paper = await editor
      .post(agendaPath)
      .field('_csrf', csrfTokenIn((await editor.get(agendaPath)).text))
      .field('number', '1')
      .field('title', 'Minutes')
      .field('purpose', 'decision')
      .attach('paper', Buffer.from('%PDF-1.4\n'), 'minutes\u0000.pdf');
    assert.equal(paper.status, 400);
    assert.match(pageText(paper.text), /file’s name may contain a character that cannot be saved/);
    assert.equal(await auditCount(test), before, 'nothing written');
  });

  it('answers a session that cannot be read with a fresh one, never a 500, and removes it', async () => {
    const { agent } = await signedInAs(test, null, 'platform-admin');
    assert.equal((await agent.get('/')).status, 200);
    const count = await sessions();
    // a stored session with a NUL in its json, as the import preview left one
    await sql`update user_sessions set sess = '{"cookie":{"originalMaxAge":28800000,"expires":"2099-01-01T00:00:00.000Z","httpOnly":true,"path":"/","sameSite":"lax"},"userId":"x","flash":"a\\u0000b"}'::json
              where sess::text like '%userId%' and sid = (select sid from user_sessions order by expire desc limit 1)`.execute(
      test.db.owner,
    );
    const answers: number[] = [];
    for (const path of ['/', '/sign-in', '/account/tokens', '/authorities'])
      answers.push((await agent.get(path)).status);
    console.log(`a poisoned session's requests answered: ${answers.join(', ')}`);
    assert.ok(
      answers.every((status) => status < 500),
      answers.join(', '),
    );
    assert.equal(answers[2], 303, 'signed out: a page for users goes to the sign-in page');
    assert.ok((await sessions()) < count, 'the bad session row is gone');
    // and the cookie's holder can sign in again (sign-out too)
    const signOut = await agent
      .post('/sign-out')
      .type('form')
      .send({ _csrf: csrfTokenIn((await agent.get('/sign-in')).text) });
    assert.ok(signOut.status < 500);
  });
});
