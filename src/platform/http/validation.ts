// One way to check input: a zod schema. The result carries every problem, shaped for the
// GOV.UK error summary and inline messages (HTML) and for problem+json (API).
import type { z } from 'zod';

export interface FieldProblem {
  /** The field, as the form names it, e.g. "email" or "members.2.role". */
  path: string;
  message: string;
}

export interface FormErrors {
  /** For govukErrorSummary: each problem, linked to its field. */
  summary: { text: string; href: string }[];
  /** For each component's errorMessage: the first problem of each field. */
  fields: Record<string, { text: string }>;
}

export type Validated<T> =
  { ok: true; value: T } | { ok: false; problems: FieldProblem[]; errors: FormErrors };

export function fieldId(path: string): string {
  return path.replaceAll('.', '-');
}

export function formErrors(problems: FieldProblem[]): FormErrors {
  const fields: FormErrors['fields'] = {};
  for (const problem of problems) {
    // "established.day" also marks "established": a date input shows one message for its
    // three fields, while the summary links to the field that is wrong.
    const parts = problem.path.split('.');
    for (let depth = parts.length; depth > 0; depth--)
      fields[parts.slice(0, depth).join('.')] ??= { text: problem.message };
  }
  return {
    summary: problems.map((problem) => ({ text: problem.message, href: `#${fieldId(problem.path)}` })),
    fields,
  };
}

export function validate<S extends z.ZodType>(schema: S, input: unknown): Validated<z.output<S>> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return { ok: true, value: result.data };
  const problems = result.error.issues.map((issue) => ({
    path: issue.path.join('.') || 'form',
    message: issue.message,
  }));
  return { ok: false, problems, errors: formErrors(problems) };
}

/** A problem found by a rule after the schema passed (e.g. "that slug is taken"). */
export class RuleViolation extends Error {
  readonly problems: FieldProblem[];
  constructor(problems: FieldProblem[]) {
    super(problems.map((problem) => problem.message).join('; '));
    this.problems = problems;
  }
}
