// Feelings as chips: suggestions from intake are pre-selected; the agent confirms or corrects.
import { useState } from 'react';
import { FEELINGS, type Feeling } from '../../../../src/contracts/enums.ts';
import { Panel } from '../../../components/panel.tsx';
import { ErrorNote } from '../../../components/query-state.tsx';
import { useCaseAction, type CaseView } from '../api/use-case.ts';

function suggested(view: CaseView): Feeling[] {
  const raw = view.case.suggestedFeelings;
  if (!Array.isArray(raw)) return [];
  return raw
    .map((s: unknown) => (s as { feeling?: unknown }).feeling)
    .filter((f): f is Feeling => FEELINGS.includes(f as Feeling));
}

export function FeelingsPanel({ view }: { view: CaseView }) {
  const confirmed = view.case.confirmedFeelings as Feeling[] | null;
  const hints = suggested(view);
  const [chosen, setChosen] = useState<Feeling[]>(confirmed ?? hints);
  const save = useCaseAction(view.case.reference, 'feelings');
  const toggle = (f: Feeling) =>
    setChosen((now) => (now.includes(f) ? now.filter((x) => x !== f) : [...now, f]));
  return (
    <Panel title="How the customer feels">
      <div className="chips" role="group" aria-label="Feelings">
        {FEELINGS.map((f) => (
          <button
            key={f}
            type="button"
            className="chip"
            aria-pressed={chosen.includes(f)}
            onClick={() => toggle(f)}
          >
            {chosen.includes(f) ? '✓ ' : ''}
            {f}
            {hints.includes(f) && !confirmed ? <span className="muted"> (suggested)</span> : null}
          </button>
        ))}
      </div>
      <div className="row">
        <button
          type="button"
          disabled={save.isPending}
          onClick={() => save.mutate({ feelings: chosen })}
        >
          Confirm feelings
        </button>
        {confirmed && (
          <span className="badge badge--ok">✓ Confirmed: {confirmed.join(', ') || 'none'}</span>
        )}
      </div>
      {save.error && <ErrorNote error={save.error} />}
    </Panel>
  );
}
