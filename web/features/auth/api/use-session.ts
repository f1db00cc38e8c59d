// Who is signed in (GET /me), sign-in and sign-out. The session lives in an httpOnly cookie.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SignInInput } from '../../../../src/contracts/users.ts';
import type { Actor } from '../../../../src/core/shared/context.ts';
import { get, post } from '../../../lib/api-client.ts';

export const SESSION_KEY = ['me'] as const;

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: () => get<Actor>('/me'), staleTime: 60_000 });
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof SignInInput>) => post('/auth/sign-in', input),
    onSuccess: () => client.invalidateQueries({ queryKey: SESSION_KEY }),
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => post('/auth/sign-out'),
    onSuccess: () => {
      client.clear();
      window.history.replaceState(null, '', '/');
      void client.invalidateQueries({ queryKey: SESSION_KEY });
    },
  });
}
