import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  $,
  makePartnership,
  signedInAs,
  startTestApp,
  submit,
  type TestApp,
  textsOf,
} from '../../../test/support/test-app.ts';
import { systemCaller, type Caller } from '../../platform/http/auth.ts';

describe('seats and members', () => {
  let test: TestApp;
  let caller: Caller;
  let partnershipId: string;
  let boardId: string;
  let people: { anne: string; bill: string; youth: string };
  before(async () => {
    test = await startTestApp();
    partnershipId = (await makePartnership(test.services, 'seats')).id;
    caller = systemCaller('test', partnershipId);
    boardId = (
      await test.services.bodies.create(caller, {
        slug: 'board',
        name: 'Trust Board',
        kind: 'board',
        takesDecisions: true,
        status: 'established',
        statusOn: '2007',
      })
    ).id;
    people = {
      anne: await test.services.membership.addPerson(caller, {
        name: 'Anne Gorton',
        jobTitle: 'Strategy and Performance Manager',
        email: 'anne@example.org',
        phone: null,
        youngPerson: false,
        notes: null,
      }),
      bill: await test.services.membership.addPerson(caller, {
        name: 'Bill Wilson',
        jobTitle: 'Headteacher',
        email: null,
        phone: null,
        youngPerson: false,
        notes: null,
      }),
      youth: await test.services.membership.addPerson(caller, {
        name: 'Nafisah Atcha',
        jobTitle: 'Youth MP',
        email: null,
        phone: null,
        youngPerson: true,
        notes: null,
      }),
    };
  });
  after(() => test.close());

  it('adds seats in order through the form and appoints people to them', async () => {
    const { agent } = await signedInAs(test, partnershipId, 'editor');
    const seat = {
      role: 'member',
      voting: 'yes',
      howFilled: 'elected',
      filledBy: 'special school head teachers',
      category: 'school',
      capacity: '1',
    };
    assert.equal(
      (
        await submit(agent, '/partnerships/seats/bodies/board/seats/new', {
          ...seat,
          label: 'An elected Special School Head teacher',
        })
      ).status,
      303,
    );
    assert.equal(
      (
        await submit(agent, '/partnerships/seats/bodies/board/seats/new', {
          ...seat,
          label: 'Youth MP',
          category: 'young-people',
          howFilled: 'elected',
          filledBy: 'young people',
        })
      ).status,
      303,
    );
    const seats = await test.services.membership.seats(caller, boardId);
    assert.deepEqual(
      seats.map((s) => [s.position, s.label]),
      [
        [1, 'An elected Special School Head teacher'],
        [2, 'Youth MP'],
      ],
    );
    const appointed = await submit(agent, `/partnerships/seats/bodies/board/seats/${seats[0]!.id}/appoint`, {
      personId: people.bill,
      'startsOn-day': '1',
      'startsOn-month': '9',
      'startsOn-year': '2008',
      substituteIds: people.anne,
    });
    assert.equal(appointed.status, 303);
    await test.services.membership.appoint(caller, {
      seatId: seats[1]!.id,
      personId: people.youth,
      startsOn: '2008-09-01',
    });
    const page = await agent.get('/partnerships/seats/bodies/board/seats?at=2009-02-12');
    const rows = $(page.text)('#seats tbody tr');
    assert.equal(rows.length, 2);
    assert.match(rows.eq(0).text(), /Bill Wilson/);
    assert.match(rows.eq(0).text(), /Substitutes: Anne Gorton/);
  });

  it('refuses a membership that ends before it starts, naming the field, and writes nothing', async () => {
    const { agent } = await signedInAs(test, partnershipId, 'editor');
    const seatId = await test.services.membership.addSeat(caller, boardId, {
      label: 'A Post 16 College Principal',
      role: 'member',
      voting: true,
      howFilled: 'nominated',
      category: 'further-education',
      capacity: 1,
    });
    const response = await submit(agent, `/partnerships/seats/bodies/board/seats/${seatId}/appoint`, {
      personId: people.anne,
      'startsOn-day': '1',
      'startsOn-month': '4',
      'startsOn-year': '2009',
      'endsOn-day': '31',
      'endsOn-month': '3',
      'endsOn-year': '2009',
    });
    assert.equal(response.status, 400);
    assert.equal($(response.text)('.govuk-error-summary a').first().attr('href'), '#endsOn-day');
    assert.match(
      $(response.text)('.govuk-error-summary').text(),
      /End date must be the same as or after the start date/,
    );
    assert.equal($(response.text)('#startsOn-year').val(), '2009');
    assert.equal((await test.services.membership.memberships(caller, { personId: people.anne })).length, 0);
  });

  it('refuses two holders of a single seat at once, and allows one after the other', async () => {
    const seatId = await test.services.membership.addSeat(caller, boardId, {
      label: 'An Independent Chair',
      role: 'chair',
      voting: true,
      howFilled: 'appointed',
      capacity: 1,
      independent: true,
    });
    await test.services.membership.appoint(caller, {
      seatId,
      personId: people.anne,
      startsOn: '2007-04-01',
      endsOn: '2009-03-31',
    });
    await assert.rejects(
      test.services.membership.appoint(caller, { seatId, personId: people.bill, startsOn: '2009-01-01' }),
      /“An Independent Chair” is already held by Anne Gorton then: end that membership first/,
    );
    await test.services.membership.appoint(caller, { seatId, personId: people.bill, startsOn: '2009-04-01' });
    const held = await test.services.membership.memberships(caller, { on: '2009-06-01' });
    assert.ok(held.some((m) => m.seatId === seatId && m.personName === 'Bill Wilson'));
  });

  it('refuses a seat on a dissolved body', async () => {
    const group = await test.services.bodies.create(caller, {
      slug: 'gone',
      name: 'Old group',
      kind: 'sub-group',
      takesDecisions: false,
      status: 'established',
      statusOn: '2007',
    });
    await test.services.bodies.recordStatus(caller, group.id, {
      status: 'dissolved',
      effectiveOn: '2011-03-28',
    });
    await assert.rejects(
      test.services.membership.addSeat(caller, group.id, {
        label: 'Member',
        role: 'member',
        voting: true,
        howFilled: 'appointed',
        capacity: 1,
      }),
      /Old group has been dissolved or replaced by then: its seats cannot change/,
    );
  });

  it('exports the membership as CSV without naming young people', async () => {
    const { agent } = await signedInAs(test, partnershipId, 'viewer');
    const csv = await agent.get('/partnerships/seats/bodies/board/seats?at=2009-02-12&format=csv');
    assert.match(csv.headers['content-type']!, /text\/csv/);
    assert.match(csv.text, /An elected Special School Head teacher,.*Bill Wilson/);
    assert.match(csv.text, /Youth MP,.*A young person/);
    assert.doesNotMatch(csv.text, /Nafisah/);
  });

  it('serves seats in order and organisations through the API, without young people’s names', async () => {
    const { user } = await signedInAs(test, partnershipId, 'viewer');
    await test.services.membership.addOrganisation(caller, {
      name: 'Bolton CVS',
      sector: 'voluntary-community',
      category: 'voluntary-community',
      notes: null,
    });
    const { token } = await test.services.tokens.create(systemCaller('test'), user.id, 'api');
    const seats = await test
      .request()
      .get('/api/v1/partnerships/seats/bodies/board/seats?at=2009-02-12')
      .set('Authorization', `Bearer ${token}`);
    assert.equal(seats.status, 200);
    const items = (
      seats.body as {
        items: {
          position: number;
          label: string;
          holders: { name: string | null; youngPerson: boolean }[];
        }[];
      }
    ).items;
    assert.deepEqual(
      items.slice(0, 2).map((s) => s.position),
      [1, 2],
    );
    assert.deepEqual(items[1]!.holders, [
      {
        name: null,
        youngPerson: true,
        organisation: null,
        organisations: [],
        startsOn: '2008-09-01',
        endsOn: null,
      },
    ]);
    assert.doesNotMatch(seats.text, /Nafisah/);
    const organisations = await test
      .request()
      .get('/api/v1/partnerships/seats/organisations')
      .set('Authorization', `Bearer ${token}`);
    assert.deepEqual((organisations.body as { items: unknown[] }).items, [
      { name: 'Bolton CVS', sector: 'voluntary-community', category: 'voluntary-community' },
    ]);
  });

  it('lists vacancies, terms ending soon and bodies over their cap', async () => {
    const capped = await test.services.bodies.create(caller, {
      slug: 'capped',
      name: 'Capped network',
      kind: 'network',
      takesDecisions: false,
      status: 'established',
      statusOn: '2013-11',
      membershipCap: 1,
    });
    const first = await test.services.membership.addSeat(caller, capped.id, {
      label: 'Chair',
      role: 'chair',
      voting: true,
      howFilled: 'ex-officio',
      capacity: 1,
    });
    await test.services.membership.addSeat(caller, capped.id, {
      label: 'Member',
      role: 'member',
      voting: true,
      howFilled: 'appointed',
      capacity: 1,
    });
    await test.services.membership.appoint(caller, {
      seatId: first,
      personId: people.anne,
      startsOn: '2014-01-01',
      endsOn: '2014-02-15',
    });
    const attention = await test.services.membership.attention(caller, '2014-01-10');
    assert.ok(attention.vacancies.some((v) => v.body === 'Capped network' && v.seat.label === 'Member'));
    assert.ok(attention.ending.some((m) => m.personName === 'Anne Gorton' && m.endsOn === '2014-02-15'));
    assert.deepEqual(
      attention.overCap.find((b) => b.body === 'Capped network'),
      { bodyId: capped.id, body: 'Capped network', cap: 1, members: 1, places: 2 },
    );
  });

  it('keeps organisations’ names unique and checks the forms', async () => {
    const { agent } = await signedInAs(test, partnershipId, 'editor');
    const response = await submit(agent, '/partnerships/seats/organisations/new', {
      name: '',
      sector: 'charity',
    });
    assert.equal(response.status, 400);
    assert.deepEqual(textsOf(response.text, '.govuk-error-summary a'), [
      'Enter the organisation’s name',
      'Select the sector',
    ]);
    await submit(agent, '/partnerships/seats/organisations/new', {
      name: 'Greater Manchester Police',
      sector: 'police',
      category: 'police',
    });
    const twice = await submit(agent, '/partnerships/seats/organisations/new', {
      name: 'greater manchester police',
      sector: 'police',
    });
    assert.match($(twice.text)('#name-error').text(), /already exists/);
    const person = await submit(agent, '/partnerships/seats/people/new', {
      name: 'Zuhayr Adia',
      email: 'not an email',
      youngPerson: 'yes',
    });
    assert.equal(person.status, 400);
    assert.match($(person.text)('#email-error').text(), /Enter an email address in the correct format/);
  });
});
