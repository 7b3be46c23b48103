// What other modules may read of the partnership's organisations inside a transaction they
// hold (the resources module names partners and checks they had not ended on a date).
import type { Trx } from '../../schema.ts';
import { organisationsRepository, type OrganisationRow } from './membership.repository.ts';

export const organisationsWithin = (trx: Trx): Promise<OrganisationRow[]> =>
  organisationsRepository.list(trx);
