// The whole database as Kysely sees it: each module declares its own tables.
import type { Transaction as KyselyTransaction } from 'kysely';
import type { AuditTables } from './platform/audit/audit.tables.ts';
import type { AccountsTables } from './modules/accounts/index.ts';
import type { AuthoritiesTables } from './modules/authorities/index.ts';
import type { PartnershipsTables } from './modules/partnerships/index.ts';
import type { BodiesTables } from './modules/bodies/index.ts';
import type { MembershipTables } from './modules/membership/index.ts';

export type DB = AuditTables &
  AccountsTables &
  AuthoritiesTables &
  PartnershipsTables &
  BodiesTables &
  MembershipTables;
export type Trx = KyselyTransaction<DB>;
