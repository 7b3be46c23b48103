// The board pack as a background job (ADR 0012): an editor asks for it (or a paper changes),
// the pack's row is queued, and an in-process worker prints the cover and agenda, adds each
// PDF paper of a public item in order, numbers the pages and writes the bookmarks, recording
// its progress ("working, 2 of 5") as it goes. The pack is public: exempt items' papers are
// never read into it, so anyone who may see the meeting may download it.
import type { Database } from '../../platform/db/database.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import type { Caller } from '../../platform/http/auth.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { PdfPrinter } from '../../platform/documents/pdf.ts';
import { inTenant } from '../../platform/tenant.ts';
import type { DB, Trx } from '../../schema.ts';
import { agendaRepository as agenda } from './agenda.repository.ts';
import { meetingsRepository as meetings } from './meetings.repository.ts';
import { assemblePack } from './boardpack.pdf.ts';
import { coverHtml, isPdfPaper } from './boardpack.cover.ts';
import { reportRepository as reports } from './report.repository.ts';
import { reportHeader, reportSections } from './report.sections.ts';
import { formatDate } from '../../platform/views/nunjucks.ts';

/** Renders a print view to HTML outside a request (given by the composition root). */
export type PrintRenderer = (view: string, locals: Record<string, unknown>) => Promise<string>;

export interface PackJob {
  partnershipId: string;
  meetingId: string;
  userId: string | null;
}

export interface PackStatus {
  state: 'queued' | 'working' | 'ready' | 'failed';
  done: number;
  total: number;
  failure: string | null;
  outOfDate: boolean;
  pageCount: number | null;
  madeAt: Date | null;
  hasFile: boolean;
  requestedBy: string | null;
}

const statusOf = (trx: Trx, meetingId: string) =>
  trx
    .selectFrom('board_packs')
    .select([
      'state',
      'done',
      'total',
      'failure',
      'out_of_date as outOfDate',
      'page_count as pageCount',
      'made_at as madeAt',
      'requested_by as requestedBy',
      (eb) => eb('content', 'is not', null).as('hasFile'),
    ])
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst() as Promise<PackStatus | undefined>;

async function queue(trx: Trx, job: PackJob, outOfDate: boolean): Promise<void> {
  await trx
    .insertInto('board_packs')
    .values({
      partnership_id: job.partnershipId,
      meeting_id: job.meetingId,
      state: 'queued',
      requested_by: job.userId,
      out_of_date: outOfDate,
    })
    .onConflict((oc) =>
      oc.column('meeting_id').doUpdateSet({
        state: 'queued',
        done: 0,
        failure: null,
        requested_by: job.userId,
        out_of_date: outOfDate,
        updated_at: new Date(),
      }),
    )
    .execute();
}

