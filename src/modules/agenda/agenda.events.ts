// The agenda tells who needs to know of its changes (ADR 0057, issue 16): the board pack, made
// from the agenda and its papers, is made again when they change. The agenda owns its write
// transaction and announces each change inside it, so what a listener sends with it (the board
// pack's background job) exists exactly when the change is committed; the agenda never calls
// the board pack, and no other module wraps the agenda's writes.
import type { Caller } from '../../platform/http/auth.ts';
import type { Trx } from '../../schema.ts';

/** A change to a meeting's agenda or papers: an item added, changed or removed, a paper added or removed. */
export interface AgendaChange {
  partnershipId: string;
  meetingId: string;
  /** Who made it (null: the system). */
  userId: string | null;
}

/** Hears the agenda's changes (given by the composition root, src/services.ts). */
export interface AgendaListener {
  /**
   * Before the change's transaction opens: what must be running to send within it (the
   * background jobs cannot start inside a transaction on the embedded database).
   */
  ready(caller: Caller, meetingId: string): Promise<void>;
  /** In the change's transaction, after the change: send the job or write the row it leads to. */
  changed(trx: Trx, change: AgendaChange): Promise<void>;
  /** After the commit: wake what was sent (this process's worker). */
  committed(change: AgendaChange): void;
}
