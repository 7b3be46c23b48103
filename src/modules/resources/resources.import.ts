// Contributions and spending of a fund from CSV or Excel: every row read and checked on its
// own (year, amounts in pounds with at most two decimals, never negative), each problem kept
// with its line; the service then checks the rows against the fund and the partnership.
import { z } from 'zod';
import { cell, readRecords, readTableFile } from '../../platform/imports/table-file.ts';
import type { TextEncodingChoice } from '../../platform/files/text-encoding.ts';
import { financialYear, pounds } from './resources.schemas.ts';
import { contributionFormValues } from './resources.vocabulary.ts';
import type { ImportLine } from './resources.service.ts';

export { ImportFileInvalid } from '../../platform/imports/table-file.ts';

export const importColumns = [
  'kind',
  'year',
  'organisation',
  'form',
  'priority',
  'action',
  'description',
  'planned',
  'agreed',
  'received',
  'committed',
  'actual',
] as const;

const rowSchema = z
  .object({
    kind: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(['contribution', 'spending'], { error: 'Kind must be contribution or spending' })),
    year: financialYear('Year must be a financial year like 2009-10'),
    organisation: cell,
    form: cell.pipe(
      z
        .string()
        .transform((value) => value.toLowerCase())
        .pipe(
          z.enum(contributionFormValues, {
            error: `Form must be one of: ${contributionFormValues.join(', ')}`,
          }),
        )
        .nullable(),
    ),
    priority: cell,
    action: cell,
    description: cell,
    planned: pounds('Planned'),
    agreed: pounds('Agreed'),
    received: pounds('Received'),
    committed: pounds('Committed'),
    actual: pounds('Actual'),
  })
  .superRefine((row, context) => {
    const problem = (path: string, message: string) =>
      context.addIssue({ code: 'custom', path: [path], message });
    if (row.kind === 'contribution') {
      if (!row.organisation) problem('organisation', 'Give the partner that contributes');
      if (row.committed !== null || row.actual !== null)
        problem(
          'committed',
          'A contribution is planned, agreed or received: committed and actual are for spending',
        );
      if (row.planned === null && row.agreed === null && row.received === null)
        problem('planned', 'Give at least one amount: planned, agreed or received');
    } else {
      if (!row.priority) problem('priority', 'Give the priority the money is spent on');
      if (row.agreed !== null || row.received !== null)
        problem(
          'agreed',
          'Spending is planned, committed or actual: agreed and received are for contributions',
        );
      if (row.planned === null && row.committed === null && row.actual === null)
        problem('planned', 'Give at least one amount: planned, committed or actual');
    }
  });

/** Every row of the file, checked on its own; problems carry the row's line. */
export async function readResourcesFile(
  fileName: string,
  content: Buffer,
  encoding: TextEncodingChoice = 'auto',
): Promise<{ rows: ImportLine[]; problems: { line: number; message: string }[]; warnings: string[] }> {
  const table = await readTableFile(fileName, content, { encoding });
  const read = readRecords(table.rows, {
    columns: importColumns,
    required: ['kind', 'year'],
    schema: rowSchema,
  });
  return {
    problems: read.problems,
    warnings: table.warnings,
    rows: read.rows.map((row) => ({
      line: row.line,
      kind: row.kind,
      year: row.year,
      organisation: row.organisation,
      form: row.form,
      priority: row.priority,
      action: row.action,
      description: row.description,
      planned: row.planned,
      middle: row.kind === 'contribution' ? row.agreed : row.committed,
      last: row.kind === 'contribution' ? row.received : row.actual,
    })),
  };
}
