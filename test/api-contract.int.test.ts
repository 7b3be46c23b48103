// The API's contract (issue 16 item 4, ADR 0042): every operation of the OpenAPI document the
// server serves is called on the seed data (data/seeds, all five partnerships, loaded once)
// with a bearer token, and each answer is validated against the document's schema for its
// status and media type by a real JSON Schema 2020-12 validator (Ajv). The test fails when the
// document has an operation this file does not call, an operation without a response schema, an
// answer with a status or media type the document does not give, or an answer that does not
// validate. Where the seeds hold nothing of a kind (no seed tracks an indicator, pledges, runs a
// consultation of young people or has papers), a little is added through the services first, so
// that the schemas of those answers meet real rows too.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { PDFDocument } from 'pdf-lib';
import { binary, grant, makeUser, startTestApp, type TestApp } from './support/test-app.ts';
import { systemCaller } from '../src/platform/http/auth.ts';
import { publicSiteService } from '../src/modules/public/index.ts';

type Json = Record<string, unknown>;
interface Document {
  paths: Record<string, Record<string, Json>>;
}
interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
  security?: unknown[];
}

const methods = ['get', 'post', 'put', 'patch', 'delete'];
const pointer = (...parts: string[]) =>
  parts.map((part) => part.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

async function pdf(text: string) {
  const document = await PDFDocument.create();
  document.addPage().drawText(text);
  return Buffer.from(await document.save());
}

describe('the API contract: every operation of the document, answered as it says', () => {
  let test: TestApp;
  let document: Document;
  let validate: ReturnType<typeof validatorOf>;
  let token: string;
  let viewerToken: string;
  /** Each operation ("get /path/{template}") and the addresses it is called at. */
  const calls = new Map<string, string[]>();

  before(async () => {
    // the seeds and surveys loaded, as a first run loads them (src/seeds/first-run.ts)
    test = await startTestApp({}, { seeded: true });
    const partnerships = await test.services.partnerships.list();
    const id = (slug: string) => partnerships.find((p) => p.slug === slug)!.id;
    const user = await makeUser(test.services);
    for (const partnership of partnerships) await grant(test.services, partnership.id, user.id, 'admin');
    ({ token } = await test.services.tokens.create(systemCaller('test'), user.id, 'contract'));
    const viewer = await makeUser(test.services);
    await grant(test.services, id('dudley'), viewer.id, 'viewer');
    ({ token: viewerToken } = await test.services.tokens.create(systemCaller('test'), viewer.id, 'viewer'));

    // What the seeds hold none of, added to Dudley through the services.
    const dudley = systemCaller('test', id('dudley'));
    const services = test.services;
    await services.indicators.track(dudley, 'NI 73');
    await services.indicators.setTarget(dudley, 'NI 73', {
      period: '2009/10',
      target: 75,
      toleranceKind: 'absolute',
      tolerance: 2,
    });
    for (const [breakdownKind, breakdown, value] of [
      ['all', '', 74.5],
      ['group', 'Girls', 76],
    ] as const)
      await services.indicators.recordValue(dudley, 'NI 73', {
        period: '2009/10',
        value,
        breakdownKind,
        ...(breakdown ? { breakdown } : {}),
        illustrative: false,
      });
    await services.indicators.recordComparator(dudley, 'NI 73', {
      period: '2009/10',
      comparator: 'england',
      value: 73.2,
    });
    const ni73 = (await services.indicators.byCode(dudley, 'NI 73'))!.indicator;
    await services.benchmarking.setPublished(dudley, [ni73.id]);

    const plan = (await services.plans.bySlug(dudley, 'cypp-2009-11'))!;
    const organisation = (await services.membership.organisations(dudley))[0]!;
    await services.resources.addPledge(dudley, {
      organisationId: organisation.id,
      priorityId: plan.priorities[0]!.id,
      actionId: null,
      resource: 'money',
      description: 'A contribution to the plan’s first priority',
      amount: 500_000,
      fromYear: 2009,
      toYear: 2010,
      status: 'agreed',
      pledgedOn: '2009-04-01',
      dueOn: null,
      agreedBy: null,
      decisionId: null,
    });
    await services.resources.addService(
      dudley,
      {
        name: 'Family support',
        provider: organisation.name,
        providerOrganisationId: organisation.id,
        annualValue: 2_000_000,
        startsOn: '2009-04-01',
        endsOn: null,
        fundId: null,
        status: 'active',
      },
      [plan.priorities[0]!.id],
    );

    const year = new Date().getUTCFullYear();
    const consultation = await services.voice.create(dudley, {
      slug: 'feeling-safe',
      title: 'Feeling safe',
      purpose: 'Where young people feel safe.',
      audience: ['young-people'],
      opensOn: `${year - 1}-01-01`,
      closesOn: `${year + 1}-12-31`,
      responsesPerDevice: 1,
      responseLimit: null,
      areas: [],
      asksContact: false,
      contactReason: null,
      privacyNotice: 'We keep your answers for two years.',
      safeguardingNotice: 'Call Childline free on 0800 1111.',
    });
    await services.voice.addQuestion(dudley, consultation, {
      text: 'Do you feel safe in the park?',
      easyRead: null,
      kind: 'choice',
      choices: ['Yes', 'No'],
      required: true,
    });
    await services.voice.addQuestion(dudley, consultation, {
      text: 'What would help?',
      easyRead: null,
      kind: 'text',
      choices: [],
      required: false,
    });
    await services.voice.setStatus(dudley, consultation, 'open');
    const asked = await services.voice.get(dudley, consultation);
    const [choice, text] = asked.questions.map((q) => `q-${q.id}`);
    for (const [device, answer] of [
      ['one', 'Yes'],
      ['two', 'No'],
    ] as const)
      await services.voice.respond(id('dudley'), asked.consultation.linkToken, device, {
        [choice!]: answer,
        [text!]: 'More lights',
      });

    // an exempt item (withheld from a viewer) and a public item with a paper, on a held
    // meeting; its board pack printed, so the public PDF and the pack's full state answer too
    const meeting = (await services.meetings.list(dudley, {})).find((m) => m.state === 'held')!;
    const item = (number: number, title: string, exempt: boolean) => ({
      number,
      title,
      purpose: 'decision' as const,
      presenter: null,
      exempt,
      exemptParagraph: exempt ? 3 : null,
      exemptReason: exempt ? 'Commercial' : null,
    });
    await services.agenda.addItem(dudley, meeting.id, item(90, 'Contract award', true));
    await services.agenda.addItem(dudley, meeting.id, item(91, 'The plan for 2009', false), {
      fileName: 'plan-2009.pdf',
      content: await pdf('the plan'),
    });
    await services.boardPacks.request(dudley, meeting.id);
    await services.boardPacks.idle();
    const site = publicSiteService(test.db, test.services);
    await site.saveSections(dudley, ['structure', 'meetings']);
    const feed = await site.newFeed(systemCaller('test'), user.id);

    // the addresses each operation is called at, from the seeds
    const api = (template: string, ...paths: string[]) => calls.set(`get ${template}`, paths);
    const body = (await services.bodies.list(dudley)).find((b) => b.slug === 'trust-board')!;
    const notts = systemCaller('test', id('nottinghamshire'));
    const nottsMeeting = (await services.meetings.list(notts, {}))[0]!;
    const survey = (await services.surveys.list(systemCaller('test', id('kent'))))[0]!;
    const fund = (await services.resources.all(dudley)).funds[0]!;
    const detail = await services.agenda.agenda(dudley, meeting.id);
    const paper = detail.flatMap((entry) => entry.papers)[0]!;
    api('/authorities', '/authorities', '/authorities?type=county%20council&former=yes');
    api('/authorities/{gssCode}', '/authorities/E08000027');
    api('/partnerships', '/partnerships');
    api('/partnerships/{slug}', ...partnerships.map((p) => `/partnerships/${p.slug}`));
    api('/partnerships/{slug}/bodies', '/partnerships/dudley/bodies', '/partnerships/medway/bodies?at=2010');
    api(
      '/partnerships/{slug}/bodies/{body}/seats',
      '/partnerships/dudley/bodies/trust-board/seats?at=2009-06-01',
      '/partnerships/bolton/bodies/trust/seats',
    );
    api('/partnerships/{slug}/organisations', '/partnerships/dudley/organisations');
    api('/partnerships/{slug}/voice/consultations', '/partnerships/dudley/voice/consultations');
    api('/partnerships/{slug}/plans', '/partnerships/dudley/plans');
    api(
      '/partnerships/{slug}/plans/{id}',
      '/partnerships/dudley/plans/cypp-2009-11',
      '/partnerships/bolton/plans/cypp-2007',
      '/partnerships/medway/plans/commissioning-plan',
    );
    api('/partnerships/{slug}/indicators', '/partnerships/dudley/indicators');
    api('/partnerships/{slug}/indicators/{code}', '/partnerships/dudley/indicators/NI%2073');
    api(
      '/partnerships/{slug}/indicators/{code}/benchmark',
      '/partnerships/dudley/indicators/NI%2073/benchmark',
    );
    api(
      '/partnerships/{slug}/accountability',
      `/partnerships/dudley/accountability?organisation=${encodeURIComponent(organisation.name)}`,
    );
    api(
      '/partnerships/{slug}/compliance',
      '/partnerships/dudley/compliance?at=2009-06-01',
      '/partnerships/kent/compliance',
    );
    api('/surveys', '/surveys');
    api('/surveys/{id}', `/surveys/${survey.id}`);
    api('/surveys/{id}/table.csv', `/surveys/${survey.id}/table.csv`);
    api(
      '/partnerships/{slug}/meetings',
      '/partnerships/dudley/meetings',
      '/partnerships/nottinghamshire/meetings?from=2000-01-01&to=2030-12-31',
    );
    api(
      '/partnerships/{slug}/meetings/{id}',
      `/partnerships/dudley/meetings/${meeting.id}`,
      `/partnerships/nottinghamshire/meetings/${nottsMeeting.id}`,
      ...(await services.meetings.list(dudley, {})).map((m) => `/partnerships/dudley/meetings/${m.id}`),
    );
    api('/partnerships/{slug}/consultations', '/partnerships/nottinghamshire/consultations');
    api('/partnerships/{slug}/actions', '/partnerships/nottinghamshire/actions');
    api(
      '/partnerships/{slug}/attendance',
      `/partnerships/dudley/attendance?body=${body.slug}&from=2000-01-01&to=2030-12-31`,
      '/partnerships/nottinghamshire/attendance?body=partnership-board&from=2000-01-01&to=2030-12-31',
    );
    api('/partnerships/{slug}/funds', '/partnerships/dudley/funds');
    api('/partnerships/{slug}/funds/{fund}', `/partnerships/dudley/funds/${fund.slug}`);
    api('/partnerships/{slug}/pledges', '/partnerships/dudley/pledges');
    api('/partnerships/{slug}/commissioned-services', '/partnerships/dudley/commissioned-services');
    api(
      '/partnerships/{slug}/resources',
      '/partnerships/dudley/resources',
      '/partnerships/dudley/resources?year=2009-10',
    );
    // the open data, at the site's root
    api('/oparl/v1/system', '/oparl/v1/system');
    api('/oparl/v1/bodies', '/oparl/v1/bodies');
    api('/oparl/v1/bodies/{slug}', '/oparl/v1/bodies/dudley');
    api('/popolo/v1/{slug}', '/popolo/v1/dudley?on=2009-06-01');
    api('/public/{slug}/bodies/{body}/meetings.ics', `/public/dudley/bodies/${body.slug}/meetings.ics`);
    api('/public/{slug}/meetings.csv', '/public/dudley/meetings.csv');
    api('/public/{slug}/sitemap.xml', '/public/dudley/sitemap.xml');
    api(
      '/public/{slug}/meetings/{meeting}/papers/{paper}',
      `/public/dudley/meetings/${meeting.id}/papers/${paper.id}`,
    );
    api(
      '/public/{slug}/meetings/{meeting}/board-pack.pdf',
      `/public/dudley/meetings/${meeting.id}/board-pack.pdf`,
    );
    api('/calendars/{feed}', `/calendars/${feed}.ics`);

    document = (await test.request().get('/api/v1/openapi.json')).body as Document;
    validate = validatorOf(document);
  });
  after(() => test.close());

  /** The Ajv validator of the whole document: a schema is referred to by its place in it. */
  function validatorOf(doc: Document) {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addFormat('binary', true);
    // the OParl schemas' own format: an absolute address
    ajv.addFormat('url', /^https?:\/\/\S+$/);
    ajv.addSchema(doc, 'openapi.json');
    return (path: string, method: string, status: string, type: string, value: unknown): string[] => {
      const validate = ajv.getSchema(
        `openapi.json#/${pointer('paths', path, method, 'responses', status, 'content', type, 'schema')}`,
      );
      if (!validate) return [`${method} ${path}: no schema for ${status} ${type}`];
      return validate(value)
        ? []
        : (validate.errors ?? []).map(
            (e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`,
          );
    };
  }

  /** Calls an address and checks the answer against the operation's response; returns the problems. */
  async function check(
    template: string,
    address: string,
    options: { token?: string | null } = {},
  ): Promise<{ status: number; problems: string[] }> {
    const base = document.paths[template]!.servers ? '' : '/api/v1';
    let request = test.request().get(`${base}${address}`).buffer(true).parse(binary);
    const bearer = options.token === undefined ? token : options.token;
    if (bearer) request = request.set('Authorization', `Bearer ${bearer}`);
    const response = await request.set('Host', 'cooperate.test');
    const operation = document.paths[template]!.get as unknown as Operation;
    const declared = operation.responses[String(response.status)];
    if (!declared)
      return {
        status: response.status,
        problems: [`${address}: status ${response.status} is not in the document`],
      };
    const type = String(response.headers['content-type'] ?? '')
      .split(';')[0]!
      .trim();
    const content = declared.content ?? {};
    const key = type in content ? type : '*/*' in content ? '*/*' : null;
    if (!key)
      return {
        status: response.status,
        problems: [`${address}: ${response.status} ${type} is not in the document`],
      };
    const raw = response.body as Buffer;
    const value = /json$/.test(key)
      ? JSON.parse(raw.toString('utf8'))
      : /^text\/|xml$/.test(key)
        ? raw.toString('utf8')
        : raw.toString('latin1');
    const problems = validate(template, 'get', String(response.status), key, value).map(
      (problem) => `${address} ${response.status}: ${problem}`,
    );
    return { status: response.status, problems };
  }

  it('describes every response of every operation with a schema, errors as problem documents', () => {
    const missing: string[] = [];
    for (const [path, item] of Object.entries(document.paths))
      for (const method of methods.filter((m) => m in item)) {
        const operation = item[method] as unknown as Operation;
        if (!operation.responses['200']) missing.push(`${method} ${path}: no 200 answer`);
        for (const [status, response] of Object.entries(operation.responses)) {
          if (status === '304') continue;
          const types = Object.entries(response.content ?? {});
          if (!types.length || types.some(([, media]) => !media.schema))
            missing.push(`${method} ${path} ${status}: no schema`);
          if (
            status.startsWith('4') &&
            !types.some(([type]) => type === 'application/problem+json' || type === 'text/html')
          )
            missing.push(`${method} ${path} ${status}: not a problem document`);
        }
      }
    assert.deepEqual(missing, []);
  });

  it('calls every operation of the document, and each answer validates against its schema', async () => {
    const documented = Object.entries(document.paths).flatMap(([path, item]) =>
      methods.filter((m) => m in item).map((m) => `${m} ${path}`),
    );
    // OParl's lists and objects of each kind, at addresses the lists give
    for (const operation of documented) {
      const kind = /^get \/oparl\/v1\/bodies\/\{slug\}\/([a-z-]+)$/.exec(operation)?.[1];
      if (kind) calls.set(operation, [`/oparl/v1/bodies/dudley/${kind}`]);
    }
    const problems: string[] = [];
    for (const operation of documented.filter((o) => /\/\{id\}$/.test(o) && o.includes('/oparl/'))) {
      // the first object of its kind in the published seed partnerships (Dudley records no
      // one's membership on today's date: its seeds give 2009's)
      for (const slug of ['dudley', 'bolton']) {
        const list = operation.replace(/^get /, '').replace('/{id}', '').replace('{slug}', slug);
        const response = await test.request().get(list).set('Host', 'cooperate.test');
        const first = (response.body as { data?: { id: string }[] }).data?.[0]?.id;
        if (first && !calls.has(operation)) calls.set(operation, [first.replace(/^https?:\/\/[^/]+/, '')]);
      }
    }
    assert.deepEqual(
      documented.filter((operation) => !calls.has(operation)),
      [],
      'every operation of the document is called',
    );
    assert.deepEqual(
      [...calls.keys()].filter((operation) => !documented.includes(operation)),
      [],
      'every operation called is in the document',
    );
    let answers = 0;
    for (const [operation, addresses] of calls)
      for (const address of addresses) {
        const result = await check(operation.replace(/^get /, ''), address);
        answers += 1;
        if (result.status !== 200) problems.push(`${address}: ${result.status}, not 200`);
        problems.push(...result.problems);
      }
    // an exempt item reaches a viewer as its number and paragraph only, as documented
    const meeting = calls.get('get /partnerships/{slug}/meetings/{id}')![0]!;
    const withheld = await check('/partnerships/{slug}/meetings/{id}', meeting, { token: viewerToken });
    problems.push(...withheld.problems);
    assert.deepEqual(problems, []);
    assert.ok(answers > 60, `${answers} answers checked`);
  });

  it('answers errors as the document says: no token, an unknown partnership, a query that is not valid', async () => {
    const problems: string[] = [];
    const statuses: number[] = [];
    const answered: string[] = [];
    for (const [operation, addresses] of calls) {
      const template = operation.replace(/^get /, '');
      const item = document.paths[template]!;
      const { responses, security } = item.get as unknown as Operation;
      if (item.servers) continue;
      const address = addresses[0]!;
      // an operation open to all answers without a token (a published partnership)
      if (responses['401'] && security?.length) {
        const result = await check(template, address, { token: null });
        statuses.push(result.status);
        answered.push(`${result.status} ${address}`);
        problems.push(...result.problems);
      }
      if (responses['404'] && template.startsWith('/partnerships/{slug}')) {
        const result = await check(
          template,
          address.replace(/^\/partnerships\/[a-z-]+/, '/partnerships/nowhere'),
        );
        statuses.push(result.status);
        answered.push(`${result.status} ${address}`);
        problems.push(...result.problems);
      }
    }
    for (const [template, address] of [
      ['/partnerships/{slug}/bodies', '/partnerships/dudley/bodies?at=yesterday'],
      ['/partnerships/{slug}/meetings', '/partnerships/dudley/meetings?from=soon'],
      ['/partnerships/{slug}/resources', '/partnerships/dudley/resources?year=2009'],
      ['/authorities', '/authorities?type=parish'],
      ['/popolo/v1/{slug}', '/popolo/v1/dudley?on=June'],
      ['/oparl/v1/bodies', '/oparl/v1/bodies?page=0'],
      ['/oparl/v1/bodies/{slug}', '/oparl/v1/bodies/nowhere'],
      // the public site answers its own pages' 404, in HTML
      ['/public/{slug}/meetings.csv', '/public/nowhere/meetings.csv'],
      ['/calendars/{feed}', '/calendars/cal_nosuchaddressatallxyz.ics'],
    ] as const) {
      const result = await check(template, address);
      statuses.push(result.status);
      answered.push(`${result.status} ${address}`);
      problems.push(...result.problems);
    }
    assert.deepEqual(problems, []);
    assert.deepEqual(
      answered.filter((answer) => answer.startsWith('2')),
      [],
      'no error call answered 2xx',
    );
    assert.ok(statuses.includes(400) && statuses.includes(401) && statuses.includes(404), String(statuses));
  });

  it('the validator refuses what the schemas refuse (the checks can fail)', () => {
    const good = {
      slug: 'dudley',
      name: 'D',
      authority: { gssCode: 'E08000027', name: 'Dudley' },
      status: 'active',
      published: true,
    };
    const json = 'application/json';
    assert.deepEqual(
      validate('/partnerships/{slug}', 'get', '200', json, { ...good, established: '2007-04' }),
      [],
    );
    for (const wrong of [
      { ...good, established: 'April 2007' },
      { ...good, established: '2007-13' },
      { ...good, established: null, status: 'dormant' },
      { ...good, established: null, extra: true },
      { ...good },
    ])
      assert.notDeepEqual(
        validate('/partnerships/{slug}', 'get', '200', json, wrong),
        [],
        JSON.stringify(wrong),
      );
    assert.notDeepEqual(
      validate('/partnerships/{slug}/meetings', 'get', '200', json, { count: 1, items: [{ id: 'x' }] }),
      [],
    );
    assert.notDeepEqual(
      validate('/partnerships/{slug}', 'get', '404', 'application/problem+json', { title: 'x' }),
      [],
    );
  });
});
