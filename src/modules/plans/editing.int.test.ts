// Changing and deleting the parts of a plan through its pages: priorities (and their order),
// actions with their milestones and updates, and milestones. Each change is audited with what
// it was before; bad input and refused deletions write nothing.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  $,
  csrfTokenIn,
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
} from '../../../test/support/test-app.ts';
import { systemCaller, type Caller } from '../../platform/http/auth.ts';

const base = '/partnerships/editing';
const plan = `${base}/plans/cypp`;

describe('plans: changing and deleting priorities, actions and milestones', () => {
  let test: TestApp;
  let caller: Caller;
  let editor: Agent;
  let bodyId: string;
  let otherBodyId: string;
  let personId: string;
  let organisationId: string;
  let leadUser: { email: string; password: string; id: string };
  let slugCount = 0;
  let slug: string;
  let path: string;

  before(async () => {
    test = await startTestApp();
    const partnershipId = (await makePartnership(test.services, 'editing')).id;
    caller = systemCaller('test', partnershipId);
    editor = (await signedInAs(test, partnershipId, 'editor')).agent;
    const body = (slug: string, name: string) =>
      test.services.bodies.create(caller, {
        slug,
        name,
        kind: 'sub-group',
        takesDecisions: false,
        status: 'established',
        statusOn: '2007',
      });
    bodyId = (await body('be-healthy', 'Be Healthy sub-group')).id;
    otherBodyId = (await body('stay-safe', 'Stay Safe sub-group')).id;
    leadUser = await makeUser(test.services, { name: 'Lead Officer' });
    await grant(test.services, partnershipId, leadUser.id, 'member');
    personId = await test.services.membership.addPerson(caller, {
      name: 'Pat Lead',
      jobTitle: null,
      email: leadUser.email,
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

  /** A fresh plan for each test: three priorities, the first with an action, a milestone and an update. */
  beforeEach(async () => {
    slug = `cypp-${++slugCount}`;
    path = `${base}/plans/${slug}`;
    await test.services.plans.create(caller, {
      slug,
      title: `Plan ${slugCount}`,
      kind: "children and young people's plan",
      startsOn: '2009-04-01',
      endsOn: '2011-03-31',
      vision: null,
      status: 'draft',
      resourcing: null,
    });
    const outcomes = (await detail()).outcomes;
    for (const title of ['Be healthy first', 'Stay safe second', 'Achieve third'])
      await test.services.plans.addPriority(caller, slug, {
        title,
        ownerBodyId: bodyId,
        outcomeIds: [outcomes[0]!.id],
        indicatorIds: [],
      });
    const actionId = await test.services.plans.addAction(caller, slug, (await detail()).priorities[0]!.id, {
      text: 'Report to the Trust Board',
      leadKind: 'person',
      leadId: personId,
      partnerIds: [organisationId],
      recurrence: 'quarterly',
      recursFrom: '2009-04-01',
      status: 'in progress',
    });
    await test.services.plans.addMilestone(caller, slug, actionId, {
      text: 'First report',
      dueOn: '2009-06-30',
    });
    await test.services.plans.postUpdate(caller, slug, actionId, {
      reportedOn: '2009-06-20',
      rag: 'green',
      commentary: 'First report taken.',
    });
  });

  const detail = async () => (await test.services.plans.bySlug(caller, slug))!;
  const audits = () =>
    test.db.owner
      .selectFrom('audit_events')
      .select(['action', 'entity_type as entityType', 'summary', 'before', 'after'])
      .orderBy('id')
      .execute();
  const lastAudit = async () => (await audits()).at(-1)!;
  const asJson = (value: unknown) =>
    (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>;

  it('changes a priority’s text, outcomes, owning body and lead, audited before and after, and the next version shows it', async () => {
    const { priorities, outcomes } = await detail();
    const priority = priorities[1]!;
    await test.services.plans.recordVersion(caller, slug, 'Agreed');
    const form = await editor.get(`${path}/priorities/${priority.id}/edit`);
    assert.equal(form.status, 200);
    assert.equal($(form.text)('#title').text().trim(), 'Stay safe second');
    const response = await submit(editor, `${path}/priorities/${priority.id}/edit`, {
      title: 'Keep children safe from harm',
      description: 'Safeguarding first.',
      outcomeIds: [outcomes[1]!.id, outcomes[2]!.id],
      ownerBodyId: otherBodyId,
      leadPersonId: personId,
    });
    assert.equal(response.status, 303);
    assert.equal(response.headers.location, `${path}#priority-${priority.id}`);
    const changed = (await detail()).priorities[1]!;
    assert.equal(changed.title, 'Keep children safe from harm');
    assert.equal(changed.description, 'Safeguarding first.');
    assert.equal(changed.ownerBodyName, 'Stay Safe sub-group');
    assert.equal(changed.leadPersonName, 'Pat Lead');
    assert.deepEqual(
      changed.outcomes.map((outcome) => outcome.title),
      ['Stay safe', 'Enjoy and achieve'],
    );
    const audit = await lastAudit();
    assert.equal(audit.action, 'update');
    assert.equal(audit.entityType, 'plan priority');
    assert.equal(asJson(audit.before).title, 'Stay safe second');
    assert.equal(asJson(audit.after).title, 'Keep children safe from harm');

    await submit(editor, `${path}/versions/new`, { note: 'Refreshed' });
    const versions = await editor.get(`${path}/versions`);
    const changes = textsOf(versions.text, '#version-3 .app-changes li');
    assert.ok(
      changes.includes('Removed: Priority 2: Stay safe second (Be Healthy sub-group)'),
      changes.join('\n'),
    );
    assert.ok(
      changes.includes('Added: Priority 2: Keep children safe from harm (Stay Safe sub-group, Pat Lead)'),
    );
  });

  it('refuses a priority with no text or an unknown body, and writes nothing', async () => {
    const priority = (await detail()).priorities[0]!;
    const before = await audits();
    const empty = await submit(editor, `${path}/priorities/${priority.id}/edit`, { title: '  ' });
    assert.equal(empty.status, 400);
    assert.deepEqual(textsOf(empty.text, '.govuk-error-summary a'), ['Enter the priority']);
    const unknown = await submit(editor, `${path}/priorities/${priority.id}/edit`, {
      title: 'Changed',
      ownerBodyId: '00000000-0000-4000-8000-000000000000',
    });
    assert.equal(unknown.status, 400);
    assert.deepEqual(textsOf(unknown.text, '.govuk-error-summary a'), [
      'Select the owning body from the list',
    ]);
    assert.deepEqual(await audits(), before);
    assert.equal((await detail()).priorities[0]!.title, 'Be healthy first');
  });

  it('moves a priority up and down the order, and refuses to move the first one up', async () => {
    const [first, second] = (await detail()).priorities;
    const down = await submit(editor, `${path}/priorities/${first!.id}/move`, { direction: 'down' }, path);
    assert.equal(down.status, 303);
    assert.deepEqual(
      (await detail()).priorities.map((priority) => `${priority.position} ${priority.title}`),
      ['1 Stay safe second', '2 Be healthy first', '3 Achieve third'],
    );
    assert.match((await lastAudit()).summary, /Moved “Be healthy first” from priority 1 to 2/);
    const page = await editor.get(path);
    assert.equal(textsOf(page.text, '#priorities ~ section h3')[0], 'Priority 1: Stay safe second');

    const before = await audits();
    const refused = await submit(editor, `${path}/priorities/${second!.id}/move`, { direction: 'up' }, path);
    assert.equal(refused.status, 400);
    assert.match(refused.text, /Priority 1 is already first/);
    assert.deepEqual(await audits(), before);
    const up = await submit(editor, `${path}/priorities/${first!.id}/move`, { direction: 'up' }, path);
    assert.equal(up.status, 303);
    assert.equal((await detail()).priorities[0]!.title, 'Be healthy first');
  });

  it('gives a second editor forms with their own token on the page kept for the first (ADR 0023)', async () => {
    const other = (await signedInAs(test, caller.partnershipId, 'editor')).agent;
    await editor.get(path).expect(200);
    const page = $((await other.get(path).expect(200)).text);
    const form = page('form[action$="/move"]').first();
    const moved = await other
      .post(String(form.attr('action')))
      .type('form')
      .send({ _csrf: String(form.find('input[name="_csrf"]').val()), direction: 'down' });
    assert.equal(moved.status, 303);
  });

  it('refuses to delete a priority that still has actions, and deletes one without, renumbering the rest', async () => {
    const [withAction, second] = (await detail()).priorities;
    const ask = await editor.get(`${path}/priorities/${withAction!.id}/delete`);
    assert.equal(ask.status, 200);
    assert.match($(ask.text)('#refusal').text(), /still has 1 action: delete it first/);
    assert.equal($(ask.text)('button:contains("Delete the priority")').length, 0);
    const before = await audits();
    const refused = await submit(editor, `${path}/priorities/${withAction!.id}/delete`, {}, path);
    assert.equal(refused.status, 400);
    assert.deepEqual(textsOf(refused.text, '.govuk-error-summary a'), [
      'This priority still has 1 action: delete it first, so that no action, milestone or update is lost by accident',
    ]);
    assert.deepEqual(await audits(), before);
    assert.equal((await detail()).priorities.length, 3);

    const confirm = await editor.get(`${path}/priorities/${second!.id}/delete`);
    assert.match($(confirm.text)('#goes').text(), /links to the plan’s outcomes/);
    const deleted = await submit(editor, `${path}/priorities/${second!.id}/delete`, {});
    assert.equal(deleted.status, 303);
    assert.deepEqual(
      (await detail()).priorities.map((priority) => `${priority.position} ${priority.title}`),
      ['1 Be healthy first', '2 Achieve third'],
    );
    const audit = await lastAudit();
    assert.equal(audit.action, 'delete');
    assert.equal(asJson(audit.before).title, 'Stay safe second');
  });

  it('changes an action’s text, lead, partners, timing and status, audited before and after', async () => {
    const action = (await detail()).priorities[0]!.actions[0]!;
    const form = await editor.get(`${path}/actions/${action.id}/edit`);
    assert.equal(form.status, 200);
    assert.equal($(form.text)('#recurrence option:selected').val(), 'quarterly');
    assert.equal($(form.text)('input[name="timing"]:checked').val(), 'recurring');
    const response = await submit(editor, `${path}/actions/${action.id}/edit`, {
      text: 'Report to the Trust Board twice',
      leadKind: 'body',
      leadBodyId: otherBodyId,
      partnerIds: [],
      timing: 'date',
      ...dateFields('dueOn', '2010-03-31'),
      status: 'completed',
    });
    assert.equal(response.status, 303);
    const changed = (await detail()).priorities[0]!.actions[0]!;
    assert.equal(changed.text, 'Report to the Trust Board twice');
    assert.equal(changed.leadName, 'Stay Safe sub-group');
    assert.deepEqual(changed.partners, []);
    assert.equal(changed.dueOn, '2010-03-31');
    assert.equal(changed.recurrence, null);
    assert.equal(changed.status, 'completed');
    assert.equal(changed.updates.length, 1, 'its updates are kept');
    const audit = await lastAudit();
    assert.equal(audit.entityType, 'plan action');
    assert.deepEqual(asJson(audit.before).partners, ['Dudley PCT']);
    assert.equal(asJson(audit.before).recurrence, 'quarterly');
    assert.equal(asJson(audit.after).dueOn, '2010-03-31');
  });

  it('refuses an action made recurring with no start, or led by no one, and writes nothing', async () => {
    const action = (await detail()).priorities[0]!.actions[0]!;
    const before = await audits();
    const response = await submit(editor, `${path}/actions/${action.id}/edit`, {
      text: 'Changed',
      leadKind: 'organisation',
      timing: 'recurring',
      recurrence: 'monthly',
      status: 'in progress',
    });
    assert.equal(response.status, 400);
    assert.deepEqual(textsOf(response.text, '.govuk-error-summary a'), [
      'Select the lead from the list',
      'Enter the date it recurs from',
    ]);
    assert.deepEqual(await audits(), before);
    assert.equal((await detail()).priorities[0]!.actions[0]!.text, 'Report to the Trust Board');
  });

  it('lets the action’s lead post updates but not change or delete it', async () => {
    const action = (await detail()).priorities[0]!.actions[0]!;
    const lead = test.agent();
    await signIn(lead, leadUser.email, leadUser.password);
    assert.equal((await lead.get(`${path}/actions/${action.id}/updates/new`)).status, 200);
    const page = await lead.get(`${path}/actions/${action.id}`);
    assert.equal($(page.text)('a:contains("Change the action")').length, 0);
    assert.equal((await lead.get(`${path}/actions/${action.id}/edit`)).status, 403);
    assert.equal((await lead.get(`${path}/actions/${action.id}/delete`)).status, 403);
    const before = await audits();
    const csrf = csrfTokenIn(page.text);
    for (const [where, fields] of [
      [
        'edit',
        {
          text: 'Taken over',
          leadKind: 'person',
          leadPersonId: personId,
          timing: 'none',
          status: 'completed',
        },
      ],
      ['delete', {}],
      [`milestones/${action.milestones[0]!.id}/delete`, {}],
    ] as const) {
      const refused = await lead
        .post(`${path}/actions/${action.id}/${where}`)
        .type('form')
        .send({ _csrf: csrf, ...fields });
      assert.equal(refused.status, 403, where);
    }
    assert.deepEqual(await audits(), before);
    assert.equal((await detail()).priorities[0]!.actions[0]!.milestones.length, 1);
  });

  it('deletes an action with its milestones and updates, keeping them in the audit trail', async () => {
    const action = (await detail()).priorities[0]!.actions[0]!;
    const ask = await editor.get(`${path}/actions/${action.id}/delete`);
    assert.equal(ask.status, 200);
    assert.deepEqual(textsOf(ask.text, '#goes li'), [
      '1 progress update',
      '1 milestone',
      'Its list of 1 contributing partner (the organisations stay)',
    ]);
    const deleted = await submit(editor, `${path}/actions/${action.id}/delete`, {});
    assert.equal(deleted.status, 303);
    assert.equal((await detail()).priorities[0]!.actions.length, 0);
    for (const table of ['plan_milestones', 'plan_action_updates', 'plan_action_partners'] as const) {
      const left = await test.db.owner
        .selectFrom(table)
        .select('action_id')
        .where('action_id', '=', action.id)
        .execute();
      assert.equal(left.length, 0, table);
    }
    const audit = await lastAudit();
    assert.equal(audit.action, 'delete');
    const kept = asJson(audit.before);
    assert.equal((kept.updates as { commentary: string }[])[0]!.commentary, 'First report taken.');
    assert.equal((kept.milestones as { text: string }[])[0]!.text, 'First report');
    assert.equal((await editor.get(`${path}/actions/${action.id}`)).status, 404);
  });

  it('changes and deletes a milestone, and refuses one with no text', async () => {
    const action = (await detail()).priorities[0]!.actions[0]!;
    const milestone = action.milestones[0]!;
    const at = `${path}/actions/${action.id}/milestones/${milestone.id}`;
    const before = await audits();
    const empty = await submit(editor, `${at}/edit`, { text: '' });
    assert.equal(empty.status, 400);
    assert.deepEqual(textsOf(empty.text, '.govuk-error-summary a'), ['Enter the milestone']);
    assert.deepEqual(await audits(), before);

    const changed = await submit(editor, `${at}/edit`, {
      text: 'First report to the Board',
      ...dateFields('dueOn', '2009-06-30'),
      ...dateFields('doneOn', '2009-06-20'),
    });
    assert.equal(changed.status, 303);
    const now = (await detail()).priorities[0]!.actions[0]!.milestones[0]!;
    assert.equal(now.text, 'First report to the Board');
    assert.equal(now.doneOn, '2009-06-20');
    assert.equal(asJson((await lastAudit()).before).doneOn, null);

    const deleted = await submit(editor, `${at}/delete`, {}, `${path}/actions/${action.id}`);
    assert.equal(deleted.status, 303);
    assert.equal((await detail()).priorities[0]!.actions[0]!.milestones.length, 0);
    assert.equal((await lastAudit()).action, 'delete');
    assert.equal((await editor.get(`${at}/edit`)).status, 404);
  });

  it('gives 404 for a priority, action or milestone that is not the plan’s', async () => {
    const other = (await detail()).priorities[0]!;
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const where of [
      `${plan}/priorities/${other.id}/edit`,
      `${path}/priorities/${unknown}/edit`,
      `${path}/priorities/not-an-id/delete`,
      `${path}/actions/${unknown}/edit`,
      `${path}/actions/${other.actions[0]!.id}/milestones/${unknown}/edit`,
    ])
      assert.equal((await editor.get(where)).status, 404, where);
  });
});
