// Repeat the complaint back in the agent's words, then record that the customer confirmed it.
import { useState, type FormEvent } from 'react';
import { Panel } from '../../../components/panel.tsx';
import { ErrorNote } from '../../../components/query-state.tsx';
import { useCaseAction, type CaseView } from '../api/use-case.ts';

export function RestatementPanel({ view }: { view: CaseView }) {
  const c = view.case;
  const ref = c.reference;
  const [text, setText] = useState(c.restatement ?? '');
  const save = useCaseAction(ref, 'restatement');
  const confirm = useCaseAction(ref, 'restatement/confirm');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ restatement: text });
  };
  return (
    <Panel title="Repeat it back">
      <form onSubmit={submit} className="stack">
        <label htmlFor="restatement">In your own words</label>
        <textarea
          id="restatement"
          rows={3}
          required
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <div className="row">
          <button type="submit" disabled={save.isPending}>
            Save restatement
          </button>
          <button
            type="button"
            disabled={!c.restatement || !!c.restatementConfirmedAt || confirm.isPending}
            onClick={() => confirm.mutate({})}
          >
            Customer confirmed
          </button>
          {c.restatementConfirmedAt && (
            <span className="badge badge--ok">✓ Confirmed by the customer</span>
          )}
        </div>
      </form>
      {save.error && <ErrorNote error={save.error} />}
      {confirm.error && <ErrorNote error={confirm.error} />}
    </Panel>
  );
}
