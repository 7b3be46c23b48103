// A form posted without its CSRF token (issue 24, item 8): a GOV.UK error page, 403, saying the
// form had expired or was incomplete and to go back, reload it and try again, with a link back
// to the form; a multipart upload (a membership list, an indicator import) alike; nothing saved.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  $,
  auditCount,
  csrfTokenIn,
  makePartnership,
  pageText,
  signedInAs,
  startTestApp,
  type Agent,
  type TestApp,
} from './support/test-app.ts';

describe('a form posted without its CSRF token', () => {
  let test: TestApp;
  let agent: Agent;
  const base = '/partnerships/expired-forms';
  before(async () => {
    test = await startTestApp();
    const partnership = await makePartnership(test.services, 'expired-forms');
    ({ agent } = await signedInAs(test, partnership.id, 'editor'));
  });
  after(async () => test.close());

  const expectExpiredPage = (response: { status: number; text: string }, back: string) => {
    assert.equal(response.status, 403);
    const page = $(response.text);
    assert.equal(page('h1').text().trim(), 'Your form has expired');
    assert.match(
      pageText(response.text),
      /The form had expired or was incomplete, so nothing you entered has been saved\. Go back, reload the form and try again\./,
    );
    assert.equal(page('main a:contains("Go back to the form")').attr('href'), back);
    assert.match(page('title').text(), /Your form has expired/);
  };

  it('answers a plain form with the page and a link back to where it was sent from', async () => {
    const before = await auditCount(test);
    const form = `${base}/bodies/new`;
    await agent.get(form);
    const response = await agent
      .post(`${base}/bodies`)
      .set('Referer', `http://elsewhere.example${form}`)
      .type('form')
      .send({ name: 'A board never made' });
    assert.equal(response.status, 403);
    const sameHost = await agent
      .post(`${base}/bodies`)
      .set('Host', 'cooperate.test')
      .set('Referer', `http://cooperate.test${form}`)
      .type('form')
      .send({ name: 'A board never made' });
    expectExpiredPage(sameHost, form);
    // another site's address is never the link back: the address posted to instead
    expectExpiredPage(response, `${base}/bodies`);
    const sneaky = await agent
      .post(`${base}/bodies`)
      .set('Host', 'cooperate.test')
      .set('Referer', 'http://cooperate.test//elsewhere.example/form')
      .type('form')
      .send({ name: 'A board never made' });
    expectExpiredPage(sneaky, `${base}/bodies`);
    assert.equal(await auditCount(test), before, 'nothing was written');
  });

  it('answers a multipart CSV upload with no token the same way', async () => {
    const path = `${base}/indicators/import`;
    const before = await auditCount(test);
    const response = await agent
      .post(path)
      .attach('file', Buffer.from('indicator,period,value\nNI 1,2008-09,1\n'), 'values.csv');
    expectExpiredPage(response, path);
    // a wrong token, and one sent after the file, too
    const wrong = await agent
      .post(path)
      .field('_csrf', 'not-the-token')
      .attach('file', Buffer.from('a\n'), 'a.csv');
    expectExpiredPage(wrong, path);
    assert.equal(await auditCount(test), before, 'nothing was written');
    // and the form, reloaded, works: its token is accepted
    const token = csrfTokenIn((await agent.get(path)).text);
    const again = await agent.post(path).field('_csrf', token).attach('file', Buffer.from('a\n'), 'a.csv');
    assert.notEqual(again.status, 403);
  });

  it('answers someone not signed in the same way', async () => {
    const response = await test.agent().post('/sign-in').type('form').send({ email: 'x@example.org' });
    expectExpiredPage(response, '/sign-in');
  });
});
