import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  $,
  csrfTokenIn,
  makeUser,
  startTestApp,
  submit,
  type TestApp,
} from '../../../test/support/test-app.ts';

describe('signing in and out', () => {
  let test: TestApp;
  before(async () => {
    test = await startTestApp({ ACCOUNT_LOCK_THRESHOLD: '3', ACCOUNT_LOCK_MINUTES: '15' });
  });
  after(() => test.close());

  it('signs in with the right password and lands where it was going', async () => {
    const user = await makeUser(test.services);
    const agent = test.agent();
    const refused = await agent.get('/partnerships/dudley');
    assert.equal(refused.status, 303);
    assert.equal(refused.headers.location, '/sign-in?returnTo=%2Fpartnerships%2Fdudley');
    const page = await agent.get('/sign-in?returnTo=%2Faccount%2Ftokens');
    const response = await agent
      .post('/sign-in')
      .type('form')
      .send({
        _csrf: csrfTokenIn(page.text),
        email: user.email.toUpperCase(),
        password: user.password,
        returnTo: '/account/tokens',
      });
    assert.equal(response.status, 303);
    assert.equal(response.headers.location, '/account/tokens');
    const home = await agent.get('/');
    assert.match($(home.text)('.app-header__account-name').text(), /Test User/);
  });

  it('refuses a wrong password with one message that does not say whether the email exists', async () => {
    const user = await makeUser(test.services);
    const wrong = await submit(test.agent(), '/sign-in', { email: user.email, password: 'not the password' });
    const unknown = await submit(test.agent(), '/sign-in', {
      email: 'nobody@example.org',
      password: 'not the password',
    });
    for (const response of [wrong, unknown]) {
      assert.equal(response.status, 401);
      assert.equal(
        $(response.text)('.govuk-error-summary a').text().trim(),
        'Enter a correct email address and password',
      );
      assert.equal(
        $(response.text)('#email').val(),
        response === wrong ? user.email : 'nobody@example.org',
        'the email is kept',
      );
      assert.equal($(response.text)('#password').val(), undefined, 'the password is never sent back');
    }
  });

  it('reports every missing answer at once', async () => {
    const response = await submit(test.agent(), '/sign-in', { email: '', password: '' });
    assert.equal(response.status, 400);
    const html = $(response.text);
    assert.deepEqual(
      html('.govuk-error-summary a')
        .map((_, el) => html(el).text().trim())
        .get(),
      ['Enter your email address', 'Enter your password'],
    );
    assert.match(html('title').text(), /^Error: Sign in/);
  });

  it('locks the account after repeated failures, even with the right password', async () => {
    const user = await makeUser(test.services);
    for (let attempt = 0; attempt < 3; attempt++)
      await submit(test.agent(), '/sign-in', { email: user.email, password: 'wrong password' });
    const locked = await submit(test.agent(), '/sign-in', { email: user.email, password: user.password });
    assert.equal(locked.status, 423);
    assert.match(
      $(locked.text)('.govuk-error-summary').text(),
      /Your account is locked because of too many attempts to sign in\. Try again in 15 minutes\./,
    );
  });

  it('rejects a form without its CSRF token and changes nothing', async () => {
    const user = await makeUser(test.services);
    const agent = test.agent();
    await agent.get('/sign-in');
    const response = await agent
      .post('/sign-in')
      .type('form')
      .send({ email: user.email, password: user.password });
    assert.equal(response.status, 403);
    assert.match(response.text, /Your form has expired/);
    assert.equal((await agent.get('/account/tokens')).status, 303, 'still signed out');
  });

  it('signs out, and the old session cookie no longer works', async () => {
    const user = await makeUser(test.services);
    const agent = test.agent();
    await submit(agent, '/sign-in', { email: user.email, password: user.password });
    assert.equal((await agent.get('/account/tokens')).status, 200);
    const out = await submit(agent, '/sign-out', {}, '/account/tokens');
    assert.equal(out.status, 303);
    assert.equal((await agent.get('/account/tokens')).status, 303);
  });

  it('refuses to send anyone to another site after signing in', async () => {
    const user = await makeUser(test.services);
    const agent = test.agent();
    const page = await agent.get('/sign-in');
    const response = await agent
      .post('/sign-in')
      .type('form')
      .send({
        _csrf: csrfTokenIn(page.text),
        email: user.email,
        password: user.password,
        returnTo: '//evil.example/',
      });
    assert.equal(response.headers.location, '/');
  });
});
