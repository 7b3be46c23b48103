// A file upload's CSRF token travels in its multipart body, before the file, never in the
// address: the request log, which writes every address, never holds it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import request from 'supertest';
import { createApp } from '../src/app.ts';
import { PdfPrinter } from '../src/platform/documents/pdf.ts';
import { $, csrfTokenIn, grant, makePartnership, makeUser, signIn } from './support/test-app.ts';
import { openTestRuntime } from './support/test-database.ts';

describe('the CSRF token of a file upload', () => {
  let runtime: Awaited<ReturnType<typeof openTestRuntime>>;
  let agent: ReturnType<typeof request.agent>;
  const lines: string[] = [];
  const path = '/partnerships/uploads/indicators/import';
  before(async () => {
    runtime = await openTestRuntime();
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = createApp({
      printer: new PdfPrinter('/nowhere/chromium'),
      config: runtime.config,
      db: runtime.db,
      services: runtime.services,
      logger: pino({ level: 'info' }, sink),
      sessionSecret: runtime.config.SESSION_SECRET!,
    });
    const partnershipId = (await makePartnership(runtime.services, 'uploads')).id;
    const user = await makeUser(runtime.services);
    await grant(runtime.services, partnershipId, user.id, 'editor');
    agent = request.agent(app);
    await signIn(agent, user.email, user.password);
  });
  after(async () => {
    await runtime.jobs.stop();
    await runtime.close();
  });

  it('is a field of the form before the file, not in its address, and never in the log', async () => {
    const form = await agent.get(path);
    const token = csrfTokenIn(form.text);
    const page = $(form.text);
    const upload = page('form[enctype="multipart/form-data"]');
    assert.equal(upload.length, 1);
    assert.ok(!(upload.attr('action') ?? '').includes('_csrf'), upload.attr('action'));
    // the token comes before the file, where the check reads it
    assert.deepEqual(
      upload
        .find('input')
        .map((_, input) => page(input).attr('name'))
        .get()
        .slice(0, 2),
      ['_csrf', 'file'],
    );

    lines.length = 0;
    const response = await agent
      .post(path)
      .field('_csrf', token)
      .attach('file', Buffer.from('who,where\nx,y\n'), 'values.csv');
    // the check passed and the route read the whole file after it
    assert.equal(response.status, 400);
    assert.match($(response.text)('#file-error').text(), /these are missing/);
    const log = lines.join('');
    assert.match(log, /indicators\/import/);
    assert.ok(!log.includes(token), 'the request log holds the CSRF token');
    assert.ok(!log.includes(encodeURIComponent(token)), 'the request log holds the CSRF token');
  });

  it('is refused in the address, and missing or after the file', async () => {
    const token = csrfTokenIn((await agent.get(path)).text);
    const file = Buffer.from('indicator,period,value\n');
    const inAddress = await agent
      .post(`${path}?_csrf=${encodeURIComponent(token)}`)
      .attach('file', file, 'a.csv');
    assert.equal(inAddress.status, 403);
    const afterFile = await agent.post(path).attach('file', file, 'a.csv').field('_csrf', token);
    assert.equal(afterFile.status, 403);
    const wrong = await agent.post(path).field('_csrf', 'not-the-token').attach('file', file, 'a.csv');
    assert.equal(wrong.status, 403);
    const right = await agent.post(path).field('_csrf', token).attach('file', file, 'a.csv');
    assert.notEqual(right.status, 403);
  });
});
