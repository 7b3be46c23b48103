// The seeds' resource facts (issue 21), as the documents give them and no more: Dudley's two
// pooled funds and the four principles of its plan's financial strategy (000, paragraphs 14
// and 15), Medway's commissioning plan with its four priorities and no figures (003, 4.2), and
// Kent (004), whose survey's "Section 10 pooled budget" is Northamptonshire's answer, not
// Kent's: Kent has no fund.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { systemCaller } from '../../src/platform/http/auth.ts';
import { importSeeds } from '../../src/seeds/seed.importer.ts';
import { readSeeds, seedFiles } from '../../src/seeds/seed.reader.ts';
import { $, signedInAs, startTestApp, type TestApp } from '../support/test-app.ts';

describe('resources in the seeds', () => {
  let test: TestApp;
  const callerOf = async (slug: string) =>
    systemCaller('test', (await test.services.partnerships.bySlug(slug))!.id);
  before(async () => {
    test = await startTestApp();
    const files = (await seedFiles()).filter((file) => /(000-dudley|003-medway|004-kent)\.yaml$/.test(file));
    await importSeeds(test.services, await readSeeds(files));
  });
  after(() => test.close());

  it('Dudley: two pooled funds with no invented figure, and four numbered financial principles', async () => {
    const caller = await callerOf('dudley');
    const data = await test.services.resources.all(caller);
    assert.deepEqual(
      data.funds.map((fund) => [fund.name, fund.kind, fund.hostOrganisationId, fund.agreementStartsOn]),
      [
        ["Children's Fund (pooled funding)", 'pooled', null, null],
        ['Pooled funding for integrated service management', 'pooled', null, null],
      ],
    );
    assert.deepEqual([data.contributions.length, data.spending.length, data.pledges.length], [0, 0, 0]);
    const report = await test.services.resources.report(caller, null);
    const cypp = report.byPlan.find((group) => group.plan.slug === 'cypp-2009-11')!;
    assert.deepEqual(
      cypp.principles.map((p) => [p.position, p.text.split(' ').slice(0, 3).join(' ')]),
      [
        [1, 'investment decisions are'],
        [2, 'resources should be'],
        [3, 'capital investment will'],
        [4, 'resource decisions are'],
      ],
    );
    assert.equal(cypp.resources.total.current, 0);
    // loading again changes nothing
    await importSeeds(
      test.services,
      await readSeeds((await seedFiles()).filter((f) => f.endsWith('000-dudley.yaml'))),
    );
    assert.equal((await test.services.resources.all(caller)).funds.length, 2);
    assert.equal((await test.services.resources.all(caller)).principles.length, 4);
  });

  it('Medway: the commissioning plan’s four priorities show current and proposed resource, none recorded', async () => {
    const caller = await callerOf('medway');
    const report = await test.services.resources.report(caller, null);
    const plan = report.byPlan.find((group) => group.plan.kind === 'commissioning plan')!;
    assert.deepEqual(
      plan.priorities.map((p) => p.title),
      [
        'Early Help',
        'Children in Care/on the edge of Care',
        'Children with Special Educational Needs and disabilities',
        'Health and Wellbeing',
      ],
    );
    assert.ok(plan.resources.rows.every((row) => row.current === 0 && row.proposed === 0));
    const partnershipId = (await test.services.partnerships.bySlug('medway'))!.id;
    const { agent } = await signedInAs(test, partnershipId, 'viewer');
    const page = await agent.get('/partnerships/medway/resources');
    assert.equal(page.status, 200);
    assert.match($(page.text)('#priorities-commissioning-plan').text(), /Priority 3: Children with Special/);
  });

  it('Kent: the survey’s Section 10 pooled budget is another council’s answer, so Kent has no fund', async () => {
    const survey = await readFile(new URL('../../data/seeds/surveys/004-kent.yaml', import.meta.url), 'utf8');
    const answer =
      /label: "Northamptonshire"[\s\S]*?q2: \{ text: "(The Trust have a Section 10 pooled budget[^"]*)"/.exec(
        survey,
      );
    assert.ok(answer, 'Northamptonshire answers that its Trust has a Section 10 pooled budget');
    const caller = await callerOf('kent');
    assert.deepEqual((await test.services.resources.all(caller)).funds, []);
  });
});
