// The period's headline numbers, each with its name in words.
import type { MetricsReport } from '../api/use-metrics.ts';
import { formatMetric } from './format.ts';

export function Headlines({ report }: { report: MetricsReport }) {
  const m = (name: string) => report.metrics.find((x) => x.name === name);
  const show = (name: string) => {
    const x = m(name);
    return x ? formatMetric(x.total.value, x.unit) : '—';
  };
  const tiles: Array<[string, string, string?]> = [
    ['Complaints received', show('volume')],
    ['Same-day first response', show('same_day_first_response_rate')],
    ['SLA compliance', show('sla_compliance_rate')],
    ['Median first response', show('first_response_median_hours')],
    ['Recovery acceptance', show('acceptance_rate'), 'meets + exceeds'],
    ['Promises kept', show('promise_kept_rate')],
    ['Restitution cost', show('restitution_cost')],
    [
      'Cost per recovered customer',
      show('cost_per_recovered_customer'),
      `lifetime value ${show('recovered_customer_lifetime_value')}`,
    ],
    [
      'Retention after recovery',
      show('retention_after_recovery'),
      `never complained: ${show('retention_never_complained')}`,
    ],
    ['Repeat complaints', show('repeat_complaint_rate')],
  ];
  return (
    <dl className="headlines">
      {tiles.map(([label, value, note]) => (
        <div key={label} className="headline">
          <dt>{label}</dt>
          <dd>
            <span className="headline__value">{value}</span>
            {note && <span className="muted headline__note">{note}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
