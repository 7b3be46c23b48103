import { sql } from 'kysely';
import type { Trx } from '../../schema.ts';

export interface AuthorityRow {
  gssCode: string;
  dfeCode: string | null;
  name: string;
  type: string;
  region: string;
  validFrom: string | null;
  validTo: string | null;
}

export interface NeighbourRow {
  rank: number;
  gssCode: string;
  name: string;
  closeness: string;
}

export interface TypePeriodRow {
  type: string;
  validFrom: string | null;
  validTo: string | null;
}

/** A council that took over from another, or that another took over from. */
export interface SuccessionRow {
  gssCode: string;
  name: string;
  /** The same council under a new code (it became unitary). */
  continuing: boolean;
}

export interface AuthoritySearch {
  /** Include authorities abolished since (such as Northamptonshire, 2021). */
  includeFormer?: boolean | undefined;
  q?: string | undefined;
  region?: string | undefined;
  type?: string | undefined;
}

const columns = [
  'gss_code as gssCode',
  'dfe_code as dfeCode',
  'name',
  'type',
  'region',
  'valid_from as validFrom',
  'valid_to as validTo',
] as const;

export const authoritiesRepository = {
  async search(trx: Trx, search: AuthoritySearch): Promise<AuthorityRow[]> {
    let query = trx.selectFrom('authorities').select(columns);
    if (!search.includeFormer) query = query.where('valid_to', 'is', null);
    if (search.q) {
      const pattern = `%${search.q.replace(/[%_\\]/g, '\\$&')}%`;
      query = query.where((eb) =>
        eb.or([
          eb('name', 'ilike', pattern),
          eb('gss_code', 'ilike', pattern),
          eb('dfe_code', '=', search.q!),
        ]),
      );
    }
    if (search.region) query = query.where('region', '=', search.region);
    if (search.type) query = query.where('type', '=', search.type);
    return query.orderBy('name').execute();
  },

  async byGssCode(trx: Trx, gssCode: string): Promise<AuthorityRow | undefined> {
    return trx.selectFrom('authorities').select(columns).where('gss_code', '=', gssCode).executeTakeFirst();
  },

  async neighbours(trx: Trx, gssCode: string): Promise<NeighbourRow[]> {
    return trx
      .selectFrom('authority_neighbours as n')
      .innerJoin('authorities as a', 'a.gss_code', 'n.neighbour_gss_code')
      .select(['n.rank', 'a.gss_code as gssCode', 'a.name', 'n.closeness'])
      .where('n.gss_code', '=', gssCode)
      .orderBy('n.rank')
      .execute();
  },

  async typePeriods(trx: Trx, gssCode: string): Promise<TypePeriodRow[]> {
    return trx
      .selectFrom('authority_types')
      .select(['type', 'valid_from as validFrom', 'valid_to as validTo'])
      .where('gss_code', '=', gssCode)
      .orderBy(sql`valid_from nulls first`)
      .execute();
  },

  /** The councils that took over from each of these (in order of name). */
  async successorsOf(trx: Trx, gssCodes: string[]): Promise<(SuccessionRow & { of: string })[]> {
    if (!gssCodes.length) return [];
    return trx
      .selectFrom('authority_successors as s')
      .innerJoin('authorities as a', 'a.gss_code', 's.successor_gss_code')
      .select(['s.gss_code as of', 'a.gss_code as gssCode', 'a.name', 's.continuing'])
      .where('s.gss_code', 'in', gssCodes)
      .orderBy('a.name')
      .execute();
  },

  /** The councils this one took over from (in order of name). */
  async predecessorsOf(trx: Trx, gssCode: string): Promise<(SuccessionRow & { validTo: string | null })[]> {
    return trx
      .selectFrom('authority_successors as s')
      .innerJoin('authorities as a', 'a.gss_code', 's.gss_code')
      .select(['a.gss_code as gssCode', 'a.name', 's.continuing', 'a.valid_to as validTo'])
      .where('s.successor_gss_code', '=', gssCode)
      .orderBy('a.name')
      .execute();
  },

  async regions(trx: Trx): Promise<string[]> {
    const rows = await trx.selectFrom('authorities').select('region').distinct().orderBy('region').execute();
    return rows.map((row) => row.region);
  },
};
