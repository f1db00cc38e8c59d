// The supervisor's page: the approval queue (approve or decline with a reason in two clicks:
// the decision, then a reason) and today's breaches and broken promises.
import { useState, type FormEvent } from 'react';
import { Link } from '../../../app/router.tsx';
import { Countdown } from '../../../components/countdown.tsx';
import { Panel } from '../../../components/panel.tsx';
import { ErrorNote, Loading } from '../../../components/query-state.tsx';
import { formatDateTime } from '../../../lib/time.ts';
import { useApprovals, useDecide, useSupervisorDay, type Approval } from '../api/use-approvals.ts';

const REASONS = {
  approve: ['Fair for what went wrong', 'Keeps a valued customer', 'Matches what we gave before'],
  decline: [
    'More than the failure warrants',
    'Already compensated for this',
    'Offer a different remedy first',
  ],
} as const;

function ApprovalItem({ item }: { item: Approval }) {
  const [choice, setChoice] = useState<'approve' | 'decline' | null>(null);
  const [other, setOther] = useState('');
  const decide = useDecide(item.id);
  const act = (reason: string) => {
    if (choice) decide.mutate({ approve: choice === 'approve', reason });
  };
  const submitOther = (e: FormEvent) => {
    e.preventDefault();
    act(other);
  };
  const verb = choice === 'approve' ? 'Approve' : 'Decline';
  return (
    <li className="panel approval">
      <p>
        <Link href={`/cases/${item.reference}`}>{item.reference}</Link>:{' '}
        {item.kind.replace(/_/g, ' ')}{' '}
        <strong>
          {item.amount} {item.currency}
        </strong>{' '}
        <span className="muted">
          asked by {item.requesterName ?? 'someone'} {formatDateTime(item.requestedAt)}
        </span>
      </p>
      {item.note && <p>Note: {item.note}</p>}
      {choice === null ? (
        <div className="row">
          <button type="button" onClick={() => setChoice('approve')}>
            Approve…
          </button>
          <button type="button" className="button--quiet" onClick={() => setChoice('decline')}>
            Decline…
          </button>
        </div>
      ) : (
        <div role="group" aria-label={`${verb} ${item.reference}: pick the reason`}>
          <p className="small">
            <strong>{verb}</strong> because…
          </p>
          <div className="row">
            {REASONS[choice].map((reason) => (
              <button
                key={reason}
                type="button"
                className="button--small"
                disabled={decide.isPending}
                onClick={() => act(reason)}
              >
                {reason}
              </button>
            ))}
          </div>
          <form className="row" onSubmit={submitOther}>
            <label>
              Another reason
              <input value={other} onChange={(e) => setOther(e.target.value)} />
            </label>
            <button type="submit" disabled={!other.trim() || decide.isPending}>
              {verb} with this reason
            </button>
            <button type="button" className="button--quiet" onClick={() => setChoice(null)}>
              Back
            </button>
          </form>
        </div>
      )}
      {decide.error && <ErrorNote error={decide.error} />}
    </li>
  );
}

function Today() {
  const day = useSupervisorDay();
  if (day.isPending) return <Loading what="today’s breaches" />;
  if (!day.data) return <ErrorNote error={day.error} onRetry={() => void day.refetch()} />;
  const { breached, brokenPromises } = day.data;
  return (
    <>
      <Panel title={`Breached now (${breached.total})`}>
        {breached.items.length === 0 ? (
          <p className="muted">No open case is past a deadline.</p>
        ) : (
          <ul className="promises">
            {breached.items.map((c) => (
              <li key={c.id}>
                <Link href={`/cases/${c.reference}`}>{c.reference}</Link>
                <span>{c.subject ?? '(no subject)'}</span>
                <Countdown
                  dueAt={c.deadline.dueAt}
                  label={c.deadline.kind?.replace(/_/g, ' ') ?? undefined}
                />
              </li>
            ))}
          </ul>
        )}
        {breached.total > breached.items.length && (
          <p className="muted small">
            Showing {breached.items.length}; the inbox’s “Breached” filter lists them all.
          </p>
        )}
      </Panel>
      <Panel title={`Promises broken today (${brokenPromises.length})`}>
        {brokenPromises.length === 0 ? (
          <p className="muted">Every promise due today was kept so far.</p>
        ) : (
          <ul className="promises">
            {brokenPromises.map((p) => (
              <li key={p.id}>
                <Link href={`/cases/${p.reference}`}>{p.reference}</Link>
                <span>
                  {p.what} — to {p.toWhom}, was due {formatDateTime(p.dueAt)}
                </span>
                <span className="badge badge--bad">✗ Broken</span>
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </>
  );
}

export function ApprovalsPage() {
  const approvals = useApprovals();
  return (
    <section aria-labelledby="supervisor-title">
      <h1 id="supervisor-title">Supervisor</h1>
      <div className="supervisor__grid">
        <section aria-labelledby="approvals-title">
          <h2 id="approvals-title">
            Approvals{approvals.data ? ` (${approvals.data.length})` : ''}
          </h2>
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
        <div>
          <Today />
        </div>
      </div>
    </section>
  );
}
