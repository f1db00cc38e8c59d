// Who is signed in (GET /me), shared by every feature: the shell, "Mine" in the inbox, and
// which controls a role may use.
import { useQuery } from '@tanstack/react-query';
import type { Actor } from '../../src/core/shared/context.ts';
import { get } from './api-client.ts';

export const SESSION_KEY = ['me'] as const;

export function useMe() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: () => get<Actor>('/me'), staleTime: 60_000 });
}

/** The signed-in person's role, or null for a system actor or while loading. */
export function useRole() {
  const me = useMe().data;
  return me?.kind === 'user' ? me.role : null;
}

export const APPROVER_ROLES = new Set(['supervisor', 'manager', 'admin']);
