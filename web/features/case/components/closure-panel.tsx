// The closure checklist: person, problem, system — exactly what is missing, and the last steps
// (thank, root cause) next to the Close button.
import { useState, type FormEvent } from 'react';
import { ErrorNote } from '../../../components/query-state.tsx';
import { useCaseAction, type CaseView } from '../api/use-case.ts';

const PARTS = ['person', 'problem', 'system', 'playbook'] as const;

function RootCauseForm({ reference }: { reference: string }) {
  const [category, setCategory] = useState('');
  const save = useCaseAction(reference, 'root-cause');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ rootCauseCategory: category });
  };
  return (
    <form onSubmit={submit} className="stack">
      <label htmlFor="root-cause">Root cause category</label>
      <input
        id="root-cause"
        required
        value={category}
        onChange={(e) => setCategory(e.target.value)}
      />
      <button type="submit" disabled={save.isPending}>
        Record root cause
      </button>
      {save.error && <ErrorNote error={save.error} />}
    </form>
  );
}

export function ClosurePanel({ view }: { view: CaseView }) {
  const c = view.case;
  const thank = useCaseAction(c.reference, 'thank');
  const close = useCaseAction(c.reference, 'close');
  if (c.status === 'closed') {
    return (
      <section className="panel" aria-labelledby="closure-title">
        <h2 id="closure-title">Closure</h2>
        <p className="badge badge--ok" role="status">
          ✓ Closed
        </p>
      </section>
    );
  }
  const { missing } = view.closure;
  return (
    <section className="panel" aria-labelledby="closure-title">
      <h2 id="closure-title">Closure checklist</h2>
      {missing.length === 0 ? (
        <p className="badge badge--ok">Everything is done: the case can close.</p>
      ) : (
        <ul className="checklist" aria-label="Still missing">
          {PARTS.flatMap((part) =>
            missing
              .filter((m) => m.part === part)
              .map((m) => (
                <li key={m.code} data-code={m.code}>
                  <strong>{part}:</strong> {m.message}
                </li>
              )),
          )}
        </ul>
      )}
      {!c.thankedAt && (
        <button type="button" disabled={thank.isPending} onClick={() => thank.mutate({})}>
          Customer thanked
        </button>
      )}
      {!c.rootCauseCategory && !c.oneOffReason && <RootCauseForm reference={c.reference} />}
      {c.rootCauseCategory && <p>Root cause: {c.rootCauseCategory}</p>}
      <button
        type="button"
        className="button--primary"
        disabled={!view.closure.canClose || close.isPending}
        onClick={() => close.mutate({})}
      >
        Close case
      </button>
      {thank.error && <ErrorNote error={thank.error} />}
      {close.error && <ErrorNote error={close.error} />}
    </section>
  );
}
