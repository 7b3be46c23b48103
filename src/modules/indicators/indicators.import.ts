// Indicator values, targets and comparators from CSV or Excel, one row per indicator and period:
// a value (for everyone, a group or an area), a target with its tolerance, or both; or, with a
// comparator named, the England, statistical neighbours' or regional figure for the period.
// Each row is read here; the service checks it against the partnership's indicators.
import { z } from 'zod';
import { cell, numberCell, readRecords, readTableFile } from '../../platform/imports/table-file.ts';
import type { TextEncodingChoice } from '../../platform/files/text-encoding.ts';
import type { Tolerance } from './rag.ts';
import type { ComparatorKind } from './indicators.vocabulary.ts';

export const indicatorImportColumns = [
  'indicator',
  'period',
  'value',
  'group',
  'area',
  'target',
  'tolerance',
  'illustrative',
  'comparator',
] as const;

export interface IndicatorImportRow {
  line: number;
  indicator: string;
  period: string;
  value: number | null;
  breakdownKind: 'all' | 'group' | 'area';
  breakdown: string;
  target: number | null;
  tolerance: Tolerance | null;
  illustrative: boolean;
  /** Set when the row is a comparator's figure for the period rather than the partnership's. */
  comparator: ComparatorKind | null;
}

/** The comparator a cell names: its key or its label, like "England" or "Statistical neighbours’ average". */
export function comparatorNamed(text: string): ComparatorKind | null | undefined {
  const name = text
    .trim()
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/\s+average$/, '')
    .replace(/\s+/g, ' ');
  if (!name) return null;
  const known: Record<string, ComparatorKind> = {
    england: 'england',
    'statistical neighbours': 'statistical neighbours',
    'statistical neighbour': 'statistical neighbours',
    region: 'region',
    regional: 'region',
  };
  return known[name];
}

const comparatorCell = cell.transform((value, context): ComparatorKind | null => {
  const kind = comparatorNamed(value ?? '');
  if (kind === undefined) {
    context.addIssue({
      code: 'custom',
      message:
        'Comparator must be England, statistical neighbours or region, or empty for the partnership’s own figure',
    });
    return z.NEVER;
  }
  return kind;
});

/** "2" is 2 in the indicator's units; "5%" is 5% of the target. */
const toleranceCell = cell.transform((value, context): Tolerance | null => {
  if (!value) return null;
  const match = /^(\d+(?:\.\d+)?)\s*(%?)$/.exec(value);
  if (!match) {
    context.addIssue({
      code: 'custom',
      message:
        'Tolerance must be a number in the indicator’s units, like 2, or a percentage of the target, like 5%',
    });
    return z.NEVER;
  }
  return { kind: match[2] ? 'relative' : 'absolute', amount: Number(match[1]) };
});

const rowSchema = z
  .object({
    indicator: z.string().trim().min(1, 'Give the indicator’s code, like NI 73'),
    period: z.string().trim().min(1, 'Give the period, like 2008-09'),
    value: numberCell('Value'),
    group: cell,
    area: cell,
    target: numberCell('Target'),
    tolerance: toleranceCell,
    illustrative: z
      .string()
      .trim()
      .toLowerCase()
      .refine((value) => ['', 'yes', 'no', 'y', 'n'].includes(value), 'Illustrative must be yes or no')
      .transform((value) => value === 'yes' || value === 'y'),
    comparator: comparatorCell,
  })
  .superRefine((row, context) => {
    const problem = (path: string, message: string) =>
      context.addIssue({ code: 'custom', path: [path], message });
    if (row.comparator) {
      if (row.value === null) problem('value', 'A comparator row needs the comparator’s value');
      if (row.group || row.area) problem('comparator', 'A comparator row has no group or area');
      if (row.target !== null || row.tolerance)
        problem(
          'comparator',
          'A comparator row has no target or tolerance: give those in a row of their own',
        );
      if (row.illustrative) problem('illustrative', 'A comparator’s figure is published, not illustrative');
      return;
    }
    if (row.value === null && row.target === null) problem('value', 'Give a value, a target or both');
    if (row.group && row.area) problem('group', 'Give a group or an area, not both');
    if ((row.group || row.area) && row.value === null) problem('value', 'A group or an area needs a value');
    if (row.target !== null && !row.tolerance)
      problem(
        'tolerance',
        'A target needs a tolerance rule: a number in the indicator’s units (like 2, or 0 for none) or a percentage of the target (like 5%)',
      );
    if (row.target === null && row.tolerance) problem('tolerance', 'A tolerance needs a target');
  });

export async function readIndicatorFile(
  fileName: string,
  content: Buffer,
  encoding: TextEncodingChoice = 'auto',
): Promise<{
  rows: IndicatorImportRow[];
  problems: { line: number; message: string }[];
  warnings: string[];
}> {
  const table = await readTableFile(fileName, content, { encoding });
  const read = readRecords(table.rows, {
    columns: indicatorImportColumns,
    required: ['indicator', 'period'],
    schema: rowSchema,
  });
  return {
    problems: read.problems,
    warnings: table.warnings,
    rows: read.rows.map((row) => ({
      line: row.line,
      indicator: row.indicator,
      period: row.period,
      value: row.value,
      breakdownKind: row.group ? 'group' : row.area ? 'area' : 'all',
      breakdown: row.group ?? row.area ?? '',
      target: row.target,
      tolerance: row.tolerance,
      illustrative: row.illustrative,
      comparator: row.comparator,
    })),
  };
}
