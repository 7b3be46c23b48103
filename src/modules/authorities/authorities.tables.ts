export interface AuthoritiesTable {
  gss_code: string;
  dfe_code: string | null;
  name: string;
  type: string;
  region: string;
  valid_from: string | null;
  valid_to: string | null;
  /** The first successor only (migration 0007); authority_successors holds them all. */
  successor_gss_code: string | null;
}

/** A council's type over its life, period by period (migration 0047). */
export interface AuthorityTypesTable {
  gss_code: string;
  type: string;
  valid_from: string | null;
  valid_to: string | null;
}

/** The councils that took over from an abolished or reorganised one (migration 0047). */
export interface AuthoritySuccessorsTable {
  gss_code: string;
  successor_gss_code: string;
  /** The successor is the same council under a new code (it became unitary). */
  continuing: boolean;
}

export interface AuthorityNeighboursTable {
  gss_code: string;
  rank: number;
  neighbour_gss_code: string;
  closeness: string;
}

export interface AuthoritiesTables {
  authorities: AuthoritiesTable;
  authority_neighbours: AuthorityNeighboursTable;
  authority_types: AuthorityTypesTable;
  authority_successors: AuthoritySuccessorsTable;
}
