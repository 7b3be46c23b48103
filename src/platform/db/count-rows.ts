// How many rows a query finds: repositories write the query (so each names its own tables, where
// the SQL boundary test reads them) and this counts, one way for all.
import type { SelectQueryBuilder } from 'kysely';

/** How many rows `query` (a `selectFrom(…).where(…)` with nothing selected) finds. */
export async function countRows<DB, TB extends keyof DB>(
  query: SelectQueryBuilder<DB, TB, object>,
): Promise<number> {
  // over any database's tables Kysely cannot narrow the row's type: it is the one column selected
  const row = (await query
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow()) as { count: string };
  return Number(row.count);
}
