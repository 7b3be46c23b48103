// Nottinghamshire, 21 January 2009 (source document 002): what docs/ACCEPTANCE.md asks of its
// structure.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { systemCaller, type Caller } from '../../src/platform/http/auth.ts';
import { importSeeds } from '../../src/seeds/seed.importer.ts';
import { readSeeds, seedFiles } from '../../src/seeds/seed.reader.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

describe('Nottinghamshire Children and Young People’s Partnership Board (21 January 2009)', () => {
  let test: TestApp;
  let caller: Caller;
  before(async () => {
    test = await startTestApp();
    const files = (await seedFiles()).filter((file) => file.endsWith('002-nottinghamshire.yaml'));
    await importSeeds(test.services, await readSeeds(files));
    const partnership = await test.services.partnerships.bySlug('nottinghamshire');
    caller = systemCaller('test', partnership!.id);
  });
  after(() => test.close());

  it('has the Board and the bodies it links with on 21 January 2009', async () => {
    const structure = await test.services.bodies.structure(caller, '2009-01-21');
    assert.deepEqual(
      structure.bodies.map((entry) => [entry.name, entry.body.kind, entry.status]),
      [
        ["Nottinghamshire Children and Young People's Partnership Board", 'board', 'established'],
        ['Local Strategic Partnership', 'local-strategic-partnership', 'established'],
        ['Local Safeguarding Children Board', 'safeguarding-board', 'established'],
        ['NCSB', 'other-external', 'established'],
        ['CSEG', 'other-external', 'established'],
      ],
    );
  });

  it('records only the link the document supports: the Board informs the Local Strategic Partnership', async () => {
    const structure = await test.services.bodies.structure(caller, '2009-01-21');
    const name = new Map(structure.bodies.map((entry) => [entry.body.id, entry.name]));
    assert.deepEqual(
      structure.relationships.map((r) => [name.get(r.fromBodyId), r.kind, name.get(r.toBodyId)]),
      [
        [
          "Nottinghamshire Children and Young People's Partnership Board",
          'informs',
          'Local Strategic Partnership',
        ],
      ],
    );
    const lscb = await test.services.bodies.bySlug(caller, 'lscb', '2009-01-21');
    assert.deepEqual([...lscb!.incoming, ...lscb!.outgoing], []);
    assert.match(lscb!.body.notes!, /joint meeting of the Board, the NCSB and CSEG on 20 March 2009/);
  });
});
