import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  $,
  makePartnership,
  signedInAs,
  startTestApp,
  submit,
  type TestApp,
  auditCount as auditEvents,
  dateFields,
} from '../../../test/support/test-app.ts';
import { systemCaller, type Caller } from '../../platform/http/auth.ts';

describe('organisations that end', () => {
  let test: TestApp;
  let caller: Caller;
  let partnershipId: string;
  let boardId: string;
  let personId: string;
  const base = '/partnerships/succession';
  before(async () => {
    test = await startTestApp();
    partnershipId = (await makePartnership(test.services, 'succession')).id;
    caller = systemCaller('test', partnershipId);
    boardId = (
      await test.services.bodies.create(caller, {
        slug: 'board',
        name: 'Children’s Trust Board',
        kind: 'board',
        takesDecisions: true,
        status: 'established',
        statusOn: '2007',
      })
    ).id;
    personId = await test.services.membership.addPerson(caller, {
      name: 'Janet Walker',
      jobTitle: 'Director of Commissioning',
      email: null,
      phone: null,
      youngPerson: false,
      notes: null,
    });
  });
  after(() => test.close());

  const organisations = () => test.services.membership.organisations(caller);
  const byName = async (name: string) => (await organisations()).find((o) => o.name === name)!;
  const auditCount = () => auditEvents(test);

  it('records an end date and a successor through the form and lists them', async () => {
    const { agent } = await signedInAs(test, partnershipId, 'editor');
    const ccg = await submit(agent, `${base}/organisations/new`, {
      name: 'NHS Bolton Clinical Commissioning Group',
      sector: 'health',
      category: 'health-commissioner',
      ...dateFields('endsOn', '2022-06-30'),
    });
    assert.equal(ccg.status, 303);
    const form = await agent.get(`${base}/organisations/new`);
    assert.equal(form.status, 200);
    assert.equal(
      $(form.text)('#successorId option').filter(
        (_, o) => $(form.text)(o).text() === 'NHS Bolton Clinical Commissioning Group',
      ).length,
      1,
    );
    const pct = await submit(agent, `${base}/organisations/new`, {
      name: 'Bolton Primary Care Trust',
      sector: 'health',
      category: 'health-commissioner',
      ...dateFields('endsOn', '2013-03-31'),
      successorId: (await byName('NHS Bolton Clinical Commissioning Group')).id,
    });
    assert.equal(pct.status, 303);
    const recorded = await byName('Bolton Primary Care Trust');
    assert.equal(recorded.endsOn, '2013-03-31');
    assert.equal(recorded.successorId, (await byName('NHS Bolton Clinical Commissioning Group')).id);
    const list = await agent.get(`${base}/organisations`);
    assert.match(
      $(list.text)('#organisations').text().replace(/\s+/g, ' '),
      /Bolton Primary Care Trust\s*Ended on 31 March 2013; succeeded by NHS Bolton Clinical Commissioning Group/,
    );
    // the change form shows the answers again
    const edit = await agent.get(`${base}/organisations/${recorded.id}/edit`);
    const page = $(edit.text);
    assert.equal(page('#endsOn-day').val(), '31');
    assert.equal(page('#endsOn-month').val(), '3');
    assert.equal(page('#endsOn-year').val(), '2013');
    assert.equal(page('#successorId option[selected]').text(), 'NHS Bolton Clinical Commissioning Group');
    assert.equal(page(`#successorId option[value="${recorded.id}"]`).length, 0, 'not its own successor');
  });

  it('refuses a successor that ends before its predecessor, naming the dates, and writes nothing', async () => {
    const { agent } = await signedInAs(test, partnershipId, 'editor');
    await test.services.membership.addOrganisation(caller, {
      name: 'Bolton and Salford Shadow Trust',
      sector: 'health',
      category: null,
      notes: null,
      endsOn: '2012-12-31',
    });
    const [before, audited] = [await organisations(), await auditCount()];
    const response = await submit(agent, `${base}/organisations/new`, {
      name: 'Salford Primary Care Trust',
      sector: 'health',
      category: 'health-commissioner',
      ...dateFields('endsOn', '2013-03-31'),
      successorId: (await byName('Bolton and Salford Shadow Trust')).id,
    });
    assert.equal(response.status, 400);
    const summary = $(response.text)('.govuk-error-summary').text();
    assert.match(
      summary,
      /Bolton and Salford Shadow Trust ended on 31 December 2012, before Salford Primary Care Trust ended on 31 March 2013/,
    );
    assert.equal($(response.text)('#name').val(), 'Salford Primary Care Trust', 'the answers are kept');
    assert.deepEqual(await organisations(), before);
    assert.equal(await auditCount(), audited);

    // and the other way round: a successor changed to end before the organisation it succeeds
    const ccg = await byName('NHS Bolton Clinical Commissioning Group');
    const changed = await submit(agent, `${base}/organisations/${ccg.id}/edit`, {
      name: ccg.name,
      sector: 'health',
      category: 'health-commissioner',
      ...dateFields('endsOn', '2013-01-31'),
    });
    assert.equal(changed.status, 400);
    assert.match(
      $(changed.text)('.govuk-error-summary').text(),
      /succeeds Bolton Primary Care Trust, which ended on 31 March 2013: .* cannot end before that, on 31 January 2013/,
    );
    assert.equal((await byName(ccg.name)).endsOn, '2022-06-30');

    // nor is an organisation its own successor
    const self = await submit(agent, `${base}/organisations/${ccg.id}/edit`, {
      name: ccg.name,
      sector: 'health',
      ...dateFields('endsOn', '2022-06-30'),
      successorId: ccg.id,
    });
    assert.equal(self.status, 400);
    assert.match(self.text, /An organisation cannot succeed itself/);
  });

  it('refuses an end date before a seat or membership held on its behalf begins', async () => {
    const { agent } = await signedInAs(test, partnershipId, 'editor');
    const connexions = await test.services.membership.addOrganisation(caller, {
      name: 'Connexions Greater Manchester',
      sector: 'other',
      category: 'connexions',
      notes: null,
    });
    await test.services.membership.addSeat(caller, boardId, {
      label: 'The Connexions service',
      role: 'member',
      voting: true,
      howFilled: 'nominated',
      capacity: 1,
      organisationId: connexions,
      startsOn: '2010-01-01',
    });
    const audited = await auditCount();
    const seatRefused = await submit(agent, `${base}/organisations/${connexions}/edit`, {
      name: 'Connexions Greater Manchester',
      sector: 'other',
      category: 'connexions',
      ...dateFields('endsOn', '2009-12-31'),
    });
    assert.equal(seatRefused.status, 400);
    assert.match(
      $(seatRefused.text)('.govuk-error-summary').text(),
      /cannot end on 31 December 2009: the seat “The Connexions service” of Children’s Trust Board, held on its behalf, begins on 1 January 2010/,
    );
    assert.equal((await byName('Connexions Greater Manchester')).endsOn, null);

    const pct = await byName('Bolton Primary Care Trust');
    const seatId = await test.services.membership.addSeat(caller, boardId, {
      label: 'The Primary Care Trust',
      role: 'member',
      voting: true,
      howFilled: 'nominated',
      capacity: 1,
      category: 'health-commissioner',
      startsOn: '2008-04-01',
    });
    await test.services.membership.appoint(caller, {
      seatId,
      personId,
      organisationId: pct.id,
      startsOn: '2012-09-01',
      endsOn: '2013-03-31',
    });
    const membershipRefused = await submit(agent, `${base}/organisations/${pct.id}/edit`, {
      name: pct.name,
      sector: 'health',
      category: 'health-commissioner',
      ...dateFields('endsOn', '2012-06-30'),
      successorId: pct.successorId!,
    });
    assert.equal(membershipRefused.status, 400);
    assert.match(
      $(membershipRefused.text)('.govuk-error-summary').text(),
      /cannot end on 30 June 2012: a membership of “The Primary Care Trust” of Children’s Trust Board, held on its behalf, begins on 1 September 2012/,
    );
    assert.equal((await byName(pct.name)).endsOn, '2013-03-31');
    assert.equal(await auditCount(), audited + 2, 'only the seat and the appointment were recorded');

    // nor is anyone appointed on its behalf after it ended
    await assert.rejects(
      test.services.membership.appoint(caller, {
        seatId,
        personId,
        organisationId: pct.id,
        startsOn: '2013-09-01',
      }),
      /Bolton Primary Care Trust ended on 31 March 2013: a membership beginning on 1 September 2013 cannot be held on its behalf; choose its successor, NHS Bolton Clinical Commissioning Group/,
    );
  });

  it('offers the successor on the seats page once a seat’s organisation has ended', async () => {
    const { agent } = await signedInAs(test, partnershipId, 'editor');
    const pct = await byName('Bolton Primary Care Trust');
    const ccg = await byName('NHS Bolton Clinical Commissioning Group');
    const seatId = await test.services.membership.addSeat(caller, boardId, {
      label: 'A representative of the Primary Care Trust',
      role: 'member',
      voting: true,
      howFilled: 'nominated',
      capacity: 1,
      organisationId: pct.id,
      startsOn: '2008-04-01',
    });
    const before = await agent.get(`${base}/bodies/board/seats?at=2013-03-31`);
    assert.equal($(before.text)('.app-ended-organisation').length, 0, 'not yet ended on its last day');
    const after = await agent.get(`${base}/bodies/board/seats?at=2013-04-01`);
    const offer = $(after.text)('.app-ended-organisation');
    assert.equal(offer.length, 1);
    assert.match(
      offer.text().replace(/\s+/g, ' '),
      /Its organisation, Bolton Primary Care Trust, ended on 31 March 2013; it was succeeded by NHS Bolton Clinical Commissioning Group: change the seat/,
    );
    const href = offer.find('a').attr('href')!;
    assert.equal(href, `${base}/bodies/board/seats/${seatId}/edit?organisationId=${ccg.id}`);
    const form = await agent.get(href);
    assert.equal(form.status, 200);
    assert.equal($(form.text)('#organisationId option[selected]').text(), ccg.name);
    // a viewer is told, without the link
    const viewer = (await signedInAs(test, partnershipId, 'viewer')).agent;
    const seen = $((await viewer.get(`${base}/bodies/board/seats?at=2014-01-01`)).text)(
      '.app-ended-organisation',
    );
    assert.equal(seen.length, 1);
    assert.equal(seen.find('a').length, 0);
  });
});
