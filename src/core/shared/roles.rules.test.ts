import { describe, expect, test } from 'vitest';
import {
  PERMISSIONS,
  ROLES,
  roleCan,
  scopeAllows,
  type Permission,
  type Role,
} from './roles.rules.ts';

const EXPECTED: Record<Role, Permission[]> = {
  agent: ['case.read', 'case.write'],
  spokesperson: ['case.read', 'case.write', 'incidents.manage', 'statements.publish'],
  supervisor: [
    'case.read',
    'case.write',
    'case.transfer_any',
    'restitution.approve',
    'problems.manage',
    'incidents.manage',
    'metrics.read',
  ],
  manager: [
    'case.read',
    'case.write',
    'case.transfer_any',
    'restitution.approve',
    'problems.manage',
    'incidents.manage',
    'metrics.read',
    'personal_data.manage',
  ],
  admin: [...PERMISSIONS],
};

describe('role × permission matrix', () => {
  const cells = ROLES.flatMap((role) => PERMISSIONS.map((p) => [role, p] as const));
  test.each(cells)('%s may %s?', (role, permission) => {
    expect(roleCan(role, permission)).toBe(EXPECTED[role].includes(permission));
  });
});

describe('token scopes narrow permissions', () => {
  test.each([
    [['cases:read'], 'case.read', true],
    [['cases:read'], 'case.write', false],
    [['cases:write'], 'case.read', true],
    [['cases:write'], 'restitution.approve', true],
    [['cases:write'], 'problems.manage', true],
    [['cases:read'], 'problems.manage', false],
    [['cases:write'], 'statements.publish', true],
    [['cases:read'], 'incidents.manage', false],
    [['cases:write'], 'settings.write', false],
    [['admin'], 'users.manage', true],
    [['admin'], 'case.read', false],
    [['cases:read'], 'personal_data.manage', false],
    [['cases:write'], 'personal_data.manage', true],
  ] as const)('%j allows %s: %s', (scopes, permission, expected) => {
    expect(scopeAllows([...scopes], permission)).toBe(expected);
  });
});
