// What else in the partnership points at a plan's priority or action: money (spending, pledges,
// funds and commissioned services serving it) lives in the resources module, which depends on
// plans, so plans cannot ask it; the composition root passes a `PlanPartLinksOf` in (ADR 0036,
// ADR 0048), and the delete page says what is linked: what keeps the part (it is refused until
// they are moved or deleted) and what goes with it (links only; the other records stay).
import type { Caller } from '../../platform/http/auth.ts';

export interface PlanPartLinks {
  /** Records that keep it, written out ("2 spending entries of the Pooled budget"): deleting is refused while any. */
  keeping: string[];
  /** Links that go with it ("Its place among the priorities the Pooled budget serves (the fund stays)"). */
  going: string[];
}

export type PlanPart = { priorityId: string } | { actionId: string };

export type PlanPartLinksOf = (caller: Caller, part: PlanPart) => Promise<PlanPartLinks>;

/** The refusal the delete page and the service give while money is recorded against the part. */
export const moneyKeepsIt = (what: 'priority' | 'action', keeping: readonly string[]) =>
  `This ${what} has money recorded against it in Resources: ${keeping.join('; ')}. Move those entries to another ${what} or delete them first, so that no money is lost from the record by accident.`;

/** The same, when the database finds a link the page did not show (added since). */
export const linkedSinceShown = (what: 'priority' | 'action') =>
  `This ${what} has money recorded against it in Resources (spending or a pledge), so it cannot be deleted: move those entries to another ${what} or delete them first.`;
