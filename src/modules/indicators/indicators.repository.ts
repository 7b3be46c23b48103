// All the indicator SQL: the library (reference), the partnership's indicators, and their
// targets, values and comparators by period.
import type { Trx } from '../../schema.ts';
import { versionColumn } from '../../platform/db/row-version.ts';
import type { LibraryIndicator } from './indicators.reference.ts';
import type {
  BreakdownKind,
  ComparatorKind,
  EcmOutcome,
  Frequency,
  LibrarySet,
  Polarity,
  ToleranceKind,
  Unit,
} from './indicators.vocabulary.ts';

export interface IndicatorValues {
  code: string;
  title: string;
  definition: string;
  unit: Unit;
  unitLabel: string;
  polarity: Polarity;
  frequency: Frequency;
  source: string;
  outcome: EcmOutcome | null;
}

export interface IndicatorRow extends IndicatorValues {
  id: string;
  libraryKey: string | null;
  /** The row's version, which an edit form carries (ADR 0044). */
  version?: string;
}

export interface TargetRow {
  id: string;
  indicatorId: string;
  period: string;
  periodStart: string;
  target: number;
  toleranceKind: ToleranceKind;
  tolerance: number;
  source: string | null;
}

export interface ValueRow {
  id: string;
  indicatorId: string;
  period: string;
  periodStart: string;
  breakdownKind: BreakdownKind;
  breakdown: string;
  value: number;
  illustrative: boolean;
  note: string | null;
}

export interface ComparatorRow {
  id: string;
  indicatorId: string;
  period: string;
  periodStart: string;
  comparator: ComparatorKind;
  value: number;
}

const indicatorColumns = [
  'id',
  'code',
  'title',
  'definition',
  'unit',
  'unit_label as unitLabel',
  'polarity',
  'frequency',
  'source',
  'outcome',
  'library_key as libraryKey',
  versionColumn(),
] as const;

const libraryColumns = [
  'key',
  'set',
  'code',
  'title',
  'definition',
  'unit',
  'unit_label as unitLabel',
  'polarity',
  'frequency',
  'source',
  'outcome',
  'topic',
] as const;

export interface LibraryFilter {
  set?: LibrarySet | undefined;
  outcome?: EcmOutcome | undefined;
  search?: string | undefined;
}

