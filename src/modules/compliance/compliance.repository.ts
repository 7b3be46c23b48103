// What the evaluator needs to know, read in one transaction: the authority, and every seat of
// the partnership's bodies with its dates, office and organisation, and every membership of
// them with its dates (the service keeps those of the date, and of each meeting's date). The
// seats and memberships are the membership module's, read through its index.
import type { Trx } from '../../schema.ts';
import { memberSeatsWithin, seatHoldersWithin } from '../membership/index.ts';

export const complianceRepository = {
  async authority(trx: Trx, partnershipId: string): Promise<{ gssCode: string; type: string }> {
    return trx
      .selectFrom('partnerships as p')
      .innerJoin('authorities as a', 'a.gss_code', 'p.authority_gss_code')
      .select(['a.gss_code as gssCode', 'a.type'])
      .where('p.id', '=', partnershipId)
      .executeTakeFirstOrThrow();
  },

  seats: memberSeatsWithin,
  memberships: seatHoldersWithin,
};
