import type { Generated } from 'kysely';

/** An election at a meeting to a seat, by acclamation or by votes, and its result (ADR 0037). */
export interface ElectionsTable {
  id: Generated<string>;
  partnership_id: string;
  meeting_id: string;
  seat_id: string;
  /** The office as the minutes name it ("Vice-chair"). */
  office: string;
  by_acclamation: Generated<boolean>;
  /** Who was elected (null: nobody was). */
  elected_person_id: string | null;
  /** The membership the result made, from the meeting's date. */
  membership_id: string | null;
  notes: string | null;
  created_at: Generated<Date>;
}

export interface ElectionNomineesTable {
  id: Generated<string>;
  partnership_id: string;
  election_id: string;
  position: number;
  person_id: string;
  proposed_by: string | null;
  seconded_by: string | null;
  votes: number | null;
}

export interface ElectionsTables {
  elections: ElectionsTable;
  election_nominees: ElectionNomineesTable;
}
