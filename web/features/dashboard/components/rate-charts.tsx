// The recovery charts: same-day first response, SLA compliance, promises kept, acceptance and
// restitution cost per bucket. A bar opens the cases behind the part worth reading.
import type { CaseOutcome, MetricName } from '../../../../src/contracts/metrics.ts';
import { drillHref, type MetricsReport } from '../api/use-metrics.ts';
import { BarChart, type Bar } from './bar-chart.tsx';
import { ChartFigure } from './chart-figure.tsx';
import { bucketName, formatMetric } from './format.ts';

const CHARTS: Array<{ name: MetricName; outcome: CaseOutcome; linkLabel: string; detail: string }> =
  [
    {
      name: 'same_day_first_response_rate',
      outcome: 'first_response_missed',
      linkLabel: 'Open the cases answered late',
      detail: 'answered on time / due',
    },
    {
      name: 'sla_compliance_rate',
      outcome: 'sla_missed',
      linkLabel: 'Open the cases that missed a target',
      detail: 'met both targets / decided',
    },
    {
      name: 'promise_kept_rate',
      outcome: 'promise_broken',
      linkLabel: 'Open the cases with a broken promise',
      detail: 'kept / kept or broken',
    },
    {
      name: 'acceptance_rate',
      outcome: 'falls_short',
      linkLabel: 'Open the cases that fell short',
      detail: 'meets or exceeds / verdicts',
    },
    {
      name: 'restitution_cost',
      outcome: 'restitution_given',
      linkLabel: 'Open the cases with restitution',
      detail: 'restitutions granted',
    },
  ];

export function RateCharts({
  report,
  channel,
}: {
  report: MetricsReport;
  channel: string | undefined;
}) {
  return (
    <div className="chart-grid">
      {CHARTS.map((c) => {
        const metric = report.metrics.find((m) => m.name === c.name);
        if (!metric) return null;
        const bars: Array<Bar & { detail: string }> = report.bucketRanges.map((range) => {
          const p = metric.series.find((s) => s.bucket === range.label);
          const value = p?.value ?? null;
          const detail =
            metric.unit === 'rate'
              ? `${p?.numerator ?? 0} / ${p?.denominator ?? 0}`
              : String(p?.denominator ?? 0);
          // A rate links to the cases that missed (when some did); a cost to the cases that cost.
          const isLinked =
            metric.unit === 'money'
              ? (value ?? 0) > 0
              : (p?.denominator ?? 0) > 0 && (p?.numerator ?? 0) !== p?.denominator;
          return {
            key: range.label,
            name: bucketName(range.label, report.bucket),
            value,
            display: formatMetric(value, metric.unit),
            detail,
            ...(isLinked
              ? {
                  href: drillHref({ range, channel, outcome: c.outcome }),
                  linkLabel: c.linkLabel,
                }
              : {}),
          };
        });
        return (
          <ChartFigure
            key={c.name}
            title={metric.label}
            headline={`${formatMetric(metric.total.value, metric.unit)} over the period`}
            definition={metric.definition}
            rows={bars}
            detail={c.detail}
          >
            <BarChart
              label={`${metric.label} per ${report.bucket}`}
              bars={bars}
              {...(metric.unit === 'rate' ? { max: 1 } : {})}
            />
          </ChartFigure>
        );
      })}
    </div>
  );
}
