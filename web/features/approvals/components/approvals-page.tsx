// The approval queue: each request above an agent's authority, approved or declined with a reason.
import { useState } from 'react';
import { Link } from '../../../app/router.tsx';
import { ErrorNote, Loading } from '../../../components/query-state.tsx';
import { formatDateTime } from '../../../lib/time.ts';
import { useApprovals, useDecide, type Approval } from '../api/use-approvals.ts';

function ApprovalItem({ item }: { item: Approval }) {
  const [reason, setReason] = useState('');
  const decide = useDecide(item.id);
  const reasonId = `reason-${item.id}`;
  const act = (approve: boolean) => decide.mutate({ approve, reason });
  return (
    <li className="panel approval">
      <p>
        <Link href={`/cases/${item.reference}`}>{item.reference}</Link>:{' '}
        {item.kind.replace(/_/g, ' ')}{' '}
        <strong>
          {item.amount} {item.currency}
        </strong>{' '}
        <span className="muted">requested {formatDateTime(item.requestedAt)}</span>
      </p>
      {item.note && <p>Note: {item.note}</p>}
      <label htmlFor={reasonId}>Reason for your decision</label>
      <input id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} />
      <div className="row">
        <button
          type="button"
          disabled={!reason.trim() || decide.isPending}
          onClick={() => act(true)}
        >
          Approve
        </button>
        <button
          type="button"
          className="button--quiet"
          disabled={!reason.trim() || decide.isPending}
          onClick={() => act(false)}
        >
          Decline
        </button>
      </div>
      {decide.error && <ErrorNote error={decide.error} />}
    </li>
  );
}

export function ApprovalsPage() {
  const approvals = useApprovals();
  return (
    <section aria-labelledby="approvals-title">
      <h1 id="approvals-title">Approvals</h1>
      {approvals.isPending && <Loading what="approvals" />}
      {approvals.error && (
        <ErrorNote error={approvals.error} onRetry={() => void approvals.refetch()} />
      )}
      {approvals.data?.length === 0 && <p className="empty">Nothing waits for approval.</p>}
      <ul className="approvals">
        {approvals.data?.map((a) => (
          <ApprovalItem key={a.id} item={a} />
        ))}
      </ul>
    </section>
  );
}
