// Make amends within the agent's remaining authority; above it, the request goes for approval.
import { useState, type FormEvent } from 'react';
import { RESTITUTION_KINDS, type RestitutionKind } from '../../../../src/contracts/enums.ts';
import { Panel } from '../../../components/panel.tsx';
import { ErrorNote } from '../../../components/query-state.tsx';
import { useCaseAction, type CaseView } from '../api/use-case.ts';

const STATUS: Record<string, string> = {
  granted: 'Granted',
  pending_approval: 'Waiting for approval',
  declined: 'Declined',
};

export function RestitutionPanel({ view }: { view: CaseView }) {
  const { authority } = view;
  const [kind, setKind] = useState<RestitutionKind>('gift_card');
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const grant = useCaseAction<unknown, { needsApproval: boolean }>(
    view.case.reference,
    'restitutions',
  );
  const isAbove =
    authority.remaining !== null && amount !== '' && Number(amount) > Number(authority.remaining);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    grant.mutate(
      { kind, amount, ...(note.trim() ? { note: note.trim() } : {}) },
      { onSuccess: () => setAmount('') },
    );
  };
  return (
    <Panel title="Restitution">
      <p data-testid="authority">
        Given on this case: {authority.givenOnCase} {authority.currency}. You can still give{' '}
        <strong>
          {authority.remaining === null
            ? 'any amount'
            : `${authority.remaining} ${authority.currency}`}
        </strong>{' '}
        without approval.
      </p>
      {view.restitutions.length > 0 && (
        <ul>
          {view.restitutions.map((r) => (
            <li key={r.id}>
              {r.kind.replace(/_/g, ' ')} {r.amount} {r.currency} — {STATUS[r.status] ?? r.status}
              {r.decisionReason ? ` (${r.decisionReason})` : ''}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} className="row">
        <label>
          Kind
          <select value={kind} onChange={(e) => setKind(e.target.value as RestitutionKind)}>
            {RESTITUTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {k.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
        </label>
        <label>
          Amount ({authority.currency})
          <input
            inputMode="decimal"
            required
            pattern="\d{1,10}(\.\d{1,2})?"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
          />
        </label>
        <label>
          Note
          <input value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="submit" disabled={grant.isPending}>
          {isAbove ? 'Request approval' : 'Give restitution'}
        </button>
      </form>
      {isAbove && (
        <p className="warning">Above your remaining authority: a supervisor must approve it.</p>
      )}
      {grant.data?.needsApproval && <p role="status">Sent to the supervisors’ approval queue.</p>}
      {grant.error && <ErrorNote error={grant.error} />}
    </Panel>
  );
}
