// The sign-in limit counts failed attempts only: twenty-five good sign-ins from one address are
// all allowed; repeated failures from it are limited (429), per address behind TRUST_PROXY.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { csrfTokenIn, makeUser, startTestApp, type TestApp } from '../../../test/support/test-app.ts';

describe('the sign-in rate limit', () => {
  let test: TestApp;
  before(async () => {
    test = await startTestApp({ SIGN_IN_RATE_LIMIT: '5', SIGN_IN_WINDOW_MINUTES: '15', TRUST_PROXY: '1' });
  });
  after(() => test.close());

  const attempt = async (address: string, email: string, password: string) => {
    const agent = test.agent();
    const page = await agent.get('/sign-in').set('X-Forwarded-For', address);
    return agent
      .post('/sign-in')
      .set('X-Forwarded-For', address)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), email, password });
  };

  it('allows twenty-five successful sign-ins from one address', async () => {
    const user = await makeUser(test.services);
    for (let i = 0; i < 25; i += 1) {
      const response = await attempt('203.0.113.10', user.email, user.password);
      assert.equal(response.status, 303, `sign-in ${i + 1}`);
    }
  });

  it('limits repeated failures from one address, and only that address', async () => {
    const user = await makeUser(test.services);
    const statuses = [];
    for (let i = 0; i < 6; i += 1)
      statuses.push((await attempt('203.0.113.20', `nobody${i}@example.org`, 'wrong')).status);
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429]);
    // even a correct password is refused from that address for now
    assert.equal((await attempt('203.0.113.20', user.email, user.password)).status, 429);
    // another address (behind the same proxy) is not affected
    assert.equal((await attempt('203.0.113.21', user.email, user.password)).status, 303);
  });
});
