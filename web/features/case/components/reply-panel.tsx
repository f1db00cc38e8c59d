// A reply to the customer (stops the first-response clock) or an internal note.
import { useState, type FormEvent } from 'react';
import { Panel } from '../../../components/panel.tsx';
import { ErrorNote } from '../../../components/query-state.tsx';
import { formatDateTime } from '../../../lib/time.ts';
import { useCaseAction, type CaseView } from '../api/use-case.ts';
import { ReplyCoach } from './reply-coach.tsx';

export function ReplyPanel({ view }: { view: CaseView }) {
  const [body, setBody] = useState('');
  const [isNote, setIsNote] = useState(false);
  const send = useCaseAction(view.case.reference, 'replies');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate({ body, isInternalNote: isNote }, { onSuccess: () => setBody('') });
  };
  const outbound = view.messages.filter((m) => m.direction !== 'inbound');
  return (
    <Panel title="Replies and notes">
      {outbound.length > 0 && (
        <ul className="messages">
          {outbound.map((m) => (
            <li key={m.id}>
              <span className="muted">
                {m.kind === 'note' ? 'Internal note' : 'Reply'} · {formatDateTime(m.createdAt)}
              </span>
              <p className="message-body">{m.body}</p>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} className="stack">
        <label htmlFor="reply-body">{isNote ? 'Internal note' : 'Reply to the customer'}</label>
        <textarea
          id="reply-body"
          rows={4}
          required
          value={body}
          onChange={(e) => setBody(e.target.value)}
        />
        {!isNote && <ReplyCoach view={view} draft={body} />}
        <div className="row">
          <label className="inline">
            <input type="checkbox" checked={isNote} onChange={(e) => setIsNote(e.target.checked)} />{' '}
            Internal note only
          </label>
          <button type="submit" disabled={send.isPending}>
            {isNote ? 'Save note' : 'Record reply'}
          </button>
        </div>
      </form>
      {send.error && <ErrorNote error={send.error} />}
    </Panel>
  );
}
