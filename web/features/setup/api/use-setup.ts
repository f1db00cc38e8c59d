// First-run set-up: is it needed (GET /setup), and creating the first admin (POST /setup), then
// signing them straight in.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SetupInput } from '../../../../src/contracts/users.ts';
import type { setupStatus } from '../../../../src/core/users/first-admin.ts';
import { get, post } from '../../../lib/api-client.ts';
import type { ResultOf } from '../../../lib/types.ts';
import { SESSION_KEY } from '../../../lib/use-me.ts';

export function useSetupStatus() {
  return useQuery({
    queryKey: ['setup'],
    queryFn: () => get<ResultOf<typeof setupStatus>>('/setup'),
  });
}

export function useCompleteSetup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: z.input<typeof SetupInput>) => {
      await post('/setup', input);
      await post('/auth/sign-in', { email: input.email, password: input.password });
    },
    onSuccess: async () => {
      window.history.replaceState(null, '', '/');
      await client.invalidateQueries({ queryKey: ['setup'] });
      await client.invalidateQueries({ queryKey: SESSION_KEY });
    },
  });
}
