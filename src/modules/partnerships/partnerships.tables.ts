import type { ColumnType, Generated } from 'kysely';

export interface PartnershipsTable {
  id: Generated<string>;
  authority_gss_code: string;
  name: string;
  slug: string;
  established: string | null;
  status: Generated<string>;
  published: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface PartnershipsTables {
  partnerships: PartnershipsTable;
}
