// One case (GET /cases/:ref) and the actions on it. Every action refreshes the case and queue.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { getCase } from '../../../../src/core/cases/get-case.ts';
import { api, get, post } from '../../../lib/api-client.ts';
import type { ResultOf } from '../../../lib/types.ts';

export type CaseView = ResultOf<typeof getCase>;

export const caseKey = (reference: string) => ['case', reference] as const;

export function useCase(reference: string) {
  return useQuery({
    queryKey: caseKey(reference),
    queryFn: () => get<CaseView>(`/cases/${encodeURIComponent(reference)}`),
    refetchInterval: 30_000,
  });
}

/**
 * An action on the case: `path` is under /cases/:ref (e.g. "restatement/confirm") or, when it
 * starts with "/", an absolute API path (e.g. "/promises/:id/outcome").
 */
export function useCaseAction<TBody = unknown, TResult = unknown>(reference: string, path: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body?: TBody) =>
      path.startsWith('/')
        ? api<TResult>('POST', path, body ?? {})
        : post<TResult>(`/cases/${encodeURIComponent(reference)}/${path}`, body ?? {}),
    onSettled: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: caseKey(reference) }),
        client.invalidateQueries({ queryKey: ['cases'] }),
      ]);
    },
  });
}
