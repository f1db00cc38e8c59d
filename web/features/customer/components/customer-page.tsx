// The customer: who they are, lifetime value, every case, every apology and every restitution
// given, and the promises still open to them.
import { useEffect } from 'react';
import { Link } from '../../../app/router.tsx';
import { Countdown } from '../../../components/countdown.tsx';
import { Panel } from '../../../components/panel.tsx';
import { ErrorNote, Loading } from '../../../components/query-state.tsx';
import { formatDateTime } from '../../../lib/time.ts';
import { useCustomer, type CustomerView } from '../api/use-customer.ts';

const VERDICT: Record<string, string> = {
  exceeds: 'Exceeded expectations',
  meets: 'Met expectations',
  falls_short: 'Fell short',
};

function totalsByCurrency(rows: CustomerView['restitutions']): string {
  const sums = new Map<string, number>();
  for (const r of rows) sums.set(r.currency, (sums.get(r.currency) ?? 0) + Number(r.amount));
  if (sums.size === 0) return 'nothing yet';
  return [...sums].map(([cur, n]) => `${n.toFixed(2)} ${cur}`).join(' + ');
}

export function CustomerPage({ id }: { id: string }) {
  const query = useCustomer(id);
  const c = query.data;
  const name = c ? [c.firstName, c.lastName].filter(Boolean).join(' ') || 'Unnamed customer' : '';
  useEffect(() => {
    if (name) document.title = `${name} · Redress`;
  }, [name]);
  if (query.isPending) return <Loading what="the customer" />;
  if (!c) return <ErrorNote error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <article aria-labelledby="customer-title" className="customer">
      <p>
        <Link href="/">← Inbox</Link>
      </p>
      <h1 id="customer-title">{name}</h1>
      <p className="case-header__meta">
        <span className="badge">
          Lifetime value: {c.lifetimeValue} {c.currency}
        </span>
        <span className="badge">
          {c.cases.length} {c.cases.length === 1 ? 'case' : 'cases'}
        </span>
        <span className="badge">Given so far: {totalsByCurrency(c.restitutions)}</span>
        {c.contacts.map((k) => (
          <span key={`${k.kind}:${k.value}`} className="badge">
            {k.kind}: {k.value}
          </span>
        ))}
      </p>
      <div className="customer__grid">
        <Panel title="Cases">
          <table className="inbox">
            <thead>
              <tr>
                <th scope="col">Case</th>
                <th scope="col">Received</th>
                <th scope="col">Subject</th>
                <th scope="col">Channel</th>
                <th scope="col">Status</th>
                <th scope="col">Verdict</th>
              </tr>
            </thead>
            <tbody>
              {c.cases.map((k) => (
                <tr key={k.id}>
                  <td>
                    <Link href={`/cases/${k.reference}`}>{k.reference}</Link>
                  </td>
                  <td>{formatDateTime(k.receivedAt)}</td>
                  <td>{k.subject ?? '(no subject)'}</td>
                  <td>{k.channel.replace(/_/g, ' ')}</td>
                  <td>{k.status.replace(/_/g, ' ')}</td>
                  <td>{k.verdict ? VERDICT[k.verdict] : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Panel>
        <div>
          <Panel title="Open promises">
            {c.openPromises.length === 0 ? (
              <p className="muted">No promise is open to this customer.</p>
            ) : (
              <ul className="promises">
                {c.openPromises.map((p) => (
                  <li key={p.id}>
                    <span>
                      {p.what} ({p.reference}) — due {formatDateTime(p.dueAt)}
                    </span>
                    <Countdown dueAt={p.dueAt} />
                  </li>
                ))}
              </ul>
            )}
          </Panel>
          <Panel title="Apologies">
            {c.apologies.length === 0 ? (
              <p className="muted">No apology recorded yet.</p>
            ) : (
              <ul>
                {c.apologies.map((a) => (
                  <li key={a.caseId}>
                    {formatDateTime(a.at)} on {a.reference}
                    {a.byName ? ` by ${a.byName}` : ''}
                    {a.notes ? `: ${a.notes}` : ''}
                  </li>
                ))}
              </ul>
            )}
          </Panel>
          <Panel title="Restitution given">
            {c.restitutions.length === 0 ? (
              <p className="muted">Nothing given yet.</p>
            ) : (
              <ul>
                {c.restitutions.map((r) => (
                  <li key={r.id}>
                    {r.kind.replace(/_/g, ' ')} {r.amount} {r.currency} on {r.reference},{' '}
                    {formatDateTime(r.decidedAt ?? r.requestedAt)}
                    {r.note ? ` — ${r.note}` : ''}
                  </li>
                ))}
              </ul>
            )}
          </Panel>
        </div>
      </div>
    </article>
  );
}
