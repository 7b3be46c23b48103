export interface AuthoritiesTable {
  gss_code: string;
  dfe_code: string | null;
  name: string;
  type: string;
  region: string;
  valid_from: string | null;
  valid_to: string | null;
  successor_gss_code: string | null;
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
}
