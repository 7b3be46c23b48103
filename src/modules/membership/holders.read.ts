// What other modules may read of the seats, their holders and the people inside a transaction
// they hold: the bodies module checks a lead officer is one of the partnership's people;
// compliance evaluates a partnership's bodies against the rules (ADR 0026) from every seat and
// membership, with their dates, and keeps those of the dates it judges.
import type { Trx } from '../../schema.ts';
import {
  peopleRepository,
  seatHoldersRepository,
  type MembershipRecord,
  type SeatRecord,
} from './membership.repository.ts';

/** Every seat whose holders are members (not observers or note-takers), with its dates. */
export const memberSeatsWithin = (trx: Trx): Promise<SeatRecord[]> => seatHoldersRepository.seats(trx);

/** Every membership with its holder, the organisation it is held for and a joint post's others. */
export const seatHoldersWithin = (trx: Trx): Promise<MembershipRecord[]> =>
  seatHoldersRepository.memberships(trx);

/** Whether a person is one of the partnership's people. */
export const isPersonWithin = async (trx: Trx, personId: string): Promise<boolean> =>
  Boolean(await peopleRepository.byId(trx, personId));
