// The GOV.UK form cycle in one place: check the answers with a schema, run the action, and on
// any problem (from the schema or from a rule in the service) re-render the same page with
// status 400, an error summary, inline messages and every answer kept.
import type { Request, Response } from 'express';
import type { z } from 'zod';
import { formErrors, RuleViolation, validate } from './validation.ts';
import { StaleVersion } from '../db/row-version.ts';
import { formatDateTime } from '../views/nunjucks.ts';

/** A question of an edit form, for showing their version beside the user's answer. */
export interface ConflictField {
  name: string;
  label: string;
  /** The choices of a select, radios or checkboxes, to show their text rather than a value. */
  items?: readonly { value: string; text: string }[];
  /** A GOV.UK date input: its `-day`, `-month` and `-year` fields. */
  date?: boolean;
}

/** An edit form of a versioned record (ADR 0044): what to show when the save was stale. */
export interface VersionedForm {
  /** The record's answers as the form shows them, read afresh, with its `version`. */
  current: () => Promise<Record<string, unknown>>;
  fields: readonly ConflictField[];
}

export interface FormPage<S extends z.ZodType> {
  view: string;
  /** What the page needs besides the answers (title, lists for selects, back link). */
  locals: Record<string, unknown>;
  schema: S;
  /** What the schema checks: usually the body, sometimes reshaped (date fields). */
  input: unknown;
  /** What the page shows back in its fields. Defaults to the body as sent. */
  values?: unknown;
  /** An edit form: a stale save is answered with their version beside the answers. */
  versioned?: VersionedForm;
}

const shown = (field: ConflictField, values: Record<string, unknown>): string => {
  if (field.date)
    return ['day', 'month', 'year']
      .map((part) => String(values[`${field.name}-${part}`] ?? '').trim())
      .filter(Boolean)
      .join('/');
  const raw = values[field.name];
  const list = (Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw]).map((value) =>
    String(value as string),
  );
  return list
    .map((value) => field.items?.find((item) => item.value === value)?.text ?? value)
    .map((value) => value.trim())
    .filter(Boolean)
    .join(', ');
};

/**
 * A stale save re-rendered (409): the error names who changed the record and when, the form
 * keeps the user's answers and now carries the current version, and the page shows their
 * version of each answer that differs beside the user's (`conflict`, in the layout).
 */
async function renderConflict(
  res: Response,
  page: FormPage<z.ZodType>,
  values: unknown,
  stale: StaleVersion,
): Promise<void> {
  const when = stale.changedAt ? ` on ${formatDateTime(stale.changedAt)}` : '';
  const message = `${stale.changedBy ?? 'Someone else'} changed ${stale.what}${when}, after you opened this page. Your answers have not been saved: check them against their version, then save again`;
  const yours = (values ?? {}) as Record<string, unknown>;
  // their version, read afresh; none when it cannot be found now (renamed, deleted)
  const current = page.versioned ? await page.versioned.current().catch(() => undefined) : undefined;
  const rows = current
    ? (page.versioned?.fields ?? [])
        .map((field) => ({ label: field.label, theirs: shown(field, current), yours: shown(field, yours) }))
        .filter((row) => row.theirs !== row.yours)
    : [];
  res.status(409).render(page.view, {
    ...page.locals,
    values: { ...yours, ...(current ? { version: current.version } : {}) },
    errors: formErrors([{ path: 'conflict', message }]),
    conflict: { changedBy: stale.changedBy, changedAt: stale.changedAt, rows, compared: Boolean(current) },
  });
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
    if (error instanceof StaleVersion) {
      await renderConflict(res, page as FormPage<z.ZodType>, values, error);
      return false;
    }
    if (!(error instanceof RuleViolation)) throw error;
    res.status(400).render(page.view, { ...page.locals, values, errors: formErrors(error.problems) });
    return false;
  }
}

/** A message shown once on the next page (a GOV.UK success banner). */
export function flash(req: Request, message: string): void {
  req.session.flash = message;
}
