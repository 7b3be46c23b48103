// What the evaluator needs to know, read in one transaction: the authority's type, and every
// seat of the partnership's bodies with its holders on a date.
import { sql } from 'kysely';
import type { Trx } from '../../schema.ts';
import type { SnapshotSeat } from './evaluate.ts';

interface SeatRule {
  kind?: string;
  bodies?: string[];
  bodyKinds?: string[];
}

export const complianceRepository = {
  async authorityType(trx: Trx, partnershipId: string): Promise<string> {
    const row = await trx
      .selectFrom('partnerships as p')
      .innerJoin('authorities as a', 'a.gss_code', 'p.authority_gss_code')
      .select('a.type')
      .where('p.id', '=', partnershipId)
      .executeTakeFirstOrThrow();
    return row.type;
  },

  async seats(trx: Trx, date: string): Promise<SnapshotSeat[]> {
    const seats = await trx
      .selectFrom('seats as s')
      .leftJoin('organisations as o', 'o.id', 's.organisation_id')
      .select([
        's.id',
        's.body_id as bodyId',
        's.position',
        's.label',
        's.role',
        's.voting',
        (eb) => eb.fn.coalesce('s.category', 'o.category').as('category'),
        's.independent',
        's.rule',
      ])
      .orderBy('s.body_id')
      .orderBy('s.position')
      .execute();
    const holders = await trx
      .selectFrom('memberships as m')
      .innerJoin('people as p', 'p.id', 'm.person_id')
      .leftJoin('organisations as o', 'o.id', 'm.organisation_id')
      .select(['m.seat_id as seatId', 'p.name', 'p.young_person as youngPerson', 'o.category'])
      .where(
        sql<boolean>`(m.starts_on is null or m.starts_on <= ${date}) and (m.ends_on is null or m.ends_on >= ${date})`,
      )
      .execute();
    const bySeat = Map.groupBy(holders, (holder) => holder.seatId);
    return seats.map((seat) => {
      const rule = seat.rule as SeatRule | null;
      return {
        id: seat.id,
        bodyId: seat.bodyId,
        position: seat.position,
        label: seat.label,
        role: seat.role,
        voting: seat.voting,
        category: seat.category,
        independent: seat.independent,
        chairOf:
          rule?.kind === 'chairs-of' ? { kinds: rule.bodyKinds ?? [], slugs: rule.bodies ?? [] } : null,
        holders: (bySeat.get(seat.id) ?? []).map(({ name, youngPerson, category }) => ({
          name,
          youngPerson,
          category,
        })),
      };
    });
  },
};
