// Children and young people's voice, end to end against a database: a consultation written,
// answered through its public link by many anonymous respondents, refused when it should be,
// moderated, read with small numbers suppressed, its themes linked to a decision and an action,
// "you said, we did" public only when published, the board paper, and the young people's
// board's recommendation followed to the board's response and back.
//
// The answers follow a real consultation of young people: the children's green paper
// consultation reported by Children & Young People Now ("Teenagers have their say on green
// paper", https://www.cypnow.co.uk/content/other/policy-practice-briefing-teenagers-have-their-say-on-greenpaper):
// asked how they should have a say on council services, 624 preferred consultations and
// surveys, 574 open meetings and forums, 334 youth councils and 232 schools. Here they are
// scaled down (about 1 in 58: 11, 10, 6 and 4), so that the smallest is below the threshold.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { systemCaller } from '../../platform/http/auth.ts';
import {
  auditCount,
  binary,
  dateFields,
  makePartnership,
  pageText,
  signedInAs,
  startTestApp,
  submit,
  type Agent,
  type TestApp,
} from '../../../test/support/test-app.ts';

const year = new Date().getUTCFullYear();
const opens = `${year - 1}-01-01`;
const closes = `${year + 1}-12-31`;
const page = '/partnerships/medway/voice/having-a-say';
const say = {
  surveys: 'Consultations and surveys',
  meetings: 'Open meetings and forums',
  councils: 'Youth councils',
  schools: 'Through schools',
};
const secretWords = 'My name is Jo Bloggs and I go to Hilltop school';

