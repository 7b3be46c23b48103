import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PDFDocument } from 'pdf-lib';
import PgBoss from 'pg-boss';
import { sql } from 'kysely';
import {
  binary,
  csrfTokenIn,
  makePartnership,
  signedInAs,
  startTestApp,
  type Agent,
  type TestApp,
} from '../../../test/support/test-app.ts';
import { systemCaller, type Caller } from '../../platform/http/auth.ts';
import { outlineEntries, outlineTitles } from './boardpack.pdf.ts';
import { boardPackQueue } from './boardpack.service.ts';
import { bossConnection } from '../../platform/jobs/jobs.ts';
import { makeBoardMeeting } from '../../../test/support/meetings.ts';
import { OfficeConverter } from '../../platform/documents/office.ts';

/** A real PDF of some pages, each page saying which paper it belongs to. */
async function paper(name: string, pages: number): Promise<Buffer> {
  const document = await PDFDocument.create();
  for (let page = 0; page < pages; page++) document.addPage().drawText(`${name} page ${page + 1}`);
  return Buffer.from(await document.save());
}

const item = (number: number, title: string, exempt = false) => ({
  number,
  title,
  purpose: 'decision',
  presenter: null,
  exempt,
  exemptParagraph: exempt ? 3 : null,
  exemptReason: exempt ? 'Financial or business affairs' : null,
});

const report = (title: string) => ({
  reportTo: 'Partnership Board',
  reportOf: 'Director',
  author: 'Author',
  contactOfficer: null,
  title,
  confidentiality: null,
  purpose: 'To agree the plan',
  summary: null,
  background: null,
  recommendations: ['Agree the plan'],
  decision: null,
  backgroundDocuments: null,
  financialImplications: null,
  legalImplications: null,
  equalityImplications: null,
  riskImplications: null,
  appendices: null,
});

