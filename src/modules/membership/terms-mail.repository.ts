// SQL for the terms-of-office reminders of issue 18: memberships ending in a window (the
// partnership's administrators, who are told, are the accounts module's to read).
import type { Trx } from '../../schema.ts';

export interface EndingTerm {
  membershipId: string;
  endsOn: string;
  personName: string;
  youngPerson: boolean;
  seatLabel: string;
  bodyName: string;
  bodySlug: string;
}

export const termsMailRepository = {
  /** Memberships whose last day falls between the two dates. */
  ending: (trx: Trx, from: string, to: string): Promise<EndingTerm[]> =>
    trx
      .selectFrom('memberships as m')
      .innerJoin('seats as s', 's.id', 'm.seat_id')
      .innerJoin('bodies as b', 'b.id', 's.body_id')
      .innerJoin('people as p', 'p.id', 'm.person_id')
      .select([
        'm.id as membershipId',
        'm.ends_on as endsOn',
        'p.name as personName',
        'p.young_person as youngPerson',
        's.label as seatLabel',
        'b.name as bodyName',
        'b.slug as bodySlug',
      ])
      .where('m.ends_on', '>=', from)
      .where('m.ends_on', '<=', to)
      .orderBy('m.ends_on')
      .execute() as Promise<EndingTerm[]>,
};
