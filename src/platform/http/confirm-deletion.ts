// Confirm before destroying (issue 20 item 8, ADR 0048): one pattern for every removal. The
// page that asks (GET) says what is removed, what goes with it ("its 3 papers and 2
// decisions") and what stays, or why it cannot go yet; the removal is a POST from that page,
// to the same address. A rule the service finds at the last moment (something linked since
// the page was shown) shows the same page again, 400, with the reason in an error summary.
import type { Request, RequestHandler, Response, Router } from 'express';
import { flash } from './forms.ts';
import { formErrors, RuleViolation } from './validation.ts';

export interface DeletionAbout {
  /** Above the heading: whose it is ("Sefton: Children and Young People’s Plan"). */
  caption: string;
  /** What is removed, in a sentence. */
  subject: string;
  /** What goes with it, a line each. */
  goes?: string[];
  /** What stays, a line each. */
  stays?: string[];
  /** Why it cannot be removed yet; no button is shown. */
  refusal?: string | undefined;
  backLink: string;
}

export interface ConfirmDeletion {
  /** The page's address (GET asks, POST removes). */
  path: string;
  /** Who may (`requirePermission(…)`). */
  permission: RequestHandler;
  title: string;
  buttonText: string;
  /** Words before the list of what goes; "Deleting it also deletes:" unless given. */
  goesIntro?: string;
  /** What every page of the module shows (tenant, base). */
  locals: (req: Request) => Record<string, unknown>;
  about: (req: Request) => Promise<DeletionAbout>;
  /** Removes it, in one audited transaction; where to go next. */
  remove: (req: Request) => Promise<string>;
  /** The message shown after (a sentence, or made from the request). */
  done: string | ((req: Request) => string);
}

export const confirmDeletionView = 'views/confirm-delete.njk';

/** The two routes of a removal: the page that asks, and the POST from it that removes. */
export function confirmDeletion(router: Router, spec: ConfirmDeletion): void {
  const render = async (req: Request, res: Response, refusal?: string) => {
    const about = await spec.about(req);
    const reason = refusal ?? about.refusal;
    res.status(refusal ? 400 : 200).render(confirmDeletionView, {
      title: spec.title,
      ...spec.locals(req),
      ...about,
      goes: about.goes ?? [],
      stays: about.stays ?? [],
      goesIntro: spec.goesIntro ?? 'Deleting it also deletes:',
      refusal: reason,
      buttonText: spec.buttonText,
      errors: refusal ? formErrors([{ path: 'refusal', message: refusal }]) : undefined,
    });
  };
  router.get(spec.path, spec.permission, (req, res) => render(req, res));
  router.post(spec.path, spec.permission, async (req, res) => {
    const done = typeof spec.done === 'string' ? spec.done : spec.done(req);
    let next: string;
    try {
      next = await spec.remove(req);
    } catch (error) {
      if (error instanceof RuleViolation) return render(req, res, error.message);
      throw error;
    }
    flash(req, done);
    res.redirect(303, next);
  });
}

/** "3 papers", "1 decision". */
export const countOf = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "its 3 papers and 2 decisions"; "" when the list is empty. */
export function listed(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
