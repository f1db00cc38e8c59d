// The case at a glance: reference, subject, status and both SLA clocks.
import { Link } from '../../../app/router.tsx';
import { Countdown } from '../../../components/countdown.tsx';
import type { CaseView } from '../api/use-case.ts';

type Clock = CaseView['clocks']['firstResponse'];

function ClockLine({ name, clock }: { name: string; clock: Clock }) {
  if (clock.status === 'running') return <Countdown dueAt={clock.dueAt} label={name} />;
  const text = { met: '✓ met', breached: '✗ breached', paused: '⏸ paused' }[clock.status];
  return (
    <span className={`deadline deadline--${clock.status}`}>
      <strong>{name}</strong> {text}
    </span>
  );
}

export function CaseHeader({ view }: { view: CaseView }) {
  const c = view.case;
  const customer = view.customer;
  const customerName = customer
    ? [customer.firstName, customer.lastName].filter(Boolean).join(' ') || 'Unnamed customer'
    : null;
  return (
    <header className="case-header">
      <p>
        <Link href="/">← Inbox</Link>
      </p>
      <h1>
        {c.reference} · {c.subject ?? 'Complaint'}
      </h1>
      <p className="case-header__meta">
        <span className="badge">Status: {c.status.replace(/_/g, ' ')}</span>
        <span className="badge">Severity: {c.severity}</span>
        {c.category && <span className="badge">Category: {c.category}</span>}
        {customer && customerName && (
          <Link href={`/customers/${customer.id}`} className="badge">
            Customer history: {customerName}
          </Link>
        )}
        <ClockLine name="First response" clock={view.clocks.firstResponse} />
        <ClockLine name="Resolution" clock={view.clocks.resolution} />
      </p>
    </header>
  );
}
