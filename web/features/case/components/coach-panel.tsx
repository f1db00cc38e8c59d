// What the coach finds in the draft, as the agent types: problems first, each with why it
// matters and a better wording. Severity is spelled out, never shown by colour alone.
import type { UseQueryResult } from '@tanstack/react-query';
import { describeError } from '../../../lib/api-client.ts';
import type { CoachResult } from '../api/use-coach.ts';

const SEVERITY = { error: 'Fix', warning: 'Consider', info: 'Note' } as const;
const ORDER = { error: 0, warning: 1, info: 2 } as const;

export function CoachPanel({
  result,
  hasDraft,
}: {
  result: UseQueryResult<CoachResult>;
  hasDraft: boolean;
}) {
  const findings = [...(result.data?.findings ?? [])].sort(
    (a, b) => ORDER[a.severity] - ORDER[b.severity],
  );
  return (
    <section className="coach" aria-labelledby="coach-title" aria-live="polite">
      <h3 id="coach-title">
        Coach {result.isFetching && <span className="muted small">· reading…</span>}
      </h3>
      {!hasDraft && <p className="muted small">Start writing and the coach reads along.</p>}
      {hasDraft && result.error && (
        <p className="muted small">The coach is unavailable: {describeError(result.error)}</p>
      )}
      {hasDraft && result.data && findings.length === 0 && (
        <p className="small">✓ Nothing to change: this reply reads well.</p>
      )}
      {hasDraft && findings.length > 0 && (
        <ul className="coach__findings">
          {findings.map((f, i) => (
            <li
              key={`${f.rule}-${i}`}
              data-rule={f.rule}
              className={`coach__finding coach__finding--${f.severity}`}
            >
              <strong>{SEVERITY[f.severity]}:</strong> {f.explanation}
              {f.span && <q className="coach__quote">{f.span.text}</q>}
              {f.suggestion && <span className="coach__suggestion">Try: {f.suggestion}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
