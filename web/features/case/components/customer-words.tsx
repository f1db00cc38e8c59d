// The customer's own words, verbatim and first. Always rendered as text, never as HTML.
import { Panel } from '../../../components/panel.tsx';
import { formatDateTime } from '../../../lib/time.ts';
import type { CaseView } from '../api/use-case.ts';

export function CustomerWords({ view }: { view: CaseView }) {
  const c = view.case;
  const name = [view.customer?.firstName, view.customer?.lastName].filter(Boolean).join(' ');
  const inbound = view.messages.filter((m) => m.direction === 'inbound');
  return (
    <Panel title="In the customer’s words" className="customer-words">
      <p className="muted">
        {name || 'Unknown customer'} · {c.channel.replace(/_/g, ' ')} ·{' '}
        {formatDateTime(c.receivedAt)}
        {view.customer?.contacts.map((k) => ` · ${k.value}`).join('')}
      </p>
      <blockquote className="account" data-testid="customer-account">
        {c.account}
      </blockquote>
      {inbound.length > 1 && (
        <details>
          <summary>{inbound.length - 1} later message(s) from the customer</summary>
          {inbound.slice(1).map((m) => (
            <blockquote key={m.id} className="account">
              {m.body}
            </blockquote>
          ))}
        </details>
      )}
    </Panel>
  );
}
