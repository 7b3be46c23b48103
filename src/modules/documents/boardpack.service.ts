// The board pack as a background job on pg-boss (ADR 0013): an editor asks for it (or a paper
// changes), the pack's row is queued and a pg-boss job sent in the same transaction; a worker
// converts Word, OpenDocument and PowerPoint papers with LibreOffice (when installed), prints the
// cover, agenda, previous minutes, action log and committee reports as one tagged document, adds
// each paper of a public item in order with its tags, numbers the pages and writes the bookmarks
// (ADR 0047), recording its progress ("working, 2 of 5") in the row as it goes.
// pg-boss retries a job that failed or was interrupted. The pack is public: exempt items'
// papers are never read into it, so anyone who may see the meeting may download it.
import type { Database } from '../../platform/db/database.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import { lockRow } from '../../platform/db/row-version.ts';
import { assertCan, type Caller } from '../../platform/http/auth.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { PdfPrinter } from '../../platform/documents/pdf.ts';
import { inTenant } from '../../platform/tenant.ts';
import type { JobOf, Jobs } from '../../platform/jobs/jobs.ts';
import type { DB, Trx } from '../../schema.ts';
import { type AgendaChange, type AgendaListener, agendaItemsOf, agendaPaper } from '../agenda/index.ts';
import { meetingById, actionStatuses } from '../meetings/index.ts';
import { assemblePack, stampsHtml, type PackPart } from './boardpack.pdf.ts';
import { agendaEntries, isPdfPaper } from './boardpack.cover.ts';
import { isOfficeDocument, type OfficeConverter } from '../../platform/documents/office.ts';
import { minutesOf, type MinutesSources } from './minutes.document.ts';
import { boardPackRepository as packs, type PackJob } from './boardpack.repository.ts';
import { reportRepository as reports } from './report.repository.ts';
import { reportHeader, reportSections } from './report.sections.ts';
import { formatDate, formatDateTime } from '../../platform/views/nunjucks.ts';
import type { MailService } from '../../platform/mail/outbox.ts';
import { boardPackReadyMail } from '../record/index.ts';

/** Renders a print view to HTML outside a request (given by the composition root). */
export type PrintRenderer = (view: string, locals: Record<string, unknown>) => Promise<string>;

export type { PackJob, PackStatus } from './boardpack.repository.ts';

/**
 * pg-boss's queue of board packs. Policy 'short': at most one job waiting per meeting (the
 * singleton key), so changes made while a pack is being made make it once more, not once each.
 * ('stately' would also keep one running per meeting, but pg-boss 11 then holds a meeting's next
 * job back until its cache of running keys refreshes, up to two minutes.)
 */
export const boardPackQueue = 'board-pack';

