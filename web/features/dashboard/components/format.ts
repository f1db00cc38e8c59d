// How a metric value reads, in words and digits (never by colour alone).
import type { MetricResult } from '../api/use-metrics.ts';

export function formatMetric(value: number | null, unit: MetricResult['unit']): string {
  if (value === null) return 'no data';
  switch (unit) {
    case 'rate':
      return `${Math.round(value * 1000) / 10}%`;
    case 'hours':
      return `${value.toFixed(1)} h`;
    case 'money':
      return new Intl.NumberFormat('en-GB', {
        style: 'currency',
        currency: 'GBP',
        maximumFractionDigits: 0,
      }).format(value);
    case 'change':
      return `${value > 0 ? '+' : ''}${Math.round(value * 100)}%`;
    case 'count':
      return value.toLocaleString('en-GB');
  }
}

/** "2 Nov" for a bucket label (a local date). */
export function bucketName(label: string, bucket: string): string {
  const d = new Date(`${label}T12:00:00Z`);
  if (bucket === 'month')
    return d.toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}
