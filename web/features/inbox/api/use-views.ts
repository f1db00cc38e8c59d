// Saved inbox views: the built-in three and each person's own (GET/POST/DELETE /views).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SavedViewInput, ViewFilters } from '../../../../src/contracts/workspace.ts';
import type { listViews } from '../../../../src/core/views/list-views.ts';
import { api, get, post } from '../../../lib/api-client.ts';
import type { ResultOf } from '../../../lib/types.ts';

export type SavedView = ResultOf<typeof listViews>[number];

export interface BuiltInView {
  key: string;
  name: string;
  filters: (myId: string | null) => ViewFilters;
}

export const BUILT_IN_VIEWS: BuiltInView[] = [
  { key: 'all', name: 'All open', filters: () => ({ status: 'open' }) },
  {
    key: 'mine',
    name: 'Mine',
    filters: (myId) => ({ status: 'open', ...(myId ? { ownerId: myId } : {}) }),
  },
  { key: 'today', name: 'Breaching today', filters: () => ({ status: 'open', deadline: 'today' }) },
  {
    key: 'approval',
    name: 'Awaiting approval',
    filters: () => ({ status: 'open', approval: 'pending' }),
  },
];

const VIEWS_KEY = ['views'] as const;

export function useViews() {
  return useQuery({ queryKey: VIEWS_KEY, queryFn: () => get<SavedView[]>('/views') });
}

export function useSaveView() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof SavedViewInput>) => post<SavedView>('/views', input),
    onSettled: () => client.invalidateQueries({ queryKey: VIEWS_KEY }),
  });
}

export function useDeleteView() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api('DELETE', `/views/${id}`),
    onSettled: () => client.invalidateQueries({ queryKey: VIEWS_KEY }),
  });
}

/** Two filter sets are the same view when they set the same values. */
export function sameFilters(a: ViewFilters, b: ViewFilters): boolean {
  const norm = (f: ViewFilters) =>
    JSON.stringify(
      Object.entries(f)
        .filter(([, v]) => v !== undefined && v !== '')
        .sort(([x], [y]) => x.localeCompare(y)),
    );
  return norm(a) === norm(b);
}
