// The queue: GET /cases with the shared filters, nearest deadline first.
import { keepPreviousData, useQuery, type QueryClient } from '@tanstack/react-query';
import type { ViewFilters } from '../../../../src/contracts/workspace.ts';
import type { listCases } from '../../../../src/core/cases/list-cases.ts';
import { get } from '../../../lib/api-client.ts';
import type { ResultOf } from '../../../lib/types.ts';

export type CaseFilters = ViewFilters;

const FROM_URL = [
  'status',
  'channel',
  'ownerId',
  'category',
  'complainerType',
  'deadline',
  'feeling',
  'receivedFrom',
  'receivedTo',
  'outcome',
] as const;

/** Filters named in the address (a dashboard drill-down links here); `status=all` means any. */
export function filtersFromUrl(search: string): CaseFilters | null {
  const params = new URLSearchParams(search);
  if (![...params.keys()].some((k) => (FROM_URL as readonly string[]).includes(k))) return null;
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

export function casesQueryString(filters: CaseFilters, limit: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, String(value));
  params.set('limit', String(limit));
  return params.toString();
}

const casesQuery = (filters: CaseFilters, limit: number) => ({
  queryKey: ['cases', filters, limit],
  queryFn: () => get<ResultOf<typeof listCases>>(`/cases?${casesQueryString(filters, limit)}`),
});

const STORE = 'redress:inbox';

/** The inbox's filters and search as the person left them in this browser tab. */
export function rememberedInbox(): { filters: CaseFilters; search: string } {
  const fromUrl = filtersFromUrl(window.location.search);
  if (fromUrl) return { filters: fromUrl, search: '' };
  try {
    const raw = window.sessionStorage.getItem(STORE);
    if (raw) return JSON.parse(raw) as { filters: CaseFilters; search: string };
  } catch {
    // A damaged entry falls back to the default view.
  }
  return { filters: { status: 'open' }, search: '' };
}

export function rememberInbox(state: { filters: CaseFilters; search: string }): void {
  window.sessionStorage.setItem(STORE, JSON.stringify(state));
}

/** The filters the queue is asked for (blank category and search left out). */
export function queryFilters(filters: CaseFilters, search: string): CaseFilters {
  return {
    ...filters,
    category: filters.category?.trim() || undefined,
    q: search.trim() || undefined,
  };
}

/**
 * Starts loading the queue while the session is still being checked, so opening the app costs
 * one round trip instead of two.
 */
export function prefetchInbox(client: QueryClient): void {
  const { filters, search } = rememberedInbox();
  void client.prefetchQuery(casesQuery(queryFilters(filters, search), PAGE_SIZE));
}

export function useCases(filters: CaseFilters, limit: number) {
  return useQuery({
    ...casesQuery(filters, limit),
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
