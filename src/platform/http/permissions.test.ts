import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { can, permissions, roles, type Permission } from './permissions.ts';

const expected: Record<Permission, string[]> = {
  'partnership.read': ['viewer', 'member', 'editor', 'admin'],
  'partnership.contribute': ['member', 'editor', 'admin'],
  'partnership.edit': ['editor', 'admin'],
  'partnership.settings': ['admin'],
  'users.manage': ['admin'],
  'audit.read': ['admin'],
};

describe('permissions', () => {
  for (const permission of Object.keys(permissions) as Permission[]) {
    it(`${permission} is for ${expected[permission].join(', ')}`, () => {
      const allowed = roles.filter((role) => can({ platformAdmin: false, role }, permission));
      assert.deepEqual(allowed, expected[permission]);
    });
  }

  it('gives a platform administrator everything, and someone without a role nothing', () => {
    for (const permission of Object.keys(permissions) as Permission[]) {
      assert.equal(can({ platformAdmin: true, role: null }, permission), true);
      assert.equal(can({ platformAdmin: false, role: null }, permission), false);
    }
  });
});
