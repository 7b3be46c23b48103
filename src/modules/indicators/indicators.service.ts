// The indicator library and a partnership's indicators: choose from the library or add a local
// one, set targets with tolerance, record values (overall and by group or area) and
// comparators, and work out RAG and direction of travel.
import type { Database } from '../../platform/db/database.ts';
import { lockVersion, withoutVersion } from '../../platform/db/row-version.ts';
import { recordChange } from '../../platform/audit/audit.ts';
import type { Caller } from '../../platform/http/auth.ts';
import { conflict, notFound } from '../../platform/http/errors.ts';
import { RuleViolation } from '../../platform/http/validation.ts';
import { inTenant } from '../../platform/tenant.ts';
import type { DB, Trx } from '../../schema.ts';
import {
  indicatorsRepository as repository,
  type ComparatorRow,
  type IndicatorRow,
  type LibraryFilter,
  type TargetRow,
  type ValueRow,
} from './indicators.repository.ts';
import {
  units,
  type BreakdownKind,
  type ComparatorKind,
  type EcmOutcome,
  type Frequency,
  type Polarity,
  type ToleranceKind,
  type Unit,
} from './indicators.vocabulary.ts';
import { parsePeriod } from './periods.ts';
import { performanceOf, valueProblems, type Performance } from './performance.ts';
import type { IndicatorImportRow } from './indicators.import.ts';

export interface LocalIndicatorInput {
  code: string;
  title: string;
  definition: string;
  unit: Unit;
  unitLabel?: string | undefined;
  polarity: Polarity;
  frequency: Frequency;
  source: string;
  outcome?: EcmOutcome | undefined;
}

export type LocalIndicatorChanges = Omit<LocalIndicatorInput, 'code'>;

export interface TargetInput {
  period: string;
  target: number;
  toleranceKind: ToleranceKind;
  tolerance: number;
  source?: string | undefined;
}

export interface ValueInput {
  period: string;
  value: number;
  breakdownKind: BreakdownKind;
  breakdown?: string | undefined;
  illustrative?: boolean | undefined;
  note?: string | undefined;
}

export interface ComparatorInput {
  period: string;
  comparator: ComparatorKind;
  value: number;
}

export interface IndicatorSummary {
  indicator: IndicatorRow;
  performance: Performance;
}

export interface IndicatorDetail extends IndicatorSummary {
  targets: TargetRow[];
  values: ValueRow[];
  comparators: ComparatorRow[];
}

async function mustFind(trx: Trx, code: string): Promise<IndicatorRow> {
  const indicator = await repository.byCode(trx, code);
  if (!indicator) throw notFound();
  return indicator;
}

/** A local indicator by its code: a 404 if there is none, a 409 if it is from the library. */
async function mustFindLocal(trx: Trx, code: string): Promise<IndicatorRow> {
  const indicator = await mustFind(trx, code);
  if (indicator.libraryKey) throw conflict(fromTheLibrary(indicator.code));
  return indicator;
}

export const fromTheLibrary = (code: string) =>
  `${code} is from the indicator library: its title, definition, unit and the rest are the library’s and cannot be changed or deleted here. Only local indicators can.`;

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * The plan priorities that measure an indicator, with their plan's title, in order. The plans
 * module links its priorities to indicators and depends on this one: the composition root
 * passes its read in.
 */
export type PrioritiesMeasuring = (
  trx: Trx,
  indicatorId: string,
) => Promise<{ plan: string; title: string }[]>;

/** What hangs off an indicator: its figures, and the plan priorities it measures ("plan: priority"). */
interface Usage {
  targets: number;
  values: number;
  comparators: number;
  priorities: string[];
}

function deletionProblems(usage: Usage): string[] {
  const figures = [
    ...(usage.values ? [plural(usage.values, 'value', 'values')] : []),
    ...(usage.targets ? [plural(usage.targets, 'target', 'targets')] : []),
    ...(usage.comparators ? [plural(usage.comparators, 'comparator', 'comparators')] : []),
  ];
  return [
    ...(figures.length
      ? [`It has ${figures.join(', ')}: an indicator with figures is kept, so that its history is not lost`]
      : []),
    ...(usage.priorities.length
      ? [
          `It measures ${plural(usage.priorities.length, 'plan priority', 'plan priorities')} (${usage.priorities.join('; ')}): take it off ${usage.priorities.length === 1 ? 'that priority' : 'those priorities'} first`,
        ]
      : []),
  ];
}

/**
 * Each indicator (or only those with the given ids) with its performance, inside a transaction
 * the caller holds (for other modules). Performance needs only the values for everyone.
 */
