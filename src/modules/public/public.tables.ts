import type { ColumnType, Generated } from 'kysely';

/** The sections of a published partnership made public (no row: the defaults; migration 0052). */
export interface PublicSitesTable {
  partnership_id: string;
  sections: string[];
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** A user's secret calendar address, kept as a SHA-256 digest only (like an API token). */
export interface CalendarFeedsTable {
  id: Generated<string>;
  user_id: string;
  token_hash: string;
  created_at: Generated<Date>;
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface PublicTables {
  public_sites: PublicSitesTable;
  calendar_feeds: CalendarFeedsTable;
}
