// SQL for the board pack's row: its state, progress and file (one row a meeting).
import type { Trx } from '../../schema.ts';

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

export const boardPackRepository = {
  status: (trx: Trx, meetingId: string) =>
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
      .executeTakeFirst() as Promise<PackStatus | undefined>,

  /** Queues the pack again (or for the first time), its progress back to nothing. */
  async queue(trx: Trx, job: PackJob, outOfDate: boolean): Promise<void> {
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
  },

  /** Records the pack's progress (state, counts, failure, file). */
  async update(trx: Trx, meetingId: string, values: Record<string, unknown>): Promise<void> {
    await trx
      .updateTable('board_packs')
      .set({ ...values, updated_at: new Date() })
      .where('meeting_id', '=', meetingId)
      .execute();
  },

  /** The partnership's name, for the pack's cover. */
  partnershipName: async (trx: Trx, partnershipId: string): Promise<string | undefined> =>
    (await trx.selectFrom('partnerships').select('name').where('id', '=', partnershipId).executeTakeFirst())
      ?.name,

  file: (trx: Trx, meetingId: string) =>
    trx
      .selectFrom('board_packs')
      .select(['content', 'made_at as madeAt'])
      .where('meeting_id', '=', meetingId)
      .executeTakeFirst(),
};

/** Whether the meeting's board pack has been made (a file to link to); for the agenda's mail. */
export async function boardPackReady(trx: Trx, meetingId: string): Promise<boolean> {
  const row = await trx
    .selectFrom('board_packs')
    .select('state')
    .where('meeting_id', '=', meetingId)
    .where('content', 'is not', null)
    .executeTakeFirst();
  return Boolean(row);
}
