// A survey made, answered and read in the product: the owner's forms, answers from an invited
// partnership and through a response link, codes, findings, publishing, suppression, and what
// each partnership may see (row-level security, ADR 0009).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { sql } from 'kysely';
import { systemCaller } from '../../platform/http/auth.ts';
import {
  $,
  binary,
  csrfTokenIn,
  makePartnership,
  signedInAs,
  startTestApp,
  submit,
  textsOf,
  type Agent,
  type TestApp,
  pageText,
} from '../../../test/support/test-app.ts';

const year = new Date().getUTCFullYear() + 1;
const slug = 'childrens-trust-arrangements';
const page = `/partnerships/owner/surveys/${slug}`;

describe('surveys made and answered across partnerships', () => {
  let test: TestApp;
  let owner: Agent;
  let bolton: Agent;
  let boltonViewer: Agent;
  let bystander: Agent;
  let ids: { owner: string; bolton: string; bystander: string; survey: string };
  let boltonToken: string;
  let bystanderToken: string;
  let linkPath = '';
  const q = { q1: '', q2: '', q3: '', q4: '' };

  const countAnswers = () =>
    test.db.owner
      .selectFrom('survey_answers')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow()
      .then((row) => Number(row.n));
  const answerFor = (label: string, questionKey: string) =>
    test.db.owner
      .selectFrom('survey_answers as x')
      .innerJoin('survey_respondents as r', 'r.id', 'x.respondent_id')
      .innerJoin('survey_questions as q', 'q.id', 'x.question_id')
      .select([
        'x.id',
        'x.text',
        'x.no_response as noResponse',
        'x.code',
        'x.as_at as asAt',
        'x.refers_to_question_id as refersTo',
      ])
      .where('r.label', '=', label)
      .where('q.key', '=', questionKey)
      .executeTakeFirst();

  before(async () => {
    test = await startTestApp();
    const kent = await makePartnership(test.services, 'owner', 'E10000016');
    const boltonP = await makePartnership(test.services, 'bolton', 'E08000001');
    const dudley = await makePartnership(test.services, 'bystander', 'E08000027');
    ids = { owner: kent.id, bolton: boltonP.id, bystander: dudley.id, survey: '' };
    owner = (await signedInAs(test, kent.id, 'editor')).agent;
    const boltonUser = await signedInAs(test, boltonP.id, 'editor');
    bolton = boltonUser.agent;
    boltonViewer = (await signedInAs(test, boltonP.id, 'viewer')).agent;
    const bystanderUser = await signedInAs(test, dudley.id, 'admin');
    bystander = bystanderUser.agent;
    boltonToken = (await test.services.tokens.create(systemCaller('test'), boltonUser.user.id, 't')).token;
    bystanderToken = (await test.services.tokens.create(systemCaller('test'), bystanderUser.user.id, 't'))
      .token;
  });
  after(() => test.close());

  it('creates a survey from the form, refusing a title left out or dates the wrong way round', async () => {
    const missing = await submit(owner, '/partnerships/owner/surveys/new', { title: '' });
    assert.equal(missing.status, 400);
    assert.match(pageText(missing.text), /Enter the survey’s title/);
    const backwards = await submit(owner, '/partnerships/owner/surveys/new', {
      title: 'Children’s Trust arrangements',
      'opensOn-day': '2',
      'opensOn-month': '6',
      'opensOn-year': String(year),
      'closesOn-day': '1',
      'closesOn-month': '6',
      'closesOn-year': String(year),
    });
    assert.equal(backwards.status, 400);
    assert.match(backwards.text, /closing date must be on or after the opening date/);
    const created = await submit(owner, '/partnerships/owner/surveys/new', {
      title: 'Children’s Trust arrangements',
      purpose: 'What has become of each Children’s Trust Board',
      'closesOn-day': '30',
      'closesOn-month': '6',
      'closesOn-year': String(year),
    });
    assert.equal(created.status, 303);
    assert.equal(created.headers.location, page);
    const shown = await owner.get(page);
    assert.deepEqual(textsOf(shown.text, '#status'), ['Draft']);
    const changed = await submit(owner, `${page}/edit`, {
      title: 'Children’s Trust arrangements',
      purpose: 'What has become of each board',
      'closesOn-day': '30',
      'closesOn-month': '6',
      'closesOn-year': String(year),
    });
    assert.equal(changed.status, 303);
    assert.match((await owner.get(page)).text, /What has become of each board/);
  });

  it('adds questions of each kind, and changes one', async () => {
    const add = (fields: Record<string, string>) => submit(owner, `${page}/questions/new`, fields);
    const oneChoice = await add({ text: 'Which?', kind: 'choice', choices: 'Only one' });
    assert.equal(oneChoice.status, 400);
    assert.match(oneChoice.text, /at least two choices/);
    const kinds: Record<string, string>[] = [
      { text: 'Is your Children’s Trust Board continuing?', kind: 'text', codes: 'Continuing\nUnder review' },
      { text: 'How many looked-after children sit on it?', kind: 'number', aboutChildren: 'yes' },
      { text: 'Who chairs it?', kind: 'choice', choices: 'Lead member\nIndependent chair' },
      { text: 'When did it last meet?', kind: 'date' },
    ];
    for (const fields of kinds) assert.equal((await add(fields)).status, 303);
    const survey = (await test.services.surveys.get(systemCaller('test', ids.owner), slug))!;
    ids.survey = survey.survey.id;
    for (const question of survey.questions) q[question.key as keyof typeof q] = question.id;
    assert.deepEqual(
      survey.questions.map((x) => [x.key, x.kind, x.aboutChildren]),
      [
        ['q1', 'text', false],
        ['q2', 'number', true],
        ['q3', 'choice', false],
        ['q4', 'date', false],
      ],
    );
    assert.deepEqual(survey.questions[0]!.codes, ['continuing', 'under-review']);
    const edited = await submit(owner, `${page}/questions/${q.q3}/edit`, {
      text: 'Who chairs the board?',
      kind: 'choice',
      choices: 'Lead member\nIndependent chair\nDirector',
    });
    assert.equal(edited.status, 303);
    assert.match((await owner.get(page)).text, /Who chairs the board\?/);
  });

  it('invites the statistical neighbours and named authorities; an unknown authority changes nothing', async () => {
    const neighbours = (await test.services.authorities.get('E10000016'))!.neighbours;
    assert.equal(neighbours.length, 10);
    assert.ok(!neighbours.some((n) => n.gssCode === 'E08000001'), 'Bolton is not one of Kent’s neighbours');
    const first = await submit(owner, `${page}/invite`, {
      group: 'Statistical neighbours',
      neighbours: 'yes',
    });
    assert.equal(first.status, 303);
    const unknown = await submit(owner, `${page}/invite`, {
      group: 'Others',
      authorities: 'Bolton\nNowhereshire',
    });
    assert.equal(unknown.status, 400);
    assert.match(pageText(unknown.text), /There is no current local authority called “Nowhereshire”/);
    let survey = (await test.services.surveys.get(systemCaller('test', ids.owner), slug))!;
    assert.deepEqual(
      survey.groups.map((g) => [g.name, g.respondents.length]),
      [['Statistical neighbours', 10]],
    );
    assert.equal(
      (await submit(owner, `${page}/invite`, { group: 'Others', authorities: 'e08000001' })).status,
      303,
    );
    survey = (await test.services.surveys.get(systemCaller('test', ids.owner), slug))!;
    assert.deepEqual(
      survey.groups.map((g) => [g.name, g.respondents.map((r) => r.position)]),
      [
        ['Statistical neighbours', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
        ['Others', [11]],
      ],
    );
    assert.equal(survey.groups[0]!.respondents[0]!.gssCode, neighbours[0]!.gssCode);
  });

  it('shows an invited partnership nothing of a draft, then the survey once it opens', async () => {
    assert.doesNotMatch(
      (await bolton.get('/partnerships/bolton/survey-invitations')).text,
      /Children’s Trust/,
    );
    assert.equal((await bolton.get(`/partnerships/bolton/survey-invitations/${ids.survey}`)).status, 404);
    const opened = await submit(owner, `${page}/status`, { status: 'open' }, page);
    assert.equal(opened.status, 303);
    const list = await bolton.get('/partnerships/bolton/survey-invitations');
    assert.match(pageText(list.text), /Children’s Trust arrangements/);
    assert.equal((await bolton.get(`/partnerships/bolton/survey-invitations/${ids.survey}`)).status, 200);
    assert.equal(
      (await bystander.get(`/partnerships/bystander/survey-invitations/${ids.survey}`)).status,
      404,
    );
    assert.doesNotMatch(
      (await bystander.get('/partnerships/bystander/survey-invitations')).text,
      /Children’s Trust/,
    );
  });

  it('takes the invited partnership’s answers, refusing bad ones whole', async () => {
    const form = `/partnerships/bolton/survey-invitations/${ids.survey}`;
    const before = await countAnswers();
    const bad = await submit(bolton, form, { [`answer-${q.q1}`]: 'Yes', [`answer-${q.q2}`]: 'three' });
    assert.equal(bad.status, 400);
    assert.match(bad.text, /Question 2: the answer must be a whole number/);
    assert.equal(await countAnswers(), before);
    assert.equal((await submit(boltonViewer, form, { [`answer-${q.q1}`]: 'Yes' })).status, 403);
    let saved = await submit(bolton, form, {
      [`answer-${q.q1}`]: 'Continuing, with a new chair',
      [`answer-${q.q2}`]: '3',
      [`refersTo-${q.q3}`]: q.q1,
      [`answer-${q.q4}-day`]: '21',
      [`answer-${q.q4}-month`]: '6',
      [`answer-${q.q4}-year`]: '2011',
      'asAt-day': '1',
      'asAt-month': '6',
      'asAt-year': '2011',
      [`asAt-${q.q2}-month`]: '3',
      [`asAt-${q.q2}-year`]: '2011',
    });
    assert.equal(saved.status, 400, 'an answer’s own date without its day');
    assert.match(saved.text, /Question 2: correct as at must include a day/);
    assert.equal(await countAnswers(), before);
    saved = await submit(bolton, form, {
      [`answer-${q.q1}`]: 'Continuing, with a new chair',
      [`answer-${q.q2}`]: '3',
      [`refersTo-${q.q3}`]: q.q1,
      [`answer-${q.q4}-day`]: '21',
      [`answer-${q.q4}-month`]: '6',
      [`answer-${q.q4}-year`]: '2011',
      'asAt-day': '1',
      'asAt-month': '6',
      'asAt-year': '2011',
      [`asAt-${q.q2}-day`]: '31',
      [`asAt-${q.q2}-month`]: '3',
      [`asAt-${q.q2}-year`]: '2011',
    });
    assert.equal(saved.status, 303);
    assert.equal((await answerFor('Bolton', 'q2'))!.asAt, '2011-03-31', 'an answer’s own date');
    const shownAgain = $((await bolton.get(form)).text);
    assert.equal(shownAgain('#asAt-year').val(), '2011');
    assert.equal(shownAgain(`#asAt-${q.q2}-day`).val(), '31');
    assert.equal(shownAgain(`#asAt-${q.q1}-day`).val(), undefined);
    assert.deepEqual(await answerFor('Bolton', 'q3'), {
      id: (await answerFor('Bolton', 'q3'))!.id,
      text: 'See answer 1',
      noResponse: false,
      code: null,
      asAt: '2011-06-01',
      refersTo: q.q1,
    });
    assert.equal((await answerFor('Bolton', 'q4'))!.text, '2011-06-21');
    assert.match(
      $((await owner.get(page)).text)('#group-others th[scope=row]').text(),
      /correct as at 1 June 2011/,
    );
    const again = await submit(bolton, form, {
      [`answer-${q.q1}`]: 'Continuing',
      [`answer-${q.q2}`]: '3',
      [`answer-${q.q3}`]: 'Independent chair',
    });
    assert.equal(again.status, 303, 'answers can be changed while the survey is open');
    assert.equal((await answerFor('Bolton', 'q3'))!.text, 'Independent chair');
    assert.equal((await answerFor('Bolton', 'q4'))!.noResponse, true, 'a question left blank is no response');
  });

  it('answers through a single-use response link, refused once submitted or expired', async () => {
    const made = await submit(owner, `${page}/links`, {
      respondentId: (await test.services.surveys.get(systemCaller('test', ids.owner), slug))!.respondents[0]!
        .id,
      name: 'Pat Contact',
      email: 'pat@example.org',
    });
    assert.equal(made.status, 200);
    const url = new URL($(made.text)('#made-link code').text().trim());
    linkPath = url.pathname;
    const token = linkPath.split('/').pop()!;
    const stored = await test.db.owner.selectFrom('survey_response_links').selectAll().execute();
    assert.equal(stored.length, 1);
    assert.notEqual(stored[0]!.token_hash, token, 'only the digest is stored');
    assert.match(stored[0]!.token_hash, /^[0-9a-f]{64}$/);
    assert.ok(!(await owner.get(`${page}/links`)).text.includes(token), 'the link is shown only once');

    const anonymous = test.agent();
    const form = await anonymous.get(linkPath);
    assert.equal(form.status, 200);
    assert.match(form.text, /Submit answers/);
    const csrf = csrfTokenIn(form.text);
    const saved = await anonymous
      .post(linkPath)
      .type('form')
      .send({ _csrf: csrf, action: 'save', [`answer-${q.q1}`]: 'Under review', [`answer-${q.q2}`]: '40' });
    assert.equal(saved.status, 303);
    const label = (await test.services.surveys.get(systemCaller('test', ids.owner), slug))!.respondents[0]!
      .label;
    assert.equal((await answerFor(label, 'q1'))!.text, 'Under review');
    const sent = await anonymous
      .post(linkPath)
      .type('form')
      .send({
        _csrf: csrf,
        action: 'submit',
        [`answer-${q.q1}`]: 'Under review until March',
        [`answer-${q.q2}`]: '40',
      });
    assert.equal(sent.status, 200);
    assert.match(sent.text, /cannot be used again/);
    const used = await anonymous.get(linkPath);
    assert.equal(used.status, 410);
    assert.match(used.text, /submitted with this link already/);
    const reuse = await anonymous
      .post(linkPath)
      .type('form')
      .send({ _csrf: csrf, [`answer-${q.q1}`]: 'Changed' });
    assert.equal(reuse.status, 410);
    assert.equal((await answerFor(label, 'q1'))!.text, 'Under review until March');

    const second = await test.services.surveys.createLink(systemCaller('test', ids.owner), slug, {
      respondentId: stored[0]!.respondent_id,
      name: 'Sam Contact',
      email: 'sam@example.org',
    });
    // a link lasts until the survey closes (30 June, months beyond the link's 28 days) ...
    assert.equal(second.expiresAt.toISOString(), `${year}-06-30T23:59:59.999Z`);
    assert.equal((await anonymous.get(`/respond/owner/${second.token}`)).status, 200);
    // ... and, for a survey without a closing date, its own days
    await test.db.owner
      .updateTable('surveys')
      .set({ closes_on: null })
      .where('id', '=', ids.survey)
      .execute();
    await test.db.owner
      .updateTable('survey_response_links')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('contact_name', '=', 'Sam Contact')
      .execute();
    const expired = await anonymous.get(`/respond/owner/${second.token}`);
    assert.equal(expired.status, 410);
    assert.match(expired.text, /This response link expired on/);
    await test.db.owner
      .updateTable('surveys')
      .set({ closes_on: `${year}-06-30` })
      .where('id', '=', ids.survey)
      .execute();
    assert.equal((await anonymous.get('/respond/owner/svy_not-a-real-token')).status, 410);
  });

  it('shows the invited partnership only its own answers before publishing, with small counts suppressed', async () => {
    const table = await bolton.get(`/partnerships/bolton/survey-invitations/${ids.survey}/table`);
    assert.equal(table.status, 200);
    assert.match(table.text, /Continuing/);
    assert.doesNotMatch(table.text, /Under review until March/);
    assert.match(table.text, /\[c\]/, 'Bolton’s count of 3 children is suppressed');
    const api = await test
      .request()
      .get(`/api/v1/surveys/${ids.survey}`)
      .set('Authorization', `Bearer ${boltonToken}`);
    assert.equal(api.status, 200);
    assert.equal(api.body.access.as, 'respondent');
    assert.deepEqual(
      api.body.respondents.map((r: { label: string }) => r.label),
      ['Bolton'],
    );
    assert.deepEqual(api.body.findings, []);
    const answers = api.body.respondents[0].answers;
    assert.equal(answers[1].text, '[c]');
    assert.equal(answers[3].noResponse, true);
    assert.equal(api.body.respondents[0].asAt, null, 'the second save gave no date');
    assert.equal(answers[0].asAt, null);
  });

  it('suppresses counts of children below the threshold in the owner’s page, CSV, Word and API', async () => {
    const shown = await owner.get(page);
    assert.equal($(shown.text)(`#group-others td`).eq(1).text().trim(), '[c]');
    assert.ok(textsOf(shown.text, '#group-statistical-neighbours td').includes('40'), '40 is shown');
    const csv = await owner.get(`${page}?format=csv`);
    assert.match(csv.text, /Bolton,,Continuing,\[c\],Independent chair,No response/);
    const docx = await owner.get(`${page}?format=docx`).buffer(true).parse(binary);
    const xml = await (await JSZip.loadAsync(docx.body as Buffer)).file('word/document.xml')!.async('string');
    assert.match(xml, /\[c\]/);
    const api = await test
      .request()
      .get(`/api/v1/surveys/${ids.survey}/table.csv`)
      .set('Authorization', `Bearer ${boltonToken}`);
    assert.match(api.text, /\[c\]/);
    assert.doesNotMatch(api.text, /,3,/);
  });

  it('codes answers and writes findings, refusing a code not the question’s and an answer of another survey', async () => {
    const answer = (await answerFor('Bolton', 'q1'))!;
    const wrong = await submit(
      owner,
      `${page}/answers/${answer.id}/code`,
      { code: 'merging' },
      `${page}/coding`,
    );
    assert.equal(wrong.status, 400);
    assert.equal((await answerFor('Bolton', 'q1'))!.code, null);
    assert.equal(
      (await submit(owner, `${page}/answers/${answer.id}/code`, { code: 'continuing' }, `${page}/coding`))
        .status,
      303,
    );
    assert.equal((await answerFor('Bolton', 'q1'))!.code, 'continuing');
    const counts = (await test.services.surveys.get(systemCaller('test', ids.owner), slug))!.codes[0]!.counts;
    assert.deepEqual(counts, [
      { code: 'continuing', count: 1 },
      { code: 'under-review', count: 0 },
    ]);

    await test.services.surveys.load(systemCaller('test', ids.owner), 'another', {
      survey: {
        title: 'Another survey',
        owner: 'owner',
        questions: [{ key: 'q1', text: 'Anything?', kind: 'text' }],
        groups: [{ key: 'all', name: 'All' }],
        respondents: [
          {
            key: 'r1',
            group: 'all',
            number: 1,
            label: 'Elsewhere',
            gssCode: 'E06000035',
            answers: { q1: { text: 'Other answer' } },
          },
        ],
        findings: [],
      },
    });
    const foreign = (await answerFor('Elsewhere', 'q1'))!;
    const findings = () => test.db.owner.selectFrom('survey_findings').select('number').execute();
    const before = await findings();
    const refused = await submit(owner, `${page}/findings/new`, {
      number: '1',
      text: 'Most continue',
      evidence: foreign.id,
    });
    assert.equal(refused.status, 400);
    assert.match(refused.text, /can cite only answers given to this survey/);
    assert.deepEqual(await findings(), before);
    const added = await submit(owner, `${page}/findings/new`, {
      number: '1',
      text: 'Most continue',
      evidence: answer.id,
    });
    assert.equal(added.status, 303);
    const shown = await owner.get(page);
    assert.match($(shown.text)('#finding-1').text(), /Most continue/);
    assert.match($(shown.text)('#finding-1').text(), /Bolton, answer to question 1/);
  });

  it('refuses answers after the close: once closed, or after the closing date', async () => {
    const form = `/partnerships/bolton/survey-invitations/${ids.survey}`;
    assert.equal((await submit(owner, `${page}/status`, { status: 'closed' }, page)).status, 303);
    const closed = await submit(
      bolton,
      `${form}`,
      { [`answer-${q.q1}`]: 'Too late' },
      `/partnerships/bolton/survey-invitations`,
    );
    assert.equal(closed.status, 400);
    assert.match(closed.text, /answers can no longer be given or changed/);
    assert.equal((await answerFor('Bolton', 'q1'))!.text, 'Continuing');
    assert.equal((await submit(owner, `${page}/status`, { status: 'open' }, page)).status, 303);
    await test.db.owner
      .updateTable('surveys')
      .set({ closes_on: '2011-06-30' })
      .where('id', '=', ids.survey)
      .execute();
    const late = await submit(
      bolton,
      form,
      { [`answer-${q.q1}`]: 'Too late' },
      '/partnerships/bolton/survey-invitations',
    );
    assert.equal(late.status, 400);
    assert.match(late.text, /closed \(on 30 June 2011\)/);
    assert.equal((await answerFor('Bolton', 'q1'))!.text, 'Continuing');
    // and the database itself refuses a respondent's write to a survey no longer open
    await test.db.owner
      .updateTable('surveys')
      .set({ status: 'closed' })
      .where('id', '=', ids.survey)
      .execute();
    await assert.rejects(
      test.db.transaction({ partnershipId: ids.bolton }, (trx) =>
        sql`update survey_answers set text = 'sneaked' where text = 'Continuing'`.execute(trx).then((r) => {
          if (!r.numAffectedRows) throw new Error('row-level security: no row may be changed');
        }),
      ),
      /row-level security/,
    );
  });

  it('shows the invited partnership the whole table once published, and never the owner’s findings or links', async () => {
    assert.equal((await submit(owner, `${page}/status`, { status: 'published' }, page)).status, 303);
    const table = await bolton.get(`/partnerships/bolton/survey-invitations/${ids.survey}/table`);
    assert.match(table.text, /Under review until March/);
    assert.doesNotMatch(table.text, /Most continue/);
    const api = await test
      .request()
      .get(`/api/v1/surveys/${ids.survey}`)
      .set('Authorization', `Bearer ${boltonToken}`);
    assert.equal(api.body.respondents.length, 11);
    assert.deepEqual(api.body.findings, []);
    await test.db.transaction({ partnershipId: ids.bolton }, async (trx) => {
      for (const table of ['survey_findings', 'survey_finding_evidence', 'survey_response_links'])
        assert.equal((await sql`select * from ${sql.table(table)}`.execute(trx)).rows.length, 0, table);
      const surveys = (await sql<{ title: string }>`select title from surveys`.execute(trx)).rows;
      assert.deepEqual(
        surveys.map((s) => s.title),
        ['Children’s Trust arrangements'],
        'not the owner’s other survey',
      );
    });
    const list = await test.request().get('/api/v1/surveys').set('Authorization', `Bearer ${boltonToken}`);
    assert.deepEqual(
      list.body.surveys.map((s: { title: string; access: { as: string } }) => [s.title, s.access.as]),
      [['Children’s Trust arrangements', 'respondent']],
    );
  });

  it('shows a partnership not invited nothing at all', async () => {
    const list = await test.request().get('/api/v1/surveys').set('Authorization', `Bearer ${bystanderToken}`);
    assert.deepEqual(list.body.surveys, []);
    for (const path of [`/api/v1/surveys/${ids.survey}`, `/api/v1/surveys/${ids.survey}/table.csv`])
      assert.equal(
        (await test.request().get(path).set('Authorization', `Bearer ${bystanderToken}`)).status,
        404,
      );
    assert.equal(
      (await bystander.get(`/partnerships/bystander/survey-invitations/${ids.survey}/table`)).status,
      404,
    );
    await test.db.transaction({ partnershipId: ids.bystander }, async (trx) => {
      for (const table of [
        'surveys',
        'survey_questions',
        'survey_groups',
        'survey_respondents',
        'survey_answers',
      ])
        assert.equal((await sql`select * from ${sql.table(table)}`.execute(trx)).rows.length, 0, table);
    });
  });

  it('lets the owner answer its own survey when it invites its own authority', async () => {
    const caller = systemCaller('test', ids.owner);
    const { slug: own } = await test.services.surveys.create(caller, {
      title: 'Our own arrangements',
      purpose: undefined,
      opensOn: undefined,
      closesOn: undefined,
    });
    await test.services.surveys.saveQuestion(caller, own, null, {
      text: 'Is the board continuing?',
      kind: 'text',
      choices: [],
      aboutChildren: false,
      codes: [],
    });
    await test.services.surveys.invite(caller, own, {
      group: 'Us',
      authorities: ['Kent'],
      neighbours: false,
    });
    await test.services.surveys.setStatus(caller, own, 'open');
    const survey = (await test.services.surveys.get(caller, own))!;
    const list = await owner.get('/partnerships/owner/survey-invitations');
    assert.match(list.text, /Our own arrangements/);
    const form = `/partnerships/owner/survey-invitations/${survey.survey.id}`;
    const saved = await submit(owner, form, { [`answer-${survey.questions[0]!.id}`]: 'Yes, for now' });
    assert.equal(saved.status, 303);
    assert.equal((await answerFor('Kent', 'q1'))!.text, 'Yes, for now');
  });
});
