// What the evaluator needs to know, read in one transaction: the authority, and every seat of
// the partnership's bodies with its dates, office and organisation, and every membership of
// them with its dates (the service keeps those of the date, and of each meeting's date).
import type { Trx } from '../../schema.ts';

interface SeatRule {
  kind?: string;
  bodies?: string[];
  bodyKinds?: string[];
}

export interface SeatRecord {
  id: string;
  bodyId: string;
  position: number;
  label: string;
  role: string;
  voting: boolean;
  /** The seat's own category, else its organisation's. */
  category: string | null;
  independent: boolean | null;
  startsOn: string | null;
  endsOn: string | null;
  office: string | null;
  officeBodySlug: string | null;
  organisationId: string | null;
  organisationName: string | null;
  /** The organisation's last day, and who succeeded it. */
  organisationEndsOn: string | null;
  successorName: string | null;
  chairOf: { kinds: string[]; slugs: string[] } | null;
  /** Recommended rather than constituted: never counts towards a rule (ADR 0037). */
  recommended: boolean;
}

export interface MembershipRecord {
  id: string;
  seatId: string;
  personId: string;
  name: string;
  youngPerson: boolean;
  /** The category of the organisation the member sits for, where the membership names one. */
  category: string | null;
  organisationId: string | null;
  organisationEndsOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  /** A joint post's other organisations (issue 15), each with its category and last day. */
  joint: { category: string | null; endsOn: string | null }[];
}

export const complianceRepository = {
  async authority(trx: Trx, partnershipId: string): Promise<{ gssCode: string; type: string }> {
    return trx
      .selectFrom('partnerships as p')
      .innerJoin('authorities as a', 'a.gss_code', 'p.authority_gss_code')
      .select(['a.gss_code as gssCode', 'a.type'])
      .where('p.id', '=', partnershipId)
      .executeTakeFirstOrThrow();
  },

  async seats(trx: Trx): Promise<SeatRecord[]> {
    const rows = await trx
      .selectFrom('seats as s')
      .leftJoin('organisations as o', 'o.id', 's.organisation_id')
      .leftJoin('bodies as ob', 'ob.id', 's.office_body_id')
      .leftJoin('organisations as successor', 'successor.id', 'o.successor_id')
      .select([
        's.id',
        's.body_id as bodyId',
        's.position',
        's.label',
        's.role',
        's.voting',
        (eb) => eb.fn.coalesce('s.category', 'o.category').as('category'),
        's.independent',
        's.starts_on as startsOn',
        's.ends_on as endsOn',
        's.office',
        'ob.slug as officeBodySlug',
        's.organisation_id as organisationId',
        'o.name as organisationName',
        'o.ends_on as organisationEndsOn',
        'successor.name as successorName',
        's.rule',
        's.recommended',
      ])
      // observers and note-takers are not members: they meet no rule (ADR 0041)
      .where('s.role', 'not in', ['observer', 'note-taker'])
      .orderBy('s.body_id')
      .orderBy('s.position')
      .execute();
    return rows.map(({ rule: stored, ...seat }) => {
      const rule = stored as SeatRule | null;
      const chairOf =
        rule?.kind === 'chairs-of'
          ? { kinds: rule.bodyKinds ?? [], slugs: rule.bodies ?? [] }
          : seat.office === 'chair' && seat.officeBodySlug
            ? { kinds: [], slugs: [seat.officeBodySlug] }
            : null;
      return { ...seat, chairOf };
    });
  },

  async memberships(trx: Trx): Promise<MembershipRecord[]> {
    const [rows, joint] = await Promise.all([
      complianceRepository.membershipRows(trx),
      trx
        .selectFrom('membership_organisations as mo')
        .innerJoin('organisations as o', 'o.id', 'mo.organisation_id')
        .select(['mo.membership_id as membershipId', 'o.category', 'o.ends_on as endsOn'])
        .execute(),
    ]);
    const jointOf = Map.groupBy(joint, (row) => row.membershipId);
    return rows.map((row) => ({
      ...row,
      joint: (jointOf.get(row.id) ?? []).map(({ category, endsOn }) => ({ category, endsOn })),
    }));
  },

  membershipRows(trx: Trx) {
    return trx
      .selectFrom('memberships as m')
      .innerJoin('people as p', 'p.id', 'm.person_id')
      .leftJoin('organisations as o', 'o.id', 'm.organisation_id')
      .select([
        'm.id',
        'm.seat_id as seatId',
        'p.id as personId',
        'p.name',
        'p.young_person as youngPerson',
        'o.category',
        'm.organisation_id as organisationId',
        'o.ends_on as organisationEndsOn',
        'm.starts_on as startsOn',
        'm.ends_on as endsOn',
      ])
      .orderBy('m.starts_on')
      .execute();
  },

  async attendanceThresholds(trx: Trx): Promise<Map<string, number>> {
    const rows = await trx.selectFrom('bodies').select(['id', 'attendance_threshold as threshold']).execute();
    return new Map(rows.map((row) => [row.id, row.threshold]));
  },
};
