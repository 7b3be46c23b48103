// OParl 1.1 and Popolo outputs of a published partnership, every object validated against the
// standards' own JSON schemas (data/standards) by a real validator (jsonschema: Popolo's
// schemas are draft-03); a malformed page parameter is a 400 problem; nothing private leaks.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { Validator, type Schema } from 'jsonschema';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { oparlKinds } from './index.ts';
import { populate, secrets, type Populated } from '../../../test/support/public-site.ts';

const standards = new URL('../../../data/standards/', import.meta.url);
const load = (folder: string) =>
  Object.fromEntries(
    readdirSync(new URL(folder, standards))
      .filter((file) => file.endsWith('.json'))
      .map((file) => [
        file.replace(/\.json$/, ''),
        JSON.parse(readFileSync(new URL(`${folder}${file}`, standards), 'utf8')) as Schema,
      ]),
  );
const oparl = load('oparl/');
const popolo = load('popolo/');

const validator = new Validator();
// the OParl schemas' own format: an absolute http(s) address
validator.customFormats.url = (value: unknown) =>
  typeof value !== 'string' || /^https?:\/\/[^\s]+$/.test(value);
for (const schema of Object.values(popolo)) validator.addSchema(schema);

/** Validates an OParl object, and the objects it embeds, against their schemas. */
function checkOparl(object: Record<string, unknown>, where: string): string[] {
  const name = String(object.type).replace('https://schema.oparl.org/1.1/', '');
  const schema = oparl[name];
  if (!schema) return [`${where}: no schema for ${name}`];
  const errors = validator.validate(object, schema).errors.map((e) => `${where} (${name}): ${e.stack}`);
  for (const [key, value] of Object.entries(object)) {
    const nested = Array.isArray(value) ? value : [value];
    for (const entry of nested)
      if (entry && typeof entry === 'object' && 'type' in entry)
        errors.push(...checkOparl(entry as Record<string, unknown>, `${where}.${key}`));
  }
  return errors;
}

