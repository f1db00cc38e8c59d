// Offer one or more solutions, choose one, record the customer's verdict, mark it delivered.
import { useState, type FormEvent } from 'react';
import { Panel } from '../../../components/panel.tsx';
import { ErrorNote } from '../../../components/query-state.tsx';
import { useCaseAction, type CaseView } from '../api/use-case.ts';
import { VerdictForm } from './verdict-form.tsx';

function OfferForm({ reference }: { reference: string }) {
  const [options, setOptions] = useState(['', '']);
  const [idea, setIdea] = useState('');
  const offer = useCaseAction(reference, 'solutions');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const filled = options.map((o) => o.trim()).filter(Boolean);
    offer.mutate(
      { options: filled, ...(idea.trim() ? { customerIdea: idea.trim() } : {}) },
      { onSuccess: () => setOptions(['', '']) },
    );
  };
  return (
    <form onSubmit={submit} className="stack">
      {options.map((o, i) => (
        <label key={i}>
          Solution {i + 1}
          <input
            value={o}
            onChange={(e) => setOptions(options.map((x, j) => (j === i ? e.target.value : x)))}
          />
        </label>
      ))}
      <div className="row">
        {options.length < 5 && (
          <button
            type="button"
            className="button--quiet"
            onClick={() => setOptions([...options, ''])}
          >
            Add another solution
          </button>
        )}
      </div>
      <label>
        What the customer thinks would be fair (optional)
        <input value={idea} onChange={(e) => setIdea(e.target.value)} />
      </label>
      <button type="submit" disabled={offer.isPending || !options.some((o) => o.trim())}>
        Offer solutions
      </button>
      {offer.error && <ErrorNote error={offer.error} />}
    </form>
  );
}

function OptionList({ view }: { view: CaseView }) {
  const ref = view.case.reference;
  const choose = useCaseAction(ref, 'solutions/choose');
  const deliver = useCaseAction(ref, 'solutions/deliver');
  const chosen = view.options.find((o) => o.isChosen);
  return (
    <>
      <ul className="options">
        {view.options.map((o) => (
          <li key={o.id}>
            <span>{o.description}</span>
            {o.isChosen ? (
              <span className="badge badge--ok">✓ Chosen{o.deliveredAt ? ' · delivered' : ''}</span>
            ) : (
              <button
                type="button"
                className="button--small"
                disabled={choose.isPending}
                onClick={() => choose.mutate({ optionId: o.id })}
              >
                Choose “{o.description}”
              </button>
            )}
          </li>
        ))}
      </ul>
      {view.case.customerIdea && (
        <p className="muted">The customer’s idea: {view.case.customerIdea}</p>
      )}
      {chosen && !chosen.deliveredAt && (
        <button type="button" disabled={deliver.isPending} onClick={() => deliver.mutate({})}>
          Mark the chosen solution delivered
        </button>
      )}
      {choose.error && <ErrorNote error={choose.error} />}
      {deliver.error && <ErrorNote error={deliver.error} />}
    </>
  );
}

export function SolutionsPanel({ view }: { view: CaseView }) {
  return (
    <Panel title="Solutions">
      {view.options.length > 0 && <OptionList view={view} />}
      {view.options.length > 0 && <VerdictForm view={view} />}
      <details open={view.options.length === 0}>
        <summary>{view.options.length === 0 ? 'Offer solutions' : 'Offer more solutions'}</summary>
        <OfferForm reference={view.case.reference} />
      </details>
    </Panel>
  );
}
