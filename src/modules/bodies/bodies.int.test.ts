import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  $,
  csrfTokenIn,
  makePartnership,
  signedInAs,
  startTestApp,
  submit,
  type TestApp,
  textsOf,
} from '../../../test/support/test-app.ts';
import { systemCaller } from '../../platform/http/auth.ts';

const board = {
  name: 'Children’s Trust Board',
  slug: 'board',
  kind: 'board',
  takesDecisions: 'yes',
  status: 'established',
  'statusOn-day': '',
  'statusOn-month': '11',
  'statusOn-year': '2008',
};

describe('bodies and the structure', () => {
  let test: TestApp;
  let partnershipId: string;
  before(async () => {
    test = await startTestApp();
    partnershipId = (await makePartnership(test.services, 'structure')).id;
  });
  after(() => test.close());

  it('adds a body through the form, and shows it on the structure page and in the diagram', async () => {
    const { agent } = await signedInAs(test, partnershipId, 'editor');
    const response = await submit(agent, '/partnerships/structure/bodies/new', board);
    assert.equal(response.status, 303);
    assert.equal(response.headers.location, '/partnerships/structure/bodies/board');
    const page = await agent.get('/partnerships/structure/structure');
    const html = $(page.text);
    assert.equal(html('#bodies tbody th').first().text().trim(), 'Children’s Trust Board');
    assert.equal(html('#bodies tbody td').eq(2).text().trim(), 'November 2008');
    assert.equal(html('svg.app-diagram a').length, 1);
    assert.match(html('svg.app-diagram title').text(), /Accountability diagram/);
    assert.ok(html('.app-tree a').text().includes('Children’s Trust Board'), 'the text equivalent lists it');
  });

  it('re-renders the body form with every problem and writes nothing', async () => {
    const { agent } = await signedInAs(test, partnershipId, 'editor');
    const response = await submit(agent, '/partnerships/structure/bodies/new', {
      ...board,
      name: '',
      kind: 'committee',
      membershipCap: 'twenty',
      'statusOn-month': '',
      'statusOn-year': '',
    });
    assert.equal(response.status, 400);
    const html = $(response.text);
    assert.deepEqual(
      html('.govuk-error-summary a')
        .map((_, el) => html(el).text().trim())
        .get(),
      [
        'Enter the body’s name',
        'Select the kind of body',
        'Membership cap must be a number, like 20',
        'Enter the date it was proposed or established',
      ],
    );
    assert.equal(html('#membershipCap').val(), 'twenty');
  });

  it('refuses a relationship that would make a body answer to itself, round a loop', async () => {
    const caller = systemCaller('test', partnershipId);
    const a = await test.services.bodies.create(caller, {
      slug: 'loop-a',
      name: 'Loop A',
      kind: 'sub-group',
      takesDecisions: false,
      status: 'established',
      statusOn: '2009',
    });
    const b = await test.services.bodies.create(caller, {
      slug: 'loop-b',
      name: 'Loop B',
      kind: 'sub-group',
      takesDecisions: false,
      status: 'established',
      statusOn: '2009',
    });
    const c = await test.services.bodies.create(caller, {
      slug: 'loop-c',
      name: 'Loop C',
      kind: 'sub-group',
      takesDecisions: false,
      status: 'established',
      statusOn: '2009',
    });
    await test.services.bodies.relate(caller, { fromBodyId: a.id, toBodyId: b.id, kind: 'reports-to' });
    await test.services.bodies.relate(caller, { fromBodyId: b.id, toBodyId: c.id, kind: 'reports-to' });
    const { agent } = await signedInAs(test, partnershipId, 'editor');
    const before = await test.services.bodies.relationships(caller);
    const response = await submit(agent, '/partnerships/structure/bodies/loop-c/relationships/new', {
      kind: 'accountable-to',
      toBodyId: a.id,
    });
    assert.equal(response.status, 400);
    assert.match(
      $(response.text)('#toBodyId-error').text(),
      /This would make Loop C answer to itself: Loop C → Loop A → Loop B → Loop C/,
    );
    const self = await submit(agent, '/partnerships/structure/bodies/loop-c/relationships/new', {
      kind: 'informs',
      toBodyId: c.id,
    });
    assert.match($(self.text)('#toBodyId-error').text(), /A body cannot be related to itself/);
    assert.deepEqual(await test.services.bodies.relationships(caller), before);
    const informs = await submit(agent, '/partnerships/structure/bodies/loop-c/relationships/new', {
      kind: 'informs',
      toBodyId: a.id,
    });
    assert.equal(informs.status, 303, 'information may flow round');
  });

  it('records a renaming and a dissolution, shows the structure as it was, and lists the changes', async () => {
    const caller = systemCaller('test', partnershipId);
    await test.services.bodies.create(caller, {
      slug: 'old-group',
      name: 'Early Years Group',
      kind: 'sub-group',
      takesDecisions: false,
      status: 'established',
      statusOn: '2008-01-01',
    });
    const { agent } = await signedInAs(test, partnershipId, 'editor');
    const renamed = await submit(agent, '/partnerships/structure/bodies/old-group/status', {
      status: 'renamed',
      'effectiveOn-day': '1',
      'effectiveOn-month': '4',
      'effectiveOn-year': '2010',
      newName: 'Best Start Group',
    });
    assert.equal(renamed.status, 303);
    const dissolved = await submit(agent, '/partnerships/structure/bodies/old-group/status', {
      status: 'dissolved',
      'effectiveOn-day': '28',
      'effectiveOn-month': '3',
      'effectiveOn-year': '2011',
    });
    assert.equal(dissolved.status, 303);
    const names = async (at: string) =>
      textsOf((await agent.get(`/partnerships/structure/structure?at=${at}`)).text, '#bodies tbody th');
    assert.ok((await names('2009-06-01')).includes('Early Years Group'));
    assert.ok((await names('2010-06-01')).includes('Best Start Group'));
    assert.ok(!(await names('2011-06-01')).includes('Best Start Group'));
    const changes = await agent.get('/partnerships/structure/structure?at=2011-12-31&from=2009-12-31');
    assert.deepEqual(textsOf(changes.text, '#changes li'), [
      '1 April 2010: Early Years Group renamed Best Start Group',
      '28 March 2011: Best Start Group: dissolved',
    ]);
    const again = await submit(agent, '/partnerships/structure/bodies/old-group/status', {
      status: 'on-hold',
      'effectiveOn-day': '1',
      'effectiveOn-month': '1',
      'effectiveOn-year': '2012',
    });
    assert.equal(again.status, 400);
    assert.match($(again.text)('.govuk-error-summary').text(), /had already ended by that date/);
  });

  it('keeps every version of the terms of reference and shows what changed', async () => {
    const { agent } = await signedInAs(test, partnershipId, 'editor');
    const first = await submit(agent, '/partnerships/structure/bodies/board/terms/new', {
      title: 'Terms of reference',
      'adoptedOn-day': '',
      'adoptedOn-month': '',
      'adoptedOn-year': '2007',
      text: 'The Board meets four times a year.',
    });
    assert.equal(first.status, 303);
    const second = await submit(agent, '/partnerships/structure/bodies/board/terms/new', {
      title: 'Terms of reference',
      'adoptedOn-day': '',
      'adoptedOn-month': '5',
      'adoptedOn-year': '2009',
      adoptedBy: 'The Board',
      text: 'The Board meets six times a year.',
    });
    assert.equal(second.headers.location, '/partnerships/structure/bodies/board/terms/2');
    const page = await agent.get('/partnerships/structure/bodies/board/terms/2');
    const html = $(page.text);
    assert.match(html('h1').text(), /version 2/);
    assert.match(html('#changes del').text(), /four/);
    assert.match(html('#changes ins').text(), /six/);
    assert.match(html('main').text(), /Adopted May 2009 by The Board/);
  });

  it('lets a viewer read the structure but not change it', async () => {
    const { agent } = await signedInAs(test, partnershipId, 'viewer');
    assert.equal((await agent.get('/partnerships/structure/structure')).status, 200);
    assert.equal((await agent.get('/partnerships/structure/bodies/board')).status, 200);
    assert.equal((await agent.get('/partnerships/structure/bodies/new')).status, 403);
    const page = await agent.get('/partnerships/structure/structure');
    const response = await agent
      .post('/partnerships/structure/bodies/new')
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), ...board, slug: 'sneaky' });
    assert.equal(response.status, 403);
  });

  it('serves the structure on a date through the API', async () => {
    const { user } = await signedInAs(test, partnershipId, 'viewer');
    const { token } = await test.services.tokens.create(systemCaller('test'), user.id, 'api');
    const response = await test
      .request()
      .get('/api/v1/partnerships/structure/bodies?at=2010-06-01')
      .set('Authorization', `Bearer ${token}`);
    assert.equal(response.status, 200);
    const body = response.body as {
      at: string;
      items: { slug: string; name: string; status: string; relationships: { kind: string; to: string }[] }[];
    };
    assert.equal(body.at, '2010-06-01');
    assert.equal(body.items.find((item) => item.slug === 'old-group')?.name, 'Best Start Group');
    assert.deepEqual(body.items.find((item) => item.slug === 'loop-a')?.relationships, [
      { kind: 'reports-to', to: 'loop-b', startsOn: null, endsOn: null },
    ]);
    const bad = await test
      .request()
      .get('/api/v1/partnerships/structure/bodies?at=yesterday')
      .set('Authorization', `Bearer ${token}`);
    assert.equal(bad.status, 400);
    assert.equal((await test.request().get('/api/v1/partnerships/structure/bodies')).status, 401);
  });

  it('records a lead officer, a quorum and how often the body meets', async () => {
    const caller = systemCaller('test', partnershipId);
    const officer = await test.services.membership.addPerson(caller, {
      name: 'Helen Jones',
      jobTitle: 'Assistant Director',
      email: null,
      phone: null,
      youngPerson: false,
      notes: null,
    });
    const { agent } = await signedInAs(test, partnershipId, 'editor');
    const form = await agent.get('/partnerships/structure/bodies/board/edit');
    assert.equal($(form.text)('#leadOfficerId option').length, 2);
    const changed = await submit(agent, '/partnerships/structure/bodies/board/edit', {
      name: 'Children’s Trust Board',
      slug: 'board',
      kind: 'board',
      takesDecisions: 'yes',
      leadOfficerId: officer,
      quorumMinimum: '6',
      quorumCategories: 'police',
      'cadence-board-meeting': '3',
      'cadence-annual-event': '1',
      'cadence-deep-dive': '2',
    });
    assert.equal(changed.status, 303);
    const body = (await test.services.bodies.list(caller)).find((b) => b.slug === 'board')!;
    assert.equal(body.leadOfficerId, officer);
    assert.deepEqual(body.quorumRule, { minimum: 6, categories: ['police'] });
    assert.deepEqual(body.cadenceRules, [
      { kind: 'board-meeting', perYear: 3 },
      { kind: 'annual-event', perYear: 1 },
      { kind: 'deep-dive', perYear: 2 },
    ]);
    const page = await agent.get('/partnerships/structure/bodies/board');
    const summary = $(page.text)('.govuk-summary-list').text();
    assert.match(summary, /Helen Jones/);
    assert.match(summary, /6 voting members, including Police/);
    assert.match(summary, /3 meetings, 1 annual event, 2 deep dives a year/);
    const bad = await submit(agent, '/partnerships/structure/bodies/board/edit', {
      name: 'X',
      slug: 'board',
      kind: 'board',
      takesDecisions: 'yes',
      quorumMinimum: 'six',
      'cadence-deep-dive': '-1',
    });
    assert.equal(bad.status, 400);
    assert.deepEqual(textsOf(bad.text, '.govuk-error-summary a'), [
      'Quorum must be a number, like 6',
      'Deep dives a year must be 0 or more',
    ]);
  });
});
