// The GOV.UK form cycle in one place: check the answers with a schema, run the action, and on
// any problem (from the schema or from a rule in the service) re-render the same page with
// status 400, an error summary, inline messages and every answer kept.
import type { Request, Response } from 'express';
import type { z } from 'zod';
import { formErrors, RuleViolation, validate } from './validation.ts';

export interface FormPage<S extends z.ZodType> {
  view: string;
  /** What the page needs besides the answers (title, lists for selects, back link). */
  locals: Record<string, unknown>;
  schema: S;
  /** What the schema checks: usually the body, sometimes reshaped (date fields). */
  input: unknown;
  /** What the page shows back in its fields. Defaults to the body as sent. */
  values?: unknown;
}

/** Runs `action` with the checked answers; returns false when the page was re-rendered with errors. */
export async function submitForm<S extends z.ZodType>(
  req: Request,
  res: Response,
  page: FormPage<S>,
  action: (value: z.output<S>) => Promise<void>,
): Promise<boolean> {
  const values = page.values ?? req.body;
  const checked = validate(page.schema, page.input);
  if (!checked.ok) {
    res.status(400).render(page.view, { ...page.locals, values, errors: checked.errors });
    return false;
  }
  try {
    await action(checked.value);
    return true;
  } catch (error) {
    if (!(error instanceof RuleViolation)) throw error;
    res.status(400).render(page.view, { ...page.locals, values, errors: formErrors(error.problems) });
    return false;
  }
}

/** A message shown once on the next page (a GOV.UK success banner). */
export function flash(req: Request, message: string): void {
  req.session.flash = message;
}