export const indicatorsRepository = {
  async library(trx: Trx, filter: LibraryFilter): Promise<LibraryIndicator[]> {
    let query = trx.selectFrom('indicator_library').select(libraryColumns);
    if (filter.set) query = query.where('set', '=', filter.set);
    if (filter.outcome) query = query.where('outcome', '=', filter.outcome);
    if (filter.search) {
      const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query = query.where((eb) =>
        eb.or([eb('title', 'ilike', pattern), eb('code', 'ilike', pattern), eb('topic', 'ilike', pattern)]),
      );
    }
    // "NI 19" before "NI 100": by set, then by the code's number where it has one.
    const rows = await query.orderBy('set', 'desc').orderBy('code').execute();
    const number = (code: string) => Number(/^NI (\d+)$/.exec(code)?.[1] ?? Number.NaN);
    return rows.sort((a, b) =>
      a.set === b.set && a.set === 'nis2008' ? number(a.code) - number(b.code) : 0,
    );
  },

  libraryEntry(trx: Trx, key: string): Promise<LibraryIndicator | undefined> {
    return trx
      .selectFrom('indicator_library')
      .select(libraryColumns)
      .where('key', '=', key)
      .executeTakeFirst();
  },

  libraryCodeTaken(trx: Trx, code: string): Promise<{ key: string; title: string } | undefined> {
    return trx
      .selectFrom('indicator_library')
      .select(['key', 'title'])
      .where((eb) => eb(eb.fn('lower', ['code']), '=', code.toLowerCase()))
      .executeTakeFirst();
  },

  async list(trx: Trx): Promise<IndicatorRow[]> {
    const rows = await trx.selectFrom('indicators').select(indicatorColumns).orderBy('code').execute();
    const number = (code: string) => Number(/^NI (\d+)$/.exec(code)?.[1] ?? Number.POSITIVE_INFINITY);
    return rows.sort((a, b) => number(a.code) - number(b.code) || a.code.localeCompare(b.code));
  },

  byCode(trx: Trx, code: string): Promise<IndicatorRow | undefined> {
    return trx.selectFrom('indicators').select(indicatorColumns).where('code', '=', code).executeTakeFirst();
  },

  byId(trx: Trx, id: string): Promise<IndicatorRow | undefined> {
    return trx.selectFrom('indicators').select(indicatorColumns).where('id', '=', id).executeTakeFirst();
  },

  async codeTaken(trx: Trx, code: string): Promise<boolean> {
    const found = await trx
      .selectFrom('indicators')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['code']), '=', code.toLowerCase()))
      .executeTakeFirst();
    return Boolean(found);
  },

  async insert(
    trx: Trx,
    partnershipId: string,
    values: IndicatorValues & { libraryKey: string | null },
  ): Promise<string> {
    const row = await trx
      .insertInto('indicators')
      .values({
        partnership_id: partnershipId,
        code: values.code,
        title: values.title,
        definition: values.definition,
        unit: values.unit,
        unit_label: values.unitLabel,
        polarity: values.polarity,
        frequency: values.frequency,
        source: values.source,
        outcome: values.outcome,
        library_key: values.libraryKey,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async update(trx: Trx, id: string, values: Omit<IndicatorValues, 'code'>): Promise<void> {
    await trx
      .updateTable('indicators')
      .set({
        title: values.title,
        definition: values.definition,
        unit: values.unit,
        unit_label: values.unitLabel,
        polarity: values.polarity,
        frequency: values.frequency,
        source: values.source,
        outcome: values.outcome,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
  },

  async delete(trx: Trx, id: string): Promise<void> {
    await trx.deleteFrom('indicators').where('id', '=', id).execute();
  },

  /**
   * The figures that hang off an indicator: how many targets, values and comparators it has
   * (the plan priorities it measures are the plans module's to read).
   */
  async figures(trx: Trx, id: string): Promise<{ targets: number; values: number; comparators: number }> {
    const count = async (table: 'indicator_targets' | 'indicator_values' | 'indicator_comparators') =>
      Number(
        (
          await trx
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('indicator_id', '=', id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const [targets, values, comparators] = await Promise.all([
      count('indicator_targets'),
      count('indicator_values'),
      count('indicator_comparators'),
    ]);
    return { targets, values, comparators };
  },

  targets(trx: Trx, indicatorIds: string[], period?: string): Promise<TargetRow[]> {
    if (indicatorIds.length === 0) return Promise.resolve([]);
    return trx
      .selectFrom('indicator_targets')
      .select([
        'id',
        'indicator_id as indicatorId',
        'period',
        'period_start as periodStart',
        'target',
        'tolerance_kind as toleranceKind',
        'tolerance',
        'source',
      ])
      .where('indicator_id', 'in', indicatorIds)
      .$if(period !== undefined, (query) => query.where('period', '=', period!))
      .orderBy('period_start')
      .execute();
  },

  values(
    trx: Trx,
    indicatorIds: string[],
    period?: string,
    breakdownKind?: BreakdownKind,
  ): Promise<ValueRow[]> {
    if (indicatorIds.length === 0) return Promise.resolve([]);
    return trx
      .selectFrom('indicator_values')
      .select([
        'id',
        'indicator_id as indicatorId',
        'period',
        'period_start as periodStart',
        'breakdown_kind as breakdownKind',
        'breakdown',
        'value',
        'illustrative',
        'note',
      ])
      .where('indicator_id', 'in', indicatorIds)
      .$if(period !== undefined, (query) => query.where('period', '=', period!))
      .$if(breakdownKind !== undefined, (query) => query.where('breakdown_kind', '=', breakdownKind!))
      .orderBy('period_start')
      .orderBy('breakdown_kind')
      .orderBy('breakdown')
      .execute();
  },

  comparators(trx: Trx, indicatorIds: string[], period?: string): Promise<ComparatorRow[]> {
    if (indicatorIds.length === 0) return Promise.resolve([]);
    return trx
      .selectFrom('indicator_comparators')
      .select([
        'id',
        'indicator_id as indicatorId',
        'period',
        'period_start as periodStart',
        'comparator',
        'value',
      ])
      .where('indicator_id', 'in', indicatorIds)
      .$if(period !== undefined, (query) => query.where('period', '=', period!))
      .orderBy('period_start')
      .orderBy('comparator')
      .execute();
  },

  /**
   * Records targets (replacing any for the same indicator and period), many rows a statement:
   * a file of thousands of rows is written in a few round trips. The last of two rows for the
   * same period wins, as if they were written one after another.
   */
  async writeTargets(trx: Trx, partnershipId: string, rows: Omit<TargetRow, 'id'>[]): Promise<void> {
    const last = lastOfEach(rows, (row) => `${row.indicatorId} ${row.period}`);
    for (const chunk of chunksOf(last))
      await trx
        .insertInto('indicator_targets')
        .values(
          chunk.map((row) => ({
            partnership_id: partnershipId,
            indicator_id: row.indicatorId,
            period: row.period,
            period_start: row.periodStart,
            target: row.target,
            tolerance_kind: row.toleranceKind,
            tolerance: row.tolerance,
            source: row.source,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['indicator_id', 'period']).doUpdateSet((eb) => ({
            target: eb.ref('excluded.target'),
            tolerance_kind: eb.ref('excluded.tolerance_kind'),
            tolerance: eb.ref('excluded.tolerance'),
            source: eb.ref('excluded.source'),
          })),
        )
        .execute();
  },

  /** Records values (replacing any for the same period and breakdown), many rows a statement. */
  async writeValues(trx: Trx, partnershipId: string, rows: Omit<ValueRow, 'id'>[]): Promise<void> {
    const last = lastOfEach(
      rows,
      (row) => `${row.indicatorId} ${row.period} ${row.breakdownKind} ${row.breakdown}`,
    );
    for (const chunk of chunksOf(last))
      await trx
        .insertInto('indicator_values')
        .values(
          chunk.map((row) => ({
            partnership_id: partnershipId,
            indicator_id: row.indicatorId,
            period: row.period,
            period_start: row.periodStart,
            breakdown_kind: row.breakdownKind,
            breakdown: row.breakdown,
            value: row.value,
            illustrative: row.illustrative,
            note: row.note,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['indicator_id', 'period', 'breakdown_kind', 'breakdown']).doUpdateSet((eb) => ({
            value: eb.ref('excluded.value'),
            illustrative: eb.ref('excluded.illustrative'),
            note: eb.ref('excluded.note'),
          })),
        )
        .execute();
  },

  /** Sets the target for a period (replacing any), returning the one it replaced. */
  async upsertTarget(
    trx: Trx,
    partnershipId: string,
    row: Omit<TargetRow, 'id'>,
  ): Promise<TargetRow | undefined> {
    const before = (await this.targets(trx, [row.indicatorId], row.period))[0];
    await this.writeTargets(trx, partnershipId, [row]);
    return before;
  },

  /** Records the value for a period and breakdown (replacing any), returning the one it replaced. */
  async upsertValue(
    trx: Trx,
    partnershipId: string,
    row: Omit<ValueRow, 'id'>,
  ): Promise<ValueRow | undefined> {
    const before = (await this.values(trx, [row.indicatorId])).find(
      (v) =>
        v.period === row.period && v.breakdownKind === row.breakdownKind && v.breakdown === row.breakdown,
    );
    await this.writeValues(trx, partnershipId, [row]);
    return before;
  },

  async upsertComparator(
    trx: Trx,
    partnershipId: string,
    row: Omit<ComparatorRow, 'id'>,
  ): Promise<ComparatorRow | undefined> {
    const before = (await this.comparators(trx, [row.indicatorId], row.period)).find(
      (c) => c.comparator === row.comparator,
    );
    await trx
      .insertInto('indicator_comparators')
      .values({
        partnership_id: partnershipId,
        indicator_id: row.indicatorId,
        period: row.period,
        period_start: row.periodStart,
        comparator: row.comparator,
        value: row.value,
      })
      .onConflict((oc) =>
        oc.columns(['indicator_id', 'period', 'comparator']).doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
        })),
      )
      .execute();
    return before;
  },
};

/** The last row for each key, in the order the keys first came. */
function lastOfEach<T>(rows: T[], keyOf: (row: T) => string): T[] {
  return [...new Map(rows.map((row) => [keyOf(row), row])).values()];
}

/** Rows a statement: well inside PostgreSQL's 65,535 parameters at nine columns a row. */
function chunksOf<T>(rows: T[], size = 1000): T[][] {
  const chunks: T[][] = [];
  for (let at = 0; at < rows.length; at += size) chunks.push(rows.slice(at, at + size));
  return chunks;
}