describe('open data in OParl and Popolo', () => {
  let test: TestApp;
  let open: Populated;

  before(async () => {
    test = await startTestApp();
    open = await populate(test, 'open', true);
    await populate(test, 'closed', false);
  });
  after(() => test.close());

  it('validates every OParl object the API gives against the OParl 1.1 schemas', async () => {
    const get = async (path: string) => {
      // one host, as a client sees it (supertest listens on a new port for each request)
      const response = await test.request().get(path).set('Host', 'cooperate.test');
      assert.equal(response.status, 200, path);
      assert.equal(response.headers['access-control-allow-origin'], '*', `${path}: CORS`);
      assert.match(String(response.headers.link), /open-government-licence\/version\/3/);
      return response.body as Record<string, unknown>;
    };
    const system = await get('/oparl/v1/system');
    assert.deepEqual(checkOparl(system, 'system'), []);
    assert.equal(
      system.license,
      'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
    );
    const local = (url: unknown) => String(url).replace(/^https?:\/\/[^/]+/, '');
    const bodies = await get(local(system.body));
    const listed = bodies.data as Record<string, unknown>[];
    assert.deepEqual(
      listed.map((body) => body.name),
      ['Partnership open'],
      'only the published partnership',
    );
    const body = await get(local(listed[0]!.id));
    assert.deepEqual(checkOparl(body, 'body'), []);
    let objects = 0;
    const kinds = [
      'organization',
      'person',
      'membership',
      'meeting',
      'agendaItem',
      'paper',
      'consultation',
      'file',
    ];
    const text: string[] = [];
    for (const kind of kinds) {
      const list = await get(local(body[kind]));
      assert.ok(list.pagination && list.links, `${kind}: a paginated list`);
      const data = list.data as Record<string, unknown>[];
      assert.ok(data.length > 0, `${kind}: some objects`);
      for (const object of data) {
        assert.deepEqual(checkOparl(object, kind), []);
        // each object is also at its own address, the same
        const own = await get(local(object.id));
        assert.deepEqual(own, object);
        text.push(JSON.stringify(own));
        objects += 1;
      }
    }
    assert.ok(objects >= 10, `${objects} objects checked`);
    const all = text.join('\n');
    for (const secret of Object.values(secrets)) assert.ok(!all.includes(secret), `OParl shows ${secret}`);
    assert.match(all, /Exempt item, paragraph 3/);
    assert.match(all, /"public":false/);
  });

  it('answers a malformed page with a 400 problem document, and an unpublished partnership with 404', async () => {
    for (const page of ['0', 'abc', '-1', '1.5']) {
      const response = await test.request().get(`/oparl/v1/bodies/open/meetings?page=${page}`);
      assert.equal(response.status, 400, page);
      assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
      assert.equal(response.body.status, 400);
    }
    assert.equal((await test.request().get('/oparl/v1/bodies/open/meetings?page=99')).status, 404);
    assert.equal((await test.request().get('/oparl/v1/bodies/closed')).status, 404);
    assert.equal((await test.request().get('/oparl/v1/bodies/closed/meetings')).status, 404);
    assert.equal((await test.request().get('/popolo/v1/closed')).status, 404);
    assert.equal((await test.request().get('/popolo/v1/open?on=yesterday')).status, 400);
    const conditional = await test.request().get('/oparl/v1/bodies/open/meetings');
    const again = await test
      .request()
      .get('/oparl/v1/bodies/open/meetings')
      .set('If-None-Match', conditional.headers.etag!);
    assert.equal(again.status, 304);
  });

  it('exports people, organisations, posts and memberships on a date in Popolo, valid against its schemas', async () => {
    const response = await test.request().get('/popolo/v1/open?on=2009-02-01');
    assert.equal(response.status, 200);
    assert.equal(response.headers['access-control-allow-origin'], '*');
    const data = response.body as Record<string, Record<string, unknown>[]>;
    const check = (schema: string, list: Record<string, unknown>[]) => {
      assert.ok(list.length > 0, `${schema}: some`);
      for (const entry of list)
        assert.deepEqual(
          validator.validate(entry, popolo[schema]!).errors.map((e) => e.stack),
          [],
          `${schema} ${JSON.stringify(entry)}`,
        );
    };
    check('person', data.persons!);
    check('organization', data.organizations!);
    check('post', data.posts!);
    check('membership', data.memberships!);
    assert.deepEqual(
      data.persons!.map((p) => p.name),
      ['Alice Adult'],
    );
    assert.equal(data.memberships!.length, 2, 'the young person’s membership is there, unnamed');
    const text = JSON.stringify(data);
    for (const secret of Object.values(secrets)) assert.ok(!text.includes(secret), `Popolo shows ${secret}`);
    // before anyone was appointed: the posts, no memberships
    const earlier = (await test.request().get('/popolo/v1/open?on=2007-06-01')).body as typeof data;
    assert.equal(earlier.memberships!.length, 0);
    assert.ok(open.partnership.id);
  });

  it('describes the open data in the OpenAPI document, and every answer matches the schema it gives', async () => {
    type Operation = { get: { responses: Record<string, { content?: Record<string, { schema: Schema }> }> } };
    const document = (await test.request().get('/api/v1/openapi.json')).body as {
      paths: Record<string, Operation & { servers?: { url: string }[] }>;
    };
    const documented = (path: string, type = 'application/json') => {
      const item = document.paths[path];
      assert.ok(item, `${path} is documented`);
      assert.equal(item.servers?.[0]?.url, '/', `${path} is at the site's root`);
      const schema = item.get.responses['200']?.content?.[type]?.schema;
      assert.ok(schema, `${path} gives its ${type}`);
      return schema;
    };
    const strict = new Validator();
    const local = (url: unknown) => String(url).replace(/^https?:\/\/[^/]+/, '');
    const check = async (template: string, path: string) => {
      const response = await test.request().get(path).set('Host', 'cooperate.test');
      assert.equal(response.status, 200, path);
      const errors = strict.validate(response.body, documented(template)).errors.map((e) => e.stack);
      assert.deepEqual(errors, [], path);
      return response.body as { data?: { id: string }[] };
    };
    await check('/oparl/v1/system', '/oparl/v1/system');
    await check('/oparl/v1/bodies', '/oparl/v1/bodies');
    await check('/oparl/v1/bodies/{slug}', '/oparl/v1/bodies/open');
    for (const kind of oparlKinds) {
      const list = await check(`/oparl/v1/bodies/{slug}/${kind}`, `/oparl/v1/bodies/open/${kind}`);
      await check(`/oparl/v1/bodies/{slug}/${kind}/{id}`, local(list.data![0]!.id));
    }
    await check('/popolo/v1/{slug}', '/popolo/v1/open?on=2009-02-01');
    documented('/public/{slug}/bodies/{body}/meetings.ics', 'text/calendar');
    documented('/public/{slug}/meetings.csv', 'text/csv');
    documented('/public/{slug}/sitemap.xml', 'application/xml');
    documented('/public/{slug}/meetings/{meeting}/board-pack.pdf', 'application/pdf');
    documented('/calendars/{feed}', 'text/calendar');
    // the documented schemas can fail
    const meeting = documented('/oparl/v1/bodies/{slug}/meetings/{id}');
    assert.notEqual(strict.validate({ id: 'not an address', type: 'Meeting' }, meeting).errors.length, 0);
  });

  it('the validator refuses what the schemas refuse (the checks can fail)', () => {
    assert.notDeepEqual(
      checkOparl({ id: 'x', type: 'https://schema.oparl.org/1.1/Meeting', start: 5 }, 'bad'),
      [],
    );
    assert.notDeepEqual(
      checkOparl({ id: 'https://a.example/1', type: 'https://schema.oparl.org/1.1/AgendaItem' }, 'bad'),
      [],
    );
    assert.notEqual(validator.validate({ name: 5 }, popolo.person!).errors.length, 0);
  });
});
