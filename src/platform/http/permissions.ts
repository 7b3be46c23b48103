// Roles a user holds in a partnership, and what each may do. A platform administrator may do
// everything everywhere.
export const roles = ['viewer', 'member', 'editor', 'admin'] as const;
export type Role = (typeof roles)[number];

export const roleDescriptions: Record<Role, string> = {
  viewer: 'Viewer: can read everything in the partnership',
  member: 'Member: a viewer who also sends apologies and updates what they own',
  editor: 'Editor: can change the partnership’s records',
  admin: 'Administrator: an editor who also manages users, settings and the audit trail',
};

export const permissions = {
  'partnership.read': 'viewer',
  'partnership.contribute': 'member',
  'partnership.edit': 'editor',
  'partnership.settings': 'admin',
  'users.manage': 'admin',
  'audit.read': 'admin',
} as const satisfies Record<string, Role>;
export type Permission = keyof typeof permissions;

export interface Principal {
  platformAdmin: boolean;
  /** The user's role in the partnership in question, if any. */
  role: Role | null;
}

export function can(principal: Principal, permission: Permission): boolean {
  if (principal.platformAdmin) return true;
  if (!principal.role) return false;
  return roles.indexOf(principal.role) >= roles.indexOf(permissions[permission]);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}
