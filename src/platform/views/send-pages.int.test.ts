// A kept page sent in parts (ADR 0061) is the page a fresh rendering gives, byte for byte but
// for the request's own token and nonce, with its length right, and nothing of the marks.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  makePartnership,
  signedInAs,
  startTestApp,
  submit,
  type TestApp,
} from '../../../test/support/test-app.ts';

describe('kept pages sent in parts', () => {
  let test: TestApp;
  before(async () => {
    test = await startTestApp();
  });
  after(() => test.close());

  it('sends a kept page, fresh and then from what was kept, whole, with its length, and HEAD without it', async () => {
    const partnership = await makePartnership(test.services, 'sent-in-parts');
    const { agent } = await signedInAs(test, partnership.id, 'admin');
    // a name beyond ASCII: the kept part is narrowed, and its bytes counted, not its characters
    const edited = await submit(agent, '/partnerships/sent-in-parts/edit', {
      authorityGssCode: 'E08000001',
      name: 'Bolton Children’s Trust – Núñez',
      slug: 'sent-in-parts',
      'established-year': '2007',
      status: 'active',
      published: 'no',
    });
    assert.equal(edited.status, 303);
    await agent.get('/partnerships/sent-in-parts'); // shows, once, that the details were changed
    const hits = test.db.kept!.hits;
    const pages = [];
    for (let i = 0; i < 3; i++) pages.push(await agent.get('/partnerships/sent-in-parts'));
    assert.ok(test.db.kept!.hits > hits, 'the second and third were served from what was kept');
    const comparable = (text: string) =>
      text.replace(/name="_csrf" value="[^"]*"/g, '').replace(/nonce="[^"]*"/g, '');
    for (const page of pages) {
      assert.equal(page.status, 200);
      assert.match(page.headers['content-type']!, /^text\/html; charset=utf-8/);
      assert.equal(Number(page.headers['content-length']), Buffer.byteLength(page.text));
      assert.ok(!page.text.includes('\u0000'), 'no mark is left in the page');
      assert.doesNotMatch(page.text, /kept-[A-Za-z0-9_-]{12}-\d/);
      assert.match(
        page.text,
        /<h1 class="govuk-heading-l">Bolton Children&#x2019;s Trust &#x2013; Núñez<\/h1>/,
      );
      assert.match(page.text, /<\/html>\s*$/);
      assert.equal(comparable(page.text), comparable(pages[0]!.text));
    }
    const head = await agent.head('/partnerships/sent-in-parts');
    assert.equal(head.status, 200);
    assert.equal(head.headers['content-length'], pages[0]!.headers['content-length']);
    assert.equal(head.text, undefined);
  });
});
