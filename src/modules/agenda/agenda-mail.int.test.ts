// "Send the agenda" against a real SMTP server started by the test: exactly the members, those
// in attendance, the note-taker and the named substitutes of the meeting's bodies on its date get
// it, never an observer (issue 24: an observer is no part of the business; a note-taker needs the
// papers to take the minutes); an exempt item and its paper
// reach only those whose account may see them; a later change sends a "papers updated" note;
// apologies reach the clerk.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { systemCaller } from '../../platform/http/auth.ts';
import {
  grant,
  makePartnership,
  makeUser,
  signIn,
  submit,
  startTestApp,
  type TestApp,
} from '../../../test/support/test-app.ts';
import { addPeople } from '../../../test/support/meetings.ts';
import { TestMailServer } from '../../../test/support/mail.ts';

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);

describe('sending the agenda', () => {
  let test: TestApp;
  const smtp = new TestMailServer();
  let partnershipId: string;
  let meetingId: string;
  let people: Record<string, string>;
  const emails = {
    anne: 'anne@council.example.org',
    bill: 'bill@health.example.org',
    dave: 'dave@health.example.org',
    gone: 'gone@example.org',
    later: 'later@example.org',
    outsider: 'outsider@example.org',
    clerk: 'clerk@council.example.org',
    officer: 'officer@council.example.org',
    notes: 'notes@council.example.org',
    observer: 'observer@university.example.org',
  };
  let anneUser: { email: string; password: string };

  before(async () => {
    await smtp.start();
    test = await startTestApp({
      SMTP_URL: smtp.url,
      PUBLIC_URL: 'https://cooperate.example.org',
      MAIL_RETRY_DELAY_SECONDS: '1',
    });
    partnershipId = (await makePartnership(test.services, 'mail-agenda')).id;
    const caller = systemCaller('test', partnershipId);
    const board = await test.services.bodies.create(caller, {
      slug: 'board',
      name: 'Partnership Board',
      kind: 'board',
      takesDecisions: true,
      status: 'established',
      statusOn: '2005',
    });
    people = await addPeople(test.services, caller, [
      ['anne', 'Anne Director', emails.anne],
      ['bill', 'Bill Commissioner', emails.bill],
      ['dave', 'Dave Deputy', emails.dave],
      ['gone', 'Gwen Gone', emails.gone],
      ['later', 'Larry Later', emails.later],
      ['outsider', 'Olive Outsider', emails.outsider],
      ['clerk', 'Clare Clerk', emails.clerk],
      ['officer', 'Ian Officer', emails.officer],
      ['notes', 'Nora Notes', emails.notes],
      ['observer', 'Olive Observer', emails.observer],
      ['nomail', 'Nick Nomail', null],
    ] as const);
    await test.db.owner
      .updateTable('bodies')
      .set({ lead_officer_person_id: people.clerk! })
      .where('id', '=', board.id)
      .execute();
    for (const [key, startsOn, endsOn, substitutes] of [
      ['anne', '2008-01-01', undefined, []],
      ['bill', '2008-01-01', undefined, [people.dave!]],
      ['gone', '2008-01-01', '2098-12-31', []],
      ['later', '2099-06-01', undefined, []],
      ['nomail', '2008-01-01', undefined, []],
    ] as const) {
      const seatId = await test.services.membership.addSeat(caller, board.id, {
        label: `Seat of ${key}`,
        role: 'member',
        voting: true,
        howFilled: 'ex-officio',
        capacity: 1,
      });
      await test.services.membership.appoint(caller, {
        seatId,
        personId: people[key]!,
        startsOn,
        endsOn,
        substituteIds: [...substitutes],
      });
    }
    // not members: an officer in attendance and the note-taker get the papers, the observer not
    for (const [key, role] of [
      ['officer', 'in-attendance'],
      ['notes', 'note-taker'],
      ['observer', 'observer'],
    ] as const) {
      const seatId = await test.services.membership.addSeat(caller, board.id, {
        label: `Seat of ${key}`,
        role,
        voting: false,
        howFilled: 'appointed',
        capacity: 1,
      });
      await test.services.membership.appoint(caller, {
        seatId,
        personId: people[key]!,
        startsOn: '2008-01-01',
      });
    }
    meetingId = await test.services.meetings.create(caller, {
      title: 'Partnership Board',
      kind: 'board-meeting',
      bodyIds: [board.id],
      date: '2099-01-21',
      startTime: '10:00',
      state: 'scheduled',
    });
    const item = (number: number, title: string, exempt: boolean, paper: string) =>
      test.services.agenda.addItem(
        caller,
        meetingId,
        {
          number,
          title,
          purpose: 'decision',
          presenter: null,
          exempt,
          exemptParagraph: exempt ? 3 : null,
          exemptReason: null,
        },
        { fileName: paper, content: pdf(paper) },
      );
    await item(5, 'The plan <for> 2009 & after', false, 'plan.pdf');
    await item(6, 'Contract with Acme Care', true, 'acme-contract.pdf');
    // Anne has an account as a member (sees exempt items); Dave as a viewer (does not).
    anneUser = { email: emails.anne, password: (await makeUser(test.services)).password };
    const anneId = await test.services.accounts.createUser(systemCaller('test'), {
      email: emails.anne,
      name: 'Anne Director',
      password: anneUser.password,
    });
    await grant(test.services, partnershipId, anneId, 'member');
    const daveId = await test.services.accounts.createUser(systemCaller('test'), {
      email: emails.dave,
      name: 'Dave Deputy',
      password: anneUser.password,
    });
    await grant(test.services, partnershipId, daveId, 'viewer');
    await test.services.mail.ready();
  });
  after(async () => {
    await test.close();
    await smtp.stop();
  });

  it('sends the agenda to exactly the members, those in attendance, the note-taker and named substitutes on the meeting’s date', async () => {
    const editor = await makeUser(test.services);
    await grant(test.services, partnershipId, editor.id, 'editor');
    const agent = test.agent();
    await signIn(agent, editor.email, editor.password);
    const page = await agent.get(`/partnerships/mail-agenda/meetings/${meetingId}/send-agenda`);
    assert.equal(page.status, 200);
    assert.match(page.text, /5 people have an e-mail address/);
    const sent = await submit(agent, `/partnerships/mail-agenda/meetings/${meetingId}/send-agenda`, {});
    assert.equal(sent.status, 303);
    await test.services.mail.idle();
    assert.deepEqual(
      smtp.received.flatMap((mail) => mail.envelopeTo).sort(),
      [emails.anne, emails.bill, emails.dave, emails.officer, emails.notes].sort(),
    );
    assert.deepEqual(smtp.to(emails.observer), [], 'an observer is not sent the papers');
    for (const mail of smtp.received) {
      assert.equal(mail.parsed.subject, 'Agenda: Partnership Board, 21 January 2099');
      assert.equal(mail.parsed.attachments.length, 0);
      assert.match(
        mail.parsed.text ?? '',
        new RegExp(`https://cooperate.example.org/partnerships/mail-agenda/meetings/${meetingId}`),
      );
      assert.match(mail.parsed.text ?? '', /Item 5: The plan <for> 2009 & after/);
      assert.match(String(mail.parsed.html), /The plan &lt;for&gt; 2009 &amp; after/);
      assert.match(
        mail.parsed.text ?? '',
        /Item 5: plan\.pdf:\nhttps:\/\/cooperate\.example\.org\/partnerships\/mail-agenda\/meetings\/[^/]+\/papers\//,
      );
    }
  });

  it('names an exempt item and links its paper only to those who may see it', () => {
    const [anne] = smtp.to(emails.anne);
    assert.match(anne!.parsed.text ?? '', /Item 6: Contract with Acme Care/);
    assert.match(anne!.parsed.text ?? '', /acme-contract\.pdf/);
    for (const address of [emails.bill, emails.dave, emails.officer, emails.notes]) {
      const [mail] = smtp.to(address);
      assert.doesNotMatch(mail!.raw, /Acme/);
      assert.match(mail!.parsed.text ?? '', /Item 6: not for publication \(paragraph 3 of Schedule 12A\)/);
    }
  });

  it('sends a short "papers updated" note listing what changed, and nothing when nothing did', async () => {
    const caller = systemCaller('test', partnershipId);
    const items = await test.services.agenda.agenda(caller, meetingId);
    await test.services.agenda.updateItem(
      caller,
      meetingId,
      items.find((item) => item.number === 5)!.id,
      {
        number: 5,
        title: 'The plan <for> 2009 & after',
        purpose: 'decision',
        presenter: null,
        exempt: false,
        exemptParagraph: null,
        exemptReason: null,
      },
      { fileName: 'plan-annex.pdf', content: pdf('annex') },
    );
    const count = smtp.received.length;
    const result = await test.services.agendaMail.send(caller, meetingId);
    assert.deepEqual(result, { sent: 5, kind: 'papers-updated' });
    await test.services.mail.idle();
    const notes = smtp.received.slice(count);
    assert.equal(notes.length, 5);
    for (const note of notes) {
      assert.equal(note.parsed.subject, 'Papers updated: Partnership Board, 21 January 2099');
      assert.match(
        note.parsed.text ?? '',
        /Item 5: The plan <for> 2009 & after: the paper plan-annex\.pdf was added/,
      );
    }
    await assert.rejects(
      test.services.agendaMail.send(caller, meetingId),
      /Nothing on the agenda has changed/,
    );
  });

  it('sends a member’s apologies to the clerk', async () => {
    const agent = test.agent();
    await signIn(agent, anneUser.email, anneUser.password);
    const form = await agent.get(`/partnerships/mail-agenda/meetings/${meetingId}/apologies`);
    assert.equal(form.status, 200);
    const membershipId =
      /name="membershipId"[^>]*value="([^"]+)"/.exec(form.text)?.[1] ??
      /value="([^"]+)"[^>]*name="membershipId"/.exec(form.text)?.[1];
    const response = await submit(agent, `/partnerships/mail-agenda/meetings/${meetingId}/apologies`, {
      membershipId: membershipId!,
    });
    assert.equal(response.status, 303);
    await test.services.mail.idle();
    const [mail] = smtp.to(emails.clerk);
    assert.ok(mail);
    assert.equal(mail.parsed.subject, 'Apologies for Partnership Board, 21 January 2099');
    assert.match(mail.parsed.text ?? '', /Anne Director sent apologies/);
  });
});
