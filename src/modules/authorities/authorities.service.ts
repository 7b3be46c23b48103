// The directory of local authorities: reference data every user (and the public) may read.
// Councils over time: a council's type on a date, its life, its successors and predecessors.
import type { Database } from '../../platform/db/database.ts';
import type { DB, Trx } from '../../schema.ts';
import { lifeOf, typeOn, yearsOf, type Life } from './authorities.history.ts';
import {
  authoritiesRepository as repository,
  type AuthorityRow,
  type AuthoritySearch,
  type SuccessionRow,
} from './authorities.repository.ts';

export interface AuthorityListItem extends AuthorityRow {
  /** Those that took over from a former council (empty for a current one). */
  successors: SuccessionRow[];
}

/** An authority to choose in a form: former councils are labelled with their years. */
export interface AuthorityChoice {
  gssCode: string;
  label: string;
}

/**
 * The council's type on a date ('YYYY-MM-DD'): for a date before it existed or after it ended,
 * its type at the nearest end of its life. Throws for an unknown GSS code.
 */
export async function authorityTypeOn(trx: Trx, gssCode: string, date: string): Promise<string> {
  const type = typeOn(await repository.typePeriods(trx, gssCode), date);
  if (type) return type;
  const authority = await repository.byGssCode(trx, gssCode);
  if (!authority) throw new Error(`There is no authority with GSS code ${gssCode}`);
  return authority.type;
}

/** The council's name and the first and last day of its life (null: open), or undefined if unknown. */
export async function authorityLife(
  trx: Trx,
  gssCode: string,
): Promise<(Life & { name: string }) | undefined> {
  const authority = await repository.byGssCode(trx, gssCode);
  if (!authority) return undefined;
  const periods = await repository.typePeriods(trx, gssCode);
  const life = periods.length ? lifeOf(periods) : authority;
  return { name: authority.name, validFrom: life.validFrom, validTo: life.validTo };
}

export function authoritiesService(db: Database<DB>) {
  return {
    search: (search: AuthoritySearch) =>
      db.read({}, async (trx): Promise<AuthorityListItem[]> => {
        const rows = await repository.search(trx, search);
        const former = rows.filter((row) => row.validTo).map((row) => row.gssCode);
        const successions = await repository.successorsOf(trx, former);
        return rows.map((row) => ({
          ...row,
          successors: successions
            .filter((s) => s.of === row.gssCode)
            .map(({ gssCode, name, continuing }) => ({ gssCode, name, continuing })),
        }));
      }),

    /** Every authority a partnership can be for, current and former, in order of label. */
    choices: () =>
      db.read({}, async (trx): Promise<AuthorityChoice[]> => {
        const rows = await repository.search(trx, { includeFormer: true });
        return rows
          .map((row) => ({
            gssCode: row.gssCode,
            label: row.validTo ? `${row.name} (${yearsOf(row)})` : row.name,
          }))
          .sort((a, b) => a.label.localeCompare(b.label, 'en'));
      }),

    regions: () => db.read({}, (trx) => repository.regions(trx)),

    async get(gssCode: string) {
      return db.read({}, async (trx) => {
        const authority = await repository.byGssCode(trx, gssCode);
        if (!authority) return null;
        const successors = await repository.successorsOf(trx, [gssCode]);
        return {
          ...authority,
          neighbours: await repository.neighbours(trx, gssCode),
          types: await repository.typePeriods(trx, gssCode),
          successors: successors.map(({ gssCode, name, continuing }) => ({ gssCode, name, continuing })),
          predecessors: await repository.predecessorsOf(trx, gssCode),
        };
      });
    },
  };
}

export type AuthoritiesService = ReturnType<typeof authoritiesService>;