describe('children and young people\u2019s voice', () => {
  let test: TestApp;
  let editor: Agent;
  let viewer: Agent;
  let other: Agent;
  let ids: {
    medway: string;
    other: string;
    board: string;
    ypb: string;
    boardMeeting: string;
    ypbMeeting: string;
    ypbLater: string;
  };
  let link = '';
  const q: { how: string; why: string; scale: string } = { how: '', why: '', scale: '' };
  const caller = () => systemCaller('test', ids.medway);

  /** A new browser (its own device cookie): opens the link, then sends the fields. */
  async function respond(fields: Record<string, string | string[]>) {
    const agent = test.agent();
    return submit(agent, link, fields);
  }
  const count = async (
    table: 'voice_responses' | 'voice_answers' | 'voice_outcomes' | 'voice_recommendations',
  ) =>
    Number(
      (
        await test.db.owner
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  before(async () => {
    test = await startTestApp();
    const medway = await makePartnership(test.services, 'medway', 'E06000035');
    const otherP = await makePartnership(test.services, 'other', 'E08000027');
    editor = (await signedInAs(test, medway.id, 'editor')).agent;
    viewer = (await signedInAs(test, medway.id, 'viewer')).agent;
    other = (await signedInAs(test, otherP.id, 'editor')).agent;
    const c = systemCaller('test', medway.id);
    const body = (slug: string, name: string, kind: string) =>
      test.services.bodies.create(c, {
        slug,
        name,
        kind,
        takesDecisions: kind === 'board',
        status: 'established',
        statusOn: '2020',
      });
    const board = await body('network', 'Children and Young People Network', 'board');
    const ypb = await body('youth-parliament', 'Medway Youth Parliament', 'young-peoples-board');
    const meeting = (bodyId: string, title: string, date: string) =>
      test.services.meetings.create(c, {
        title,
        kind: 'board-meeting',
        bodyIds: [bodyId],
        date,
        startTime: '17:00',
        state: 'held',
      });
    ids = {
      medway: medway.id,
      other: otherP.id,
      board: board.id,
      ypb: ypb.id,
      boardMeeting: await meeting(board.id, 'Network meeting', `${year}-03-04`),
      ypbMeeting: await meeting(ypb.id, 'Youth Parliament sitting', `${year}-02-01`),
      ypbLater: await meeting(ypb.id, 'Youth Parliament sitting', `${year}-05-01`),
    };
  });
  after(() => test.close());

  it('writes a consultation, refusing one with no safeguarding notice, and adds questions with an easy-read version', async () => {
    const fields = {
      title: 'Having a say',
      purpose: 'We want to know how you want to have a say on what the council does for young people.',
      audience: ['young-people', 'children'],
      ...dateFields('opensOn', opens),
      ...dateFields('closesOn', closes),
      responsesPerDevice: '1',
      responseLimit: '',
      areas: 'Chatham\nGillingham\nRochester',
      privacyNotice: 'We keep your answers for two years to plan services. We never ask your name.',
      safeguardingNotice: '',
      asksContact: 'no',
    };
    const before = await auditCount(test);
    const refused = await submit(editor, '/partnerships/medway/voice/new', fields);
    assert.equal(refused.status, 400);
    assert.match(pageText(refused.text), /There is a problem/);
    assert.match(pageText(refused.text), /Enter the safeguarding notice/);
    assert.equal(await auditCount(test), before);
    const made = await submit(editor, '/partnerships/medway/voice/new', {
      ...fields,
      safeguardingNotice: 'Talk to a teacher you trust, or call Childline free on 0800 1111.',
    });
    assert.equal(made.status, 303);
    assert.equal(made.headers.location, page);
    const questions: Record<string, string>[] = [
      {
        text: 'How should young people have a say on council services?',
        easyRead: 'How do you want to tell the council what you think?',
        kind: 'choice',
        choices: Object.values(say).join('\n'),
        required: 'yes',
      },
      { text: 'How much do you feel listened to?', kind: 'scale', choices: '' },
      { text: 'What would make you feel more listened to?', kind: 'text', choices: '' },
    ];
    for (const question of questions)
      assert.equal((await submit(editor, `${page}/questions/new`, question)).status, 303);
    const noChoices = await submit(editor, `${page}/questions/new`, {
      text: 'Pick one',
      kind: 'choice',
      choices: 'Only one',
    });
    assert.equal(noChoices.status, 400);
    assert.match(pageText(noChoices.text), /Enter at least two answers/);
    const found = await test.services.voice.get(caller(), 'having-a-say');
    [q.how, q.scale, q.why] = found.questions.map((x) => x.id) as [string, string, string];
    assert.equal(found.questions[0]!.easyRead, 'How do you want to tell the council what you think?');
    link = new URL(/href="([^"]*\/have-your-say\/medway\/[^"]+)"/.exec((await editor.get(page)).text)![1]!)
      .pathname;
    // a draft cannot be answered
    assert.equal((await test.agent().get(link)).status, 410);
    assert.equal((await submit(editor, `${page}/status`, { status: 'open' }, page)).status, 303);
    const shown = await editor.get(page);
    assert.match(shown.text, /<svg[^>]*role="img"[^>]*aria-label="QR code/);
    const poster = await editor.get(`${page}/poster`);
    assert.match(poster.text, /<svg/);
    assert.ok(poster.text.includes(link));
  });

  it('takes many anonymous responses through the public link, with the privacy and safeguarding notices first', async () => {
    const form = await test.agent().get(link);
    assert.equal(form.status, 200);
    const text = pageText(form.text);
    assert.ok(
      text.indexOf('Childline') < text.indexOf('Question 1'),
      'safeguarding notice before the first question',
    );
    assert.ok(
      text.indexOf('We never ask your name') < text.indexOf('Question 1'),
      'privacy notice before the first question',
    );
    assert.doesNotMatch(form.text, /name="(name|email|address)"/);
    const easy = await test.agent().get(`${link}?version=easy-read`);
    assert.match(pageText(easy.text), /How do you want to tell the council what you think\?/);
    const plan: [string, number][] = [
      [say.surveys, 11],
      [say.meetings, 10],
      [say.councils, 6],
      [say.schools, 4],
    ];
    let n = 0;
    for (const [choice, times] of plan)
      for (let i = 0; i < times; i++) {
        n += 1;
        const fields: Record<string, string> = {
          [`q-${q.how}`]: choice,
          [`q-${q.scale}`]: n % 2 ? 'A little' : 'Some',
          ageBand: n <= 20 ? '11-15' : '16-18',
          area: n === 1 ? 'Rochester' : 'Chatham',
          heardVia: 'school',
        };
        if (n === 1) fields[`q-${q.why}`] = secretWords;
        if (n === 2) fields[`q-${q.why}`] = '=HYPERLINK("http://evil.example","click")';
        if (n === 3)
          fields[`q-${q.why}`] = 'Councillors should come to our youth centre, not make us fill in forms.';
        const sent = await respond(fields);
        assert.equal(sent.status, 200, `response ${n}: ${pageText(sent.text).slice(0, 200)}`);
        assert.match(pageText(sent.text), /Your answers have been sent/);
      }
    assert.equal(await count('voice_responses'), 31);
    // the audit trail says a response came, never what it said
    const audit = await test.db.owner
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_type', '=', 'voice response')
      .execute();
    assert.equal(audit.length, 31);
    assert.ok(!JSON.stringify(audit).includes('Hilltop'));
  });

  it('refuses, writing nothing, a second response from the same device, an answer not among the choices, and a missing required answer', async () => {
    const before = [await count('voice_responses'), await auditCount(test)];
    const agent = test.agent();
    const first = await submit(agent, link, { [`q-${q.how}`]: say.surveys });
    assert.equal(first.status, 200);
    const again = await submit(agent, link, { [`q-${q.how}`]: say.surveys });
    assert.equal(again.status, 409);
    assert.match(pageText(again.text), /already been sent from this phone or computer/);
    const invented = await respond({ [`q-${q.how}`]: 'Carrier pigeon' });
    assert.equal(invented.status, 400);
    assert.match(pageText(invented.text), /There is a problem/);
    assert.match(pageText(invented.text), /Question 1: choose from the answers given/);
    const missing = await respond({ [`q-${q.scale}`]: 'Some' });
    assert.equal(missing.status, 400);
    assert.match(pageText(missing.text), /Question 1: choose an answer/);
    const area = await respond({ [`q-${q.how}`]: say.surveys, area: 'Atlantis' });
    assert.equal(area.status, 400);
    assert.equal(await count('voice_responses'), before[0]! + 1);
    assert.equal(await auditCount(test), before[1]! + 1);
    // the one accepted above is taken back out of the counts the next tests expect
    await test.db.owner.deleteFrom('voice_responses').where('age_band', 'is', null).execute();
  });

  it('refuses a response over the link\u2019s limit and after the close, writing nothing', async () => {
    const c = await test.services.voice.get(caller(), 'having-a-say');
    const values = {
      ...c.consultation,
      responseLimit: 31,
      contactReason: null,
    };
    await test.services.voice.update(caller(), 'having-a-say', values);
    const full = await respond({ [`q-${q.how}`]: say.surveys });
    assert.equal(full.status, 409);
    assert.match(pageText(full.text), /all the answers it can take/);
    await test.services.voice.update(caller(), 'having-a-say', { ...values, responseLimit: null });
    assert.equal(await count('voice_responses'), 31);
  });

  it('shows results with small numbers suppressed, and more where they would give them away', async () => {
    const results = await editor.get(`${page}/results`);
    assert.equal(results.status, 200);
    const $ = (await import('cheerio')).load(results.text);
    const all = $('caption:contains("Question 1: answers all")').closest('table');
    const cells = all
      .find('tbody td')
      .map((_, el) => $(el).text().trim())
      .get();
    // 11, 10, 6 and 4 of 31: 4 is suppressed, and at least one other with it, or 31 less the
    // rest would give it away
    assert.equal(cells[3], '[c]');
    assert.equal(cells[4], '31');
    assert.ok(cells.slice(0, 4).filter((cell) => cell === '[c]').length >= 2);
    // in every table, no row or column has exactly one suppressed cell
    const gridOf = (caption: string) =>
      $(`caption:contains("Question 1: ${caption}")`)
        .closest('table')
        .find('tbody tr')
        .map((_, tr) => [
          $(tr)
            .find('td')
            .map((__, td) => $(td).text().trim())
            .get(),
        ])
        .get() as unknown as string[][];
    for (const caption of ['answers by age', 'answers by area']) {
      // each breakdown with the whole above it, as its columns add up to it
      const grid = [...gridOf('answers all'), ...gridOf(caption)];
      assert.ok(grid.length > 1, caption);
      const lines = [...grid, ...grid[0]!.map((_, column) => grid.map((row) => row[column]!))];
      for (const line of lines)
        assert.notEqual(line.filter((cell) => cell === '[c]').length, 1, `${caption}: ${line.join(' ')}`);
    }
    const byAge = $('caption:contains("Question 1: answers by age")').closest('table');
    const rows = byAge
      .find('tbody tr')
      .map((_, el) => $(el).text().replace(/\s+/g, ' ').trim())
      .get();
    assert.ok(rows.some((row) => row.startsWith('11 to 15')));
    // the one respondent from Rochester is never a count of 1
    const byArea = $('caption:contains("Question 1: answers by area")').closest('table');
    assert.ok(!/\b1\b/.test(byArea.find('tr:contains("Rochester")').text()));
    const csv = await editor.get(`${page}/results?format=csv`);
    assert.match(csv.text, /Through schools,\[c\]/);
    const api = await editor
      .get('/partnerships/medway/voice/having-a-say/results?format=docx')
      .buffer(true)
      .parse(binary);
    const xml = await (await JSZip.loadAsync(api.body as Buffer)).file('word/document.xml')!.async('string');
    assert.match(xml, /\[c\]/);
    const pdf = await editor.get(`${page}/results?format=pdf`).buffer(true).parse(binary);
    assert.equal(pdf.status, 200);
    assert.equal((pdf.body as Buffer).subarray(0, 5).toString('latin1'), '%PDF-');
  });

  it('quotes nothing a respondent typed before moderation, and no output identifies a respondent', async () => {
    const outputs = async () => {
      const texts: string[] = [];
      for (const path of [page, `${page}/results`, `${page}/results?format=csv`])
        texts.push((await editor.get(path)).text, (await viewer.get(path)).text);
      const docx = await editor.get(`${page}/results?format=docx`).buffer(true).parse(binary);
      texts.push(
        await (await JSZip.loadAsync(docx.body as Buffer)).file('word/document.xml')!.async('string'),
      );
      const { token } = await test.services.tokens.create(
        systemCaller('test'),
        (await signedInAs(test, ids.medway, 'viewer')).user.id,
        't',
      );
      texts.push(
        (
          await test
            .request()
            .get('/api/v1/partnerships/medway/voice/consultations')
            .set('authorization', `Bearer ${token}`)
        ).text,
      );
      return texts.join('\n');
    };
    let everything = await outputs();
    assert.ok(!everything.includes('Hilltop'), 'unmoderated words appear');
    assert.ok(!everything.includes('youth centre'), 'unmoderated words appear');
    assert.ok(!everything.includes('HYPERLINK'), 'unmoderated words appear');
    // the moderator reads them, editors only
    assert.equal((await viewer.get(`${page}/moderation`)).status, 403);
    const moderation = await editor.get(`${page}/moderation`);
    assert.ok(moderation.text.includes('Hilltop'));
    // a theme, then approve two answers to it and withhold the one that names someone
    assert.equal(
      (
        await submit(editor, `${page}/themes/new`, {
          title: 'Come to where we are',
          said: 'Many of you said councillors should meet you in places you know, like youth centres, rather than ask you to fill in forms.',
        })
      ).status,
      303,
    );
    const answers = await test.db.owner
      .selectFrom('voice_answers')
      .select(['id', 'text'])
      .where('text', 'is not', null)
      .execute();
    const idOf = (part: string) => answers.find((a) => a.text!.includes(part))!.id;
    const moderate = (id: string, moderation: string, theme = 'come-to-where-we-are') =>
      submit(
        editor,
        `${page}/moderation/${id}`,
        { [`moderation-${id}`]: moderation, [`theme-${id}`]: theme },
        `${page}/moderation`,
      );
    const badTheme = await moderate(idOf('youth centre'), 'approved', 'not-a-theme');
    assert.equal(badTheme.status, 400);
    assert.match(pageText(badTheme.text), /Select one of this consultation/);
    assert.equal((await moderate(idOf('youth centre'), 'approved')).status, 303);
    assert.equal((await moderate(idOf('HYPERLINK'), 'approved')).status, 303);
    assert.equal((await moderate(idOf('Hilltop'), 'withheld')).status, 303);
    everything = await outputs();
    assert.ok(
      everything.includes('Councillors should come to our youth centre'),
      'the approved answer is quoted',
    );
    assert.ok(!everything.includes('Hilltop'), 'the withheld answer is never quoted');
    // a formula typed by a respondent cannot run in a spreadsheet
    const csv = (await editor.get(`${page}/results?format=csv`)).text;
    assert.doesNotMatch(csv, /(^|,)"?=HYPERLINK/m);
    // nothing that says which answer is whose: no response ids, no device keys, no dates of sending
    const responses = await test.db.owner.selectFrom('voice_responses').select(['id', 'device']).execute();
    for (const r of responses) {
      assert.ok(!everything.includes(r.id), 'a response id appears');
      assert.ok(!everything.includes(r.device), 'a device key appears');
    }
    // quotes carry no age band or area with them
    const quote = (await import('cheerio'))
      .load((await editor.get(`${page}/results`)).text)('blockquote')
      .first()
      .text();
    assert.doesNotMatch(quote, /Rochester|Chatham|11 to 15|16 to 18/);
  });

  it('links a theme to a decision and an action, refusing another partnership\u2019s decision; "you said, we did" is public only when published', async () => {
    const c = caller();
    const item = await test.services.agenda.addItem(c, ids.boardMeeting, {
      number: 3,
      title: 'Youth voice',
      purpose: 'decision',
      presenter: null,
      exempt: false,
      exemptParagraph: null,
      exemptReason: null,
    });
    const decision = await test.services.record.addDecision(c, ids.boardMeeting, item, {
      text: 'Network members will hold a quarterly session at youth centres',
      delegatedTo: null,
    });
    const { lead } = await (
      await import('../../../test/support/meetings.ts')
    ).addPeople(test.services, c, [['lead', 'Participation lead', null]]);
    const action = await test.services.record.raiseAction(c, ids.boardMeeting, {
      agendaItemId: item,
      text: 'Book the first session at the Chatham youth centre',
      ownerPersonId: lead!,
      ownerOrganisationId: null,
      dueOn: `${year}-06-30`,
    });
    // another partnership's decision
    const oc = systemCaller('test', ids.other);
    const { meetingId: otherMeeting } = await (
      await import('../../../test/support/meetings.ts')
    ).makeBoardMeeting(test.services, oc);
    const otherItem = await test.services.agenda.addItem(oc, otherMeeting, {
      number: 1,
      title: 'Other',
      purpose: 'decision',
      presenter: null,
      exempt: false,
      exemptParagraph: null,
      exemptReason: null,
    });
    const otherDecision = await test.services.record.addDecision(oc, otherMeeting, otherItem, {
      text: 'Other partnership decision',
      delegatedTo: null,
    });

    const form = `${page}/themes/come-to-where-we-are/outcomes/new`;
    const before = await count('voice_outcomes');
    const crossing = await submit(editor, form, { kind: 'decision', decisionId: otherDecision });
    assert.equal(crossing.status, 400);
    assert.match(pageText(crossing.text), /Select one of the partnership.s own/);
    assert.equal(await count('voice_outcomes'), before);
    const noReason = await submit(editor, form, { kind: 'not-done' });
    assert.equal(noReason.status, 400);
    assert.match(pageText(noReason.text), /Explain why the partnership did not do this/);
    assert.equal((await submit(editor, form, { kind: 'decision', decisionId: decision })).status, 303);
    assert.equal((await submit(editor, form, { kind: 'action', actionId: action })).status, 303);

    const publicPage = '/public/medway/voice/having-a-say';
    assert.equal((await test.agent().get(publicPage)).status, 404, 'not published yet');
    // publishing needs the consultation closed
    const early = await submit(editor, `${page}/summary`, {
      summary: 'Young people want us to come to them.',
      resultsPublic: 'yes',
    });
    assert.equal(early.status, 400);
    const late = test.agent();
    const lateForm = await late.get(link);
    assert.equal((await submit(editor, `${page}/status`, { status: 'closed' }, page)).status, 303);
    const after = await late
      .post(link)
      .type('form')
      .send({
        _csrf: (await import('../../../test/support/test-app.ts')).csrfTokenIn(lateForm.text),
        [`q-${q.how}`]: say.surveys,
      });
    assert.equal(after.status, 410);
    assert.match(pageText(after.text), /closed/);
    assert.equal(
      (
        await submit(editor, `${page}/summary`, {
          summary: 'Young people want us to come to them.',
          resultsPublic: 'yes',
        })
      ).status,
      303,
    );
    assert.equal((await test.agent().get(publicPage)).status, 404, 'the partnership itself is not published');
    const p = (await test.services.partnerships.bySlug('medway'))!;
    await test.services.partnerships.update(systemCaller('test', p.id), p.id, {
      authorityGssCode: 'E06000035',
      name: p.name,
      slug: 'medway',
      established: '2007',
      status: 'active',
      published: true,
    });
    const shown = await test.agent().get(publicPage);
    assert.equal(shown.status, 200);
    const text = pageText(shown.text);
    assert.match(text, /You said, we did/);
    assert.match(text, /quarterly session at youth centres/);
    assert.match(text, /Book the first session at the Chatham youth centre/);
    assert.match(text, /Councillors should come to our youth centre/);
    assert.ok(!text.includes('Hilltop'));
    assert.match(text, /\[c\]/);
    // the API carries the same, with what was done
    const { token } = await test.services.tokens.create(
      systemCaller('test'),
      (await signedInAs(test, ids.medway, 'viewer')).user.id,
      't',
    );
    const api = await test
      .request()
      .get('/api/v1/partnerships/medway/voice/consultations')
      .set('authorization', `Bearer ${token}`);
    assert.equal(api.status, 200);
    const [consultation] = api.body as {
      questions: { all?: { counts: Record<string, unknown> } }[];
      themes: { weDid: { kind: string }[] }[];
    }[];
    const counts = consultation!.questions[0]!.all!.counts;
    assert.equal(counts[say.schools], '[c]');
    assert.ok(
      Object.values(counts).every((value) => value === '[c]' || (typeof value === 'number' && value >= 5)),
    );
    assert.deepEqual(
      consultation!.themes[0]!.weDid.map((w) => w.kind),
      ['decision', 'action'],
    );
  });

  it('sends the summary and results to a board meeting as a paper', async () => {
    const sent = await submit(editor, `${page}/paper`, { meetingId: ids.boardMeeting, number: '4' });
    assert.equal(sent.status, 303);
    const agenda = await test.services.agenda.agenda(caller(), ids.boardMeeting);
    const item = agenda.find((i) => i.number === 4)!;
    assert.match(item.title!, /What children and young people said: Having a say/);
    assert.equal(item.papers.length, 1);
    const paper = await test.services.agenda.paper(caller(), ids.boardMeeting, item.papers[0]!.id);
    const xml = await (await JSZip.loadAsync(paper.content)).file('word/document.xml')!.async('string');
    assert.match(xml, /Young people want us to come to them/);
    assert.ok(!xml.includes('Hilltop'));
    const taken = await submit(editor, `${page}/paper`, { meetingId: ids.boardMeeting, number: '4' });
    assert.equal(taken.status, 400);
  });

  it('follows a recommendation of the young people\u2019s board to the board\u2019s response, its actions and the report back', async () => {
    const c = caller();
    const list = '/partnerships/medway/voice/recommendations';
    const wrong = await submit(editor, `${list}/new`, {
      meetingId: ids.boardMeeting,
      number: '1',
      text: 'Meet us at youth centres',
    });
    assert.equal(wrong.status, 400);
    assert.match(pageText(wrong.text), /must come from a meeting of the young people.s board/);
    assert.equal(await count('voice_recommendations'), 0);
    assert.equal(
      (
        await submit(editor, `${list}/new`, {
          meetingId: ids.ypbMeeting,
          number: '1',
          text: 'Hold Network sessions at youth centres every quarter',
        })
      ).status,
      303,
    );
    const [rec] = (await test.services.voice.recommendations(c)).recommendations;
    const reportEarly = await submit(editor, `${list}/${rec!.id}/report-back`, { meetingId: ids.ypbLater });
    assert.equal(reportEarly.status, 400);
    const noReasons = await submit(editor, `${list}/${rec!.id}/response`, {
      response: 'accepted-in-part',
      meetingId: ids.boardMeeting,
    });
    assert.equal(noReasons.status, 400);
    assert.match(pageText(noReasons.text), /Enter the board.s reasons/);
    const fromYpb = await submit(editor, `${list}/${rec!.id}/response`, {
      response: 'accepted',
      meetingId: ids.ypbLater,
    });
    assert.equal(fromYpb.status, 400);
    const action = (await test.services.record.actions(c)).actions.find((a) =>
      a.text.startsWith('Book the first session'),
    )!;
    assert.equal(
      (
        await submit(editor, `${list}/${rec!.id}/response`, {
          response: 'accepted-in-part',
          reasons: 'Twice a year to start with, within the budget',
          meetingId: ids.boardMeeting,
          actionIds: [action.id],
        })
      ).status,
      303,
    );
    assert.equal(
      (await submit(editor, `${list}/${rec!.id}/report-back`, { meetingId: ids.ypbLater })).status,
      303,
    );
    const shown = pageText((await viewer.get(list)).text);
    assert.match(shown, /Hold Network sessions at youth centres every quarter/);
    assert.match(shown, /Accepted in part/);
    assert.match(shown, /Twice a year to start with/);
    assert.match(shown, /Book the first session at the Chatham youth centre/);
    assert.match(shown, /Reported back\s*Youth Parliament sitting/);
  });

  it('links a recommendation to the agenda item where the board considered it, shown on both; refusing, writing nothing, another partnership\u2019s meeting, a young people\u2019s board meeting and an item that does not exist', async () => {
    const list = '/partnerships/medway/voice/recommendations';
    const [rec] = (await test.services.voice.recommendations(caller())).recommendations;
    const form = `${list}/${rec!.id}/minute-item`;
    const shownForm = await editor.get(form);
    assert.equal(shownForm.status, 200);
    assert.match(pageText(shownForm.text), /Agenda item number/);
    const [otherMeeting] = await test.db.owner
      .selectFrom('meetings')
      .select('id')
      .where('partnership_id', '=', ids.other)
      .execute();
    const before = await auditCount(test);
    const refusals: [Record<string, string>, RegExp][] = [
      [{ meetingId: otherMeeting!.id, number: '1' }, /Select one of the partnership.s meetings/],
      [{ meetingId: ids.ypbMeeting, number: '1' }, /Select the main board.s meeting that considered it/],
      [{ meetingId: ids.boardMeeting, number: '99' }, /Network meeting of .+ has no item 99/],
      [{ meetingId: ids.boardMeeting, number: '' }, /Enter the number of the agenda item/],
      [{ meetingId: '', number: '3' }, /Select the meeting of the board that considered the recommendation/],
    ];
    for (const [fields, message] of refusals) {
      const refused = await submit(editor, form, fields);
      assert.equal(refused.status, 400, JSON.stringify(fields));
      assert.match(pageText(refused.text), /There is a problem/);
      assert.match(pageText(refused.text), message);
    }
    assert.equal((await submit(viewer, form, { meetingId: ids.boardMeeting, number: '3' })).status, 403);
    assert.equal(await auditCount(test), before);
    const unlinked = await test.db.owner
      .selectFrom('voice_recommendations')
      .select('agenda_item_id')
      .where('id', '=', rec!.id)
      .executeTakeFirstOrThrow();
    assert.equal(unlinked.agenda_item_id, null);
    // the database itself refuses another partnership's agenda item
    const [otherItem] = await test.db.owner
      .selectFrom('agenda_items')
      .select('id')
      .where('partnership_id', '=', ids.other)
      .execute();
    await assert.rejects(
      test.db.transaction({ partnershipId: ids.medway }, (trx) =>
        trx
          .updateTable('voice_recommendations')
          .set({ agenda_item_id: otherItem!.id })
          .where('id', '=', rec!.id)
          .execute(),
      ),
      /foreign key/,
    );

    const linked = await submit(editor, form, { meetingId: ids.boardMeeting, number: '3' });
    assert.equal(linked.status, 303);
    assert.equal(linked.headers.location, `${list}#recommendation-${rec!.id}`);
    assert.equal(await auditCount(test), before + 1);
    // on the recommendation: the meeting and item, linking to the item in the meeting's page
    const $ = (await import('cheerio')).load((await viewer.get(list)).text);
    const card = $(`#recommendation-${rec!.id}`);
    assert.match(
      card.text().replace(/\s+/g, ' '),
      /Considered at\s*Network meeting, .+, item 3: Youth voice/,
    );
    assert.equal(
      card.find('a:contains("item 3: Youth voice")').attr('href'),
      `/partnerships/medway/meetings/${ids.boardMeeting}#item-3`,
    );
    // on the meeting's page, under item 3 with its minutes and decisions, linking back
    const meeting = (await import('cheerio')).load(
      (await viewer.get(`/partnerships/medway/meetings/${ids.boardMeeting}`)).text,
    );
    const item = meeting('#item-3');
    assert.match(item.text(), /Considered at item 3/);
    const back = item.find(`a[href="${list}#recommendation-${rec!.id}"]`);
    assert.equal(back.length, 1);
    assert.match(
      back.text(),
      /Recommendation 1 of the young people.s board \(Youth Parliament sitting, .+\): Hold Network sessions at youth centres every quarter/,
    );
    // and nowhere else on the page
    assert.equal(meeting(`a[href="${list}#recommendation-${rec!.id}"]`).length, 1);
  });

  it('shows on the plan\u2019s page, against each priority, the themes and recommendations it came from', async () => {
    const c = caller();
    const planPage = '/partnerships/medway/plans/commissioning';
    await test.services.plans.create(c, {
      slug: 'commissioning',
      title: 'Children and Young People\u2019s Commissioning Plan',
      kind: 'commissioning plan',
      startsOn: `${year}-04-01`,
      endsOn: `${year + 2}-03-31`,
      vision: null,
      status: 'draft',
      resourcing: null,
    });
    for (const title of ['Early Help', 'Health and Wellbeing'])
      await test.services.plans.addPriority(c, 'commissioning', { title, outcomeIds: [], indicatorIds: [] });
    const [early, health] = (await test.services.plans.bySlug(c, 'commissioning'))!.priorities;
    // before anything links to them, the plan shows no origin (and keeps that page)
    assert.doesNotMatch(pageText((await viewer.get(planPage)).text), /From what young people said/);

    // a theme linked to the first priority
    const outcome = await submit(editor, `${page}/themes/come-to-where-we-are/outcomes/new`, {
      kind: 'priority',
      priorityId: early!.id,
    });
    assert.equal(outcome.status, 303);
    // the board's response led to the first priority too; refusing another partnership's priority
    // and a priority for a recommendation not accepted, writing nothing
    const oc = systemCaller('test', ids.other);
    await test.services.plans.create(oc, {
      slug: 'other-plan',
      title: 'Other plan',
      kind: 'commissioning plan',
      startsOn: `${year}-04-01`,
      endsOn: `${year + 2}-03-31`,
      vision: null,
      status: 'draft',
      resourcing: null,
    });
    const otherPriority = await test.services.plans.addPriority(oc, 'other-plan', {
      title: 'Other priority',
      outcomeIds: [],
      indicatorIds: [],
    });
    const [rec] = (await test.services.voice.recommendations(c)).recommendations;
    const response = `/partnerships/medway/voice/recommendations/${rec!.id}/response`;
    const responseForm = await editor.get(response);
    assert.match(pageText(responseForm.text), /Plan priorities it led to/);
    const fields = {
      response: 'accepted-in-part',
      reasons: 'Twice a year to start with, within the budget',
      meetingId: ids.boardMeeting,
      actionIds: rec!.actions.map((a) => a.id),
    };
    const before = await auditCount(test);
    const crossing = await submit(editor, response, { ...fields, priorityIds: [early!.id, otherPriority] });
    assert.equal(crossing.status, 400);
    assert.match(pageText(crossing.text), /Select the plan priorities from the partnership.s own plans/);
    const notAccepted = await submit(editor, response, {
      response: 'not-accepted',
      reasons: 'No budget',
      meetingId: ids.boardMeeting,
      priorityIds: [early!.id],
    });
    assert.equal(notAccepted.status, 400);
    assert.match(pageText(notAccepted.text), /A recommendation not accepted led to no plan priority/);
    assert.equal(await auditCount(test), before);
    assert.equal(
      (await test.db.owner.selectFrom('voice_recommendation_priorities').selectAll().execute()).length,
      0,
    );
    assert.equal((await submit(editor, response, { ...fields, priorityIds: [early!.id] })).status, 303);

    const $ = (await import('cheerio')).load((await viewer.get(planPage)).text);
    const first = $(`#priority-${early!.id}`);
    assert.match(first.text(), /From what young people said/);
    const links = first
      .find('.app-priority-origins a')
      .map((_, a) => [[$(a).attr('href'), $(a).text().trim()]])
      .get() as unknown as [string, string][];
    assert.deepEqual(links, [
      [
        '/partnerships/medway/voice/having-a-say#theme-come-to-where-we-are',
        'Having a say: Come to where we are',
      ],
      [`/partnerships/medway/voice/recommendations#recommendation-${rec!.id}`, links[1]![1]],
    ]);
    assert.match(
      links[1]![1],
      /^Recommendation 1 of the young people.s board \(Youth Parliament sitting, .+\): Hold Network sessions at youth centres every quarter$/,
    );
    // the links lead to the theme and the recommendation
    assert.equal(
      (await import('cheerio')).load((await viewer.get(page)).text)('#theme-come-to-where-we-are').length,
      1,
    );
    assert.match(
      pageText((await viewer.get('/partnerships/medway/voice/recommendations')).text),
      /Plan priorities\s*Children and Young People.s Commissioning Plan: Early Help/,
    );
    // the other priority came from nothing young people said
    assert.doesNotMatch($(`#priority-${health!.id}`).text(), /From what young people said/);
    // the voice module's own list agrees
    const listed = pageText((await viewer.get('/partnerships/medway/voice/priorities')).text);
    assert.match(listed, /Early Help/);
    assert.match(listed, /Recommendation 1 of the young people.s board/);
    assert.doesNotMatch(listed, /Health and Wellbeing/);
    // another partnership's plan page does not show them
    const otherPlan = pageText((await other.get('/partnerships/other/plans/other-plan')).text);
    assert.doesNotMatch(otherPlan, /From what young people said/);
  });

  it('seeds what the five documents say of young people\u2019s voice, and no consultation, theme or recommendation they do not give', async () => {
    const { readSeeds, seedFiles } = await import('../../seeds/seed.reader.ts');
    const seeds = (await readSeeds(await seedFiles())).map(({ seed }) => seed);
    const of = (slug: string) => seeds.find((seed) => seed.partnership.slug === slug)!;
    // the young people's bodies a recommendation of the young people's board comes from
    assert.deepEqual(
      seeds.flatMap((seed) =>
        seed.bodies
          .filter((body) => body.kind === 'young-peoples-board')
          .map((body) => [seed.partnership.slug, body.name, body.history.at(-1)!.status]),
      ),
      [
        ['dudley', "Children and Young People's Board", 'proposed'],
        ['medway', 'Children in Care Council', 'established'],
        ['medway', 'Medway Youth Parliament', 'established'],
      ],
    );
    // Dudley (paragraphs 12 and 19): a board so that their views are "heard, understood and acted
    // on", and a plan based on surveys and activities that collected their views
    const dudley = of('dudley');
    assert.match(
      dudley.bodies.find((body) => body.kind === 'young-peoples-board')!.purpose!,
      /views of children and young people are heard, understood and acted on/,
    );
    assert.ok(
      dudley.plans[0]!.evidence!.some((item) => /views of young people/.test(item.title)),
      'the plan\u2019s evidence base names the views of young people',
    );
    // Bolton: two Youth MPs and two deputies sit on the board, flagged as young people
    const bolton = of('bolton');
    assert.equal(bolton.people.filter((person) => person.youngPerson).length, 4);
    // Medway (paragraph 3.3): the Network champions their voice and engages with both bodies
    const medway = of('medway');
    assert.match(
      medway.bodies.find((body) => body.slug === 'action-network')!.purpose!,
      /ensure the voice of children and young people is championed/,
    );
    assert.deepEqual(
      medway.relationships.filter((r) => r.to === 'action-network').map((r) => [r.from, r.kind]),
      [
        ['children-in-care-council', 'informs'],
        ['youth-parliament', 'informs'],
      ],
    );
    // None of the documents reports a consultation's questions, answers or themes, or a
    // recommendation of the young people's board, so the seeds carry none (Medway's acceptance
    // test checks the voice pages of the loaded seed are empty).
  });

  it('never crosses partnerships: another partnership sees none of the consultation, its responses or its link', async () => {
    assert.equal((await other.get(page)).status, 404);
    assert.equal((await other.get('/partnerships/medway/voice/recommendations')).status, 404);
    const list = await other.get('/partnerships/other/voice');
    assert.ok(!list.text.includes('Having a say'));
    // the link under another partnership's address is not valid
    assert.equal((await test.agent().get(link.replace('/medway/', '/other/'))).status, 404);
    const seen = await test.db.transaction({ partnershipId: ids.other }, (trx) =>
      Promise.all(
        (
          [
            'voice_consultations',
            'voice_questions',
            'voice_responses',
            'voice_answers',
            'voice_themes',
            'voice_outcomes',
            'voice_recommendations',
            'voice_recommendation_actions',
            'voice_recommendation_priorities',
          ] as const
        ).map(async (table) => (await trx.selectFrom(table).select('partnership_id').execute()).length),
      ),
    );
    assert.deepEqual(seen, [0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
});
