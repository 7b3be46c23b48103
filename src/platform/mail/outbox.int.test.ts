// The outbox against a real SMTP server started by the test: a message is written with the
// change and sent by a pg-boss job; a rolled-back change sends nothing; a server that is down
// for a while loses nothing and sends nothing twice; a refused address is recorded as bounced.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { systemCaller } from '../http/auth.ts';
import {
  auditCount,
  makePartnership,
  pageText,
  signedInAs,
  startTestApp,
  type TestApp,
} from '../../../test/support/test-app.ts';
import { TestMailServer } from '../../../test/support/mail.ts';

describe('the outbox over SMTP', () => {
  let test: TestApp;
  let partnershipId: string;
  const smtp = new TestMailServer();

  before(async () => {
    await smtp.start();
    test = await startTestApp({
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Cooperate <cooperate@example.org>',
      PUBLIC_URL: 'https://cooperate.example.org',
      MAIL_RETRY_DELAY_SECONDS: '1',
    });
    partnershipId = (await makePartnership(test.services, 'mail-one')).id;
  });
  after(async () => {
    await test.close();
    await smtp.stop();
  });

  const write = async (to: string, subject: string, kind: 'invitation' | 'action-new' = 'invitation') => {
    const { mail } = test.services;
    await mail.ready();
    const ids = await test.db.transaction({ partnershipId }, (trx) =>
      mail.queue(trx, systemCaller('test', partnershipId).actor, partnershipId, [
        {
          kind,
          to: { email: to, name: 'Ann <script>' },
          content: {
            subject,
            blocks: [
              { paragraph: 'Hello <b>there</b> & welcome' },
              { links: [{ text: 'Open the page', href: 'https://cooperate.example.org/x' }] },
            ],
          },
          link: 'https://cooperate.example.org/x',
        },
      ]),
    );
    mail.notify();
    return ids;
  };

  const rowOf = (id: string) =>
    test.db.owner.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('sends a message written with a change, as plain text and escaped HTML', async () => {
    const [id] = await write('ann@example.org', 'Welcome');
    await test.services.mail.idle();
    const [received] = smtp.to('ann@example.org');
    assert.ok(received);
    assert.equal(received.parsed.subject, 'Welcome');
    assert.match(received.parsed.text ?? '', /Hello <b>there<\/b> & welcome/);
    assert.match(received.parsed.text ?? '', /https:\/\/cooperate\.example\.org\/x/);
    const html = String(received.parsed.html);
    assert.match(html, /Hello &lt;b&gt;there&lt;\/b&gt; &amp; welcome/);
    assert.doesNotMatch(html, /<b>there/);
    assert.match(html, /href="https:\/\/cooperate\.example\.org\/x"/);
    // an invitation cannot be switched off: no unsubscribe header
    assert.equal(received.parsed.headers.get('list-unsubscribe'), undefined);
    const row = await rowOf(id!);
    assert.equal(row.state, 'sent');
    assert.equal(row.attempts, 1);
    assert.equal(received.parsed.messageId, row.message_id);
    const audit = await test.db.owner
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', id!)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['mail-queued', 'mail-sent'],
    );
  });

  it('an optional message carries a one-click unsubscribe that works once, without signing in', async () => {
    const [id] = await write('bob@example.org', 'A new action', 'action-new');
    await test.services.mail.idle();
    const [received] = smtp.to('bob@example.org');
    const header = { url: /^List-Unsubscribe:\s*<([^>]+)>/im.exec(received!.raw)?.[1] ?? '' };
    assert.match(header.url, /^https:\/\/cooperate\.example\.org\/unsubscribe\//);
    assert.match(received!.raw, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    assert.equal((await rowOf(id!)).state, 'sent');
    const path = new URL(header.url).pathname;
    const page = await test.request().get(path);
    assert.equal(page.status, 200);
    const first = await test.request().post(path).type('form').send({ 'List-Unsubscribe': 'One-Click' });
    assert.equal(first.status, 200);
    const before = await auditCount(test);
    const replay = await test.request().post(path).type('form').send({ 'List-Unsubscribe': 'One-Click' });
    assert.equal(replay.status, 410);
    assert.equal(await auditCount(test), before);
    const again = await test.request().get(path);
    assert.equal(again.status, 410);
    assert.match(pageText(again.text), /already been used/);
    // switched off: the next one is not written at all
    assert.deepEqual(await write('bob@example.org', 'Another action', 'action-new'), []);
    // an expired link is refused
    await test.db.owner
      .updateTable('mail_unsubscribe_links')
      .set({ expires_at: new Date(Date.now() - 1000), used_at: null })
      .execute();
    const expired = await test.request().get(path);
    assert.equal(expired.status, 410);
    assert.match(pageText(expired.text), /expired/);
  });

  it('a change rolled back sends nothing', async () => {
    const { mail } = test.services;
    await mail.ready();
    const count = smtp.received.length;
    await assert.rejects(
      test.db.transaction({ partnershipId }, async (trx) => {
        await mail.queue(trx, systemCaller('test').actor, partnershipId, [
          {
            kind: 'invitation',
            to: { email: 'rolled@example.org' },
            content: { subject: 'Never', blocks: [] },
          },
        ]);
        throw new Error('the change failed');
      }),
      /the change failed/,
    );
    mail.notify();
    await mail.idle();
    assert.equal(smtp.received.length, count);
    const rows = await test.db.owner
      .selectFrom('mail_outbox')
      .select('id')
      .where('recipient', '=', 'rolled@example.org')
      .execute();
    assert.equal(rows.length, 0);
  });

  it('records an address the server refuses as bounced, with its reason, and does not try again', async () => {
    smtp.refuse.add('nobody@example.org');
    const [id] = await write('nobody@example.org', 'Refused');
    await test.services.mail.idle();
    const row = await rowOf(id!);
    assert.equal(row.state, 'bounced');
    assert.equal(row.attempts, 1);
    assert.match(row.failure ?? '', /No such mailbox/);
  });

  it('loses nothing while the mail server is down and sends each message once when it returns', async () => {
    await smtp.stop();
    const count = smtp.received.length;
    const ids = [
      ...(await write('c1@example.org', 'While down 1')),
      ...(await write('c2@example.org', 'While down 2')),
      ...(await write('c3@example.org', 'While down 3')),
    ];
    // the first tries fail; pg-boss keeps them for a retry
    const until = Date.now() + 20_000;
    while ((await Promise.all(ids.map(rowOf))).every((row) => row.attempts < 1) && Date.now() < until)
      await new Promise((resolve) => setTimeout(resolve, 50));
    const tried = (await Promise.all(ids.map(rowOf))).filter((row) => row.attempts >= 1);
    assert.ok(tried.length >= 1);
    for (const row of tried) {
      assert.equal(row.state, 'queued');
      assert.match(row.failure ?? '', /ECONNREFUSED|connect/i);
    }
    await smtp.start();
    await test.services.mail.idle(60_000);
    const rows = await Promise.all(ids.map(rowOf));
    assert.deepEqual(
      rows.map((row) => row.state),
      ['sent', 'sent', 'sent'],
    );
    assert.equal(smtp.received.length, count + 3);
    for (const address of ['c1@example.org', 'c2@example.org', 'c3@example.org'])
      assert.equal(smtp.to(address).length, 1);
  });

  it('sends an invitation with its link to join, written with the invitation', async () => {
    const outcome = await test.services.members.add(systemCaller('admin@example.org', partnershipId), {
      email: 'newcomer@example.org',
      role: 'member',
    });
    assert.equal(outcome.outcome, 'invited');
    await test.services.mail.idle();
    const [invitation] = smtp.to('newcomer@example.org');
    assert.equal(invitation!.parsed.subject, 'You have been invited to Partnership mail-one');
    const link = /https:\/\/cooperate\.example\.org\/join\/mail-one\/\S+/.exec(
      invitation!.parsed.text ?? '',
    )?.[0];
    assert.ok(link && outcome.outcome === 'invited' && link.endsWith(outcome.token));
    assert.equal((await test.request().get(new URL(link).pathname)).status, 200);
  });

  it('shows the outbox to administrators only', async () => {
    const admin = await signedInAs(test, partnershipId, 'admin');
    const page = await admin.agent.get('/partnerships/mail-one/mail');
    assert.equal(page.status, 200);
    assert.match(pageText(page.text), /Refused by the mail server/);
    assert.doesNotMatch(pageText(page.text), /No mail server is configured/);
    const editor = await signedInAs(test, partnershipId, 'editor');
    assert.equal((await editor.agent.get('/partnerships/mail-one/mail')).status, 403);
  });
});

describe('the outbox without a mail server', () => {
  let test: TestApp;
  let partnershipId: string;

  before(async () => {
    test = await startTestApp({ PUBLIC_URL: 'https://cooperate.example.org' });
    partnershipId = (await makePartnership(test.services, 'mail-two')).id;
  });
  after(() => test.close());

  it('keeps messages, sends nothing, and says so', async () => {
    const { mail } = test.services;
    assert.equal(mail.configured, false);
    await mail.ready();
    assert.equal(test.jobs.started, false);
    await test.db.transaction({ partnershipId }, (trx) =>
      mail.queue(trx, systemCaller('test').actor, partnershipId, [
        { kind: 'invitation', to: { email: 'kept@example.org' }, content: { subject: 'Kept', blocks: [] } },
      ]),
    );
    const row = await test.db.owner
      .selectFrom('mail_outbox')
      .selectAll()
      .where('recipient', '=', 'kept@example.org')
      .executeTakeFirstOrThrow();
    assert.equal(row.state, 'queued');
    const admin = await signedInAs(test, partnershipId, 'admin');
    const page = await admin.agent.get('/partnerships/mail-two/mail');
    assert.match(pageText(page.text), /No mail server is configured \(SMTP_URL\), so nothing is sent/);
    assert.match(pageText(page.text), /Waiting to be sent: 1/);
  });
});
