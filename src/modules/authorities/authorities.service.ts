// The directory of local authorities: reference data every user (and the public) may read.
import type { Database } from '../../platform/db/database.ts';
import type { DB } from '../../schema.ts';
import { authoritiesRepository as repository, type AuthoritySearch } from './authorities.repository.ts';

export function authoritiesService(db: Database<DB>) {
  return {
    search: (search: AuthoritySearch) => db.read({}, (trx) => repository.search(trx, search)),
    regions: () => db.read({}, (trx) => repository.regions(trx)),
    async get(gssCode: string) {
      return db.read({}, async (trx) => {
        const authority = await repository.byGssCode(trx, gssCode);
        if (!authority) return null;
        return { ...authority, neighbours: await repository.neighbours(trx, gssCode) };
      });
    },
  };
}

export type AuthoritiesService = ReturnType<typeof authoritiesService>;
