// Who may do what. Checked inside core actions, so the API, the CLI and jobs all obey it.
export const ROLES = ['agent', 'supervisor', 'spokesperson', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'case.read',
  'case.write',
  'case.transfer_any',
  'restitution.approve',
  'problems.manage',
  'incidents.manage',
  'statements.publish',
  'metrics.read',
  'settings.write',
  'users.manage',
  'personal_data.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  agent: ['case.read', 'case.write'],
  // The public voice (R14, R23): runs incidents and alone (with admins) publishes statements.
  spokesperson: ['case.read', 'case.write', 'incidents.manage', 'statements.publish'],
  // Problems are owned by those who can change the process: supervisors see the pattern first.
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

export function roleCan(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/** API tokens carry scopes; a scope narrows what the token's user may do, never widens it. */
export const TOKEN_SCOPES = ['cases:read', 'cases:write', 'admin'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

const SCOPE_FOR: Record<Permission, TokenScope> = {
  'case.read': 'cases:read',
  'case.write': 'cases:write',
  'case.transfer_any': 'cases:write',
  'restitution.approve': 'cases:write',
  'problems.manage': 'cases:write',
  'incidents.manage': 'cases:write',
  'statements.publish': 'cases:write',
  // Trends and the audit trail only read, so a read-only token is enough.
  'metrics.read': 'cases:read',
  'settings.write': 'admin',
  'users.manage': 'admin',
  // Exports and erasures are writes in weight: a read-only token may not pull a whole person.
  'personal_data.manage': 'cases:write',
};

export function scopeAllows(scopes: readonly TokenScope[], permission: Permission): boolean {
  const needed = SCOPE_FOR[permission];
  return scopes.includes(needed) || (needed === 'cases:read' && scopes.includes('cases:write'));
}
