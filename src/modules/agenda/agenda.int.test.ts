import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  $,
  binary,
  csrfTokenIn,
  makePartnership,
  signedInAs,
  startTestApp,
  type Agent,
  type TestApp,
  textsOf,
} from '../../../test/support/test-app.ts';
import { systemCaller, type Caller } from '../../platform/http/auth.ts';
import { makeBoardMeeting } from '../../../test/support/meetings.ts';

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);

describe('agendas and papers', () => {
  let test: TestApp;
  let caller: Caller;
  let partnershipId: string;
  let meetingId: string;
  let meetingPath: string;
  let editor: Agent;

  /** Posts the item form as the browser does: multipart, the CSRF token first, before the paper. */
  async function postItem(
    agent: Agent,
    path: string,
    fields: Record<string, string>,
    paper?: { name: string; content: Buffer },
  ) {
    const token = csrfTokenIn((await agent.get(path)).text);
    let request = agent.post(path).field('_csrf', token);
    for (const [name, value] of Object.entries(fields)) request = request.field(name, value);
    if (paper) request = request.attach('paper', paper.content, paper.name);
    return request;
  }
  const items = async () => test.services.agenda.agenda(caller, meetingId);

  before(async () => {
    test = await startTestApp();
    partnershipId = (await makePartnership(test.services, 'notts')).id;
    caller = systemCaller('test', partnershipId);
    meetingId = (await makeBoardMeeting(test.services, caller)).meetingId;
    meetingPath = `/partnerships/notts/meetings/${meetingId}`;
    editor = (await signedInAs(test, partnershipId, 'editor')).agent;
  });
  after(() => test.close());

  it('adds numbered items in order, with a paper, to the meeting’s page', async () => {
    const added = await postItem(
      editor,
      `${meetingPath}/agenda/new`,
      {
        number: '5',
        title: 'Statutory guidance on Children’s Trusts',
        purpose: 'decision',
        presenter: 'Corporate Director, Children and Young People’s Services',
        exempt: 'no',
      },
      { name: 'item-5.pdf', content: pdf('the report') },
    );
    assert.equal(added.status, 303);
    const form = await editor.get(`${meetingPath}/agenda/new`);
    assert.equal($(form.text)('#number').val(), '6', 'the next number is offered');
    await postItem(editor, `${meetingPath}/agenda/new`, {
      number: '1',
      title: 'Apologies',
      purpose: 'information',
      exempt: 'no',
    });
    const page = await editor.get(meetingPath);
    assert.deepEqual(textsOf(page.text, '#agenda-items h3'), [
      '1. Apologies',
      '5. Statutory guidance on Children’s Trusts',
    ]);
    assert.match(page.text, /For decision. Presented by Corporate Director/);
    const [, five] = await items();
    const download = await editor
      .get(`${meetingPath}/papers/${five!.papers[0]!.id}`)
      .buffer(true)
      .parse(binary);
    assert.equal(download.status, 200);
    assert.equal(download.headers['content-type'], 'application/pdf');
    assert.match(download.headers['content-disposition']!, /item-5\.pdf/);
    assert.deepEqual(download.body, pdf('the report'));
  });

  it('refuses a number used twice, a paper of the wrong type or too large, and an exempt item without its paragraph', async () => {
    const before = JSON.stringify(await items());
    const twice = await postItem(editor, `${meetingPath}/agenda/new`, {
      number: '5',
      title: 'Another item five',
      purpose: 'information',
      exempt: 'no',
    });
    assert.equal(twice.status, 400, twice.text.slice(0, 3000));
    assert.deepEqual(textsOf(twice.text, '.govuk-error-summary li'), [
      'Item 5 is already on this agenda: choose another number',
    ]);
    const fields = { number: '7', title: 'Budget', purpose: 'information', exempt: 'no' };
    const renamed = await postItem(editor, `${meetingPath}/agenda/new`, fields, {
      name: 'budget.pdf',
      content: Buffer.from('<html>not a PDF</html>'),
    });
    assert.equal(renamed.status, 400);
    assert.match(textsOf(renamed.text, '.govuk-error-summary li')[0]!, /not really a \.pdf file/);
    const program = await postItem(editor, `${meetingPath}/agenda/new`, fields, {
      name: 'budget.exe',
      content: Buffer.from('MZ'),
    });
    assert.match(textsOf(program.text, '.govuk-error-summary li')[0]!, /must be a PDF, Word/);
    const large = Buffer.alloc(10 * 1024 * 1024 + 10);
    large.write('%PDF-');
    const tooLarge = await postItem(editor, `${meetingPath}/agenda/new`, fields, {
      name: 'budget.pdf',
      content: large,
    });
    assert.equal(tooLarge.status, 400);
    assert.deepEqual(textsOf(tooLarge.text, '.govuk-error-summary li'), [
      'The paper must be smaller than 10 MB',
    ]);
    const noParagraph = await postItem(editor, `${meetingPath}/agenda/new`, { ...fields, exempt: 'yes' });
    assert.deepEqual(textsOf(noParagraph.text, '.govuk-error-summary li'), [
      'Select the paragraph of Schedule 12A that makes the item exempt',
    ]);
    assert.equal(JSON.stringify(await items()), before, 'nothing was written');
  });

  it('never shows an exempt item or its paper to a viewer, on the page, the API or the paper’s address', async () => {
    const exempt = await postItem(
      editor,
      `${meetingPath}/agenda/new`,
      {
        number: '8',
        title: 'Contract award: secret provider',
        purpose: 'decision',
        presenter: 'Head of Commissioning',
        exempt: 'yes',
        exemptParagraph: '3',
        exemptReason: 'Commercially sensitive tender prices',
      },
      { name: 'tender-prices.pdf', content: pdf('secret prices') },
    );
    assert.equal(exempt.status, 303);
    const item = (await items()).find((candidate) => candidate.number === 8)!;
    const paperPath = `${meetingPath}/papers/${item.papers[0]!.id}`;
    const secrets = [
      'secret provider',
      'Head of Commissioning',
      'tender-prices',
      'Commercially sensitive',
      item.papers[0]!.id,
    ];

    const viewer = await signedInAs(test, partnershipId, 'viewer');
    const page = await viewer.agent.get(meetingPath);
    assert.ok(textsOf(page.text, '#agenda-items h3').includes('8. Exempt item'));
    assert.match(page.text, /paragraph 3 of Schedule 12A/);
    for (const secret of secrets) assert.ok(!page.text.includes(secret), `${secret} shown to a viewer`);
    assert.equal((await viewer.agent.get(paperPath)).status, 404);

    const { token } = await test.services.tokens.create(systemCaller('test'), viewer.user.id, 'agenda');
    const api = await test
      .request()
      .get(`/api/v1/partnerships/notts/meetings/${meetingId}`)
      .set('Authorization', `Bearer ${token}`);
    assert.deepEqual(
      api.body.agenda.find((entry: { number: number }) => entry.number === 8),
      { number: 8, exempt: true, exemptParagraph: 3, withheld: true },
    );
    for (const secret of secrets) assert.ok(!api.text.includes(secret), `${secret} in the API for a viewer`);
    for (const feed of [
      '/partnerships/notts/meetings/mine.ics',
      '/partnerships/notts/bodies/board/meetings.ics',
    ]) {
      const text = (await viewer.agent.get(feed)).text;
      for (const secret of secrets) assert.ok(!text.includes(secret), `${secret} in ${feed}`);
    }

    const member = await signedInAs(test, partnershipId, 'member');
    const seen = await member.agent.get(meetingPath);
    assert.ok(textsOf(seen.text, '#agenda-items h3').includes('8. Contract award: secret provider'));
    assert.equal((await member.agent.get(paperPath)).status, 200);
  });

  it('changes an item, adds a paper to it, and removes papers and items', async () => {
    const [apologies] = await items();
    const changed = await postItem(
      editor,
      `${meetingPath}/agenda/${apologies!.id}/edit`,
      { number: '2', title: 'Apologies for absence', purpose: 'information', exempt: 'no' },
      { name: 'apologies.txt', content: Buffer.from('Apologies were received from three members.') },
    );
    assert.equal(changed.status, 303);
    const after = (await items()).find((item) => item.id === apologies!.id)!;
    assert.equal(after.number, 2);
    assert.equal(after.papers[0]!.fileName, 'apologies.txt');
    const token = csrfTokenIn((await editor.get(meetingPath)).text);
    const removedPaper = await editor
      .post(`${meetingPath}/papers/${after.papers[0]!.id}/remove`)
      .type('form')
      .send({ _csrf: token });
    assert.equal(removedPaper.status, 303);
    const removed = await editor
      .post(`${meetingPath}/agenda/${apologies!.id}/remove`)
      .type('form')
      .send({ _csrf: token });
    assert.equal(removed.status, 303);
    assert.deepEqual(
      (await items()).map((item) => item.number),
      [5, 8],
    );
    const viewer = await signedInAs(test, partnershipId, 'viewer');
    assert.equal((await viewer.agent.get(`${meetingPath}/agenda/new`)).status, 403);
  });
});
