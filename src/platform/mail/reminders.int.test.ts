// The messages and reminders of issue 18 against a real SMTP server started by the test,
// reading what it receives: a new action to its owner, the draft minutes and the minutes
// approved to the members, the board pack ready to the clerk, a survey's response link to its
// contact, each sent from the change's own transaction; the daily reminders (actions due and
// overdue, a plan's update due, a term of office ending, a survey closing) run "as of" dates,
// each sent once per occasion; and the daily digest, which gathers a person's held messages
// into one while "off" gets nothing. Exempt items reach only those who may see them; a young
// person is never named to anyone else.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { systemCaller } from '../http/auth.ts';
import {
  grant,
  makePartnership,
  pageText,
  signedInAs,
  startTestApp,
  submit,
  type TestApp,
} from '../../../test/support/test-app.ts';
import { addPeople } from '../../../test/support/meetings.ts';
import { TestMailServer, type Received } from '../../../test/support/mail.ts';
import { dailyMailQueue } from './daily.ts';

const shift = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('messages, reminders and digests', () => {
  let test: TestApp;
  const smtp = new TestMailServer();
  let partnershipId: string;
  let otherId: string;
  let people: Record<string, string>;
  let boardId: string;
  let january: string;
  let february: string;
  let items: { budget: string; acme: string };
  let olivesAction: string;
  let planSlug: string;
  let planActionId: string;
  let surveyClose: string;
  const emails = {
    olive: 'olive@council.example.org',
    mark: 'mark@council.example.org',
    vera: 'vera@health.example.org',
    clare: 'clare@council.example.org',
    yasmin: 'yasmin@youth.example.org',
    dan: 'dan@council.example.org',
    otto: 'otto@police.example.org',
    ada: 'ada@council.example.org',
    bob: 'bob@elsewhere.example.org',
    sam: 'sam@kent.example.org',
    sue: 'sue@medway.example.org',
  };
  const caller = () => systemCaller('Ed Editor', partnershipId);
  const to = (key: keyof typeof emails) => smtp.to(emails[key]);
  const subjects = (key: keyof typeof emails) => to(key).map((mail) => mail.parsed.subject ?? '');
  const text = (mail: Received | undefined) => mail?.parsed.text ?? '';
  const settle = async () => {
    await test.services.mail.idle();
  };
  const run = async (asOf: string) => {
    const result = await test.services.mailDaily.run(asOf);
    await settle();
    return result;
  };

  before(async () => {
    await smtp.start();
    test = await startTestApp({
      SMTP_URL: smtp.url,
      PUBLIC_URL: 'https://cooperate.example.org',
      MAIL_RETRY_DELAY_SECONDS: '1',
    });
    partnershipId = (await makePartnership(test.services, 'remind')).id;
    otherId = (await makePartnership(test.services, 'elsewhere')).id;
    const { services } = test;
    const board = await services.bodies.create(caller(), {
      slug: 'board',
      name: 'Partnership Board',
      kind: 'board',
      takesDecisions: true,
      status: 'established',
      statusOn: '2005',
    });
    boardId = board.id;
    people = await addPeople(services, caller(), [
      ['olive', 'Olive Owner', emails.olive],
      ['mark', 'Mark Member', emails.mark],
      ['vera', 'Vera Viewer', emails.vera],
      ['clare', 'Clare Clerk', emails.clare],
      ['dan', 'Dan Digest', emails.dan],
      ['otto', 'Otto Off', emails.otto],
    ] as const);
    people.yasmin = await services.membership.addPerson(caller(), {
      name: 'Yasmin Young',
      jobTitle: null,
      email: emails.yasmin,
      phone: null,
      youngPerson: true,
      notes: null,
    });
    await test.db.owner
      .updateTable('bodies')
      .set({ lead_officer_person_id: people.clare! })
      .where('id', '=', boardId)
      .execute();
    for (const [key, endsOn] of [
      ['mark', undefined],
      ['vera', undefined],
      ['dan', undefined],
      ['otto', undefined],
      ['yasmin', '2025-06-30'],
    ] as const) {
      const seatId = await services.membership.addSeat(caller(), boardId, {
        label: `Seat of ${key}`,
        role: 'member',
        voting: true,
        howFilled: 'ex-officio',
        capacity: 1,
      });
      await services.membership.appoint(caller(), {
        seatId,
        personId: people[key]!,
        startsOn: '2008-01-01',
        endsOn,
        substituteIds: [],
      });
    }
    // accounts: Mark a member (sees exempt items), Vera a viewer (does not), Ada and Bob the
    // administrators of this partnership and of another one
    for (const [key, role, partnership] of [
      ['mark', 'member', partnershipId],
      ['vera', 'viewer', partnershipId],
      ['ada', 'admin', partnershipId],
      ['bob', 'admin', otherId],
    ] as const) {
      const id = await services.accounts.createUser(systemCaller('test'), {
        email: emails[key],
        name: key === 'ada' ? 'Ada Admin' : key === 'bob' ? 'Bob Admin' : `${key} account`,
        password: 'correct horse battery staple',
        platformAdmin: false,
      });
      await grant(services, partnership, id, role);
    }
    // Dan chose the daily digest; Otto switched minutes and action messages off
    await services.mail.setChoices({ userId: null, label: 'test' }, emails.dan, {
      'action-new': 'digest',
      'action-reminder': 'digest',
      minutes: 'digest',
    });
    await services.mail.setChoices({ userId: null, label: 'test' }, emails.otto, {
      'action-new': 'off',
      'action-reminder': 'off',
      minutes: 'off',
    });
    const meeting = (date: string) =>
      services.meetings.create(caller(), {
        title: 'Partnership Board',
        kind: 'board-meeting',
        bodyIds: [boardId],
        date,
        startTime: '10:00',
        state: 'held',
      });
    january = await meeting('2025-01-15');
    february = await meeting('2025-02-19');
    const item = (number: number, title: string, exempt: boolean) =>
      services.agenda.addItem(caller(), january, {
        number,
        title,
        purpose: 'decision',
        presenter: null,
        exempt,
        exemptParagraph: exempt ? 3 : null,
        exemptReason: null,
      });
    items = {
      budget: await item(1, 'The budget for 2025', false),
      acme: await item(2, 'Contract with Acme Care', true),
    };
  });
  after(async () => {
    await test.close();
    await smtp.stop();
  });

  it('sends a new action to its owner, and withholds an exempt one from an owner who may not see it', async () => {
    const raise = (ownerPersonId: string, text: string, agendaItemId: string) =>
      test.services.record.raiseAction(caller(), january, {
        agendaItemId,
        text,
        ownerPersonId,
        ownerOrganisationId: null,
        dueOn: '2025-03-10',
      });
    olivesAction = await raise(people.olive!, 'Draft the budget for consultation', items.budget);
    await raise(people.vera!, 'Renegotiate the Acme Care contract', items.acme);
    await raise(people.mark!, 'Report on the Acme Care contract', items.acme);
    await raise(people.dan!, 'Collect the school places figures', items.budget);
    await raise(people.otto!, 'Share the police figures', items.budget);
    await settle();
    const [olive] = to('olive');
    assert.equal(olive?.parsed.subject, 'A new action for you from Partnership Board');
    assert.match(text(olive), /Draft the budget for consultation/);
    assert.match(text(olive), /due on 10 March 2025/);
    assert.match(
      text(olive),
      /https:\/\/cooperate\.example\.org\/partnerships\/remind\/actions\/[0-9a-f-]{36}\/update/,
    );
    assert.match(olive!.raw, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    // the viewer's action is on an exempt item: the message does not say what it is
    assert.doesNotMatch(text(to('vera')[0]), /Acme/);
    assert.match(text(to('vera')[0]), /An action on an item not for publication/);
    assert.match(text(to('mark')[0]), /Report on the Acme Care contract/);
    // Dan's is kept for his digest; Otto's is not written at all
    assert.deepEqual(to('dan'), []);
    assert.deepEqual(to('otto'), []);
    const dans = await test.db.owner
      .selectFrom('mail_outbox')
      .select('state')
      .where('recipient', '=', emails.dan)
      .execute();
    assert.deepEqual(
      dans.map((row) => row.state),
      ['digest'],
    );
  });

  it('sends the draft minutes for comment and the approved minutes to the members; refuses with nothing to send', async () => {
    const { services } = test;
    await services.record.writeMinutes(caller(), january, items.budget, 'The board agreed the budget.');
    await services.record.writeMinutes(caller(), january, items.acme, 'The board discussed the contract.');
    const editor = await signedInAs(test, partnershipId, 'editor');
    const page = await editor.agent.get(`/partnerships/remind/meetings/${january}`);
    assert.match(page.text, /id="send-minutes"/);
    const sent = await submit(
      editor.agent,
      `/partnerships/remind/meetings/${january}/send-minutes`,
      {},
      `/partnerships/remind/meetings/${january}`,
    );
    assert.equal(sent.status, 303);
    await settle();
    const forMark = to('mark').find((mail) => /Draft minutes/.test(mail.parsed.subject ?? ''));
    assert.equal(forMark?.parsed.subject, 'Draft minutes for comment: Partnership Board, 15 January 2025');
    assert.match(text(forMark), /Item 1: The budget for 2025/);
    assert.match(text(forMark), /Item 2: Contract with Acme Care/);
    assert.match(text(forMark), /to Clare Clerk/);
    const forVera = to('vera').find((mail) => /Draft minutes/.test(mail.parsed.subject ?? ''));
    assert.match(text(forVera), /Item 2: not for publication/);
    assert.doesNotMatch(text(forVera), /Acme/);
    assert.deepEqual(to('dan'), []);
    assert.deepEqual(to('otto'), []);
    // the February meeting has no minutes: refused with the reason, nothing written
    const before = await test.db.owner
      .selectFrom('mail_outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const refused = await submit(
      editor.agent,
      `/partnerships/remind/meetings/${february}/send-minutes`,
      {},
      `/partnerships/remind/meetings/${january}`,
    );
    assert.equal(refused.status, 400);
    assert.match(pageText(refused.text), /The meeting has no draft minutes to send: write them first/);
    const afterRefusal = await test.db.owner
      .selectFrom('mail_outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(afterRefusal.n), Number(before.n));
    // approved at February's meeting: the members of January's hear of it
    await services.record.approvePrevious(caller(), february);
    await settle();
    assert.ok(subjects('mark').includes('Minutes approved: Partnership Board, 15 January 2025'));
    assert.deepEqual(to('otto'), []);
  });

  it('tells the clerk that the board pack is ready, once', async () => {
    await test.services.boardPacks.request(caller(), january);
    await test.services.boardPacks.idle();
    await settle();
    assert.deepEqual(
      subjects('clare').filter((subject) => /Board pack/.test(subject)),
      ['Board pack ready: Partnership Board, 15 January 2025'],
    );
    assert.match(text(to('clare').at(-1)), /\/meetings\/[0-9a-f-]{36}\/board-pack\.pdf/);
    // the meeting has happened: its members are not told
    assert.ok(!subjects('mark').some((subject) => /Board pack/.test(subject)));
  });

  it('e-mails a survey response link to its contact, with the link', async () => {
    const { services } = test;
    surveyClose = shift(new Date().toISOString().slice(0, 10), 10);
    const { slug } = await services.surveys.create(caller(), {
      title: 'Children’s trust arrangements',
      purpose: 'How partnerships are organised in the region.',
      opensOn: undefined,
      closesOn: surveyClose,
    });
    await services.surveys.saveQuestion(caller(), slug, null, {
      text: 'Does your partnership have a board?',
      kind: 'text',
      choices: [],
      aboutChildren: false,
      codes: [],
    });
    await services.surveys.invite(caller(), slug, {
      group: 'Neighbours',
      authorities: ['Kent', 'Medway'],
      neighbours: false,
    });
    await services.surveys.setStatus(caller(), slug, 'open');
    const respondents = await test.db.owner
      .selectFrom('survey_respondents')
      .select(['id', 'label'])
      .where('partnership_id', '=', partnershipId)
      .execute();
    const idOf = (label: string) => respondents.find((row) => row.label === label)!.id;
    const sam = await services.surveys.createLink(caller(), slug, {
      respondentId: idOf('Kent'),
      name: 'Sam Contact',
      email: emails.sam,
    });
    const sue = await services.surveys.createLink(caller(), slug, {
      respondentId: idOf('Medway'),
      name: 'Sue Contact',
      email: emails.sue,
    });
    await settle();
    const [message] = to('sam');
    assert.equal(message?.parsed.subject, 'Please answer the survey “Children’s trust arrangements”');
    const link = `https://cooperate.example.org/respond/remind/${sam.token}`;
    assert.ok(text(message).includes(link));
    // a response link cannot be switched off: no unsubscribe
    assert.equal(message!.parsed.headers.get('list-unsubscribe'), undefined);
    assert.equal((await test.request().get(new URL(link).pathname)).status, 200);
    // Medway answers and sends: it is not reminded later
    const [question] = await test.db.owner
      .selectFrom('survey_questions')
      .select('id')
      .where('partnership_id', '=', partnershipId)
      .execute();
    await services.surveys.answerByLink(
      partnershipId,
      sue.token,
      { asAt: undefined, answers: { [question!.id]: { text: 'Yes', refersTo: null } } },
      true,
    );
  });

  it('gathers a person’s held messages into one daily digest; "off" gets nothing', async () => {
    const first = await run('2025-03-01');
    assert.equal(first.reminders, 0);
    const digests = to('dan');
    assert.equal(digests.length, 1);
    assert.equal(digests[0]!.parsed.subject, 'Partnership remind: your daily digest (3 messages)');
    assert.match(text(digests[0]), /A new action for you from Partnership Board/);
    assert.match(text(digests[0]), /Draft minutes for comment: Partnership Board, 15 January 2025/);
    assert.match(text(digests[0]), /Minutes approved: Partnership Board, 15 January 2025/);
    // a second run the same day has nothing more to gather
    await run('2025-03-01');
    assert.equal(to('dan').length, 1);
    assert.deepEqual(to('otto'), []);
  });

  it('reminds of actions due in 7 days and overdue, once a week until updated', async () => {
    const { services } = test;
    const count = () => to('olive').length;
    await run('2025-03-02'); // 8 days before: nothing
    assert.equal(count(), 1);
    await run('2025-03-03');
    assert.equal(to('olive').at(-1)?.parsed.subject, 'Action due on 10 March 2025: Partnership Board');
    assert.match(text(to('olive').at(-1)), /in 7 days/);
    await run('2025-03-03'); // again the same day: not twice
    assert.equal(count(), 2);
    // the viewer's reminder does not say what the exempt action is
    assert.doesNotMatch(text(to('vera').at(-1)), /Acme/);
    await run('2025-03-11');
    assert.equal(to('olive').at(-1)?.parsed.subject, 'Overdue action: Partnership Board');
    await run('2025-03-12');
    assert.equal(count(), 3);
    await run('2025-03-18');
    assert.equal(count(), 4);
    await services.record.updateAction(caller(), olivesAction, { text: 'Half drafted', status: 'open' });
    await run('2025-03-25');
    assert.equal(count(), 4);
    // Dan's reminders went into his digests, never straight to him; Otto got nothing at all
    assert.ok(subjects('dan').every((subject) => /your daily digest/.test(subject)));
    assert.match(text(to('dan').at(-1)), /Overdue action/);
    assert.deepEqual(to('otto'), []);
  });

  it('tells the administrators of a term ending within 90 days, once, without naming a young person', async () => {
    await run('2025-03-31'); // 91 days before
    assert.ok(!subjects('ada').some((subject) => /term of office/.test(subject)));
    await run('2025-04-01');
    await run('2025-04-02');
    const terms = to('ada').filter((mail) => /term of office/.test(mail.parsed.subject ?? ''));
    assert.equal(terms.length, 1);
    assert.equal(terms[0]!.parsed.subject, 'A term of office ends on 30 June 2025: Partnership Board');
    assert.match(text(terms[0]), /A young person’s term in the seat “Seat of yasmin”/);
    assert.doesNotMatch(text(terms[0]) + String(terms[0]!.parsed.html), /Yasmin/);
    // another partnership's administrator hears nothing of this one
    assert.deepEqual(to('bob'), []);
    const elsewhere = await test.db.owner
      .selectFrom('mail_outbox')
      .select('id')
      .where('partnership_id', '=', otherId)
      .execute();
    assert.deepEqual(elsewhere, []);
  });

  it('reminds a plan action’s lead of an update due for the period that ended, once', async () => {
    const { services } = test;
    const plan = await services.plans.create(caller(), {
      slug: 'cypp',
      title: 'Children and Young People’s Plan 2024 to 2027',
      kind: "children and young people's plan",
      startsOn: '2024-04-01',
      endsOn: '2027-03-31',
      vision: null,
      status: 'agreed',
      resourcing: null,
    });
    planSlug = plan.slug;
    const outcomes = (await services.plans.bySlug(caller(), planSlug))!.outcomes;
    const priorityId = await services.plans.addPriority(caller(), planSlug, {
      title: 'Fewer young people not in education, employment or training',
      ownerBodyId: boardId,
      outcomeIds: [outcomes[0]!.id],
      indicatorIds: [],
    });
    planActionId = await services.plans.addAction(caller(), planSlug, priorityId, {
      text: 'Report the tracking figures',
      leadKind: 'person',
      leadId: people.mark!,
      partnerIds: [],
      recurrence: 'quarterly',
      recursFrom: '2025-01-01',
      status: 'in progress',
    });
    await settle();
    assert.equal(
      to('mark').at(-1)?.parsed.subject,
      'A new action for you in Children and Young People’s Plan 2024 to 2027',
    );
    const count = () => subjects('mark').filter((subject) => /Update due/.test(subject)).length;
    await run('2025-03-31'); // the quarter has not ended
    assert.equal(count(), 0);
    await run('2025-04-02');
    assert.deepEqual(
      subjects('mark').filter((subject) => /Update due/.test(subject)),
      ['Update due for January to March 2025: Children and Young People’s Plan 2024 to 2027'],
    );
    const due = to('mark').find((mail) => /Update due/.test(mail.parsed.subject ?? ''));
    assert.match(text(due), /\/plans\/cypp\/actions\/[0-9a-f-]{36}\/updates\/new/);
    await run('2025-04-09');
    assert.equal(count(), 1);
    await services.plans.postUpdate(caller(), planSlug, planActionId, {
      reportedOn: '2025-05-01',
      rag: 'amber',
      commentary: 'Tracking in two of three areas.',
    });
    await run('2025-07-02'); // April to June has its update
    assert.equal(count(), 1);
  });

  it('reminds the contacts of authorities that have not answered, 7 days and 1 day before the close; the scheduled job runs it', async () => {
    const count = () => subjects('sam').filter((subject) => /Reminder/.test(subject)).length;
    await run(shift(surveyClose, -8));
    assert.equal(count(), 0);
    await run(shift(surveyClose, -7));
    assert.equal(
      to('sam').at(-1)?.parsed.subject,
      'Reminder: the survey “Children’s trust arrangements” closes in 7 days',
    );
    assert.match(text(to('sam').at(-1)), /Please answer the survey “Children’s trust arrangements”/);
    await run(shift(surveyClose, -3));
    assert.equal(count(), 1);
    // the daily job, as pg-boss's clock sends it (at 07:00 London time), for the day before the close
    const [schedule] = (
      await sql<{
        cron: string;
        timezone: string;
      }>`select cron, timezone from pgboss.schedule where name = ${dailyMailQueue}`.execute(test.db.owner)
    ).rows;
    assert.deepEqual(schedule, { cron: '0 7 * * *', timezone: 'Europe/London' });
    await test.db.transaction({}, (trx) =>
      test.jobs.send(trx, dailyMailQueue, { asOf: shift(surveyClose, -1) }),
    );
    test.jobs.notify(dailyMailQueue);
    await test.services.mailDaily.idle();
    await settle();
    assert.equal(count(), 2);
    assert.match(to('sam').at(-1)?.parsed.subject ?? '', /closes tomorrow/);
    // Medway answered: its contact is not reminded
    assert.equal(to('sue').length, 1);
  });
});