async function summariesWithin(trx: Trx, ids?: string[]): Promise<IndicatorSummary[]> {
  const all = await repository.list(trx);
  const list = ids ? all.filter((indicator) => ids.includes(indicator.id)) : all;
  const wanted = list.map((indicator) => indicator.id);
  const [targets, values] = await Promise.all([
    repository.targets(trx, wanted),
    repository.values(trx, wanted, undefined, 'all'),
  ]);
  return list.map((indicator) => ({
    indicator,
    performance: performanceOf(
      indicator.polarity,
      targets.filter((target) => target.indicatorId === indicator.id),
      values.filter((value) => value.indicatorId === indicator.id),
    ),
  }));
}

/** The period's canonical form, or the problems that stop the write. */
function checked(indicator: IndicatorRow, input: { period: string; value: number }, label: string) {
  const problems = valueProblems(indicator, input, label);
  if (problems.length) throw new RuleViolation(problems);
  return parsePeriod(indicator.frequency, input.period)!;
}

const describeValue = (indicator: IndicatorRow, value: number) =>
  indicator.unit === 'percentage' ? `${value}%` : `${value} ${units[indicator.unit]}`;

export interface ImportPreviewRow extends IndicatorImportRow {
  title: string | null;
}

/** Every imported row checked against the partnership's indicators: problems carry the row's line. */
async function checkImport(trx: Trx, rows: IndicatorImportRow[]) {
  const indicators = new Map((await repository.list(trx)).map((row) => [row.code.toLowerCase(), row]));
  const problems: { line: number; message: string }[] = [];
  const seen = new Map<string, number>();
  const checkedRows = rows.map((row) => {
    const indicator = indicators.get(row.indicator.toLowerCase());
    if (!indicator) {
      problems.push({
        line: row.line,
        message: `indicator: The partnership does not track “${row.indicator}”: add it from the library or as a local indicator first`,
      });
      return { row, indicator: null, period: null };
    }
    const found = [
      ...(row.value !== null
        ? valueProblems(indicator, { period: row.period, value: row.value }, 'Value')
        : []),
      ...(row.target !== null
        ? valueProblems(indicator, { period: row.period, value: row.target }, 'Target')
        : []),
    ];
    for (const message of new Set(found.map((problem) => `${problem.path}: ${problem.message}`)))
      problems.push({ line: row.line, message: message.replace(/^value: Target/, 'target: Target') });
    const period = parsePeriod(indicator.frequency, row.period);
    if (period) {
      const key = row.comparator
        ? `${indicator.id}|${period.key}|comparator|${row.comparator}`
        : `${indicator.id}|${period.key}|${row.breakdownKind}|${row.breakdown.toLowerCase()}`;
      const earlier = seen.get(key);
      if (earlier)
        problems.push({
          line: row.line,
          message: row.comparator
            ? `The same indicator, period and comparator as row ${earlier}`
            : `The same indicator, period and breakdown as row ${earlier}`,
        });
      else seen.set(key, row.line);
    }
    return { row, indicator, period };
  });
  return { checkedRows, problems };
}

