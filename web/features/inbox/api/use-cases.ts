// The queue: GET /cases with the shared ListCasesQuery filters, nearest deadline first.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ListCasesQuery } from '../../../../src/contracts/cases.ts';
import type { listCases } from '../../../../src/core/cases/list-cases.ts';
import { get } from '../../../lib/api-client.ts';
import type { ResultOf } from '../../../lib/types.ts';

export type CaseFilters = Pick<
  z.input<typeof ListCasesQuery>,
  'status' | 'channel' | 'ownerId' | 'q' | 'category' | 'receivedFrom' | 'receivedTo' | 'outcome'
>;

const FROM_URL = [
  'status',
  'channel',
  'ownerId',
  'category',
  'receivedFrom',
  'receivedTo',
  'outcome',
] as const;

/** Filters named in the address (a dashboard drill-down links here); `status=all` means any. */
export function filtersFromUrl(search: string): CaseFilters {
  const params = new URLSearchParams(search);
  if (![...params.keys()].some((k) => (FROM_URL as readonly string[]).includes(k)))
    return { status: 'open' };
  const filters: Record<string, string> = {};
  for (const key of FROM_URL) {
    const value = params.get(key);
    if (value && !(key === 'status' && value === 'all')) filters[key] = value;
  }
  return filters as CaseFilters;
}
export type CaseListItem = ResultOf<typeof listCases>['items'][number];

export const PAGE_SIZE = 100;
/** The API's own ceiling for one page (ListCasesQuery.limit). */
export const MAX_LIMIT = 500;

export function useCases(filters: CaseFilters, limit: number) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  params.set('limit', String(limit));
  return useQuery({
    queryKey: ['cases', filters, limit],
    queryFn: () => get<ResultOf<typeof listCases>>(`/cases?${params.toString()}`),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
}

/** The deadline that matters next: first response until answered, then resolution. */
export function nextDeadline(c: CaseListItem): { label: string; dueAt: string | null } {
  if (c.status === 'closed') return { label: 'closed', dueAt: null };
  if (!c.firstResponseAt) return { label: 'first response', dueAt: c.firstResponseDueAt };
  return { label: 'resolution', dueAt: c.resolutionDueAt };
}
