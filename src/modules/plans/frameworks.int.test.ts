import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import {
  $,
  binary,
  dateFields,
  makePartnership,
  pageText,
  signedInAs,
  startTestApp,
  submit,
  textsOf,
  type Agent,
  type TestApp,
  auditCount as auditEvents,
} from '../../../test/support/test-app.ts';
import { systemCaller } from '../../platform/http/auth.ts';

const base = '/partnerships/frameworks';
const current = `${base}/plans/cypp-2026-29`;
const old = `${base}/plans/cypp-2009-11`;
const stayTogether = 'Children, young people and families stay together and get the help they need';
const nationalFramework = [
  stayTogether,
  'Children and young people are supported by their family network',
  'Children and young people are safe in and outside of their homes',
  'Children in care and care leavers have stable, loving homes',
  'Multi-agency working is prioritised and effective (enabler)',
  'Leaders drive conditions for effective practice (enabler)',
  'The workforce is equipped and effective (enabler)',
];

describe('plans: outcome frameworks, chosen when a plan is made', () => {
  let test: TestApp;
  let partnershipId: string;
  let editor: Agent;
  let token: string;
  const caller = () => systemCaller('test', partnershipId);
  const detail = async (slug: string) => (await test.services.plans.bySlug(caller(), slug))!;
  const auditCount = () => auditEvents(test);
  const planFields = (slug: string, startsOn: string, endsOn: string, framework?: string) => ({
    title: `Children and Young People’s Plan ${startsOn.slice(0, 4)}`,
    slug,
    kind: "children and young people's plan",
    ...dateFields('startsOn', startsOn),
    ...dateFields('endsOn', endsOn),
    status: 'draft',
    ...(framework ? { framework } : {}),
  });

  before(async () => {
    test = await startTestApp();
    partnershipId = (await makePartnership(test.services, 'frameworks')).id;
    const signedIn = await signedInAs(test, partnershipId, 'editor');
    editor = signedIn.agent;
    token = (await test.services.tokens.create(systemCaller('test'), signedIn.user.id, 'api')).token;
  });
  after(() => test.close());

  it('offers both frameworks on the plan form, as radios with their source as the hint', async () => {
    const page = await editor.get(`${base}/plans/new`);
    const html = $(page.text);
    assert.deepEqual(
      html('input[name="framework"]')
        .map((_, input) => html(input).attr('value'))
        .get(),
      ['every-child-matters', 'national-framework-2023'],
    );
    assert.deepEqual(textsOf(page.text, '.govuk-radios__label').slice(0, 2), [
      'Every Child Matters (September 2003)',
      'Children’s Social Care National Framework (December 2023)',
    ]);
    assert.match(pageText(page.text), /four outcomes and three enablers/);
  });

  it('makes a 2026 plan with the National Framework: its four outcomes and three enablers', async () => {
    const response = await submit(
      editor,
      `${base}/plans/new`,
      planFields('cypp-2026-29', '2026-04-01', '2029-03-31', 'national-framework-2023'),
    );
    assert.equal(response.status, 303);
    assert.equal(response.headers.location, current);
    const page = await editor.get(current);
    assert.deepEqual(textsOf(page.text, '#outcomes + ul li'), nationalFramework);
    assert.match(
      $(page.text)('.govuk-summary-list').first().text(),
      /Outcome framework\s+Children’s Social Care National Framework \(December 2023\)/,
    );
    assert.match(pageText(page.text), /statutory guidance, Department for Education, December 2023/);
  });

  it('gives a plan nobody chose a framework for the one of its start: Every Child Matters until October 2010', async () => {
    assert.equal(
      (await submit(editor, `${base}/plans/new`, planFields('cypp-2009-11', '2009-04-01', '2011-03-31')))
        .status,
      303,
    );
    assert.equal(
      (await submit(editor, `${base}/plans/new`, planFields('cypp-2011-14', '2011-04-01', '2014-03-31')))
        .status,
      303,
    );
    assert.equal((await detail('cypp-2009-11')).plan.framework, 'every-child-matters');
    assert.deepEqual(
      (await detail('cypp-2009-11')).outcomes.map((outcome) => outcome.title),
      [
        'Be healthy',
        'Stay safe',
        'Enjoy and achieve',
        'Make a positive contribution',
        'Achieve economic well-being',
      ],
    );
    assert.equal((await detail('cypp-2011-14')).plan.framework, 'national-framework-2023');
  });

  it('refuses a framework that is not on the list, and writes nothing', async () => {
    const before = await auditCount();
    const response = await submit(
      editor,
      `${base}/plans/new`,
      planFields('cypp-odd', '2026-04-01', '2029-03-31', 'every-child-matters-2'),
    );
    assert.equal(response.status, 400);
    assert.deepEqual(textsOf(response.text, '.govuk-error-summary a'), [
      'Select an outcome framework from the list',
    ]);
    assert.equal(await auditCount(), before);
    assert.equal(await test.services.plans.bySlug(caller(), 'cypp-odd'), null);
  });

  it('offers only the plan’s framework when linking a priority, and links one to “stay together”', async () => {
    const form = await editor.get(`${current}/priorities/new`);
    assert.deepEqual(
      textsOf(form.text, '.govuk-checkboxes__label').slice(0, 7),
      nationalFramework.map((title) => title.replace(' (enabler)', '')),
    );
    assert.doesNotMatch(pageText(form.text), /Be healthy/);
    assert.match(pageText(form.text), /Enabler/);
    const outcome = (await detail('cypp-2026-29')).outcomes.find((entry) => entry.title === stayTogether)!;
    const response = await submit(editor, `${current}/priorities/new`, {
      title: 'Keep families together through early help',
      outcomeIds: [outcome.id],
    });
    assert.equal(response.status, 303);
    const page = await editor.get(current);
    assert.match($(page.text)('#priorities ~ section dl').first().text(), new RegExp(stayTogether));
  });

  it('refuses to link a priority to an outcome of the other framework, with a clear message, and writes nothing', async () => {
    const beHealthy = (await detail('cypp-2009-11')).outcomes.find((entry) => entry.title === 'Be healthy')!;
    const before = await auditCount();
    const added = await submit(editor, `${current}/priorities/new`, {
      title: 'Healthy lives',
      outcomeIds: [beHealthy.id],
    });
    assert.equal(added.status, 400);
    assert.deepEqual(textsOf(added.text, '.govuk-error-summary a'), [
      '“Be healthy” belongs to Every Child Matters, but this plan uses Children’s Social Care National Framework: choose this plan’s outcomes',
    ]);
    assert.equal((await detail('cypp-2026-29')).priorities.length, 1);

    const priority = (await detail('cypp-2026-29')).priorities[0]!;
    const changed = await submit(editor, `${current}/priorities/${priority.id}/edit`, {
      title: priority.title,
      outcomeIds: [beHealthy.id],
    });
    assert.equal(changed.status, 400);
    assert.match(pageText(changed.text), /belongs to Every Child Matters/);
    assert.deepEqual(
      (await detail('cypp-2026-29')).priorities[0]!.outcomes.map((outcome) => outcome.title),
      [stayTogether],
    );
    assert.equal(await auditCount(), before);
  });

  it('changes the framework while no priority links to it, keeping local outcomes, and refuses once one does', async () => {
    assert.equal((await submit(editor, `${old}/outcomes/new`, { title: 'Safer communities' })).status, 303);
    const changed = await submit(
      editor,
      `${old}/edit`,
      planFields('cypp-2009-11', '2009-04-01', '2011-03-31', 'national-framework-2023'),
    );
    assert.equal(changed.status, 303);
    const page = await editor.get(old);
    assert.deepEqual(textsOf(page.text, '#outcomes + ul li'), [
      ...nationalFramework,
      'Safer communities (local)',
    ]);

    const before = await auditCount();
    const refused = await submit(
      editor,
      `${current}/edit`,
      planFields('cypp-2026-29', '2026-04-01', '2029-03-31', 'every-child-matters'),
    );
    assert.equal(refused.status, 400);
    assert.deepEqual(textsOf(refused.text, '.govuk-error-summary a'), [
      'The outcome framework cannot change while priorities link to its outcomes (1 link): take the Children’s Social Care National Framework outcomes off the plan’s priorities first',
    ]);
    assert.match(pageText(refused.text), /cannot change until they are taken off them/);
    assert.equal(await auditCount(), before);
    assert.equal((await detail('cypp-2026-29')).plan.framework, 'national-framework-2023');
    assert.equal((await detail('cypp-2026-29')).outcomes.length, 7);
  });

  it('puts the framework in the plan’s JSON and its Word document', async () => {
    const one = await test.request().get(`/api/v1${current}`).set('Authorization', `Bearer ${token}`);
    assert.equal(one.status, 200);
    const body = one.body as {
      outcomeFramework: string;
      framework: { key: string; title: string; published: string };
      outcomes: { code: string; title: string; kind: string; framework: string | null }[];
      priorities: { outcomes: string[] }[];
    };
    assert.equal(body.outcomeFramework, 'national-framework-2023');
    assert.deepEqual(
      [body.framework.title, body.framework.published],
      ['Children’s Social Care National Framework', '2023-12'],
    );
    assert.deepEqual(
      body.outcomes.map((outcome) => `${outcome.code} ${outcome.kind}`),
      ['O1 outcome', 'O2 outcome', 'O3 outcome', 'O4 outcome', 'E1 enabler', 'E2 enabler', 'E3 enabler'],
    );
    assert.deepEqual(body.priorities[0]!.outcomes, ['O1']);

    const word = await editor.get(`${current}/on-a-page?format=docx`).buffer(true).parse(binary);
    assert.equal(word.status, 200);
    const xml = await (await JSZip.loadAsync(word.body as Buffer)).file('word/document.xml')!.async('string');
    for (const text of [
      'Outcome framework: Children’s Social Care National Framework (December 2023)',
      `Outcome: ${stayTogether}`,
      'Enabler: The workforce is equipped and effective',
    ])
      assert.ok(xml.includes(text), `${text} in the Word document`);
  });
});
