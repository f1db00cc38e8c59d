// Who is signed in (GET /me), sign-in and sign-out. The session lives in an httpOnly cookie.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SignInInput } from '../../../../src/contracts/users.ts';
import { post } from '../../../lib/api-client.ts';
import { SESSION_KEY, useMe } from '../../../lib/use-me.ts';

export const useSession = useMe;

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
