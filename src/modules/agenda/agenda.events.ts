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

/**
 * What a module keeps that points at an agenda item, for the page that asks before the item is
 * removed (ADR 0048): each module that keeps such rows counts and words its own (given by the
 * composition root), so the agenda names no other module's table.
 */
export interface ItemDependant {
  /** How many: a line is shown only when there are some. */
  count: number;
  /** Short, for the sentence naming the item: "2 decisions", "its minutes". */
  named: string;
  /** The line in the list of what goes with the item or of what stays without it. */
  line: string;
  /** Whether the item's removal takes it (its foreign key deletes it) or leaves it unlinked. */
  goes: boolean;
}

/** A module's dependants of an item, read in the asking page's transaction. */
export type ItemDependants = (trx: Trx, itemId: string) => Promise<ItemDependant[]>;
