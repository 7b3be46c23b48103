// All the benchmarking SQL. Other partnerships' rows are read only in a transaction that has
// turned benchmarking on (`crossing`), and then only what the policies of migration 0040 let
// through: published library indicators and their whole-population, real values.
import { sql } from 'kysely';
import type { Trx } from '../../schema.ts';

export interface NeighbourPartnership {
  rank: number;
  authorityName: string;
  partnershipId: string;
  name: string;
}

export interface PublishedValue {
  partnershipId: string;
  period: string;
  periodStart: string;
  value: number;
}

export const benchmarkingRepository = {
  /**
   * Runs `work` with benchmarking turned on, and turns it off again whatever happens: a
   * request's reads may share one transaction (ADR 0008), and nothing read after the benchmark
   * may see other partnerships' rows.
   */
  async crossing<T>(trx: Trx, work: () => Promise<T>): Promise<T> {
    await sql`select set_config('app.benchmark', 'on', true)`.execute(trx);
    try {
      return await work();
    } finally {
      await sql`select set_config('app.benchmark', '', true)`.execute(trx);
    }
  },

  async publishedIds(trx: Trx, partnershipId: string): Promise<string[]> {
    const rows = await trx
      .selectFrom('indicator_publications')
      .select('indicator_id')
      .where('partnership_id', '=', partnershipId)
      .execute();
    return rows.map((row) => row.indicator_id);
  },

  async publish(trx: Trx, partnershipId: string, indicatorId: string): Promise<void> {
    await trx
      .insertInto('indicator_publications')
      .values({ partnership_id: partnershipId, indicator_id: indicatorId })
      .execute();
  },

  async withdraw(trx: Trx, partnershipId: string, indicatorId: string): Promise<void> {
    await trx
      .deleteFrom('indicator_publications')
      .where('partnership_id', '=', partnershipId)
      .where('indicator_id', '=', indicatorId)
      .execute();
  },

  async authorityOf(trx: Trx, partnershipId: string): Promise<{ name: string; gssCode: string }> {
    return trx
      .selectFrom('partnerships')
      .select(['name', 'authority_gss_code as gssCode'])
      .where('id', '=', partnershipId)
      .executeTakeFirstOrThrow();
  },

  /** Partnerships of the authority's statistical neighbours, in the neighbours' order. */
  async neighbours(trx: Trx, gssCode: string, partnershipId: string): Promise<NeighbourPartnership[]> {
    return trx
      .selectFrom('authority_neighbours as n')
      .innerJoin('authorities as a', 'a.gss_code', 'n.neighbour_gss_code')
      .innerJoin('partnerships as p', 'p.authority_gss_code', 'n.neighbour_gss_code')
      .select(['n.rank', 'a.name as authorityName', 'p.id as partnershipId', 'p.name'])
      .where('n.gss_code', '=', gssCode)
      .where('p.id', '<>', partnershipId)
      .orderBy('n.rank')
      .orderBy('p.name')
      .execute();
  },

  /** How many of the given partnerships publish each library indicator. */
  async publishers(trx: Trx, partnershipIds: string[]): Promise<Map<string, number>> {
    if (!partnershipIds.length) return new Map();
    const rows = await trx
      .selectFrom('indicator_publications as p')
      .innerJoin('indicators as i', 'i.id', 'p.indicator_id')
      .select(['i.library_key as key', (eb) => eb.fn.countAll<string>().as('count')])
      .where('p.partnership_id', 'in', partnershipIds)
      .where('i.library_key', 'is not', null)
      .groupBy('i.library_key')
      .execute();
    return new Map(rows.map((row) => [row.key!, Number(row.count)]));
  },

  /** Published overall values of one library indicator, of the same frequency and unit, by partnership. */
  async publishedValues(
    trx: Trx,
    partnershipIds: string[],
    indicator: { libraryKey: string; frequency: string; unit: string },
  ): Promise<PublishedValue[]> {
    if (!partnershipIds.length) return [];
    return trx
      .selectFrom('indicator_values as v')
      .innerJoin('indicators as i', 'i.id', 'v.indicator_id')
      .innerJoin('indicator_publications as p', 'p.indicator_id', 'i.id')
      .select(['i.partnership_id as partnershipId', 'v.period', 'v.period_start as periodStart', 'v.value'])
      .where('i.partnership_id', 'in', partnershipIds)
      .where('i.library_key', '=', indicator.libraryKey)
      .where('i.frequency', '=', indicator.frequency as never)
      .where('i.unit', '=', indicator.unit as never)
      .where('v.breakdown_kind', '=', 'all')
      .where('v.illustrative', '=', false)
      .orderBy('v.period_start')
      .execute();
  },
};
