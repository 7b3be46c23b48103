// Medway, 1 October 2013 (source document 003): what docs/ACCEPTANCE.md asks of its structure and
// membership.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { systemCaller, type Caller } from '../../src/platform/http/auth.ts';
import { importSeeds } from '../../src/seeds/seed.importer.ts';
import { readSeeds, seedFiles } from '../../src/seeds/seed.reader.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

describe('Medway Children’s Action Network (1 October 2013)', () => {
  let test: TestApp;
  let caller: Caller;
  before(async () => {
    test = await startTestApp();
    const files = (await seedFiles()).filter((file) => file.endsWith('003-medway.yaml'));
    await importSeeds(test.services, await readSeeds(files));
    const partnership = await test.services.partnerships.bySlug('medway');
    caller = systemCaller('test', partnership!.id);
  });
  after(() => test.close());

  const internal = async (date: string) =>
    (await test.services.bodies.structure(caller, date)).bodies
      .filter((entry) => ['board', 'network'].includes(entry.body.kind))
      .map((entry) => [entry.name, entry.status]);

  it('shows the Children’s Trust on 30 September 2013 and the Network, not the Trust, on 1 January 2014', async () => {
    assert.deepEqual(await internal('2013-09-30'), [["Medway Children's Trust", 'established']]);
    assert.deepEqual(await internal('2013-10-01'), [
      ["Medway Children's Trust", 'established'],
      ["Medway Children's Action Network", 'proposed'],
    ]);
    assert.deepEqual(await internal('2014-01-01'), [["Medway Children's Action Network", 'established']]);
  });

  it('records the replacement between the two dates', async () => {
    const changes = await test.services.bodies.changes(caller, '2013-09-30', '2014-01-01');
    const texts = changes.map((change) => [change.date, change.text]);
    // the replacement's four, and the two young people's bodies in place at the paper's date
    assert.equal(texts.length, 6, JSON.stringify(texts));
    assert.ok(
      texts.some(
        ([date, text]) =>
          date === '2013-11-01' &&
          text!.startsWith("Medway Children's Trust replaced by Medway Children's Action Network"),
      ),
      JSON.stringify(texts),
    );
    assert.ok(
      texts.some(
        ([date, text]) =>
          date === '2013-10-01' && text!.startsWith("Medway Children's Action Network: proposed"),
      ),
    );
    assert.ok(
      texts.some(
        ([date, text]) =>
          date === '2013-11-01' && text!.startsWith("Medway Children's Action Network: established"),
      ),
    );
    const trust = await test.services.bodies.bySlug(caller, 'childrens-trust', '2014-01-01');
    assert.equal(trust!.state!.status, 'replaced');
    assert.deepEqual(
      trust!.outgoing.map((link) => [link.kind, link.other.name, link.startsOn]),
      [['replaced-by', "Medway Children's Action Network", '2013-11-01']],
    );
  });

  it('describes the Network: chaired by the Lead Portfolio Holder, not decision-making, capped at 20, with its cadence', async () => {
    const network = await test.services.bodies.bySlug(caller, 'action-network', '2014-01-01');
    assert.equal(network!.body.kind, 'network');
    assert.equal(network!.body.shortName, 'Medway CAN');
    assert.equal(network!.body.takesDecisions, false);
    assert.equal(network!.body.membershipCap, 20);
    assert.deepEqual(network!.body.cadenceRules, [
      { kind: 'board-meeting', perYear: 3 },
      { kind: 'annual-event', perYear: 1 },
      { kind: 'deep-dive', perYear: 2 },
    ]);
    assert.match(network!.body.purpose!, /^To call a network of multi-agency partners together/);
    assert.match(network!.body.purpose!, /not a decision making body/);
  });

  it('proposes the seats of paragraph 3.4 in order, none of them yet filled', async () => {
    const network = (await test.services.bodies.list(caller)).find((body) => body.slug === 'action-network')!;
    const seats = await test.services.membership.seats(caller, network.id, '2014-01-01');
    assert.deepEqual(
      seats.map((seat) => [seat.position, seat.label, seat.role, seat.capacity, seat.category]),
      [
        [1, "Lead Portfolio Holder for Children's Services (Chair)", 'chair', 1, 'local-authority'],
        [2, 'Director for Children and Adults Services', 'member', 1, 'local-authority'],
        [3, 'Assistant Director Partnership Commissioning', 'member', 1, 'local-authority'],
        [4, 'Director of Public Health', 'member', 1, 'public-health'],
        [5, 'Chair of the VCS Forum', 'member', 1, 'voluntary-community'],
        [6, 'Primary and Secondary school headteacher representatives (x 2)', 'member', 2, 'school'],
        [7, 'FE College Principal', 'member', 1, 'further-education'],
        [8, 'Dean of Rochester Cathedral', 'member', 1, 'faith'],
        [9, 'Representatives from the Police', 'member', 1, 'police'],
        [10, "Representatives from Children's Centres", 'member', 1, null],
        [11, 'Representatives from Medway Ethnic Minority Forum', 'member', 1, 'voluntary-community'],
      ],
    );
    assert.ok(seats.every((seat) => seat.holders.length === 0));
    const places = seats.reduce((sum, seat) => sum + seat.capacity, 0);
    assert.ok(places <= 20, 'the proposed places fit within the cap of 20');
  });

  it('reports to the Health and Wellbeing Board, the MSCB and the Overview and Scrutiny Committee', async () => {
    const structure = await test.services.bodies.structure(caller, '2014-01-01');
    const name = new Map(structure.bodies.map((entry) => [entry.body.id, entry.name]));
    const kind = new Map(structure.bodies.map((entry) => [entry.name, entry.body.kind]));
    assert.deepEqual(
      structure.relationships
        .filter((r) => r.kind === 'informs' && name.get(r.fromBodyId) === "Medway Children's Action Network")
        .map((r) => [name.get(r.fromBodyId), r.kind, name.get(r.toBodyId)]),
      [
        ["Medway Children's Action Network", 'informs', 'Medway Health and Wellbeing Board'],
        ["Medway Children's Action Network", 'informs', 'Medway Safeguarding Children Board'],
        [
          "Medway Children's Action Network",
          'informs',
          'Children and Young People Overview and Scrutiny Committee',
        ],
      ],
    );
    assert.equal(kind.get('Medway Health and Wellbeing Board'), 'health-and-wellbeing-board');
    assert.equal(kind.get('Medway Safeguarding Children Board'), 'safeguarding-board');
    assert.equal(kind.get('Children and Young People Overview and Scrutiny Committee'), 'scrutiny-committee');
    assert.equal(kind.get('Cabinet'), 'cabinet');
  });

  it('engages with the Children in Care Council and Medway Youth Parliament, young people’s bodies whose voice informs the Network; no consultation or recommendation is invented', async () => {
    const structure = await test.services.bodies.structure(caller, '2014-01-01');
    const name = new Map(structure.bodies.map((entry) => [entry.body.id, entry.name]));
    assert.deepEqual(
      structure.bodies
        .filter((entry) => entry.body.kind === 'young-peoples-board')
        .map((entry) => [entry.name, entry.status])
        .sort(),
      [
        ['Children in Care Council', 'established'],
        ['Medway Youth Parliament', 'established'],
      ],
    );
    assert.deepEqual(
      structure.relationships
        .filter((r) => name.get(r.toBodyId) === "Medway Children's Action Network")
        .map((r) => [name.get(r.fromBodyId), r.kind])
        .sort(),
      [
        ['Children in Care Council', 'informs'],
        ['Medway Youth Parliament', 'informs'],
      ],
    );
    const network = await test.services.bodies.bySlug(caller, 'action-network', '2014-01-01');
    assert.match(network!.body.purpose!, /ensure the voice of children and young people is championed/);
    // the paper gives no consultation of young people, no theme and no recommendation of theirs
    assert.deepEqual(await test.services.voice.list(caller), []);
    assert.deepEqual((await test.services.voice.recommendations(caller)).recommendations, []);
  });

  it('has the Children and Young People’s Commissioning Plan, in development, with its 4 priorities', async () => {
    const [plan] = await test.services.plans.list(caller);
    assert.deepEqual(
      [plan!.title, plan!.kind, plan!.status],
      ["Children and Young People's Commissioning Plan", 'commissioning plan', 'draft'],
    );
    const detail = (await test.services.plans.bySlug(caller, plan!.slug))!;
    assert.deepEqual(
      detail.priorities.map((priority) => priority.title),
      [
        'Early Help',
        'Children in Care/on the edge of Care',
        'Children with Special Educational Needs and disabilities',
        'Health and Wellbeing',
      ],
    );
  });
});
