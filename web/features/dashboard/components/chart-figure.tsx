// A chart with its headline number, what it means, and the same numbers as a table with links
// to the cases, so nothing on the dashboard is only visible as a picture.
import { useId, type ReactNode } from 'react';
import { Link } from '../../../app/router.tsx';
import type { Bar } from './bar-chart.tsx';

export function ChartFigure({
  title,
  headline,
  definition,
  children,
  rows,
  detail,
}: {
  title: string;
  headline: string;
  definition: string;
  children: ReactNode;
  rows: Array<Bar & { detail?: string }>;
  detail?: string;
}) {
  const id = useId();
  return (
    <figure className="chart" aria-labelledby={id}>
      <figcaption>
        <h2 id={id}>{title}</h2>
        <p className="chart__headline">{headline}</p>
        <p className="muted chart__definition">{definition}</p>
      </figcaption>
      {children}
      <details className="chart__table">
        <summary>Show the numbers as a table</summary>
        <table>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col">Value</th>
              {detail && <th scope="col">{detail}</th>}
              <th scope="col">Cases</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.name}</th>
                <td>{r.display}</td>
                {detail && <td>{r.detail ?? ''}</td>}
                <td>
                  {r.href ? <Link href={r.href}>{r.linkLabel ?? 'Open the cases'}</Link> : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
