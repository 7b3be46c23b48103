// What a plan's priorities have to deliver them, as the plan on a page and the progress report
// show it (issue 21). The figures belong to the resources module, which depends on plans, so
// plans cannot ask it: the composition root passes a `PlanResourcesOf` in (ADR 0036), and the
// plans module shows what it is given, already written out (pounds, years), knowing nothing of
// money.
import type { Caller } from '../../platform/http/auth.ts';

export interface PlanResources {
  planId: string;
  /** The financial year shown, like "2009-10". */
  period: string;
  /** The plan's financial years, each with the address's `year` value and whether it is shown. */
  years: { value: string; label: string; shown: boolean }[];
  /** The columns after the priority's. */
  headings: string[];
  rows: { priorityId: string; label: string; cells: string[]; pledges: string[] }[];
  total: { label: string; cells: string[] };
  /** Whether anything at all is recorded against the plan's priorities, in any year. */
  recorded: boolean;
  notes: string[];
}

/** The resources of a plan's priorities for the financial year asked (`?year=`), or a default. */
export type PlanResourcesOf = (
  caller: Caller,
  planId: string,
  year: string | undefined,
) => Promise<PlanResources | null>;
