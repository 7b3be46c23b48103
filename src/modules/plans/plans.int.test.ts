import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  $,
  grant,
  makePartnership,
  makeUser,
  signedInAs,
  signIn,
  startTestApp,
  submit,
  textsOf,
  type Agent,
  type TestApp,
  dateFields,
  pageText,
  auditCount as auditEvents,
} from '../../../test/support/test-app.ts';
import { systemCaller } from '../../platform/http/auth.ts';

const base = '/partnerships/planning';
const plan = `${base}/plans/cypp-2009-11`;

describe('plans: priorities, actions, updates and versions', () => {
  let test: TestApp;
  let partnershipId: string;
  let editor: Agent;
  let bodyId: string;
  let leadPersonId: string;
  let organisationId: string;
  let leadUser: { email: string; password: string; id: string };
  before(async () => {
    test = await startTestApp();
    partnershipId = (await makePartnership(test.services, 'planning')).id;
    editor = (await signedInAs(test, partnershipId, 'editor')).agent;
    const caller = systemCaller('test', partnershipId);
    bodyId = (
      await test.services.bodies.create(caller, {
        slug: 'be-healthy',
        name: 'Be Healthy sub-group',
        kind: 'sub-group',
        takesDecisions: false,
        status: 'established',
        statusOn: '2007',
      })
    ).id;
    leadUser = await makeUser(test.services, { name: 'Lead Officer' });
    await grant(test.services, partnershipId, leadUser.id, 'member');
    leadPersonId = await test.services.membership.addPerson(caller, {
      name: 'Pat Lead',
      jobTitle: 'Head of Integrated Services',
      email: leadUser.email.toUpperCase(),
      phone: null,
      youngPerson: false,
      notes: null,
    });
    organisationId = await test.services.membership.addOrganisation(caller, {
      name: 'Dudley PCT',
      sector: 'health',
      category: null,
      notes: null,
    });
  });
  after(() => test.close());

  const auditCount = () => auditEvents(test);

  it('adds a plan with the five Every Child Matters outcomes as its framework, and its first version', async () => {
    const response = await submit(editor, `${base}/plans/new`, {
      title: 'Children and Young People’s Plan 2009-2011',
      slug: 'cypp-2009-11',
      kind: "children and young people's plan",
      ...dateFields('startsOn', '2009-04-01'),
      ...dateFields('endsOn', '2011-03-31'),
      status: 'draft',
      vision: 'Every child and young person in Dudley achieves their potential.',
    });
    assert.equal(response.status, 303);
    assert.equal(response.headers.location, plan);
    const page = await editor.get(plan);
    assert.deepEqual(textsOf(page.text, '#outcomes + ul li'), [
      'Be healthy',
      'Stay safe',
      'Enjoy and achieve',
      'Make a positive contribution',
      'Achieve economic well-being',
    ]);
    assert.match($(page.text)('.govuk-summary-list').first().text(), /1 version, with what changed/);
  });

  it('refuses a plan that ends before it starts, and writes nothing', async () => {
    const before = await auditCount();
    const response = await submit(editor, `${base}/plans/new`, {
      title: 'Backwards',
      slug: 'backwards',
      kind: 'other',
      ...dateFields('startsOn', '2011-04-01'),
      ...dateFields('endsOn', '2009-03-31'),
      status: 'draft',
    });
    assert.equal(response.status, 400);
    assert.deepEqual(textsOf(response.text, '.govuk-error-summary a'), [
      'End date must be after the start date',
    ]);
    assert.equal(await auditCount(), before);
  });

  it('keeps an evidence base and local outcomes', async () => {
    assert.equal(
      (
        await submit(editor, `${plan}/evidence/new`, {
          kind: 'inspection',
          title: 'Joint Area Review',
          'dated-year': '2006',
          link: 'https://www.example.org/jar-2006',
        })
      ).status,
      303,
    );
    assert.equal((await submit(editor, `${plan}/outcomes/new`, { title: 'Safer communities' })).status, 303);
    const page = await editor.get(plan);
    assert.deepEqual(textsOf(page.text, '#evidence-table tbody td'), ['Inspection', '2006']);
    assert.ok(textsOf(page.text, '#outcomes + ul li').includes('Safer communities (local)'));
  });

  it('adds a priority mapped to outcomes and owned by a body and a lead, with a dated and a recurring action', async () => {
    const detail = await test.services.plans.bySlug(systemCaller('test', partnershipId), 'cypp-2009-11');
    const [beHealthy, staySafe] = detail!.outcomes;
    const priority = await submit(editor, `${plan}/priorities/new`, {
      title: 'Improve outcomes for children and young people with a disability',
      outcomeIds: [beHealthy!.id, staySafe!.id] as unknown as string,
      ownerBodyId: bodyId,
      leadPersonId,
    });
    assert.equal(priority.status, 303);
    const priorityId = (await test.services.plans.bySlug(
      systemCaller('test', partnershipId),
      'cypp-2009-11',
    ))!.priorities[0]!.id;
    const dated = await submit(editor, `${plan}/priorities/${priorityId}/actions/new`, {
      text: 'Establish a multi-agency disability panel',
      leadKind: 'organisation',
      leadOrganisationId: organisationId,
      timing: 'date',
      ...dateFields('dueOn', '2009-12-31'),
      status: 'in progress',
    });
    assert.equal(dated.status, 303);
    const recurring = await submit(editor, `${plan}/priorities/${priorityId}/actions/new`, {
      text: 'Report progress on the CYPP to the Trust Board',
      leadKind: 'person',
      leadPersonId,
      partnerIds: organisationId,
      timing: 'recurring',
      recurrence: 'quarterly',
      ...dateFields('recursFrom', '2009-04-01'),
      status: 'in progress',
    });
    assert.equal(recurring.status, 303);

    const page = await editor.get(plan);
    const html = $(page.text);
    assert.equal(
      html('#priorities ~ section h3').first().text().trim(),
      'Priority 1: Improve outcomes for children and young people with a disability',
    );
    assert.match(html('#priorities ~ section dl').first().text(), /Be healthy; Stay safe/);
    assert.match(html('#priorities ~ section dl').first().text(), /Be Healthy sub-group/);
    assert.deepEqual(
      html('.app-actions tbody tr')
        .map((_, row) => html(row).find('td').eq(1).text().trim())
        .get(),
      ['By 31 December 2009', 'Quarterly from April 2009'],
    );
    assert.match(html('.app-actions tbody tr').eq(1).text(), /Overdue/);
  });

  it('shows each missing quarter of a recurring action, and an editor’s update fills one', async () => {
    const detail = (await test.services.plans.bySlug(systemCaller('test', partnershipId), 'cypp-2009-11'))!;
    const action = detail.priorities[0]!.actions[1]!;
    const path = `${plan}/actions/${action.id}`;
    const before = await editor.get(path);
    assert.match($(before.text)('.govuk-summary-list').text(), /April to June 2009; July to September 2009/);
    const posted = await submit(editor, `${path}/updates/new`, {
      ...dateFields('reportedOn', '2009-06-15'),
      rag: 'green',
      commentary: 'First quarterly report taken by the Trust Board.',
      status: 'in progress',
    });
    assert.equal(posted.status, 303);
    const after = await editor.get(path);
    assert.doesNotMatch($(after.text)('.govuk-summary-list').text(), /April to June 2009/);
    assert.deepEqual(textsOf(after.text, '#updates tbody td').slice(0, 2), [
      'Green',
      'First quarterly report taken by the Trust Board.',
    ]);
  });

  it('lets an action’s lead post an update as a member, and refuses a member who does not lead it', async () => {
    const detail = (await test.services.plans.bySlug(systemCaller('test', partnershipId), 'cypp-2009-11'))!;
    const [ledByOrganisation, ledByPat] = detail.priorities[0]!.actions;
    const lead = test.agent();
    await signIn(lead, leadUser.email, leadUser.password);
    const update = {
      ...dateFields('reportedOn', '2009-09-30'),
      rag: 'amber',
      commentary: 'Second report delayed to October.',
      status: 'in progress',
    };
    const own = await submit(lead, `${plan}/actions/${ledByPat!.id}/updates/new`, update);
    assert.equal(own.status, 303);

    const { agent: otherMember } = await signedInAs(test, partnershipId, 'member');
    const before = await auditCount();
    assert.equal((await lead.get(`${plan}/actions/${ledByOrganisation!.id}/updates/new`)).status, 403);
    const csrf = $((await lead.get(plan)).text)('input[name="_csrf"]').val();
    const refused = await lead
      .post(`${plan}/actions/${ledByOrganisation!.id}/updates/new`)
      .type('form')
      .send({ _csrf: String(csrf ?? ''), ...update });
    assert.equal(refused.status, 403);
    assert.match(
      pageText(refused.text),
      /Only the action’s lead, or an editor, can post an update on this action/,
    );
    assert.equal((await otherMember.get(`${plan}/actions/${ledByPat!.id}/updates/new`)).status, 403);
    assert.equal(await auditCount(), before);
    const after = (await test.services.plans.bySlug(systemCaller('test', partnershipId), 'cypp-2009-11'))!;
    assert.equal(after.priorities[0]!.actions[0]!.updates.length, 0);
  });

  it('refuses an action with no lead and no due date, and writes nothing', async () => {
    const detail = (await test.services.plans.bySlug(systemCaller('test', partnershipId), 'cypp-2009-11'))!;
    const before = await auditCount();
    const response = await submit(editor, `${plan}/priorities/${detail.priorities[0]!.id}/actions/new`, {
      text: 'Something',
      leadKind: 'body',
      timing: 'date',
      status: 'not started',
    });
    assert.equal(response.status, 400);
    assert.deepEqual(textsOf(response.text, '.govuk-error-summary a'), [
      'Select the lead from the list',
      'Enter the due date',
    ]);
    assert.equal(await auditCount(), before);
  });

  it('shows a partner every action it leads or contributes to, with its overdue updates', async () => {
    const page = await editor.get(`${base}/accountability?organisation=${organisationId}`);
    assert.equal(page.status, 200);
    const html = $(page.text);
    assert.deepEqual(textsOf(page.text, '#leads tbody th'), ['Establish a multi-agency disability panel']);
    assert.deepEqual(textsOf(page.text, '#contributes tbody th'), [
      'Report progress on the CYPP to the Trust Board',
    ]);
    assert.match(html('#summary').text(), /Dudley PCT leads 1 action and contributes to 1; 2 are overdue/);
    // Updated for April to June and July to September 2009; owed until the plan ends in March 2011.
    assert.match(
      html('#contributes tbody td').eq(2).text(),
      /Missing: October to December 2009; January to March 2010; .* October to December 2010; January to March 2011$/,
    );
    const unknown = await editor.get(
      `${base}/accountability?organisation=00000000-0000-4000-8000-000000000000`,
    );
    assert.equal(unknown.status, 400);
  });

  it('lists off-track and overdue actions by owning body in the exception report, as a page, Word and PDF', async () => {
    const page = await editor.get(`${base}/exceptions`);
    assert.equal(page.status, 200);
    assert.deepEqual(textsOf(page.text, 'main h2'), ['Be Healthy sub-group']);
    assert.equal($(page.text)('h1').text().trim(), 'Exception report of Partnership planning');
    const reasons = textsOf(page.text, '.app-exceptions tbody tr td:last-child');
    assert.match(reasons[0]!, /^Overdue: due by 31 December 2009$/);
    assert.match(reasons[1]!, /^Update missing for October to December 2009; .*January to March 2011$/);
    const word = await editor.get(`${base}/exceptions?format=docx`).buffer(true);
    assert.equal(word.status, 200);
    assert.match(String(word.headers['content-type']), /wordprocessingml/);
    const pdf = await editor.get(`${base}/exceptions?format=pdf`).buffer(true);
    assert.equal(pdf.status, 200);
    assert.equal(String(pdf.headers['content-type']), 'application/pdf');
  });

  it('gives a sub-group’s highlight report for a period, as a page and Word, and refuses a bad query', async () => {
    const query = `body=${bodyId}&from=2009-04-01&to=2009-06-30`;
    const page = await editor.get(`${base}/highlight?${query}`);
    assert.equal(page.status, 200);
    assert.equal(textsOf(page.text, 'main h2')[0], 'Children and Young People’s Plan 2009-2011: priority 1');
    assert.deepEqual(textsOf(page.text, '.app-highlight-actions tbody td:last-child'), [
      'None',
      '15 June 2009, green: First quarterly report taken by the Trust Board.',
    ]);
    const word = await editor.get(`${base}/highlight?${query}&format=docx`).buffer(true);
    assert.match(String(word.headers['content-type']), /wordprocessingml/);
    const bad = await editor.get(`${base}/highlight?body=&from=2009-13-01&to=2009-06-30`);
    assert.equal(bad.status, 400);
    assert.deepEqual(textsOf(bad.text, '.govuk-error-summary a'), [
      'Select a body from the list',
      'The first day must be a real date',
    ]);
    // the GOV.UK date inputs of the form, each problem linked to the field to correct
    const typed = await editor.get(
      `${base}/highlight?body=${bodyId}&from-day=31&from-month=2&from-year=2009&to-day=&to-month=&to-year=`,
    );
    assert.equal(typed.status, 400);
    const typedPage = $(typed.text);
    assert.deepEqual(
      typedPage('.govuk-error-summary a')
        .toArray()
        .map((link) => [typedPage(link).text().trim(), typedPage(link).attr('href')]),
      [
        ['The first day must be a real date', '#from-day'],
        ['Enter the last day', '#to-day'],
      ],
    );
    assert.equal(typedPage('#from-day').val(), '31', 'what was typed is kept');
    const asTyped = await editor.get(
      `${base}/highlight?body=${bodyId}&from-day=1&from-month=4&from-year=2009&to-day=30&to-month=6&to-year=2009`,
    );
    assert.equal(asTyped.status, 200);
    assert.deepEqual(textsOf(asTyped.text, '.app-highlight-actions tbody td:last-child'), [
      'None',
      '15 June 2009, green: First quarterly report taken by the Trust Board.',
    ]);
  });

  it('gives the plan on a page and the progress report as a page, Word and PDF', async () => {
    const onAPage = await editor.get(`${plan}/on-a-page`);
    assert.equal(onAPage.status, 200);
    const row = textsOf(onAPage.text, '#on-a-page tbody td');
    assert.deepEqual(row, [
      'Be healthy; Stay safe',
      'Be Healthy sub-group, Pat Lead',
      '2',
      '0 green, 1 amber, 0 red',
    ]);
    const progress = await editor.get(`${plan}/progress`);
    assert.match(
      textsOf(progress.text, '.app-progress tbody td').join(' | '),
      /Second report delayed to October/,
    );
    for (const path of [`${plan}/on-a-page`, `${plan}/progress`]) {
      const word = await editor.get(`${path}?format=docx`).buffer(true);
      assert.match(String(word.headers['content-type']), /wordprocessingml/);
      const pdf = await editor.get(`${path}?format=pdf`).buffer(true);
      assert.equal(String(pdf.headers['content-type']), 'application/pdf');
    }
  });

  it('keeps the history of a refreshed plan: what changed between versions is shown', async () => {
    const edited = await submit(editor, `${plan}/edit`, {
      title: 'Children and Young People’s Plan 2009-2011',
      slug: 'cypp-2009-11',
      kind: "children and young people's plan",
      ...dateFields('startsOn', '2009-04-01'),
      ...dateFields('endsOn', '2011-03-31'),
      status: 'agreed',
      vision: 'Every child and young person in Dudley achieves their potential.',
    });
    assert.equal(edited.status, 303);
    const recorded = await submit(editor, `${plan}/versions/new`, { note: 'Updated 2009' });
    assert.equal(recorded.status, 303);
    const page = await editor.get(`${plan}/versions`);
    const html = $(page.text);
    assert.deepEqual(textsOf(page.text, 'section h2'), [
      'Version 2: Updated 2009',
      'Version 1: First version',
    ]);
    const changes = textsOf(page.text, '#version-2 .app-changes li');
    assert.ok(changes.includes('Removed: Status: Draft'), changes.join('\n'));
    assert.ok(changes.includes('Added: Status: Agreed'));
    assert.ok(changes.includes('Added: Evidence: Joint Area Review'));
    assert.ok(
      changes.some((line) =>
        line.startsWith('Added: Action 1.2: Report progress on the CYPP to the Trust Board'),
      ),
    );
    assert.match(html('#version-1 pre').text(), /Status: Draft/);
  });
});
