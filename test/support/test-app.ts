// The app as the server builds it, on a database of this test file's own.
import request from 'supertest';
import * as cheerio from 'cheerio';
import { createApp } from '../../src/app.ts';
import { PdfPrinter } from '../../src/platform/documents/pdf.ts';
import { createLogger } from '../../src/platform/http/logging.ts';
import { systemCaller, type Caller } from '../../src/platform/http/auth.ts';
import type { Role } from '../../src/platform/http/permissions.ts';
import type { Services } from '../../src/services.ts';
import { openTestRuntime } from './test-database.ts';

export type Agent = ReturnType<typeof request.agent>;

/** `seeded`: on a copy of the run's seeded template (the five seed partnerships and the surveys). */
export async function startTestApp(
  overrides: Record<string, string> = {},
  options: { seeded?: boolean } = {},
) {
  const runtime = await openTestRuntime(overrides, options);
  const printer = new PdfPrinter();
  const app = createApp({
    printer,
    config: runtime.config,
    db: runtime.db,
    services: runtime.services,
    logger: createLogger('silent'),
    sessionSecret: runtime.config.SESSION_SECRET!,
  });
  return {
    ...runtime,
    app,
    printer,
    agent: () => request.agent(app),
    request: () => request(app),
    async close() {
      await runtime.jobs.stop();
      await printer.close();
      await runtime.close();
    },
  };
}
export type TestApp = Awaited<ReturnType<typeof startTestApp>>;

export function csrfTokenIn(html: string): string {
  const token = cheerio.load(html)('input[name="_csrf"]').first().val();
  if (typeof token !== 'string' || !token) throw new Error('No CSRF token on the page');
  return token;
}

/** GETs a page for its CSRF token, then POSTs the form with it. */
export async function submit(
  agent: Agent,
  path: string,
  fields: Record<string, string | string[]>,
  formPage = path,
) {
  const page = await agent.get(formPage);
  return agent
    .post(path)
    .type('form')
    .send({ _csrf: csrfTokenIn(page.text), ...fields });
}

/**
 * GETs a form page and uploads a file through its upload form as a browser would: to the form's
 * address, with the form's hidden fields in their order (the CSRF token before the file).
 */
export async function upload(agent: Agent, path: string, file: Buffer, name: string) {
  const page = $((await agent.get(path)).text);
  const form = page('form[enctype="multipart/form-data"]');
  if (form.length !== 1) throw new Error(`${path} has ${form.length} upload forms`);
  const target = new URL(form.attr('action') || path, `http://localhost${path}`);
  let post = agent.post(target.pathname + target.search);
  for (const input of form.find('input[type="hidden"]').toArray())
    post = post.field(page(input).attr('name')!, page(input).attr('value') ?? '');
  return post.attach('file', file, name);
}

export async function signIn(agent: Agent, email: string, password: string) {
  const response = await submit(agent, '/sign-in', { email, password });
  if (response.status !== 303) throw new Error(`Sign-in as ${email} failed with ${response.status}`);
  return response;
}

let counter = 0;
export const password = 'correct horse battery staple';

export async function makeUser(services: Services, options: { platformAdmin?: boolean; name?: string } = {}) {
  counter += 1;
  const email = `user${counter}-${Date.now()}@example.org`;
  const id = await services.accounts.createUser(systemCaller('test'), {
    email,
    name: options.name ?? `Test User ${counter}`,
    password,
    platformAdmin: options.platformAdmin ?? false,
  });
  return { id, email, password };
}

export async function makePartnership(services: Services, slug: string, authorityGssCode = 'E08000027') {
  return services.partnerships.create(systemCaller('test'), {
    authorityGssCode,
    name: `Partnership ${slug}`,
    slug,
    established: '2007',
    status: 'active',
    published: false,
  });
}

export async function grant(services: Services, partnershipId: string, userId: string, role: Role) {
  await services.members.grant(systemCaller('test', partnershipId), userId, role);
}

/** A user with a role in a partnership, signed in. */
export async function signedInAs(test: TestApp, partnershipId: string | null, role: Role | 'platform-admin') {
  const user = await makeUser(test.services, { platformAdmin: role === 'platform-admin' });
  if (partnershipId && role !== 'platform-admin') await grant(test.services, partnershipId, user.id, role);
  const agent = test.agent();
  await signIn(agent, user.email, user.password);
  return { user, agent };
}

export const $ = (html: string) => cheerio.load(html);

/** The trimmed text of every element a selector finds in a page. */
export function textsOf(html: string, selector: string): string[] {
  const page = cheerio.load(html);
  return page(selector)
    .map((_, el) => page(el).text().trim())
    .get();
}

/** A page's error summary, its messages as read, joined with " | ". */
export const errorSummaryOf = (html: string): string => textsOf(html, '.govuk-error-summary li').join(' | ');

/** Adds people of a partnership by key (no job title, e-mail or phone; adults), returning their ids. */
export async function addPeople(
  services: Services,
  caller: Caller,
  names: Record<string, string>,
): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const [key, name] of Object.entries(names))
    ids[key] = await services.membership.addPerson(caller, {
      name,
      jobTitle: null,
      email: null,
      phone: null,
      youngPerson: false,
      notes: null,
    });
  return ids;
}

/** A page's text as a reader sees it (character references read), for matching whole sentences. */
export function pageText(html: string): string {
  return cheerio.load(html).root().text();
}

/** A supertest parser that keeps a binary body (PDF, Word) as a Buffer. */
export function binary(res: unknown, done: (error: Error | null, body: unknown) => void): void {
  const response = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(Buffer.from(chunk)));
  response.on('end', () => done(null, Buffer.concat(chunks)));
}

/** How many entries the audit trail holds (to show that a refused change wrote nothing). */
export async function auditCount(test: TestApp): Promise<number> {
  const row = await test.db.owner
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A GOV.UK date input's three fields for an ISO date, as a browser posts them. */
export function dateFields(name: string, iso: string): Record<string, string> {
  const [year, month, day] = iso.split('-');
  return {
    [`${name}-day`]: String(Number(day)),
    [`${name}-month`]: String(Number(month)),
    [`${name}-year`]: year!,
  };
}