describe('the board pack', () => {
  let test: TestApp;
  let caller: Caller;
  let meetingId: string;
  let meetingPath: string;
  let editor: Agent;
  let viewer: Agent;

  before(async () => {
    test = await startTestApp();
    const partnershipId = (await makePartnership(test.services, 'notts')).id;
    caller = systemCaller('test', partnershipId);
    meetingId = (await makeBoardMeeting(test.services, caller, { state: 'scheduled' })).meetingId;
    meetingPath = `/partnerships/notts/meetings/${meetingId}`;
    const { agenda } = test.services;
    await agenda.addItem(caller, meetingId, item(1, 'Apologies'));
    await agenda.addItem(caller, meetingId, item(2, 'Budget'), {
      fileName: 'budget.pdf',
      content: await paper('budget', 3),
    });
    const exemptItem = await agenda.addItem(caller, meetingId, item(3, 'Contract award', true), {
      fileName: 'secret-contract.pdf',
      content: await paper('secret', 4),
    });
    await agenda.addItem(caller, meetingId, item(4, 'Guidance'), {
      fileName: 'guidance.docx',
      content: Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]),
    });
    const planItem = await agenda.addItem(caller, meetingId, item(5, 'Plan'), {
      fileName: 'plan.pdf',
      content: await paper('plan', 2),
    });
    await test.services.reports.save(caller, meetingId, planItem, report('The plan for 2009'));
    await test.services.reports.save(caller, meetingId, exemptItem, report('Secret contract report'));
    // no LibreOffice here (boardpack.tagged.int.test.ts converts a Word paper): guidance.docx is not included
    test.services.boardPacks.useOffice(new OfficeConverter('/nowhere/soffice'));
    editor = (await signedInAs(test, partnershipId, 'editor')).agent;
    viewer = (await signedInAs(test, partnershipId, 'viewer')).agent;
  });
  after(() => test.close());

  const download = (agent: Agent) => agent.get(`${meetingPath}/board-pack.pdf`).buffer(true).parse(binary);

  it('is queued by an editor, worked in the background and downloaded by a viewer without exempt papers', async () => {
    assert.match((await viewer.get(meetingPath)).text, /No board pack has been made/);
    const page = await editor.get(meetingPath);
    const refused = await viewer
      .post(`${meetingPath}/board-pack`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text) });
    assert.equal(refused.status, 403);
    const asked = await editor
      .post(`${meetingPath}/board-pack`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text) });
    assert.equal(asked.status, 303);
    await test.services.boardPacks.idle();

    const shown = await viewer.get(meetingPath);
    assert.match(shown.text, /Ready/);
    const file = await download(viewer);
    assert.equal(file.status, 200);
    assert.equal(file.headers['content-type'], 'application/pdf');
    // named for the partnership, the body, the day and what it is (issue 23)
    assert.match(file.headers['content-disposition']!, /filename="?notts-board-2009-01-21-pack\.pdf"?$/);
    const pack = await PDFDocument.load(file.body as Buffer);
    const entries = outlineEntries(pack);
    // the printed parts (cover, agenda, action log, the committee report), then the PDF papers
    assert.deepEqual(
      entries.map((entry) => entry.title),
      [
        'Partnership Board',
        'Agenda',
        'Action log and matters arising',
        'Item 5: The plan for 2009 (committee report)',
        'Item 2: Budget (budget.pdf)',
        'Item 5: Plan (plan.pdf)',
      ],
    );
    const printedPages = entries[4]!.page;
    assert.ok(entries[3]!.page > entries[2]!.page, 'the committee report is printed into the pack');
    assert.deepEqual(
      entries.slice(4).map((entry) => entry.page),
      [printedPages, printedPages + 3],
    );
    // The printed parts, budget's 3 pages, plan's 2: the exempt paper's 4 pages are not there.
    assert.equal(pack.getPageCount(), printedPages + 3 + 2);
    assert.match(shown.text, new RegExp(`${pack.getPageCount()} pages`));
  });

  it('is out of date and made again when a paper is added or removed', async () => {
    await test.services.agenda.addItem(caller, meetingId, item(6, 'Annual report'), {
      fileName: 'annual.pdf',
      content: await paper('annual', 1),
    });
    const queued = await test.services.boardPacks.status(caller, meetingId);
    assert.ok(queued!.outOfDate);
    assert.notEqual(queued!.state, 'ready');
    assert.match((await viewer.get(meetingPath)).text, /out of date|Working/);
    await test.services.boardPacks.idle();
    const made = await test.services.boardPacks.status(caller, meetingId);
    assert.equal(made!.state, 'ready');
    assert.equal(made!.outOfDate, false);
    // the agenda tells the pack of a change in its own transaction (ADR 0057): a refused edit
    // is rolled back with what it told, so the pack stays made
    await assert.rejects(
      test.services.agenda.addItem(caller, meetingId, item(6, 'Annual report again')),
      /Item 6 is already on this agenda/,
    );
    const unchanged = await test.services.boardPacks.status(caller, meetingId);
    assert.equal(unchanged!.state, 'ready');
    assert.equal(unchanged!.outOfDate, false);
    const pack = await PDFDocument.load((await download(viewer)).body as Buffer);
    assert.deepEqual(outlineTitles(pack).at(-1), 'Item 6: Annual report (annual.pdf)');

    const items = await test.services.agenda.agenda(caller, meetingId);
    const budget = items.find((each) => each.number === 2)!;
    await test.services.agenda.removePaper(caller, meetingId, budget.papers[0]!.id);
    assert.ok((await test.services.boardPacks.status(caller, meetingId))!.outOfDate);
    await test.services.boardPacks.idle();
    const again = await PDFDocument.load((await download(viewer)).body as Buffer);
    assert.ok(!outlineTitles(again).some((title) => title.includes('budget')));
  });

  it('is made again when a committee report is written', async () => {
    const items = await test.services.agenda.agenda(caller, meetingId);
    const plan = items.find((each) => each.number === 5)!;
    await test.services.reports.save(caller, meetingId, plan.id, report('The plan for 2010'));
    assert.ok((await test.services.boardPacks.status(caller, meetingId))!.outOfDate);
    await test.services.boardPacks.idle();
    const pack = await PDFDocument.load((await download(viewer)).body as Buffer);
    assert.ok(outlineTitles(pack).includes('Item 5: The plan for 2010 (committee report)'));
  });

  const jobsOfMeeting = async () => {
    const { rows } = await sql<{ state: string; retryCount: number; output: Record<string, unknown> | null }>`
      select state, retry_count as "retryCount", output from pgboss.job
      where name = ${boardPackQueue} and singleton_key = ${meetingId} order by created_on`.execute(
      test.db.owner,
    );
    return rows;
  };

  it('is a pg-boss job, sent in the transaction that asked for it', async () => {
    const before = (await jobsOfMeeting()).length;
    assert.ok(before >= 1, 'every pack made so far was a pg-boss job');
    assert.ok((await jobsOfMeeting()).every((job) => job.state === 'completed'));
    await test.services.boardPacks.request(caller, meetingId);
    await test.services.boardPacks.idle();
    const jobs = await jobsOfMeeting();
    assert.equal(jobs.length, before + 1);
    assert.equal(jobs.at(-1)!.state, 'completed');
    assert.ok(Number(jobs.at(-1)!.output!.pages) > 1);
    // A transaction that fails takes its job with it: none is sent.
    const partnershipId = caller.partnershipId!;
    await assert.rejects(
      test.db.transaction({ partnershipId }, async (trx) => {
        await test.jobs.send(
          trx,
          boardPackQueue,
          { partnershipId, meetingId, userId: null },
          { singletonKey: meetingId },
        );
        throw new Error('the change failed');
      }),
      /the change failed/,
    );
    assert.equal((await jobsOfMeeting()).length, before + 1);
  });

  it('is made by pg-boss after a restart when its process stopped while making it', async () => {
    const partnershipId = caller.partnershipId!;
    await test.jobs.stop();
    // What a process that died while working the job leaves: its row working, its job active
    // (taken by a worker that never finished it) since longer than a job is allowed.
    await test.db.transaction({ partnershipId }, (trx) =>
      trx
        .updateTable('board_packs')
        .set({ state: 'working', done: 1, out_of_date: true })
        .where('meeting_id', '=', meetingId)
        .execute(),
    );
    const died = new PgBoss({
      ...bossConnection(test.db.engine),
      supervise: false,
      schedule: false,
      migrate: false,
    });
    await died.start();
    const id = await died.send(
      boardPackQueue,
      { partnershipId, meetingId, userId: null },
      { singletonKey: meetingId },
    );
    const [taken] = await died.fetch(boardPackQueue);
    assert.equal(taken!.id, id);
    await died.stop({ graceful: false });
    await sql`update pgboss.job set started_on = now() - interval '1 hour' where id = ${id}`.execute(
      test.db.owner,
    );

    await test.jobs.resume(); // what a server does at its start
    await test.services.boardPacks.idle();
    const made = await test.services.boardPacks.status(caller, meetingId);
    assert.equal(made!.state, 'ready');
    assert.equal(made!.outOfDate, false);
    const job = (await jobsOfMeeting()).at(-1)!;
    assert.equal(job.state, 'completed');
    assert.equal(job.retryCount, 1, 'pg-boss tried it again');
  });

  it('shows failed, with the reason, a pack whose every try failed', async () => {
    // Every try fails (the worker may not read the partnership); no try left after the first.
    await sql`revoke select on partnerships from cooperate_app`.execute(test.db.owner);
    await sql`update pgboss.queue set retry_limit = 0 where name = ${boardPackQueue}`.execute(test.db.owner);
    try {
      await test.services.boardPacks.request(caller, meetingId);
      await test.services.boardPacks.idle();
    } finally {
      await sql`grant select on partnerships to cooperate_app`.execute(test.db.owner);
      await sql`update pgboss.queue set retry_limit = 4 where name = ${boardPackQueue}`.execute(
        test.db.owner,
      );
    }
    const failed = await test.services.boardPacks.status(caller, meetingId);
    assert.equal(failed!.state, 'failed');
    assert.match(failed!.failure!, /could not be made \(permission denied for table partnerships\)/);
    const job = (await jobsOfMeeting()).at(-1)!;
    assert.equal(job.state, 'failed');
    assert.match(String(job.output!.message), /permission denied/);
    assert.match((await viewer.get(meetingPath)).text, /Failed/);
  });

  it('records a failure with its reason', async () => {
    await test.services.agenda.addItem(caller, meetingId, item(7, 'Broken'), {
      fileName: 'broken.pdf',
      content: Buffer.from('%PDF-1.4\nnot really a pdf\n'),
    });
    await test.services.boardPacks.idle();
    const failed = await test.services.boardPacks.status(caller, meetingId);
    assert.equal(failed!.state, 'failed');
    assert.match(failed!.failure!, /could not be read as a PDF/);
    assert.match((await viewer.get(meetingPath)).text, /Failed/);
    const job = (await jobsOfMeeting()).at(-1)!;
    assert.equal(job.state, 'completed', 'a pack that cannot be made is not tried again');
    assert.match(String(job.output!.failure), /could not be read as a PDF/);
  });
});
