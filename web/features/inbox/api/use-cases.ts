// The queue: GET /cases with the shared filters, nearest deadline first.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ViewFilters } from '../../../../src/contracts/workspace.ts';
import type { listCases } from '../../../../src/core/cases/list-cases.ts';
import { get } from '../../../lib/api-client.ts';
import type { ResultOf } from '../../../lib/types.ts';

export type CaseFilters = ViewFilters;
export type CaseListItem = ResultOf<typeof listCases>['items'][number];

export const PAGE_SIZE = 100;
/** The API's own ceiling for one page (ListCasesQuery.limit). */
export const MAX_LIMIT = 500;

export function casesQueryString(filters: CaseFilters, limit: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, String(value));
  params.set('limit', String(limit));
  return params.toString();
}

export function useCases(filters: CaseFilters, limit: number) {
  return useQuery({
    queryKey: ['cases', filters, limit],
    queryFn: () => get<ResultOf<typeof listCases>>(`/cases?${casesQueryString(filters, limit)}`),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
}

/** The deadline that matters next (the server's reading: first response, resolution or promise). */
export function nextDeadline(c: CaseListItem): { label: string; dueAt: string | null } {
  const { deadline } = c;
  if (deadline.state === 'paused') return { label: 'paused', dueAt: null };
  return { label: deadline.kind?.replace(/_/g, ' ') ?? 'none', dueAt: deadline.dueAt };
}
