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
  /** Actions in a meeting's action log raised for it, written out: deleting is refused while any (issue 23). */
  logged?: string[];
}

/** An action in a meeting's action log raised for a priority, as the meetings module gives it (issue 23). */
export interface LoggedAction {
  reference: string | null;
  text: string;
  owner: string;
  dueOn: string | null;
  status: string;
  overdue: boolean;
  meeting: { title: string; startsAt: Date; href: string };
}

/** The actions of the action log raised for each priority, by the priority's id. */
export type LoggedActionsOf = (
  caller: Caller,
  tenantSlug: string,
) => Promise<Readonly<Record<string, readonly LoggedAction[]>>>;

/** The refusal the delete page gives while actions in an action log name the priority. */
export const actionLogKeepsIt = (logged: readonly string[]) =>
  `This priority has actions in the action log raised for it: ${logged.join('; ')}. Link those actions to another priority, or to none, from the action log first (“Change the plan priority”), so that no action loses what it serves.`;

export type PlanPart = { priorityId: string } | { actionId: string };

export type PlanPartLinksOf = (caller: Caller, part: PlanPart) => Promise<PlanPartLinks>;

/** The refusal the delete page and the service give while money is recorded against the part. */
export const moneyKeepsIt = (what: 'priority' | 'action', keeping: readonly string[]) =>
  `This ${what} has money recorded against it in Resources: ${keeping.join('; ')}. Move those entries to another ${what} or delete them first, so that no money is lost from the record by accident.`;

/** The same, when the database finds a link the page did not show (added since). */
export const linkedSinceShown = (what: 'priority' | 'action', constraint?: string) =>
  constraint === 'actions_plan_priority_fk'
    ? 'This priority has actions in the action log raised for it, so it cannot be deleted: link those actions to another priority, or to none, from the action log first.'
    : moneyLinkedSinceShown(what);
const moneyLinkedSinceShown = (what: 'priority' | 'action') =>
  `This ${what} has money recorded against it in Resources (spending or a pledge), so it cannot be deleted: move those entries to another ${what} or delete them first.`;
