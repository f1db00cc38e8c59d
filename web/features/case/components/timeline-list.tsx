// The full, append-only timeline of the case, oldest first.
import { Panel } from '../../../components/panel.tsx';
import { formatDateTime } from '../../../lib/time.ts';
import type { CaseView } from '../api/use-case.ts';

type Event = CaseView['timeline'][number];

/** A short, plain-text summary of an event's string fields (customer text stays text). */
function summary(e: Event): string {
  const data = (e.data ?? {}) as Record<string, unknown>;
  return Object.entries(data)
    .filter(([k, v]) => typeof v === 'string' && !k.endsWith('Id') && v.length < 200)
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(' · ');
}

export function TimelineList({ view }: { view: CaseView }) {
  return (
    <Panel title="Timeline">
      <ol className="timeline">
        {view.timeline.map((e) => (
          <li key={e.id}>
            <time dateTime={e.at}>{formatDateTime(e.at)}</time>{' '}
            <strong>{e.type.replace(/_/g, ' ')}</strong>{' '}
            <span className="muted">by {e.actorLabel}</span>
            {summary(e) && <div className="muted small">{summary(e)}</div>}
          </li>
        ))}
      </ol>
    </Panel>
  );
}
