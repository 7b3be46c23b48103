// Kent, June 2011 (source document 004): what docs/ACCEPTANCE.md asks of Kent's own arrangement.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { systemCaller, type Caller } from '../../src/platform/http/auth.ts';
import { importSeeds } from '../../src/seeds/seed.importer.ts';
import { readSeeds, seedFiles } from '../../src/seeds/seed.reader.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const districts = [
  'Ashford',
  'Canterbury',
  'Dartford',
  'Dover',
  'Gravesham',
  'Maidstone',
  'Sevenoaks',
  'Shepway',
  'Swale',
  'Thanet',
  'Tonbridge and Malling',
  'Tunbridge Wells',
];

describe('Kent Children’s Trust (June 2011)', () => {
  let test: TestApp;
  let caller: Caller;
  before(async () => {
    test = await startTestApp();
    const files = (await seedFiles()).filter((file) => file.endsWith('004-kent.yaml'));
    await importSeeds(test.services, await readSeeds(files));
    const partnership = await test.services.partnerships.bySlug('kent');
    caller = systemCaller('test', partnership!.id);
  });
  after(() => test.close());

  it('has the Trust under review as at June 2011, and the shadow Health and Wellbeing Board unlinked', async () => {
    const structure = await test.services.bodies.structure(caller, '2011-06-21');
    const kct = structure.bodies.find((entry) => entry.body.slug === 'kct')!;
    assert.equal(kct.name, "Kent Children's Trust");
    assert.equal(kct.body.kind, 'board');
    assert.equal(kct.status, 'under-review');
    const hwb = structure.bodies.find((entry) => entry.body.kind === 'health-and-wellbeing-board')!;
    assert.equal(hwb.status, 'established');
    assert.ok(
      !structure.relationships.some((r) => r.fromBodyId === hwb.body.id || r.toBodyId === hwb.body.id),
      'links to KCT are only being considered',
    );
  });

  it('has 12 Local Children’s Trusts, one per district, each reporting to KCT with an independent chair', async () => {
    const structure = await test.services.bodies.structure(caller, '2011-06-21');
    const kct = structure.bodies.find((entry) => entry.body.slug === 'kct')!;
    const local = structure.bodies.filter((entry) => entry.body.kind === 'local-partnership');
    assert.equal(local.length, 12);
    assert.deepEqual(
      local.map((entry) => entry.body.area),
      districts,
    );
    for (const entry of local) {
      assert.ok(
        structure.relationships.some(
          (r) => r.fromBodyId === entry.body.id && r.kind === 'reports-to' && r.toBodyId === kct.body.id,
        ),
        `${entry.name} reports to KCT`,
      );
      const seats = await test.services.membership.seats(caller, entry.body.id, '2011-06-21');
      assert.deepEqual(
        seats.map((seat) => [seat.label, seat.role, seat.independent]),
        [['Independent Chair', 'chair', true]],
        entry.name,
      );
    }
  });

  it('introduced the Local Children’s Trusts in September 2010', async () => {
    const before = await test.services.bodies.structure(caller, '2010-08-31');
    assert.equal(before.bodies.filter((entry) => entry.body.kind === 'local-partnership').length, 0);
    const changes = await test.services.bodies.changes(caller, '2010-08-31', '2010-09-30');
    assert.equal(
      changes.filter((change) => change.text.includes("Local Children's Trust: established")).length,
      12,
    );
  });
});
