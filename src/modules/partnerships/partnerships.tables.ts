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

/** Moved on by triggers whenever a partnership's data changes (ADR 0021); read-only to the application. */
export interface PartnershipVersionsTable {
  partnership_id: string;
  /** bigint: the driver returns it as a string. */
  version: ColumnType<string, never, never>;
}

export interface PartnershipsTables {
  partnerships: PartnershipsTable;
  partnership_versions: PartnershipVersionsTable;
}
