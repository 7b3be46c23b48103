// Confirm before destroying (issue 20 item 8, issue 21, ADR 0048): removing an agenda item, a
// paper, a plan's priority, action or milestone, a draft consultation's question or a
// declaration of interest asks first on one GOV.UK confirmation page
// that says what goes with it, and removes only on the POST from that page; a priority or an
// action with money recorded against it in Resources is refused on that page (ADR 0036),
// never a foreign-key error page, and nothing is removed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  $,
  auditCount,
  csrfTokenIn,
  grant,
  makePartnership,
  makeUser,
  signedInAs,
  startTestApp,
  textsOf,
  type Agent,
  type TestApp,
} from './support/test-app.ts';
import { makeBoardMeeting } from './support/meetings.ts';
import { systemCaller, type Caller } from '../src/platform/http/auth.ts';

const base = '/partnerships/confirming';
const item = (number: number, title: string) => ({
  number,
  title,
  purpose: 'decision' as const,
  presenter: null,
  exempt: false,
  exemptParagraph: null,
  exemptReason: null,
});

/** The confirmation page, then the POST its form makes (the token it carries, to the same address). */
async function confirm(agent: Agent, path: string) {
  const page = await agent.get(path);
  assert.equal(page.status, 200, path);
  const form = $(page.text)('main form[method="post"]');
  assert.equal(form.attr('action'), undefined, 'the form posts to the page itself');
  return {
    page,
    posted: await agent
      .post(path)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text) }),
  };
}

