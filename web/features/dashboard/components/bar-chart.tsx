// A small SVG bar chart. Each bar carries its value in words above it and, when it has cases
// behind it, is a link to them (keyboard-focusable, with a spoken label); no chart library.
import { navigate } from '../../../app/router.tsx';

export interface Bar {
  key: string;
  name: string;
  value: number | null;
  display: string;
  href?: string;
  linkLabel?: string;
}

const TOP = 18;
const BOTTOM = 22;

function niceMax(values: number[]): number {
  const max = Math.max(0, ...values);
  if (max === 0) return 1;
  const step = 10 ** Math.floor(Math.log10(max));
  return Math.ceil(max / step) * step;
}

export function BarChart({
  label,
  bars,
  max,
  height = 170,
  width = 560,
}: {
  label: string;
  bars: Bar[];
  /** Fixed top of the scale (1 for rates); from the data when absent. */
  max?: number;
  height?: number;
  /** Drawing width; the chart scales to its box, so match the usual rendered width. */
  width?: number;
}) {
  const W = width;
  const top = max ?? niceMax(bars.map((b) => b.value ?? 0));
  const slot = W / Math.max(bars.length, 1);
  const barW = Math.max(2, Math.min(48, slot * 0.7));
  const plotH = height - TOP - BOTTOM;
  const labelEvery = Math.ceil(bars.length / 12);
  const showValues = slot >= 34;
  return (
    <svg className="bar-chart" viewBox={`0 0 ${W} ${height}`} role="group" aria-label={label}>
      <line x1={0} x2={W} y1={TOP + plotH} y2={TOP + plotH} className="bar-chart__axis" />
      <text x={2} y={11} className="bar-chart__scale">
        {max === 1 ? '100%' : top.toLocaleString('en-GB')}
      </text>
      {bars.map((b, i) => {
        const h = b.value === null ? 0 : Math.max(b.value > 0 ? 1.5 : 0, (b.value / top) * plotH);
        const x = i * slot + (slot - barW) / 2;
        const y = TOP + plotH - h;
        const body = (
          <>
            <title>{`${b.name}: ${b.display}`}</title>
            <rect x={x} y={y} width={barW} height={h} className="bar-chart__bar" />
            {b.value === null && (
              <text x={x + barW / 2} y={TOP + plotH - 4} className="bar-chart__none">
                –
              </text>
            )}
            {showValues && b.value !== null && (
              <text x={x + barW / 2} y={y - 4} className="bar-chart__value">
                {b.display}
              </text>
            )}
          </>
        );
        return (
          <g key={b.key}>
            {b.href ? (
              <a
                href={b.href}
                aria-label={`${b.name}: ${b.display}. ${b.linkLabel ?? 'Open the cases'}.`}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(b.href!);
                }}
                className="bar-chart__link"
              >
                {body}
              </a>
            ) : (
              body
            )}
            {i % labelEvery === 0 && (
              <text x={i * slot + slot / 2} y={height - 6} className="bar-chart__label">
                {b.name}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
