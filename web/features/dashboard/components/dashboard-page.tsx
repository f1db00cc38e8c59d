// The manager dashboard: headline numbers, then charts people would rather look at than read —
// volume by channel and category over time, same-day first response, SLA compliance, promises
// kept, recovery acceptance, restitution cost — each bar opening its cases in the inbox.
import { useState } from 'react';
import { CHANNELS, type Channel } from '../../../../src/contracts/enums.ts';
import { ErrorNote, Loading } from '../../../components/query-state.tsx';
import { useMetrics } from '../api/use-metrics.ts';
import { Headlines } from './headlines.tsx';
import { RateCharts } from './rate-charts.tsx';
import { VolumeCharts } from './volume-charts.tsx';
import '../dashboard.css';

const PERIODS = {
  '4w': { label: 'Last 4 weeks, by week', days: 28, bucket: 'week' },
  '12w': { label: 'Last 12 weeks, by week', days: 84, bucket: 'week' },
  '30d': { label: 'Last 30 days, by day', days: 30, bucket: 'day' },
  '6m': { label: 'Last 6 months, by month', days: 183, bucket: 'month' },
  '12m': { label: 'Last 12 months, by month', days: 365, bucket: 'month' },
} as const;
type PeriodKey = keyof typeof PERIODS;

const MAIN = [
  'volume',
  'same_day_first_response_rate',
  'sla_compliance_rate',
  'first_response_median_hours',
  'acceptance_rate',
  'promise_kept_rate',
  'restitution_cost',
  'cost_per_recovered_customer',
  'recovered_customer_lifetime_value',
  'repeat_complaint_rate',
  'retention_after_recovery',
  'retention_never_complained',
].join(',');

function localDate(daysAgo: number): string {
  const d = new Date(Date.now() - daysAgo * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function DashboardPage() {
  const [periodKey, setPeriodKey] = useState<PeriodKey>('12w');
  const [channel, setChannel] = useState<string>('');
  const period = PERIODS[periodKey];
  const base = {
    from: localDate(period.days),
    bucket: period.bucket,
    channel: (channel || undefined) as Channel | undefined,
  };
  const main = useMetrics({ ...base, metrics: MAIN });
  const byChannel = useMetrics({ ...base, metrics: 'volume', groupBy: 'channel' });
  const byCategory = useMetrics({ ...base, metrics: 'volume', groupBy: 'category' });
  const failed = [main, byChannel, byCategory].find((q) => q.error);

  return (
    <section aria-labelledby="dashboard-title" className="dashboard">
      <div className="page-head">
        <h1 id="dashboard-title">Dashboard</h1>
        <p className="muted">
          Cases received in the period. Select a bar, or a row of its table, to open those cases.
        </p>
      </div>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          Period
          <select value={periodKey} onChange={(e) => setPeriodKey(e.target.value as PeriodKey)}>
            {Object.entries(PERIODS).map(([key, p]) => (
              <option key={key} value={key}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Channel
          <select value={channel} onChange={(e) => setChannel(e.target.value)}>
            <option value="">All</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {c.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
        </label>
      </form>
      {failed?.error && <ErrorNote error={failed.error} onRetry={() => void failed.refetch()} />}
      {main.isPending && <Loading what="the dashboard" />}
      {main.data && (
        <div aria-busy={main.isFetching}>
          {main.data.metrics[0]?.total.value === 0 && (
            <p className="empty">No complaints were received in this period.</p>
          )}
          <Headlines report={main.data} />
          <VolumeCharts
            total={main.data}
            byChannel={byChannel.data}
            byCategory={byCategory.data}
            channel={base.channel}
          />
          <RateCharts report={main.data} channel={base.channel} />
        </div>
      )}
    </section>
  );
}