export function indicatorsService(db: Database<DB>, prioritiesMeasuring: PrioritiesMeasuring) {
  async function usageOf(trx: Trx, id: string): Promise<Usage> {
    const [figures, priorities] = await Promise.all([
      repository.figures(trx, id),
      prioritiesMeasuring(trx, id),
    ]);
    return { ...figures, priorities: priorities.map((row) => `${row.plan}: ${row.title}`) };
  }

  return {
    summariesWithin,

    library(caller: Caller, filter: LibraryFilter) {
      return inTenant(db, caller, 'partnership.read', async (trx) => {
        const [entries, tracked] = await Promise.all([repository.library(trx, filter), repository.list(trx)]);
        const trackedKeys = new Set(tracked.map((indicator) => indicator.libraryKey));
        return entries.map((entry) => ({ ...entry, tracked: trackedKeys.has(entry.key) }));
      });
    },

    list(caller: Caller): Promise<IndicatorSummary[]> {
      return inTenant(db, caller, 'partnership.read', (trx) => summariesWithin(trx));
    },

    /** An indicator with its targets, values, comparators and performance. */
    byCode(caller: Caller, code: string): Promise<IndicatorDetail | null> {
      return inTenant(db, caller, 'partnership.read', async (trx) => {
        const indicator = await repository.byCode(trx, code);
        if (!indicator) return null;
        const [targets, values, comparators] = await Promise.all([
          repository.targets(trx, [indicator.id]),
          repository.values(trx, [indicator.id]),
          repository.comparators(trx, [indicator.id]),
        ]);
        return {
          indicator,
          targets,
          values,
          comparators,
          performance: performanceOf(indicator.polarity, targets, values),
        };
      });
    },

    /** Starts tracking a library indicator: the partnership gets its own copy to set targets on. */
    track(caller: Caller, key: string): Promise<IndicatorRow> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const entry = await repository.libraryEntry(trx, key);
        if (!entry)
          throw new RuleViolation([{ path: 'key', message: 'Select an indicator from the library' }]);
        if (await repository.codeTaken(trx, entry.code))
          throw new RuleViolation([{ path: 'key', message: `${entry.code} is already tracked` }]);
        const id = await repository.insert(trx, partnershipId, { ...entry, libraryKey: entry.key });
        const indicator = (await repository.byId(trx, id))!;
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'create',
          entityType: 'indicator',
          entityId: id,
          summary: `Started tracking ${entry.code} ${entry.title}`,
          after: indicator,
        });
        return indicator;
      });
    },

    createLocal(caller: Caller, input: LocalIndicatorInput): Promise<IndicatorRow> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const library = await repository.libraryCodeTaken(trx, input.code);
        if (library)
          throw new RuleViolation([
            {
              path: 'code',
              message: `${library.key} is the library’s “${library.title}”: choose it from the library, or give the local indicator another code`,
            },
          ]);
        if (await repository.codeTaken(trx, input.code))
          throw new RuleViolation([
            {
              path: 'code',
              message: 'The partnership already has an indicator with this code: choose another',
            },
          ]);
        const id = await repository.insert(trx, partnershipId, {
          ...input,
          unitLabel: input.unitLabel ?? units[input.unit],
          outcome: input.outcome ?? null,
          libraryKey: null,
        });
        const indicator = (await repository.byId(trx, id))!;
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'create',
          entityType: 'indicator',
          entityId: id,
          summary: `Added the local indicator ${indicator.code} ${indicator.title}`,
          after: indicator,
        });
        return indicator;
      });
    },

    /** Changes a local indicator's description. A library indicator is the library's, and refused. */
    /** Changes a local indicator; `version` is the one the change was based on (ADR 0044). */
    updateLocal(
      caller: Caller,
      code: string,
      input: LocalIndicatorChanges,
      version?: string,
    ): Promise<IndicatorRow> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const { id } = await mustFindLocal(trx, code);
        await lockVersion(
          trx,
          { table: 'indicators', id, entityType: 'indicator', what: 'this indicator' },
          version,
        );
        const before = withoutVersion(await mustFindLocal(trx, code)); // the row as it is, locked
        const usage = await usageOf(trx, before.id);
        const figures = usage.targets + usage.values + usage.comparators;
        const problems = [];
        if (figures && input.frequency !== before.frequency)
          problems.push({
            path: 'frequency',
            message: `${before.code} already has figures by ${before.frequency}: delete them before changing how often it is measured`,
          });
        if (figures && input.unit !== before.unit)
          problems.push({
            path: 'unit',
            message: `${before.code} already has figures in ${before.unit === 'percentage' ? 'percentages' : `its unit (${before.unit})`}: delete them before changing its unit`,
          });
        if (problems.length) throw new RuleViolation(problems);
        await repository.update(trx, before.id, {
          ...input,
          unitLabel: input.unitLabel ?? units[input.unit],
          outcome: input.outcome ?? null,
        });
        const after = withoutVersion((await repository.byId(trx, before.id))!);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'update',
          entityType: 'indicator',
          entityId: before.id,
          summary: `Changed the local indicator ${after.code} ${after.title}`,
          before,
          after,
        });
        return after;
      });
    },

    /** What stops a local indicator being deleted: its figures, and the priorities it measures. */
    deletionProblems(caller: Caller, code: string): Promise<string[]> {
      return inTenant(db, caller, 'partnership.read', async (trx) =>
        deletionProblems(await usageOf(trx, (await mustFindLocal(trx, code)).id)),
      );
    },

    /** Deletes a local indicator that has no figures and measures no priority. */
    deleteLocal(caller: Caller, code: string): Promise<void> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const before = await mustFindLocal(trx, code);
        const problems = deletionProblems(await usageOf(trx, before.id));
        if (problems.length)
          throw new RuleViolation(problems.map((message) => ({ path: 'indicator', message })));
        await repository.delete(trx, before.id);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'delete',
          entityType: 'indicator',
          entityId: before.id,
          summary: `Deleted the local indicator ${before.code} ${before.title}`,
          before,
        });
      });
    },

    /** Sets a period's target and its tolerance (a target without a tolerance rule is refused). */
    setTarget(caller: Caller, code: string, input: TargetInput): Promise<void> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const indicator = await mustFind(trx, code);
        const period = checked(indicator, { period: input.period, value: input.target }, 'Target');
        const after = {
          indicatorId: indicator.id,
          period: period.key,
          periodStart: period.start,
          target: input.target,
          toleranceKind: input.toleranceKind,
          tolerance: input.tolerance,
          source: input.source ?? null,
        };
        const before = await repository.upsertTarget(trx, partnershipId, after);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: before ? 'update' : 'create',
          entityType: 'indicator target',
          entityId: indicator.id,
          summary: `${before ? 'Changed' : 'Set'} the ${period.key} target for ${indicator.code} to ${describeValue(indicator, input.target)}`,
          before,
          after,
        });
      });
    },

    recordValue(caller: Caller, code: string, input: ValueInput): Promise<void> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const indicator = await mustFind(trx, code);
        const period = checked(indicator, input, 'Value');
        const after = {
          indicatorId: indicator.id,
          period: period.key,
          periodStart: period.start,
          breakdownKind: input.breakdownKind,
          breakdown: input.breakdownKind === 'all' ? '' : input.breakdown!,
          value: input.value,
          illustrative: input.illustrative ?? false,
          note: input.note ?? null,
        };
        const before = await repository.upsertValue(trx, partnershipId, after);
        const which = after.breakdown ? ` (${after.breakdown})` : '';
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: before ? 'update' : 'create',
          entityType: 'indicator value',
          entityId: indicator.id,
          summary: `Recorded ${describeValue(indicator, input.value)} for ${indicator.code} in ${period.key}${which}`,
          before,
          after,
        });
      });
    },

    /** Checks a file's rows without writing anything: the preview. */
    previewImport(caller: Caller, rows: IndicatorImportRow[]) {
      return inTenant(db, caller, 'partnership.edit', async (trx) => {
        const { checkedRows, problems } = await checkImport(trx, rows);
        return {
          rows: checkedRows.map(({ row, indicator, period }) => ({
            ...row,
            indicator: indicator?.code ?? row.indicator,
            title: indicator?.title ?? null,
            period: period?.key ?? row.period,
          })),
          problems,
        };
      });
    },

    /** Writes every row of a file, or nothing if any row is wrong (checked again here). */
    importRows(caller: Caller, rows: IndicatorImportRow[], fileName: string): Promise<number> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const { checkedRows, problems } = await checkImport(trx, rows);
        if (problems.length)
          throw new RuleViolation(
            problems.map((problem) => ({ path: 'file', message: `Row ${problem.line}: ${problem.message}` })),
          );
        // comparators are few (one figure a period); values and targets are written many rows a
        // statement (a file can hold thousands), in the file's order
        const figures = checkedRows.filter(({ row }) => !row.comparator);
        for (const { row, indicator, period } of checkedRows)
          if (row.comparator)
            await repository.upsertComparator(trx, partnershipId, {
              indicatorId: indicator!.id,
              period: period!.key,
              periodStart: period!.start,
              comparator: row.comparator,
              value: row.value!,
            });
        await repository.writeValues(
          trx,
          partnershipId,
          figures
            .filter(({ row }) => row.value !== null)
            .map(({ row, indicator, period }) => ({
              indicatorId: indicator!.id,
              period: period!.key,
              periodStart: period!.start,
              breakdownKind: row.breakdownKind,
              breakdown: row.breakdown,
              value: row.value!,
              illustrative: row.illustrative,
              note: null,
            })),
        );
        await repository.writeTargets(
          trx,
          partnershipId,
          figures
            .filter(({ row }) => row.target !== null)
            .map(({ row, indicator, period }) => ({
              indicatorId: indicator!.id,
              period: period!.key,
              periodStart: period!.start,
              target: row.target!,
              toleranceKind: row.tolerance!.kind,
              tolerance: row.tolerance!.amount,
              source: null,
            })),
        );
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: 'import',
          entityType: 'indicator values',
          entityId: partnershipId,
          summary: `Imported ${rows.length} rows of indicator values, targets and comparators from ${fileName}`,
          after: rows,
        });
        return rows.length;
      });
    },

    recordComparator(caller: Caller, code: string, input: ComparatorInput): Promise<void> {
      return inTenant(db, caller, 'partnership.edit', async (trx, partnershipId) => {
        const indicator = await mustFind(trx, code);
        const period = checked(indicator, input, 'Value');
        const after = {
          indicatorId: indicator.id,
          period: period.key,
          periodStart: period.start,
          comparator: input.comparator,
          value: input.value,
        };
        const before = await repository.upsertComparator(trx, partnershipId, after);
        await recordChange(trx, caller.actor, {
          partnershipId,
          action: before ? 'update' : 'create',
          entityType: 'indicator comparator',
          entityId: indicator.id,
          summary: `Recorded the ${input.comparator} figure for ${indicator.code} in ${period.key}: ${describeValue(indicator, input.value)}`,
          before,
          after,
        });
      });
    },
  };
}

export type IndicatorsService = ReturnType<typeof indicatorsService>;
