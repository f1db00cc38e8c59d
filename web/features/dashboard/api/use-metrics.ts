// The dashboard's data: GET /metrics with the shared MetricsQuery fields, typed from the server
// function itself.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { MetricsQueryInput } from '../../../../src/contracts/metrics.ts';
import type { computeMetrics } from '../../../../src/core/metrics/compute-metrics.ts';
import { get } from '../../../lib/api-client.ts';
import type { ResultOf } from '../../../lib/types.ts';

export type MetricsReport = ResultOf<typeof computeMetrics>;
export type MetricResult = MetricsReport['metrics'][number];
export type BucketRange = MetricsReport['bucketRanges'][number];

type Query = Pick<MetricsQueryInput, 'metrics' | 'from' | 'bucket' | 'channel' | 'groupBy'>;

export function useMetrics(query: Query) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, String(value));
  return useQuery({
    queryKey: ['metrics', query],
    queryFn: () => get<MetricsReport>(`/metrics?${params.toString()}`),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}

/** The inbox URL listing the cases behind a chart point (all statuses). */
export function drillHref(filters: {
  range?: BucketRange | { from: string; to: string };
  channel?: string | undefined;
  category?: string | undefined;
  outcome?: string | undefined;
}): string {
  const p = new URLSearchParams({ status: 'all' });
  if (filters.range) {
    p.set('receivedFrom', filters.range.from);
    p.set('receivedTo', filters.range.to);
  }
  if (filters.channel) p.set('channel', filters.channel);
  if (filters.category) p.set('category', filters.category);
  if (filters.outcome) p.set('outcome', filters.outcome);
  return `/?${p.toString()}`;
}
