// Hand the case to someone else, with a reason the next owner will read.
import { useState, type FormEvent } from 'react';
import { Panel } from '../../../components/panel.tsx';
import { ErrorNote } from '../../../components/query-state.tsx';
import { useStaff } from '../../../lib/use-staff.ts';
import { useCaseAction, type CaseView } from '../api/use-case.ts';

export function TransferPanel({ view }: { view: CaseView }) {
  const staff = useStaff();
  const [toUserId, setTo] = useState('');
  const [reason, setReason] = useState('');
  const transfer = useCaseAction(view.case.reference, 'transfer');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    transfer.mutate({ toUserId, reason }, { onSuccess: () => setReason('') });
  };
  const others = (staff.data ?? []).filter((u) => u.isActive && u.id !== view.owner?.id);
  return (
    <Panel title="Ownership">
      <p>Owner: {view.owner ? `${view.owner.name} (${view.owner.role})` : 'Unassigned'}</p>
      <form onSubmit={submit} className="row">
        <label>
          Transfer to
          <select required value={toUserId} onChange={(e) => setTo(e.target.value)}>
            <option value="">Choose a colleague…</option>
            {others.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({u.role})
              </option>
            ))}
          </select>
        </label>
        <label>
          Reason
          <input required value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        <button type="submit" disabled={transfer.isPending}>
          Transfer
        </button>
      </form>
      {staff.error && <ErrorNote error={staff.error} />}
      {transfer.error && <ErrorNote error={transfer.error} />}
    </Panel>
  );
}
