import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import {
  $,
  csrfTokenIn,
  grant,
  makePartnership,
  signedInAs,
  startTestApp,
  submit,
  type TestApp,
} from '../../../test/support/test-app.ts';
import { systemCaller } from '../../platform/http/auth.ts';

const valid = {
  authorityGssCode: 'E08000001',
  name: 'Bolton Children’s Trust',
  slug: 'bolton-trust',
  'established-day': '20',
  'established-month': '4',
  'established-year': '2007',
  status: 'active',
  published: 'yes',
};

async function auditRows(test: TestApp, partnershipId: string) {
  return test.db.transaction(
    { partnershipId },
    async (trx) =>
      (
        await sql<{
          action: string;
          entity_type: string;
          summary: string;
          actor_label: string;
          before: unknown;
          after: unknown;
        }>`select action, entity_type, summary, actor_label, before, after from audit_events order by id`.execute(
          trx,
        )
      ).rows,
  );
}

/** An API token of the user's own, made as they would make it. */
async function tokenOf(test: TestApp, user: { id: string; email: string }, platformAdmin = false) {
  const caller = {
    actor: { userId: user.id, label: user.email },
    userId: user.id,
    platformAdmin,
    role: null,
    partnershipId: null,
  };
  return (await test.services.tokens.create(caller, user.id, 'test')).token;
}