export function boardPackService(db: Database<DB>) {
  let printer: PdfPrinter | undefined;
  let render: PrintRenderer | undefined;
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();

  const scoped = (job: PackJob) => ({ partnershipId: job.partnershipId, userId: job.userId });
  const progress = (job: PackJob, values: Record<string, unknown>) =>
    db.transaction(scoped(job), (trx) =>
      trx
        .updateTable('board_packs')
        .set({ ...values, updated_at: new Date() })
        .where('meeting_id', '=', job.meetingId)
        .execute(),
    );

  async function work(job: PackJob): Promise<void> {
    const read = await db.transaction(scoped(job), async (trx) => {
      const meeting = await meetings.byId(trx, job.meetingId);
      if (!meeting) return undefined;
      const items = await agenda.list(trx, [job.meetingId]);
      const partnership = await trx
        .selectFrom('partnerships')
        .select('name')
        .where('id', '=', job.partnershipId)
        .executeTakeFirst();
      const papers: { title: string; content?: Buffer; report?: Record<string, unknown> }[] = [];
      for (const item of items.filter((each) => !each.exempt)) {
        const report = item.hasReport ? await reports.forItem(trx, item.id) : undefined;
        if (report)
          papers.push({
            title: `Item ${item.number}: ${report.title} (committee report)`,
            report: {
              title: report.title,
              tenant: { name: partnership?.name ?? '' },
              meeting,
              item,
              header: reportHeader(report, meeting, item, (date) => formatDate(date)),
              sections: reportSections(report),
            },
          });
        for (const paper of item.papers.filter((each) => isPdfPaper(each.mediaType))) {
          const file = await agenda.paper(trx, paper.id);
          if (file)
            papers.push({
              title: `Item ${item.number}: ${item.title} (${paper.fileName})`,
              content: file.content,
            });
        }
      }
      await trx
        .updateTable('board_packs')
        .set({ state: 'working', done: 0, total: papers.length + 1, updated_at: new Date() })
        .where('meeting_id', '=', job.meetingId)
        .execute();
      return { meeting, items, papers };
    });
    if (!read) return;
    try {
      if (!printer || !render) throw new Error('No printer has been given to the board pack worker');
      const print = printer;
      const renderView = render;
      const title = `${read.meeting.title}: board pack`;
      const cover = await print.print(coverHtml(read.meeting, read.items), { title });
      await progress(job, { done: 1 });
      const parts = [];
      for (const [index, paper] of read.papers.entries()) {
        const pdf = paper.report
          ? await print.print(await renderView('modules/meetings/views/report-print.njk', paper.report), {
              title: String(paper.report.title),
            })
          : paper.content!;
        parts.push({ title: paper.title, pdf });
        await progress(job, { done: index + 2 });
      }
      const pack = await assemblePack({ title: 'Cover and agenda', pdf: cover }, parts).catch(
        (error: Error) => {
          throw new Error(`A paper could not be read as a PDF (${error.message})`);
        },
      );
      await progress(job, {
        state: 'ready',
        content: Buffer.from(pack.pdf),
        page_count: pack.pageCount,
        made_at: new Date(),
        out_of_date: false,
        failure: null,
      });
    } catch (error) {
      await progress(job, {
        state: 'failed',
        failure: (error as Error).message || 'The pack could not be made',
      });
    }
  }

  /** Works the job now, or once more after the run already under way for the meeting. */
  function schedule(job: PackJob): Promise<void> {
    const current = running.get(job.meetingId);
    if (current) {
      again.add(job.meetingId);
      return current;
    }
    // The job outlives the request that started it: it must not share the request's reads.
    const run = db
      .background(async () => {
        do {
          again.delete(job.meetingId);
          await work(job).catch(() => undefined);
        } while (again.has(job.meetingId));
      })
      .finally(() => running.delete(job.meetingId));
    running.set(job.meetingId, run);
    return run;
  }

  /** Inside a transaction that changed a meeting's papers: the pack, if any, is out of date. */
  async function papersChanged(trx: Trx, job: PackJob): Promise<boolean> {
    if (!(await statusOf(trx, job.meetingId))) return false;
    await queue(trx, job, true);
    return true;
  }

  return {
    /** What the worker prints with: Chromium, and the views for committee reports. */
    usePrinter(givenPrinter: PdfPrinter, givenRender: PrintRenderer) {
      printer = givenPrinter;
      render = givenRender;
    },

    /** Resolves when every job under way has finished (tests, shutdown). */
    idle: async () => {
      while (running.size) await Promise.all(running.values());
    },

    /**
     * The pack's state. A pack left queued or working with no run under way in this process
     * (the process stopped while it waited) is started again here, on its next view.
     */
    status: async (caller: Caller, meetingId: string) => {
      const found = await inTenant(db, caller, 'partnership.read', async (trx, partnershipId) => {
        if (!(await meetings.byId(trx, meetingId))) throw notFound();
        const status = await statusOf(trx, meetingId);
        return status && { status, partnershipId };
      });
      if (!found) return null;
      const { status, partnershipId } = found;
      if ((status.state === 'queued' || status.state === 'working') && !running.has(meetingId))
        void schedule({ partnershipId, meetingId, userId: status.requestedBy });
      const { requestedBy: _, ...shown } = status;
      return shown;
    },

    /** Queues the pack to be made (again) and starts the worker on it. */
    request: async (caller: Caller, meetingId: string) => {
      const job = await inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const meeting = await meetings.byId(trx, meetingId);
        if (!meeting) throw notFound();
        const job = { partnershipId, meetingId, userId: caller.userId ?? null };
        await queue(trx, job, false);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'board-pack',
          entityId: meetingId,
          summary: `Asked for the board pack of ${meeting.title}`,
        });
        return job;
      });
      void schedule(job);
    },

    schedule,

    /**
     * Runs an edit of a meeting's agenda, papers or reports: in the same transaction a pack
     * already made is marked out of date and queued, and once it commits the pack is made again.
     */
    async editing<T>(
      caller: Caller,
      meetingId: string,
      work: (trx: Trx, partnershipId: string) => Promise<T>,
    ): Promise<T> {
      let job: PackJob | undefined;
      const result = await inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const done = await work(trx, partnershipId);
        const changed = { partnershipId, meetingId, userId: caller.userId };
        if (await papersChanged(trx, changed)) job = changed;
        return done;
      });
      if (job) void schedule(job);
      return result;
    },

    /** The finished pack's file, for anyone who may see the meeting. */
    file: (caller: Caller, meetingId: string) =>
      inTenant(db, caller, 'partnership.read', async (trx) => {
        const row = await trx
          .selectFrom('board_packs')
          .select(['content', 'made_at as madeAt'])
          .where('meeting_id', '=', meetingId)
          .executeTakeFirst();
        if (!row?.content) throw notFound();
        return row.content;
      }),
  };
}

export type BoardPackService = ReturnType<typeof boardPackService>;
