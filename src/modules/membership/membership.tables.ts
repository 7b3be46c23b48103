import type { ColumnType, Generated } from 'kysely';
import type { SeatRule } from './membership.vocabulary.ts';

type Updated = ColumnType<Date, Date | string | undefined, Date | string>;

export interface OrganisationsTable {
  id: Generated<string>;
  partnership_id: string;
  name: string;
  sector: string;
  category: string | null;
  notes: string | null;
  /** Its last day, once it has ended. */
  ends_on: string | null;
  successor_id: string | null;
  created_at: Generated<Date>;
  updated_at: Updated;
}

export interface PeopleTable {
  id: Generated<string>;
  partnership_id: string;
  name: string;
  job_title: string | null;
  email: string | null;
  phone: string | null;
  young_person: Generated<boolean>;
  notes: string | null;
  /** Other names the person goes by in lists and minutes (0061). */
  other_names: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Generated<Date>;
  updated_at: Updated;
}

export interface SeatsTable {
  id: Generated<string>;
  partnership_id: string;
  body_id: string;
  position: number;
  label: string;
  role: Generated<string>;
  voting: Generated<boolean>;
  how_filled: Generated<string>;
  filled_by: string | null;
  organisation_id: string | null;
  category: string | null;
  capacity: Generated<number>;
  /** Unknown (null) until recorded. */
  independent: boolean | null;
  starts_on: string | null;
  ends_on: string | null;
  office: string | null;
  office_body_id: string | null;
  rule: ColumnType<SeatRule | null, string | null, string | null>;
  notes: string | null;
  /** Recommended rather than constituted ("a GP should become a member"; ADR 0037). */
  recommended: Generated<boolean>;
  /** Awaiting a nomination: from whom (an organisation or person), and by when. */
  nomination_by: string | null;
  nomination_due: string | null;
  /** The candidates named, as the minutes give them ("Edmunds or Thompson"). */
  candidates: string | null;
  created_at: Generated<Date>;
  updated_at: Updated;
}

/** A seat's places from a date (null: from the start) until the next row (ADR 0040). */
export interface SeatPlacesTable {
  id: Generated<string>;
  partnership_id: string;
  seat_id: string;
  holds_from: string | null;
  places: number;
  created_at: Generated<Date>;
}

export interface MembershipsTable {
  id: Generated<string>;
  partnership_id: string;
  seat_id: string;
  person_id: string;
  organisation_id: string | null;
  starts_on: string | null;
  ends_on: string | null;
  /** How much of the start and the end the source gives: 'day', 'month' or 'year' (0059). */
  starts_precision: Generated<string>;
  ends_precision: Generated<string>;
  notes: string | null;
  created_at: Generated<Date>;
  updated_at: Updated;
}

/** A membership's title or role from a date until the next row (0059). */
export interface MembershipTermsTable {
  id: Generated<string>;
  partnership_id: string;
  membership_id: string;
  holds_from: string;
  title: string | null;
  role: string | null;
  created_at: Generated<Date>;
}

/** The other organisations a joint post is held for (0059). */
export interface MembershipOrganisationsTable {
  partnership_id: string;
  membership_id: string;
  organisation_id: string;
}

export interface MembershipSubstitutesTable {
  id: Generated<string>;
  partnership_id: string;
  membership_id: string;
  person_id: string;
  /** A standing substitute's period (migration 0063): the first and last day it can mean. */
  starts_on: string | null;
  ends_on: string | null;
  starts_precision: Generated<string>;
  ends_precision: Generated<string>;
}

export interface InterestsTable {
  id: Generated<string>;
  partnership_id: string;
  person_id: string;
  description: string;
  declared_on: string;
  ends_on: string | null;
  created_at: Generated<Date>;
}

export interface MembershipTables {
  organisations: OrganisationsTable;
  people: PeopleTable;
  seats: SeatsTable;
  seat_places: SeatPlacesTable;
  memberships: MembershipsTable;
  membership_substitutes: MembershipSubstitutesTable;
  membership_terms: MembershipTermsTable;
  membership_organisations: MembershipOrganisationsTable;
  interests: InterestsTable;
}