describe('partnerships', () => {
  let test: TestApp;
  before(async () => {
    test = await startTestApp();
  });
  after(() => test.close());

  it('lets a platform administrator create a partnership, and audits it', async () => {
    const { agent, user } = await signedInAs(test, null, 'platform-admin');
    const response = await submit(agent, '/partnerships/new', valid);
    assert.equal(response.status, 303);
    assert.equal(response.headers.location, '/partnerships/bolton-trust');
    const page = await agent.get('/partnerships/bolton-trust');
    assert.equal(page.status, 200);
    assert.match($(page.text)('.govuk-notification-banner').text(), /The partnership has been created/);
    assert.match($(page.text)('.govuk-summary-list').text(), /20 April 2007/);
    const created = await test.services.partnerships.bySlug('bolton-trust');
    const rows = await auditRows(test, created!.id);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.action, 'create');
    assert.equal(rows[0]!.actor_label, user.email);
    assert.deepEqual(rows[0]!.after, {
      name: 'Bolton Children’s Trust',
      slug: 'bolton-trust',
      authorityGssCode: 'E08000001',
      established: '2007-04-20',
      status: 'active',
      published: true,
    });
  });

  it('accepts a year alone, as the records often give only that', async () => {
    const { agent } = await signedInAs(test, null, 'platform-admin');
    const response = await submit(agent, '/partnerships/new', {
      ...valid,
      slug: 'year-only',
      'established-day': '',
      'established-month': '',
    });
    assert.equal(response.status, 303);
    assert.equal((await test.services.partnerships.bySlug('year-only'))!.established, '2007');
  });

  it('re-renders the form with every problem, keeps the answers, and writes nothing', async () => {
    const { agent } = await signedInAs(test, null, 'platform-admin');
    const before = await test.services.partnerships.list();
    const response = await submit(agent, '/partnerships/new', {
      ...valid,
      name: '',
      slug: 'Not A Slug',
      'established-day': '31',
      'established-month': '2',
      status: '',
    });
    assert.equal(response.status, 400);
    const html = $(response.text);
    assert.deepEqual(
      html('.govuk-error-summary a')
        .map((_, el) => [[html(el).text().trim(), html(el).attr('href')]])
        .get(),
      [
        ['Enter the partnership’s name', '#name'],
        [
          'Short name must contain only letters, numbers and single hyphens, like dudley-childrens-trust',
          '#slug',
        ],
        ['Date established must be a real date', '#established-day'],
        ['Select the partnership’s status', '#status'],
      ],
    );
    assert.equal(html('#slug').val(), 'Not A Slug');
    assert.equal(html('#established-day').val(), '31');
    assert.equal(html('#authorityGssCode option[selected]').val(), 'E08000001');
    assert.equal(html('#name').closest('.govuk-form-group').hasClass('govuk-form-group--error'), true);
    assert.deepEqual(await test.services.partnerships.list(), before);
  });

  it('refuses a short name that is taken, naming the field', async () => {
    await makePartnership(test.services, 'taken');
    const { agent } = await signedInAs(test, null, 'platform-admin');
    const response = await submit(agent, '/partnerships/new', { ...valid, slug: 'taken' });
    assert.equal(response.status, 400);
    assert.match($(response.text)('#slug-error').text(), /A partnership with this short name already exists/);
  });

  it('does not let anyone but a platform administrator create a partnership', async () => {
    const partnership = await makePartnership(test.services, 'not-mine');
    const { agent } = await signedInAs(test, partnership.id, 'admin');
    assert.equal((await agent.get('/partnerships/new')).status, 403);
    const page = await agent.get('/partnerships/not-mine/edit');
    const response = await agent
      .post('/partnerships/new')
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), ...valid, slug: 'sneaky' });
    assert.equal(response.status, 403);
    assert.equal(await test.services.partnerships.bySlug('sneaky'), undefined);
  });

  it('lets the partnership’s administrator change its details, with before and after audited', async () => {
    const partnership = await makePartnership(test.services, 'to-edit');
    const { agent } = await signedInAs(test, partnership.id, 'admin');
    const form = await agent.get('/partnerships/to-edit/edit');
    assert.equal($(form.text)('#established-year').val(), '2007');
    const response = await submit(agent, '/partnerships/to-edit/edit', {
      ...valid,
      slug: 'to-edit',
      name: 'Renamed partnership',
      published: 'no',
    });
    assert.equal(response.status, 303);
    const rows = await auditRows(test, partnership.id);
    const update = rows.find((row) => row.action === 'update')!;
    assert.equal((update.before as { name: string }).name, 'Partnership to-edit');
    assert.equal((update.after as { name: string }).name, 'Renamed partnership');
  });

  it('forbids editors and viewers from changing the partnership’s details', async () => {
    const partnership = await makePartnership(test.services, 'guarded');
    for (const role of ['editor', 'viewer'] as const) {
      const { agent } = await signedInAs(test, partnership.id, role);
      assert.equal((await agent.get('/partnerships/guarded')).status, 200);
      assert.equal((await agent.get('/partnerships/guarded/edit')).status, 403);
      const page = await agent.get('/partnerships/guarded');
      const response = await agent
        .post('/partnerships/guarded/edit')
        .type('form')
        .send({ _csrf: csrfTokenIn(page.text), ...valid, slug: 'guarded' });
      assert.equal(response.status, 403);
    }
    assert.equal((await test.services.partnerships.bySlug('guarded'))!.name, 'Partnership guarded');
  });

  it('answers 404 to a user of another partnership, as if it did not exist', async () => {
    const mine = await makePartnership(test.services, 'mine');
    await makePartnership(test.services, 'theirs');
    const { agent } = await signedInAs(test, mine.id, 'admin');
    assert.equal((await agent.get('/partnerships/theirs')).status, 404);
    assert.equal((await agent.get('/partnerships/theirs/edit')).status, 404);
    assert.equal((await agent.get('/partnerships/no-such-thing')).status, 404);
  });

  it('lists only the partnerships a user belongs to, and downloads them as CSV', async () => {
    const one = await makePartnership(test.services, 'listed-one');
    await makePartnership(test.services, 'listed-two');
    const { agent } = await signedInAs(test, one.id, 'viewer');
    const home = await agent.get('/');
    const names = $(home.text)('#partnerships tbody th')
      .map((_, el) => $(home.text)(el).text().trim())
      .get();
    assert.deepEqual(names, ['Partnership listed-one']);
    const csv = await agent.get('/partnerships?format=csv');
    assert.match(csv.headers['content-type']!, /text\/csv/);
    assert.equal(csv.text.trim().split('\n').length, 2);
  });

  it('serves the partnerships API: published ones to anyone, one’s own with a token', async () => {
    const published = await makePartnership(test.services, 'api-public');
    const admin = await signedInAs(test, null, 'platform-admin');
    await submit(admin.agent, '/partnerships/api-public/edit', {
      ...valid,
      slug: 'api-public',
      name: 'Public one',
      published: 'yes',
    });
    const privateOne = await makePartnership(test.services, 'api-private');
    const anonymous = await test.request().get('/api/v1/partnerships');
    assert.equal(anonymous.status, 200);
    const slugs = (anonymous.body as { items: { slug: string }[] }).items.map((item) => item.slug);
    assert.ok(slugs.includes('api-public'));
    assert.ok(!slugs.includes('api-private'));
    const item = (anonymous.body as { items: Record<string, unknown>[] }).items.find(
      (entry) => entry.slug === 'api-public',
    )!;
    assert.deepEqual(item, {
      slug: 'api-public',
      name: 'Public one',
      authority: { gssCode: 'E08000001', name: 'Bolton' },
      status: 'active',
      established: '2007-04-20',
      published: true,
    });
    const { user } = await signedInAs(test, privateOne.id, 'viewer');
    const token = await tokenOf(test, user);
    const mine = await test.request().get('/api/v1/partnerships').set('Authorization', `Bearer ${token}`);
    assert.ok(
      (mine.body as { items: { slug: string }[] }).items.some((entry) => entry.slug === 'api-private'),
    );
    assert.equal((await test.request().get('/api/v1/partnerships/api-private')).status, 401);
    assert.equal((await test.request().get('/api/v1/partnerships/no-such-one')).status, 401);
    assert.equal(
      (await test.request().get('/api/v1/partnerships/api-private').set('Authorization', `Bearer ${token}`))
        .status,
      200,
    );
    const bad = await test.request().get('/api/v1/partnerships').set('Authorization', 'Bearer coop_wrong');
    assert.equal(bad.status, 401);
    assert.match(bad.headers['content-type']!, /application\/problem\+json/);
    void published;
  });

  it('keeps the partnerships API’s answers for each caller, and answers afresh after any partnership or membership changes (ADR 0060)', async () => {
    // Every answer served from what was kept is worked out again here and compared (the tests'
    // check, ADR 0056): were the list kept under a version that a change does not move, the
    // request after the change would fail. A partnership none of the steps touch, published by
    // another: its change too must reach every caller's list.
    const admin = await signedInAs(test, null, 'platform-admin');
    const mine = await makePartnership(test.services, 'kept-list-mine');
    const other = await makePartnership(test.services, 'kept-list-other');
    const { user } = await signedInAs(test, mine.id, 'viewer');
    const token = await tokenOf(test, user);
    const asMember = async (path = '/api/v1/partnerships') => {
      const response = await test.request().get(path).set('Authorization', `Bearer ${token}`);
      assert.equal(response.status, 200, response.text);
      return response.body as { items?: { slug: string; name: string }[]; name?: string };
    };
    const anonymously = async () => {
      const response = await test.request().get('/api/v1/partnerships');
      assert.equal(response.status, 200, response.text);
      return (response.body as { items: { slug: string; name: string }[] }).items;
    };
    const slugs = (items: { slug: string }[] | undefined) => (items ?? []).map((item) => item.slug);
    const kept = test.db.kept!;

    assert.ok(slugs((await asMember()).items).includes('kept-list-mine'));
    assert.ok(!slugs((await asMember()).items).includes('kept-list-other'));
    const hits = kept.hits;
    await asMember();
    assert.ok(kept.hits > hits, 'the second asking, nothing changed, is answered from what was kept');
    assert.ok(!slugs(await anonymously()).includes('kept-list-other'));

    // published, through the form: anyone's list has it at once
    const edit = (name: string, published: 'yes' | 'no') =>
      submit(admin.agent, '/partnerships/kept-list-other/edit', {
        ...valid,
        slug: 'kept-list-other',
        name,
        published,
      });
    assert.equal((await edit('Kept list other', 'yes')).status, 303);
    assert.ok(slugs(await anonymously()).includes('kept-list-other'));
    assert.ok(slugs((await asMember()).items).includes('kept-list-other'));
    // renamed: the new name, in the list and in the one partnership's answer
    assert.equal((await edit('Renamed partnership', 'yes')).status, 303);
    assert.equal(
      (await anonymously()).find((item) => item.slug === 'kept-list-other')?.name,
      'Renamed partnership',
    );
    assert.equal((await asMember('/api/v1/partnerships/kept-list-other')).name, 'Renamed partnership');
    // taken off the public site: gone from the anonymous list
    assert.equal((await edit('Renamed partnership', 'no')).status, 303);
    assert.ok(!slugs(await anonymously()).includes('kept-list-other'));

    // the user joins the other partnership, then leaves it: their list follows at once
    await grant(test.services, other.id, user.id, 'viewer');
    assert.ok(slugs((await asMember()).items).includes('kept-list-other'));
    assert.equal((await asMember('/api/v1/partnerships/kept-list-other')).name, 'Renamed partnership');
    await test.services.members.remove(systemCaller('test', other.id), user.id);
    assert.ok(!slugs((await asMember()).items).includes('kept-list-other'));
    const gone = await test
      .request()
      .get('/api/v1/partnerships/kept-list-other')
      .set('Authorization', `Bearer ${token}`);
    assert.equal(gone.status, 404);

    // a partnership created by a platform administrator is in their list at once
    const adminToken = await tokenOf(test, admin.user, true);
    const asAdmin = async () =>
      slugs(
        (
          (await test.request().get('/api/v1/partnerships').set('Authorization', `Bearer ${adminToken}`))
            .body as {
            items: { slug: string }[];
          }
        ).items,
      );
    assert.ok(!(await asAdmin()).includes('kept-list-new'));
    await makePartnership(test.services, 'kept-list-new');
    assert.ok((await asAdmin()).includes('kept-list-new'));
    assert.ok(!slugs((await asMember()).items).includes('kept-list-new'));
  });
});
