// Volume over time: all complaints, then one small chart per channel and per category (small
// multiples, each named in words, so no colour legend is needed).
import { drillHref, type MetricsReport } from '../api/use-metrics.ts';
import { BarChart, type Bar } from './bar-chart.tsx';
import { ChartFigure } from './chart-figure.tsx';
import { bucketName, formatMetric } from './format.ts';

type Dim = 'channel' | 'category';

function volumeBars(
  report: MetricsReport,
  filters: { channel?: string | undefined; category?: string | undefined },
  group: string | null,
): Bar[] {
  const volume = report.metrics.find((m) => m.name === 'volume');
  const points = group
    ? (volume?.seriesByGroup ?? []).filter((p) => p.group === group)
    : (volume?.series ?? []);
  return report.bucketRanges.map((range) => {
    const value = points.find((p) => p.bucket === range.label)?.value ?? 0;
    return {
      key: range.label,
      name: bucketName(range.label, report.bucket),
      value,
      display: formatMetric(value, 'count'),
      ...(value > 0 ? { href: drillHref({ range, ...filters }) } : {}),
    };
  });
}

function SmallMultiples({
  report,
  dim,
  channel,
}: {
  report: MetricsReport | undefined;
  dim: Dim;
  channel: string | undefined;
}) {
  const title = dim === 'channel' ? 'Complaints by channel' : 'Complaints by category';
  if (!report) return null;
  const volume = report.metrics.find((m) => m.name === 'volume');
  const groups = [...(volume?.byGroup ?? [])]
    .filter((g) => (g.value ?? 0) > 0)
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  return (
    <section className="multiples" aria-label={title}>
      <h2>{title}</h2>
      {groups.length === 0 && <p className="empty">Nothing received in this period.</p>}
      <div className="multiples__grid">
        {groups.map((g) => {
          const key = g.group ?? '';
          const filters =
            dim === 'channel'
              ? { channel: key }
              : { channel, category: key === '(none)' ? undefined : key };
          const bars = volumeBars(report, filters, key);
          const name = key.replace(/_/g, ' ');
          return (
            <ChartFigure
              key={key}
              title={name}
              headline={`${formatMetric(g.value, 'count')} complaints`}
              definition=""
              rows={bars}
            >
              <BarChart
                label={`${name}: complaints per ${report.bucket}`}
                bars={bars}
                height={110}
              />
            </ChartFigure>
          );
        })}
      </div>
    </section>
  );
}

export function VolumeCharts({
  total,
  byChannel,
  byCategory,
  channel,
}: {
  total: MetricsReport;
  byChannel: MetricsReport | undefined;
  byCategory: MetricsReport | undefined;
  channel: string | undefined;
}) {
  const volume = total.metrics.find((m) => m.name === 'volume');
  const bars = volumeBars(total, { channel }, null);
  return (
    <>
      <ChartFigure
        title="Complaints received"
        headline={`${formatMetric(volume?.total.value ?? null, 'count')} in the period`}
        definition={volume?.definition ?? ''}
        rows={bars}
      >
        <BarChart
          label={`Complaints received per ${total.bucket}`}
          bars={bars}
          width={1150}
          height={190}
        />
      </ChartFigure>
      <SmallMultiples report={byChannel} dim="channel" channel={channel} />
      <SmallMultiples report={byCategory} dim="category" channel={channel} />
    </>
  );
}
