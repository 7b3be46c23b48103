import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  $,
  csrfTokenIn,
  makePartnership,
  makeUser,
  signIn,
  signedInAs,
  startTestApp,
  submit,
  type TestApp,
} from '../../../test/support/test-app.ts';

describe('users and roles of a partnership', () => {
  let test: TestApp;
  before(async () => {
    test = await startTestApp();
  });
  after(() => test.close());

  it('gives an existing user a role at once', async () => {
    const partnership = await makePartnership(test.services, 'roles-add');
    const { agent } = await signedInAs(test, partnership.id, 'admin');
    const someone = await makeUser(test.services, { name: 'Anne Gorton' });
    const response = await submit(agent, '/partnerships/roles-add/users', {
      email: someone.email,
      role: 'editor',
    });
    assert.equal(response.status, 303);
    assert.equal(await test.services.members.roleOf(partnership.id, someone.id), 'editor');
    const page = await agent.get('/partnerships/roles-add/users');
    assert.match(page.text, /Anne Gorton/);
  });

  it('invites someone new with a link that sets up their account once', async () => {
    const partnership = await makePartnership(test.services, 'roles-invite');
    const { agent } = await signedInAs(test, partnership.id, 'admin');
    const response = await submit(agent, '/partnerships/roles-invite/users', {
      email: 'New.Person@Example.org',
      role: 'member',
    });
    assert.equal(response.status, 200);
    const link = $(response.text)('#invitation-link').text().trim();
    const path = new URL(link).pathname;
    assert.match(path, /^\/join\/roles-invite\/inv_/);

    const newcomer = test.agent();
    const form = await newcomer.get(path);
    assert.equal(form.status, 200);
    const mismatch = await newcomer
      .post(path)
      .type('form')
      .send({
        _csrf: csrfTokenIn(form.text),
        name: 'New Person',
        password: 'a long enough password',
        confirmPassword: 'something else',
      });
    assert.equal(mismatch.status, 400);
    assert.match($(mismatch.text)('.govuk-error-summary').text(), /Passwords must match/);
    assert.equal($(mismatch.text)('#name').val(), 'New Person');
    const accepted = await newcomer
      .post(path)
      .type('form')
      .send({
        _csrf: csrfTokenIn(form.text),
        name: 'New Person',
        password: 'a long enough password',
        confirmPassword: 'a long enough password',
      });
    assert.equal(accepted.status, 303);
    assert.equal(accepted.headers.location, '/partnerships/roles-invite');
    assert.equal((await newcomer.get('/partnerships/roles-invite')).status, 200);
    const userId = await test.services.accounts.userIdByEmail('new.person@example.org');
    assert.equal(await test.services.members.roleOf(partnership.id, userId!), 'member');
    assert.equal((await test.agent().get(path)).status, 404, 'the link works once');
  });

  it('changes a role and refuses to leave the partnership without an administrator', async () => {
    const partnership = await makePartnership(test.services, 'roles-change');
    const { agent, user } = await signedInAs(test, partnership.id, 'admin');
    const other = await makeUser(test.services);
    await submit(agent, '/partnerships/roles-change/users', { email: other.email, role: 'viewer' });
    const changed = await submit(
      agent,
      `/partnerships/roles-change/users/${other.id}/role`,
      { role: 'admin' },
      '/partnerships/roles-change/users',
    );
    assert.equal(changed.status, 303);
    assert.equal(await test.services.members.roleOf(partnership.id, other.id), 'admin');
    await submit(
      agent,
      `/partnerships/roles-change/users/${other.id}/remove`,
      {},
      '/partnerships/roles-change/users',
    );
    const lastAdmin = await submit(
      agent,
      `/partnerships/roles-change/users/${user.id}/role`,
      { role: 'viewer' },
      '/partnerships/roles-change/users',
    );
    assert.equal(lastAdmin.status, 400);
    assert.match(
      $(lastAdmin.text)('.govuk-error-summary').text(),
      /A partnership must keep at least one administrator/,
    );
    assert.equal(await test.services.members.roleOf(partnership.id, user.id), 'admin');
  });

  it('checks the answers: a valid email and a role', async () => {
    const partnership = await makePartnership(test.services, 'roles-invalid');
    const { agent } = await signedInAs(test, partnership.id, 'admin');
    const response = await submit(agent, '/partnerships/roles-invalid/users', { email: 'not-an-email' });
    assert.equal(response.status, 400);
    const html = $(response.text);
    assert.deepEqual(
      html('.govuk-error-summary a')
        .map((_, el) => html(el).text().trim())
        .get(),
      ['Enter an email address in the correct format, like name@example.com', 'Select a role'],
    );
    assert.equal(html('#email').val(), 'not-an-email');
  });

  it('is for administrators only', async () => {
    const partnership = await makePartnership(test.services, 'roles-guarded');
    const { agent, user } = await signedInAs(test, partnership.id, 'editor');
    assert.equal((await agent.get('/partnerships/roles-guarded/users')).status, 403);
    const page = await agent.get('/partnerships/roles-guarded');
    const response = await agent
      .post(`/partnerships/roles-guarded/users/${user.id}/role`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), role: 'admin' });
    assert.equal(response.status, 403);
    assert.equal(await test.services.members.roleOf(partnership.id, user.id), 'editor');
  });

  it('shows the administrator every change in the audit trail, filterable and as CSV', async () => {
    const partnership = await makePartnership(test.services, 'roles-audit');
    const { agent, user } = await signedInAs(test, partnership.id, 'admin');
    await submit(agent, '/partnerships/roles-audit/users', { email: 'audited@example.org', role: 'viewer' });
    const page = await agent.get('/partnerships/roles-audit/audit');
    assert.equal(page.status, 200);
    const text = $(page.text)('#audit').text();
    assert.match(text, /Invited audited@example.org as viewer/);
    assert.match(text, /Created partnership Partnership roles-audit/);
    const filtered = await agent.get('/partnerships/roles-audit/audit?entityType=invitation');
    assert.doesNotMatch($(filtered.text)('#audit').text(), /Created partnership/);
    const byActor = await agent.get(
      `/partnerships/roles-audit/audit?actor=${encodeURIComponent(user.email)}`,
    );
    // the invitation, and its e-mail queued in the same transaction (issue 18)
    assert.match($(byActor.text)('#audit caption').text(), /2 changes/);
    assert.match($(byActor.text)('#audit').text(), /Queued .* to audited@example.org/);
    const csv = await agent.get('/partnerships/roles-audit/audit?format=csv');
    assert.match(csv.text, /audited@example.org/);
    const invalid = await agent.get('/partnerships/roles-audit/audit?from=yesterday');
    assert.match($(invalid.text)('#from-error').text(), /Date from must be a date like 2026-01-31/);
  });

  it('keeps the audit trail from viewers', async () => {
    const partnership = await makePartnership(test.services, 'roles-audit-viewer');
    const { agent } = await signedInAs(test, partnership.id, 'viewer');
    assert.equal((await agent.get('/partnerships/roles-audit-viewer/audit')).status, 403);
  });

  it('lets a new user sign in with the password set from the invitation', async () => {
    const partnership = await makePartnership(test.services, 'roles-signin');
    const { agent } = await signedInAs(test, partnership.id, 'admin');
    const response = await submit(agent, '/partnerships/roles-signin/users', {
      email: 'later@example.org',
      role: 'viewer',
    });
    const path = new URL($(response.text)('#invitation-link').text().trim()).pathname;
    const newcomer = test.agent();
    await submit(newcomer, path, {
      name: 'Later Person',
      password: 'another long password',
      confirmPassword: 'another long password',
    });
    const fresh = test.agent();
    await signIn(fresh, 'later@example.org', 'another long password');
    assert.equal((await fresh.get('/partnerships/roles-signin')).status, 200);
  });
});