export function boardPackService(db: Database<DB>, jobs: Jobs, mail?: MailService) {
  let printer: PdfPrinter | undefined;
  let render: PrintRenderer | undefined;
  let office: OfficeConverter | undefined;
  let minutesSources: MinutesSources | undefined;

  const scoped = (job: PackJob) => ({ partnershipId: job.partnershipId, userId: job.userId });
  const progress = (job: PackJob, values: Record<string, unknown>, also?: (trx: Trx) => Promise<void>) =>
    db.transaction(scoped(job), async (trx) => {
      await packs.update(trx, job.meetingId, values);
      await also?.(trx);
    });

  /** What the pack's reader may see: the public (a viewer, who sees no exempt item). */
  const publicReader = (job: PackJob): Caller => ({
    actor: { userId: null, label: 'board pack' },
    userId: null,
    platformAdmin: false,
    role: 'viewer',
    partnershipId: job.partnershipId,
  });

  /** The previous meeting's minutes and the action log (open actions of earlier meetings, and the previous meeting's). */
  async function recordParts(job: PackJob) {
    if (!minutesSources) return { previous: null, actions: [] as string[][] };
    const reader = publicReader(job);
    const record = await minutesSources.record.ofMeeting(reader, job.meetingId);
    const previousMeeting = record.previous?.meeting;
    const previous = previousMeeting ? await minutesOf(minutesSources, reader, previousMeeting) : null;
    const raisedBefore = previousMeeting
      ? (await minutesSources.record.ofMeeting(reader, previousMeeting.id)).actions
      : [];
    const seen = new Set<string>();
    const actions = [...record.mattersArising, ...raisedBefore]
      .filter((action) => !seen.has(action.id) && seen.add(action.id))
      .sort((a, b) => a.meetingStartsAt.getTime() - b.meetingStartsAt.getTime())
      .map((action) => [
        action.reference ?? '',
        action.text,
        `${action.meetingTitle}, ${formatDate(action.meetingStartsAt)}`,
        action.owner,
        action.dueOn ? formatDate(action.dueOn) : 'No date',
        `${actionStatuses[action.status as keyof typeof actionStatuses] ?? action.status}${action.overdue ? ' (overdue)' : ''}`,
      ]);
    return { previous, actions };
  }

  /** Makes the pack; a pack that cannot be made is recorded as failed with its reason. */
  async function make(job: PackJob): Promise<{ pages: number } | { failure: string } | null> {
    const converter = office;
    const read = await db.transaction(scoped(job), async (trx) => {
      const meeting = await meetingById(trx, job.meetingId);
      // The meeting (and with it the pack's row) was deleted after the job was sent.
      if (!meeting || !(await packs.status(trx, job.meetingId))) return undefined;
      const items = await agendaItemsOf(trx, [job.meetingId]);
      const partnership = await packs.partnershipName(trx, job.partnershipId);
      const reportsRead: Record<string, unknown>[] = [];
      const papers: { id: string; title: string; mediaType: string; content: Buffer }[] = [];
      for (const item of items.filter((each) => !each.exempt)) {
        const report = item.hasReport ? await reports.forItem(trx, item.id) : undefined;
        if (report)
          reportsRead.push({
            bookmark: `Item ${item.number}: ${report.title} (committee report)`,
            header: reportHeader(report, meeting, item, (date) => formatDate(date)),
            sections: reportSections(report),
          });
        const wanted = item.papers.filter(
          (each) => isPdfPaper(each.mediaType) || (converter?.available && isOfficeDocument(each.mediaType)),
        );
        for (const paper of wanted) {
          const file = await agendaPaper(trx, paper.id);
          if (file)
            papers.push({
              id: paper.id,
              title: `Item ${item.number}: ${item.title} (${paper.fileName})`,
              mediaType: paper.mediaType,
              content: file.content,
            });
        }
      }
      const conversions = papers.filter((paper) => !isPdfPaper(paper.mediaType)).length;
      await packs.update(trx, job.meetingId, { state: 'working', done: 0, total: conversions + 2 });
      return { meeting, items, papers, reports: reportsRead, partnership: partnership ?? '' };
    });
    if (!read) return null;
    try {
      if (!printer || !render) throw new Error('No printer has been given to the board pack worker');
      const print = printer;
      // Word, OpenDocument and PowerPoint papers to PDF, one at a time; one that fails is listed
      // as not included, with the reason, and the pack is made without it.
      const included = new Map<string, true | string>();
      const parts: PackPart[] = [];
      let done = 0;
      for (const paper of read.papers) {
        if (isPdfPaper(paper.mediaType)) {
          included.set(paper.id, true);
          parts.push({ title: paper.title, pdf: paper.content });
          continue;
        }
        try {
          parts.push({ title: paper.title, pdf: await converter!.toPdf(paper.content, paper.mediaType) });
          included.set(paper.id, true);
        } catch (error) {
          included.set(paper.id, `it could not be converted to PDF (${(error as Error).message})`);
        }
        await progress(job, { done: ++done });
      }
      const { previous, actions } = await recordParts(job);
      const title = read.meeting.title;
      const where = read.meeting.place ?? read.meeting.onlineUrl;
      const html = await render('modules/documents/views/boardpack-print.njk', {
        title,
        partnership: read.partnership,
        meeting: read.meeting,
        bodies: read.meeting.bodies.map((body) => body.name).join(', '),
        when: formatDateTime(read.meeting.startsAt),
        place: where,
        contents: [
          'Agenda',
          ...(previous
            ? [`Minutes of the previous meeting (${previous.status === 'approved' ? 'approved' : 'draft'})`]
            : []),
          'Action log and matters arising',
          ...read.reports.map((report) => String(report.bookmark)),
          ...parts.map((part) => part.title),
        ],
        agenda: agendaEntries(read.items, included),
        previous,
        actions,
        reports: read.reports,
      });
      const printed = await print.print(html, { title, footer: false });
      await progress(job, { done: ++done });
      const pack = await assemblePack({
        title,
        printed,
        papers: parts,
        numbering: (total) =>
          print.print(stampsHtml(total), {
            title: 'Page numbers',
            footer: false,
            tagged: false,
            bleed: true,
          }),
      }).catch((error: Error) => {
        throw new Error(`A paper could not be read as a PDF (${error.message})`);
      });
      // "board pack ready" is written with the pack (issue 18)
      await progress(
        job,
        {
          state: 'ready',
          content: Buffer.from(pack.pdf),
          page_count: pack.pageCount,
          made_at: new Date(),
          out_of_date: false,
          failure: null,
        },
        mail && ((trx) => boardPackReadyMail(trx, mail, job.partnershipId, read.meeting)),
      );
      mail?.notify();
      return { pages: pack.pageCount };
    } catch (error) {
      const failure = (error as Error).message || 'The pack could not be made';
      await progress(job, { state: 'failed', failure });
      return { failure };
    }
  }

  /**
   * pg-boss's worker: an error (the database, say) fails the job and pg-boss tries it again;
   * when it has no try left the pack is shown as failed.
   */
  jobs.define<PackJob>({
    name: boardPackQueue,
    options: { policy: 'short', retryLimit: 4, retryDelay: 1, retryBackoff: true, expireInSeconds: 300 },
    async work(job: JobOf<PackJob>) {
      try {
        return await make(job.data);
      } catch (error) {
        if (job.retryCount >= job.retryLimit)
          await progress(job.data, {
            state: 'failed',
            failure: `The pack could not be made (${(error as Error).message})`,
          }).catch(() => undefined);
        throw error;
      }
    },
  });

  /** Queues the pack in `trx` and sends its job there: both or neither are committed. */
  async function enqueue(trx: Trx, job: PackJob, outOfDate: boolean): Promise<void> {
    await packs.queue(trx, job, outOfDate);
    await jobs.send(trx, boardPackQueue, job, { singletonKey: job.meetingId });
  }

  /** Inside a transaction that changed a meeting's papers: the pack, if any, is out of date. */
  async function papersChanged(trx: Trx, job: PackJob): Promise<boolean> {
    if (!(await packs.status(trx, job.meetingId))) return false;
    await enqueue(trx, job, true);
    return true;
  }

  const hasPack = (caller: Caller, meetingId: string) =>
    inTenant(db, caller, 'partnership.read', async (trx) => Boolean(await packs.status(trx, meetingId)));

  return {
    /** What the worker prints with: Chromium, and the views for the printed parts. */
    usePrinter(givenPrinter: PdfPrinter, givenRender: PrintRenderer) {
      printer = givenPrinter;
      render = givenRender;
    },

    /** LibreOffice, for Word, OpenDocument and PowerPoint papers (none: they are not included). */
    useOffice(converter: OfficeConverter | undefined) {
      office = converter;
    },

    /** Where the previous meeting's minutes and the action log are read (the composition root). */
    useMinutes(sources: MinutesSources) {
      minutesSources = sources;
    },

    /**
     * Resolves when no pack is waiting or being made (tests; a retry's delay included), or fails
     * after `timeoutMs` (a minute unless said).
     */
    idle: (timeoutMs?: number) => jobs.idle(boardPackQueue, timeoutMs),

    /** The pack's state, or null when none has been asked for. */
    status: async (caller: Caller, meetingId: string) => {
      // the job's progress is written to the partnership's rows, so it moves the version too
      const status = await inTenant(db, caller, 'partnership.read', async (trx) => {
        if (!(await meetingById(trx, meetingId))) throw notFound();
        return (await packs.status(trx, meetingId)) ?? null;
      });
      if (!status) return null;
      const { requestedBy: _, ...shown } = status;
      return shown;
    },

    /** Queues the pack to be made (again); this process's worker takes it at once. */
    request: async (caller: Caller, meetingId: string) => {
      assertCan(caller, 'partnership.edit');
      await jobs.start();
      await inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const meeting = await meetingById(trx, meetingId);
        if (!meeting) throw notFound();
        // Requests at once (a double click, two instances) take turns on the meeting's row; one
        // made while the pack waits to be made is that pack (a change of papers queues it again
        // itself): made once, not once each (issue 20 item 10, ADR 0050).
        await lockRow(trx, 'meetings', meetingId);
        if ((await packs.status(trx, meetingId))?.state === 'queued') return;
        const job = { partnershipId, meetingId, userId: caller.userId ?? null };
        await enqueue(trx, job, false);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'board-pack',
          entityId: meetingId,
          summary: `Asked for the board pack of ${meeting.title}`,
        });
      });
      jobs.notify(boardPackQueue);
    },

    /**
     * Runs an edit of a meeting's agenda, papers or reports: in the same transaction a pack
     * already made is marked out of date and queued, and once it commits the pack is made again.
     */
    /**
     * Hears the agenda's changes (ADR 0057): a pack already asked for is queued again, its job
     * sent in the change's transaction.
     */
    agendaListener: {
      async ready(caller: Caller, meetingId: string) {
        // The job is sent in the change's transaction, so pg-boss must be running before it
        // starts (starting it inside would wait for that transaction on the embedded database).
        if (!jobs.started && (await hasPack(caller, meetingId))) await jobs.start();
      },
      async changed(trx: Trx, change: AgendaChange) {
        await papersChanged(trx, change);
      },
      committed() {
        jobs.notify(boardPackQueue);
      },
    } satisfies AgendaListener,

    async editing<T>(
      caller: Caller,
      meetingId: string,
      work: (trx: Trx, partnershipId: string) => Promise<T>,
    ): Promise<T> {
      // The job is sent in the edit's transaction, so pg-boss must be running before it starts
      // (starting it inside would wait for that transaction on the embedded database).
      if (!jobs.started && (await hasPack(caller, meetingId))) await jobs.start();
      let queued = false;
      const result = await inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const done = await work(trx, partnershipId);
        queued = await papersChanged(trx, { partnershipId, meetingId, userId: caller.userId });
        return done;
      });
      if (queued) jobs.notify(boardPackQueue);
      return result;
    },

    /** The finished pack's file, for anyone who may see the meeting. */
    file: (caller: Caller, meetingId: string) =>
      inTenant(db, caller, 'partnership.read', async (trx) => {
        const row = await packs.file(trx, meetingId);
        const meeting = row?.content && (await meetingById(trx, meetingId));
        if (!row?.content || !meeting) throw notFound();
        return { content: row.content, meeting };
      }),
  };
}

export type BoardPackService = ReturnType<typeof boardPackService>;
