// Promises with their due time and a live countdown; each is settled kept or broken.
import { useState, type FormEvent } from 'react';
import { Countdown } from '../../../components/countdown.tsx';
import { Panel } from '../../../components/panel.tsx';
import { ErrorNote } from '../../../components/query-state.tsx';
import { formatDateTime, localInputToIso } from '../../../lib/time.ts';
import { useCaseAction, type CaseView } from '../api/use-case.ts';

type PromiseItem = CaseView['promises'][number];

function PromiseRow({ reference, item }: { reference: string; item: PromiseItem }) {
  const settle = useCaseAction(reference, `/promises/${item.id}/outcome`);
  return (
    <li>
      <span>
        {item.what} — to {item.toWhom}, due {formatDateTime(item.dueAt)}
      </span>{' '}
      {item.status === 'open' ? (
        <>
          <Countdown dueAt={item.dueAt} />
          <button
            type="button"
            className="button--small"
            disabled={settle.isPending}
            onClick={() => settle.mutate({ outcome: 'kept' })}
          >
            Mark kept
          </button>
          <button
            type="button"
            className="button--small button--quiet"
            disabled={settle.isPending}
            onClick={() => settle.mutate({ outcome: 'broken' })}
          >
            Mark broken
          </button>
        </>
      ) : (
        <span className={item.status === 'kept' ? 'badge badge--ok' : 'badge badge--bad'}>
          {item.status === 'kept' ? '✓ Kept' : '✗ Broken'}
        </span>
      )}
      {settle.error && <ErrorNote error={settle.error} />}
    </li>
  );
}

function defaultDue(): string {
  const d = new Date(Date.now() + 24 * 3600_000 - new Date().getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

export function PromisesPanel({ view }: { view: CaseView }) {
  const ref = view.case.reference;
  const [what, setWhat] = useState('');
  const [due, setDue] = useState(defaultDue);
  const make = useCaseAction(ref, 'promises');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    make.mutate({ what, dueAt: localInputToIso(due) }, { onSuccess: () => setWhat('') });
  };
  return (
    <Panel title="Promises">
      {view.promises.length === 0 ? (
        <p className="muted">No promises yet.</p>
      ) : (
        <ul className="promises">
          {view.promises.map((p) => (
            <PromiseRow key={p.id} reference={ref} item={p} />
          ))}
        </ul>
      )}
      <form onSubmit={submit} className="row">
        <label>
          Promise
          <input
            required
            value={what}
            onChange={(e) => setWhat(e.target.value)}
            placeholder="Call back with the courier’s answer"
          />
        </label>
        <label>
          Due
          <input
            type="datetime-local"
            required
            value={due}
            onChange={(e) => setDue(e.target.value)}
          />
        </label>
        <button type="submit" disabled={make.isPending}>
          Make promise
        </button>
      </form>
      {make.error && <ErrorNote error={make.error} />}
    </Panel>
  );
}
