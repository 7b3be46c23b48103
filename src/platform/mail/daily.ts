// The daily mail (issue 18, ADR 0034): a pg-boss job at 07:00 London time writes each
// partnership's reminders (actions due soon and overdue, plan updates due, terms of office
// ending, surveys closing) and then sends the daily digests. Each module gives its reminders
// as a source: a function of the partnership's transaction and the date, returning messages
// with an occasion key. The occasion and the recipient make the message's key in the outbox,
// so a reminder is written once however often the job runs (a retry, a restart, a second run
// the same day, a run from the command line). Runs "as of" any date: the job takes today's,
// `cooperate reminders --as-of` and tests give theirs.
import type { Database } from '../db/database.ts';
import type { Actor } from '../http/auth.ts';
import type { JobOf, Jobs } from '../jobs/jobs.ts';
import type { MailService, OutgoingMail } from './outbox.ts';

export interface ReminderPartnership {
  id: string;
  slug: string;
  name: string;
}

export interface ReminderContext {
  partnership: ReminderPartnership;
  /** The day the reminders are for (a London date, YYYY-MM-DD). */
  asOf: string;
  /** An absolute link to a page of the product. */
  url(path: string): string;
}

/** A reminder: a message and its occasion ("action-due:<id>:<date>"), unique per recipient. */
export type Reminder = Omit<OutgoingMail, 'dedupeKey'> & { occasion: string };

/** One module's reminders for a partnership on a date, read in the partnership's transaction. */
export type ReminderSource = (trx: unknown, context: ReminderContext) => Promise<Reminder[]>;

export const dailyMailQueue = 'mail-daily';
/** Every day at seven in the morning, London time. */
export const dailyMailSchedule = { cron: '0 7 * * *', tz: 'Europe/London' };

const reminderActor: Actor = { userId: null, label: 'Reminders' };

const london = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
/** Today in London, YYYY-MM-DD. */
export const londonToday = (now = new Date()) => london.format(now);

export const isIsoDate = (value: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/** The key a reminder is kept under: its occasion and its recipient. */
export const occasionKey = (reminder: Reminder) =>
  `${reminder.occasion}:${reminder.to.email.trim().toLowerCase()}`;

export interface DailyRun {
  asOf: string;
  /** Reminders written (for sending now or for a digest). */
  reminders: number;
  /** Digests written. */
  digests: number;
}

export function dailyMail(
  db: Database<unknown>,
  jobs: Jobs,
  mail: MailService,
  options: { partnerships: () => Promise<ReminderPartnership[]>; sources: ReminderSource[] },
) {
  /** One partnership's reminders as of a date, in one transaction: all or none. */
  async function remind(partnership: ReminderPartnership, asOf: string): Promise<number> {
    const ids = await db.transaction({ partnershipId: partnership.id }, async (trx) => {
      const context: ReminderContext = { partnership, asOf, url: mail.url };
      const reminders: Reminder[] = [];
      for (const source of options.sources) reminders.push(...(await source(trx, context)));
      return mail.queue(
        trx,
        reminderActor,
        partnership.id,
        reminders.map(({ occasion: _, ...message }, index) => ({
          ...message,
          dedupeKey: occasionKey(reminders[index]!),
        })),
      );
    });
    return ids.length;
  }

  async function run(asOf = londonToday()): Promise<DailyRun> {
    if (!isIsoDate(asOf)) throw new Error(`Not a date: ${asOf} (give it as YYYY-MM-DD)`);
    await mail.ready();
    const result: DailyRun = { asOf, reminders: 0, digests: 0 };
    const failures: Error[] = [];
    for (const partnership of await options.partnerships()) {
      // one partnership's failure does not keep the others' reminders back; the job then fails
      // and pg-boss runs it again (what was written is not written twice)
      try {
        result.reminders += await remind(partnership, asOf);
        result.digests += await mail.sendDigests(partnership.id, partnership.name);
      } catch (error) {
        failures.push(error as Error);
      }
    }
    mail.notify();
    if (failures.length)
      throw new AggregateError(failures, `The daily mail failed for ${failures.length} partnership(s)`);
    return result;
  }

  jobs.define<{ asOf?: string }>({
    name: dailyMailQueue,
    options: { policy: 'short', retryLimit: 3, retryDelay: 300, retryBackoff: true, expireInSeconds: 1800 },
    schedule: dailyMailSchedule,
    work: (job: JobOf<{ asOf?: string }>) => run(job.data?.asOf ?? londonToday()),
  });

  return {
    run,
    /** Resolves when no daily run is waiting or under way (tests). */
    idle: (timeoutMs?: number) => jobs.idle(dailyMailQueue, timeoutMs),
  };
}

export type DailyMail = ReturnType<typeof dailyMail>;
