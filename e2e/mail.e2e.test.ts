// The meeting cycle by e-mail (issue 18): an editor sends the agenda from the meeting's page,
// a real SMTP server started by the test receives it, the member opens the meeting from the
// link in the message and sends apologies, and the clerk is told. Keyboard only, axe on every
// page on the way.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { systemCaller } from '../src/platform/http/auth.ts';
import { startE2eServer, type E2eServer, type E2eUser } from '../test/support/e2e-server.ts';
import { addPeople } from '../test/support/meetings.ts';
import { TestMailServer } from '../test/support/mail.ts';
import { andWait, headingOf, launchBrowser, newTab } from './support/browser.ts';
import { assertNoAxeViolations } from './support/axe.ts';
import { tabTo } from './support/keyboard.ts';

/** Links in messages are written under PUBLIC_URL; the test opens them on its own server. */
const publicUrl = 'https://cooperate.example.org';

async function follow(page: Page, name: string, role: 'button' | 'link' = 'link') {
  await tabTo(page, page.getByRole(role, { name, exact: true }), { max: 80, what: name });
  await andWait(page, () => page.keyboard.press('Enter'));
  await assertNoAxeViolations(page, `after ${name}`);
}

describe('the meeting cycle by e-mail', () => {
  const smtp = new TestMailServer();
  let server: E2eServer;
  let browser: Browser;
  let member: E2eUser;
  let meetingId: string;
  const clerkEmail = 'clare.clerk@dudley.example.org';

  before(async () => {
    await smtp.start();
    [server, browser] = await Promise.all([
      startE2eServer({ SMTP_URL: smtp.url, PUBLIC_URL: publicUrl, MAIL_RETRY_DELAY_SECONDS: '1' }),
      launchBrowser(),
    ]);
    const partnershipId = server.partnershipIds.dudley!;
    const caller = systemCaller('e2e', partnershipId);
    member = await server.addUser({ name: 'Maya Member', role: 'member' });
    const people = await addPeople(server.services, caller, [
      ['maya', member.name, member.email],
      ['clare', 'Clare Clerk', clerkEmail],
    ]);
    // A board of its own, so that the agenda goes to exactly the person the test names.
    const board = await server.services.bodies.create(caller, {
      slug: 'mail-board',
      name: 'Commissioning Board',
      kind: 'board',
      takesDecisions: true,
      status: 'established',
      statusOn: '2010',
      leadOfficerId: people.clare!,
    });
    const seatId = await server.services.membership.addSeat(caller, board.id, {
      label: 'Director of Children’s Services',
      role: 'member',
      voting: true,
      howFilled: 'ex-officio',
      capacity: 1,
    });
    await server.services.membership.appoint(caller, {
      seatId,
      personId: people.maya!,
      startsOn: '2010-01-01',
      endsOn: undefined,
      substituteIds: [],
    });
    meetingId = await server.services.meetings.create(caller, {
      title: 'Commissioning Board',
      kind: 'board-meeting',
      bodyIds: [board.id],
      date: `${new Date().getUTCFullYear() + 1}-03-18`,
      startTime: '10:00',
      state: 'scheduled',
    });
    await server.services.agenda.addItem(
      caller,
      meetingId,
      {
        number: 1,
        title: 'Short breaks for disabled children',
        purpose: 'decision',
        presenter: null,
        exempt: false,
        exemptParagraph: null,
        exemptReason: null,
      },
      { fileName: 'short-breaks.pdf', content: Buffer.from('%PDF-1.4\n% short breaks\n%%EOF\n') },
    );
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await smtp.stop();
  });

  it('sends the agenda; the member opens the e-mail’s link and sends apologies; the clerk hears', async () => {
    const editor = await newTab(browser, server.baseUrl, server.users.partnershipAdmin);
    await editor.goto(`${server.baseUrl}/partnerships/dudley/meetings/${meetingId}`);
    await assertNoAxeViolations(editor, 'the meeting');
    await follow(editor, 'Send the agenda or its changes by e-mail');
    assert.match(await editor.locator('main').innerText(), /1 person has an e-mail address and will get it/);
    await follow(editor, 'Send the agenda', 'button');
    assert.match(await editor.locator('.govuk-notification-banner').innerText(), /agenda/i);

    const [agenda] = await smtp.waitFor(1);
    assert.deepEqual(agenda!.envelopeTo, [member.email]);
    assert.match(agenda!.parsed.subject ?? '', /Commissioning Board/);
    const link =
      /https:\/\/cooperate\.example\.org(\/partnerships\/dudley\/meetings\/[0-9a-f-]+)(?=[\s)\]>"])/.exec(
        agenda!.parsed.text ?? '',
      );
    assert.ok(link, 'the message links to the meeting’s page');

    const tab = await newTab(browser, server.baseUrl, member);
    await tab.goto(`${server.baseUrl}${link[1]}`);
    assert.equal(await headingOf(tab), 'Commissioning Board');
    await assertNoAxeViolations(tab, 'the meeting, from the e-mail');
    await follow(tab, 'Send your apologies');
    await follow(tab, 'Send apologies', 'button');
    assert.match(
      await tab.locator('.govuk-notification-banner').innerText(),
      /Your apologies have been sent/,
    );

    const [, toClerk] = await smtp.waitFor(2);
    assert.deepEqual(toClerk!.envelopeTo, [clerkEmail]);
    assert.match(toClerk!.parsed.text ?? '', /Maya Member sent apologies for Commissioning Board/);
  });
});
