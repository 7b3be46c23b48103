import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string | null;
  platform_admin: Generated<boolean>;
  failed_sign_ins: Generated<number>;
  locked_until: Date | null;
  last_signed_in_at: Date | null;
  /** The OpenID Connect identity bound at the first sign-in through the provider. */
  oidc_issuer: string | null;
  oidc_subject: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

/** Failed sign-ins for addresses with no password account (by digest), locked like an account's. */
export interface SignInFailuresTable {
  address_digest: string;
  failures: Generated<number>;
  locked_until: Date | null;
  last_failed_at: Generated<Date>;
}

export interface ApiTokensTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: Generated<Date>;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface PartnershipMembersTable {
  partnership_id: string;
  user_id: string;
  role: string;
  created_at: Generated<Date>;
}

export interface InvitationsTable {
  id: Generated<string>;
  partnership_id: string;
  email: string;
  role: string;
  token_hash: string;
  invited_by: string | null;
  created_at: Generated<Date>;
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
}

export interface AccountsTables {
  users: UsersTable;
  api_tokens: ApiTokensTable;
  partnership_members: PartnershipMembersTable;
  invitations: InvitationsTable;
  sign_in_failures: SignInFailuresTable;
}
