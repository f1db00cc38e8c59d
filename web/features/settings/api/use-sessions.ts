// Your own account: where you are signed in (GET /me/sessions), ending sessions, and changing
// your password (POST /me/password).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, get, post } from '../../../lib/api-client.ts';

export interface OwnSession {
  id: string;
  device: string;
  ipAddress: string | null;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
  isCurrent: boolean;
}

const SESSIONS_KEY = ['me', 'sessions'] as const;

export function useOwnSessions() {
  return useQuery({ queryKey: SESSIONS_KEY, queryFn: () => get<OwnSession[]>('/me/sessions') });
}

export function useEndSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api('DELETE', `/me/sessions/${id}`),
    onSettled: () => client.invalidateQueries({ queryKey: SESSIONS_KEY }),
  });
}

export function useEndOtherSessions() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => post<{ ended: number }>('/me/sessions/end-others'),
    onSettled: () => client.invalidateQueries({ queryKey: SESSIONS_KEY }),
  });
}

export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) =>
      post<{ changed: boolean }>('/me/password', input),
    // Every other session ended with the old password.
    onSettled: () => client.invalidateQueries({ queryKey: SESSIONS_KEY }),
  });
}