describe('confirm before destroying', () => {
  let test: TestApp;
  let caller: Caller;
  let partnershipId: string;
  let editor: Agent;
  let meetingId: string;
  let meetingPath: string;
  const ids = {} as Record<
    'budget' | 'pool' | 'poolPaper' | 'funded' | 'plain' | 'action' | 'pledge',
    string
  >;

  before(async () => {
    test = await startTestApp();
    partnershipId = (await makePartnership(test.services, 'confirming')).id;
    caller = systemCaller('test', partnershipId);
    ({ meetingId } = await makeBoardMeeting(test.services, caller));
    meetingPath = `${base}/meetings/${meetingId}`;
    const { agenda, record: records } = test.services;
    await agenda.addItem(caller, meetingId, item(1, 'Apologies'));
    await agenda.addItem(caller, meetingId, item(2, 'Budget 2009-10'), {
      fileName: 'budget.txt',
      content: Buffer.from('The budget for 2009-10.'),
    });
    await agenda.addItem(caller, meetingId, item(3, 'Pooled fund'), {
      fileName: 'pool.txt',
      content: Buffer.from('The pooled fund.'),
    });
    const items = await agenda.agenda(caller, meetingId);
    ids.budget = items.find((entry) => entry.number === 2)!.id;
    ids.pool = items.find((entry) => entry.number === 3)!.id;
    ids.poolPaper = items.find((entry) => entry.number === 3)!.papers[0]!.id;
    await agenda.addItem(caller, meetingId, item(4, 'Spare'), {
      fileName: 'second.txt',
      content: Buffer.from('A second paper.'),
    });
    await records.writeMinutes(caller, meetingId, ids.budget, 'The board considered the budget.');
    await records.addDecision(caller, meetingId, ids.budget, {
      text: 'Agreed the budget',
      delegatedTo: null,
    });
    await records.addDecision(caller, meetingId, ids.budget, {
      text: 'Asked for a report',
      delegatedTo: null,
    });
    await records.raiseAction(caller, meetingId, {
      agendaItemId: ids.budget,
      text: 'Report the budget to the council',
      ownerPersonId: null,
      ownerOrganisationId: null,
      ownerToBeConfirmed: true,
      dueOn: null,
    });

    // a plan with two priorities: one with money against it and against its action, one without
    const organisationId = await test.services.membership.addOrganisation(caller, {
      name: 'Dudley PCT',
      sector: 'health',
      category: null,
      notes: null,
    });
    await test.services.plans.create(caller, {
      slug: 'cypp',
      title: 'CYPP 2009-2011',
      kind: "children and young people's plan",
      startsOn: '2009-04-01',
      endsOn: '2011-03-31',
      vision: null,
      status: 'agreed',
      resourcing: null,
    });
    const priority = (title: string) =>
      test.services.plans.addPriority(caller, 'cypp', { title, outcomeIds: [], indicatorIds: [] });
    ids.funded = await priority('Early help');
    ids.plain = await priority('Play');
    ids.action = await test.services.plans.addAction(caller, 'cypp', ids.plain, {
      text: 'Open two play areas',
      leadKind: 'organisation',
      leadId: organisationId,
      partnerIds: [],
      status: 'in progress',
    } as Parameters<TestApp['services']['plans']['addAction']>[3]);
    await test.services.plans.addMilestone(caller, 'cypp', ids.action, {
      text: 'Sites chosen',
      dueOn: '2009-09-30',
    });
    await test.services.plans.addMilestone(caller, 'cypp', ids.action, {
      text: 'First area open',
      dueOn: '2010-03-31',
    });
    await test.services.resources.createFund(caller, {
      slug: 'pool',
      name: 'Children’s Fund',
      kind: 'pooled-s10',
      hostOrganisationId: organisationId,
      purpose: 'Prevention',
      agreementDocument: null,
      agreementStartsOn: '2009-04-01',
      agreementEndsOn: '2011-03-31',
      reviewOn: null,
      priorityIds: [ids.funded, ids.plain],
    });
    for (const description of ['Family support workers', 'Parenting programme'])
      await test.services.resources.addSpending(caller, 'pool', {
        year: 2009,
        priorityId: ids.funded,
        actionId: null,
        serviceId: null,
        description,
        planned: 1_000_000,
        committed: null,
        actual: null,
        decisionId: null,
      });
    ids.pledge = await test.services.resources.addPledge(caller, {
      organisationId,
      priorityId: ids.plain,
      actionId: ids.action,
      resource: 'premises',
      description: 'A site for a play area',
      amount: null,
      fromYear: 2009,
      toYear: 2009,
      status: 'agreed',
      pledgedOn: '2009-05-01',
      dueOn: null,
      agreedBy: null,
      decisionId: null,
    });
    ({ agent: editor } = await signedInAs(test, partnershipId, 'editor'));
  });
  after(() => test.close());

  it('asks before removing an agenda item, saying what goes with it, and removes it on the POST from that page', async () => {
    const show = await editor.get(meetingPath);
    const link = $(show.text)(`a[href="${meetingPath}/agenda/${ids.budget}/remove"]`);
    assert.equal(
      link.text().trim(),
      'Remove item 2',
      'the meeting page links to the question, it does not remove',
    );
    assert.equal($(show.text)(`form[action$="/agenda/${ids.budget}/remove"]`).length, 0);
    const before = await auditCount(test);
    const page = await editor.get(`${meetingPath}/agenda/${ids.budget}/remove`);
    assert.equal(page.status, 200);
    assert.equal($(page.text)('h1').text().trim(), 'Remove an item from the agenda');
    assert.equal(
      $(page.text)('#deleting').text().trim(),
      'Item 2: Budget 2009-10, with 1 paper, its minutes and 2 decisions.',
    );
    // each module keeping rows on the item words its own (ItemDependants), in the modules' order
    assert.deepEqual(textsOf(page.text, '#goes li'), [
      '1 paper (budget.txt)',
      'Its minutes',
      '2 decisions, with their links to funds and to what young people were told was done',
      'The board pack, if there is one, is made again without it',
    ]);
    assert.deepEqual(textsOf(page.text, '#stays li'), [
      '1 action from it, no longer linked to an item',
      'The other items keep their numbers',
    ]);
    assert.equal(await auditCount(test), before, 'asking changes nothing');
    assert.equal((await test.services.agenda.agenda(caller, meetingId)).length, 4);
    const { posted } = await confirm(editor, `${meetingPath}/agenda/${ids.budget}/remove`);
    assert.equal(posted.status, 303);
    assert.equal(posted.headers.location, `${meetingPath}#agenda`);
    const left = await test.services.agenda.agenda(caller, meetingId);
    assert.deepEqual(
      left.map((entry) => entry.number),
      [1, 3, 4],
    );
    assert.equal(await auditCount(test), before + 1);
  });

  it('asks before removing a paper, and keeps the item', async () => {
    const show = await editor.get(meetingPath);
    assert.equal(
      $(show.text)(`a[href="${meetingPath}/papers/${ids.poolPaper}/remove"]`).text().trim(),
      'Remove the paper pool.txt',
    );
    const { page, posted } = await confirm(editor, `${meetingPath}/papers/${ids.poolPaper}/remove`);
    assert.equal($(page.text)('#deleting').text().trim(), 'The paper pool.txt of item 3: Pooled fund.');
    assert.match($(page.text)('#stays').text(), /The item, its other papers/);
    assert.equal(posted.status, 303);
    const pool = (await test.services.agenda.agenda(caller, meetingId)).find(
      (entry) => entry.id === ids.pool,
    )!;
    assert.equal(pool.papers.length, 0);
  });

  it('refuses, on its page, to delete a priority with money recorded against it: no foreign-key error, nothing removed', async () => {
    const path = `${base}/plans/cypp/priorities/${ids.funded}/delete`;
    const page = await editor.get(path);
    assert.equal(page.status, 200);
    assert.equal(
      $(page.text)('#refusal').text().trim(),
      'This priority has money recorded against it in Resources: 2 spending entries of Children’s Fund. Move those entries to another priority or delete them first, so that no money is lost from the record by accident.',
    );
    assert.equal($(page.text)('main form[method="post"]').length, 0, 'no button to press');
    // the POST anyway (a page open from before the money was recorded): refused by the database's
    // keys, shown as the page's error, not a 500
    const before = await auditCount(test);
    const posted = await editor
      .post(path)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text) });
    assert.equal(posted.status, 400);
    assert.match(
      textsOf(posted.text, '.govuk-error-summary a')[0] ?? '',
      /money recorded against it in Resources/,
    );
    assert.equal(await auditCount(test), before);
    assert.equal((await test.services.plans.bySlug(caller, 'cypp'))!.priorities.length, 2);
  });

  it('refuses to delete an action with a pledge against it, the same way', async () => {
    const path = `${base}/plans/cypp/actions/${ids.action}/delete`;
    const page = await editor.get(path);
    assert.match(
      $(page.text)('#refusal').text(),
      /This action has money recorded against it in Resources: 1 pledge by Dudley PCT\./,
    );
    const posted = await editor
      .post(path)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text) });
    assert.equal(posted.status, 400);
    assert.match(
      textsOf(posted.text, '.govuk-error-summary a')[0] ?? '',
      /This action has money recorded against it/,
    );
  });

  it('asks before deleting a milestone, and deletes only that one', async () => {
    const actionPage = await editor.get(`${base}/plans/cypp/actions/${ids.action}`);
    const links = $(actionPage.text)('#milestones a[href$="/delete"]');
    assert.equal(links.length, 2, 'a link to a question for each milestone, no one-click button');
    assert.equal($(actionPage.text)('form[action*="/milestones/"]').length, 0);
    const path = String(links.first().attr('href'));
    const { page, posted } = await confirm(editor, path);
    assert.match(
      $(page.text)('#deleting').text(),
      /The milestone “Sites chosen” of the action “Open two play areas”/,
    );
    assert.equal(posted.status, 303);
    const detail = await test.services.plans.bySlug(caller, 'cypp');
    const action = detail!.priorities.flatMap((p) => p.actions).find((a) => a.id === ids.action)!;
    assert.deepEqual(
      action.milestones.map((m) => m.text),
      ['First area open'],
    );
  });

  it('deletes a priority once its money has gone, saying the fund’s link goes and the fund stays', async () => {
    await test.services.resources.deletePledge(caller, ids.pledge);
    await test.services.plans.deleteAction(caller, 'cypp', ids.action);
    const path = `${base}/plans/cypp/priorities/${ids.plain}/delete`;
    const { page, posted } = await confirm(editor, path);
    assert.deepEqual(textsOf(page.text, '#goes li'), [
      'Its place among the priorities Children’s Fund serves (the fund stays)',
    ]);
    assert.equal(posted.status, 303);
    assert.deepEqual(
      (await test.services.plans.bySlug(caller, 'cypp'))!.priorities.map((p) => p.title),
      ['Early help'],
    );
    const fund = (await test.services.resources.all(caller)).funds.find((f) => f.slug === 'pool')!;
    assert.deepEqual(fund.priorityIds, [ids.funded]);
  });

  it('asks before removing a body’s relationship, and keeps both bodies', async () => {
    const group = await test.services.bodies.create(caller, {
      slug: 'early-help-group',
      name: 'Early Help Group',
      kind: 'sub-group',
      takesDecisions: false,
      status: 'established',
      statusOn: '2008',
    });
    const board = (await test.services.bodies.list(caller)).find((body) => body.slug === 'board')!;
    await test.services.bodies.relate(caller, {
      fromBodyId: group.id,
      toBodyId: board.id,
      kind: 'reports-to',
    });
    const show = await editor.get(`${base}/bodies/early-help-group`);
    const link = $(show.text)('a[href*="/relationships/"][href$="/remove"]');
    assert.equal(link.length, 1);
    assert.equal($(show.text)('form[action*="/relationships/"]').length, 0, 'no one-click removal');
    const { page, posted } = await confirm(editor, String(link.attr('href')));
    assert.match($(page.text)('#deleting').text(), /^Early Help Group reports to Partnership Board\.$/);
    assert.equal(posted.status, 303);
    assert.equal((await test.services.bodies.relationships(caller)).length, 0);
    assert.equal((await test.services.bodies.list(caller)).length, 2);
  });

  it('asks before removing a draft consultation’s question, and refuses once the consultation has opened', async () => {
    const { voice } = test.services;
    const slug = await voice.create(caller, {
      slug: 'where-we-play',
      title: 'Where we play',
      purpose: 'To shape the play priority.',
      audience: ['young-people'],
      opensOn: '2009-05-01',
      closesOn: '2099-05-31',
      responsesPerDevice: 1,
      responseLimit: null,
      areas: [],
      asksContact: false,
      contactReason: null,
      privacyNotice: 'We keep your answers for two years.',
      safeguardingNotice: 'Call Childline free on 0800 1111.',
    });
    for (const [text, kind, choices] of [
      ['Where do you play?', 'choices', ['Park', 'Street']],
      ['What would help?', 'text', []],
    ] as const)
      await voice.addQuestion(caller, slug, {
        text,
        easyRead: kind === 'choices' ? 'Where do you go to play?' : null,
        kind,
        choices: [...choices],
        required: false,
      });
    const page = `${base}/voice/${slug}`;
    const [first, second] = (await voice.get(caller, slug)).questions;
    const show = await editor.get(page);
    assert.equal($(show.text)('form[action*="/questions/"]').length, 0, 'no one-click removal');
    assert.equal(
      $(show.text)(`a[href="${page}/questions/${first!.id}/remove"]`).text().replace(/\s+/g, ' ').trim(),
      'Remove question 1',
    );
    const before = await auditCount(test);
    const asked = await editor.get(`${page}/questions/${first!.id}/remove`);
    assert.equal($(asked.text)('h1').text().trim(), 'Remove a question');
    assert.equal($(asked.text)('#deleting').text().trim(), 'Question 1: Where do you play?');
    assert.deepEqual(textsOf(asked.text, '#goes li'), [
      'Its easy read wording: Where do you go to play?',
      'Its choices: Park, Street',
    ]);
    assert.match($(asked.text)('#stays').text(), /question 2 becomes question 1/);
    assert.equal(await auditCount(test), before, 'asking changes nothing');
    assert.equal((await voice.get(caller, slug)).questions.length, 2);
    const { posted } = await confirm(editor, `${page}/questions/${first!.id}/remove`);
    assert.equal(posted.status, 303);
    assert.equal(posted.headers.location, page);
    assert.deepEqual(
      (await voice.get(caller, slug)).questions.map((q) => q.text),
      ['What would help?'],
    );
    assert.equal(await auditCount(test), before + 1);
    // once open, the page says why and offers no button; a POST anyway changes nothing
    await voice.setStatus(caller, slug, 'open');
    const refusedPage = await editor.get(`${page}/questions/${second!.id}/remove`);
    assert.equal(
      $(refusedPage.text)('#refusal').text().trim(),
      'Questions can be removed only before the consultation opens',
    );
    assert.equal($(refusedPage.text)('main form[method="post"]').length, 0);
    const refused = await editor
      .post(`${page}/questions/${second!.id}/remove`)
      .type('form')
      .send({ _csrf: csrfTokenIn(refusedPage.text) });
    assert.equal(refused.status, 400);
    assert.match(
      textsOf(refused.text, '.govuk-error-summary a')[0] ?? '',
      /only before the consultation opens/,
    );
    assert.equal((await voice.get(caller, slug)).questions.length, 1);
    assert.equal(await auditCount(test), before + 2, 'only the opening recorded');
  });

  it('asks before withdrawing a declaration of interest, and withdraws it on the POST from that page', async () => {
    const board = (await test.services.bodies.list(caller)).find((body) => body.slug === 'board')!;
    const personId = await test.services.membership.addPerson(caller, {
      name: 'Ann Governor',
      jobTitle: null,
      email: null,
      phone: null,
      youngPerson: false,
      notes: null,
    });
    const seatId = await test.services.membership.addSeat(caller, board.id, {
      label: 'Schools representative',
      role: 'member',
      voting: true,
      howFilled: 'nominated',
      organisationId: null,
      capacity: 1,
    });
    await test.services.membership.appoint(caller, { seatId, personId, startsOn: '2008-01-01' });
    const apologies = (await test.services.agenda.agenda(caller, meetingId)).find(
      (entry) => entry.number === 1,
    )!;
    const declarationId = await test.services.declarations.declare(caller, meetingId, {
      agendaItemId: apologies.id,
      personId,
      kind: 'non-registrable',
      nature: 'Her daughter attends a school named in the item',
      participation: 'did-not-vote',
      interestId: null,
    });
    const path = `${meetingPath}/declarations/${declarationId}/remove`;
    const show = await editor.get(meetingPath);
    assert.equal($(show.text)('form[action$="/remove"]').length, 0, 'no one-click withdrawal');
    assert.equal(
      $(show.text)(`a[href="${path}"]`).text().replace(/\s+/g, ' ').trim(),
      'Withdraw the declaration of Ann Governor on item 1',
    );
    const before = await auditCount(test);
    const { page, posted } = await confirm(editor, path);
    assert.equal($(page.text)('h1').text().trim(), 'Withdraw a declaration of interest');
    assert.equal(
      $(page.text)('#deleting').text().trim(),
      'Ann Governor’s declaration of non-registrable (personal) interest in item 1: Apologies. Her daughter attends a school named in the item.',
    );
    assert.deepEqual(textsOf(page.text, '#goes li'), [
      'Its place under the item and in the minutes (“Stayed but did not vote”)',
    ]);
    assert.equal(posted.status, 303);
    assert.equal(posted.headers.location, `${meetingPath}#agenda`);
    assert.deepEqual(await test.services.declarations.ofMeeting(caller, meetingId), []);
    assert.equal(await auditCount(test), before + 1);
    assert.equal((await editor.get(path)).status, 404, 'gone');
  });

  it('asks before removing a user from the partnership, and refuses on that page to remove the last administrator', async () => {
    const { agent: admin, user } = await signedInAs(test, partnershipId, 'admin');
    const other = await makeUser(test.services);
    await grant(test.services, partnershipId, other.id, 'viewer');
    const list = await admin.get(`${base}/users`);
    assert.equal($(list.text)(`form[action$="/${other.id}/remove"]`).length, 0, 'no one-click removal');
    assert.equal($(list.text)(`a[href="${base}/users/${other.id}/remove"]`).length, 1);
    const { page, posted } = await confirm(admin, `${base}/users/${other.id}/remove`);
    assert.match($(page.text)('#deleting').text(), new RegExp(`\\(${other.email}\\), viewer of`));
    assert.equal(posted.status, 303);
    assert.equal(await test.services.members.roleOf(partnershipId, other.id), null);
    const last = await admin.get(`${base}/users/${user.id}/remove`);
    const refused = await admin
      .post(`${base}/users/${user.id}/remove`)
      .type('form')
      .send({ _csrf: csrfTokenIn(last.text) });
    assert.equal(refused.status, 400);
    assert.equal($(refused.text)('.govuk-error-summary').length, 1);
    assert.equal(await test.services.members.roleOf(partnershipId, user.id), 'admin');
  });
});
