// A reply to the customer (stops the first-response clock) or an internal note. Templates fill
// in the customer's first name, the reference and the promised time; the coach reads the draft.
import { useState, type FormEvent } from 'react';
import { fillTemplate } from '../../../../src/contracts/templates.ts';
import { Panel } from '../../../components/panel.tsx';
import { ErrorNote } from '../../../components/query-state.tsx';
import { formatDateTime } from '../../../lib/time.ts';
import { useTemplates } from '../../../lib/use-templates.ts';
import { useCaseAction, type CaseView } from '../api/use-case.ts';
import { useCoach } from '../api/use-coach.ts';
import { CoachPanel } from './coach-panel.tsx';

export function ReplyPanel({ view }: { view: CaseView }) {
  const [body, setBody] = useState('');
  const [isNote, setIsNote] = useState(false);
  const [templateId, setTemplateId] = useState('');
  const send = useCaseAction(view.case.reference, 'replies');
  const templates = useTemplates();
  const coach = useCoach(view, body, !isNote);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate({ body, isInternalNote: isNote }, { onSuccess: () => setBody('') });
  };
  const nextPromise = view.promises.find((p) => p.status === 'open');
  const applyTemplate = (id: string) => {
    setTemplateId(id);
    const template = templates.data?.find((t) => t.id === id);
    if (!template) return;
    setBody(
      fillTemplate(template.body, {
        firstName: view.customer?.firstName,
        reference: view.case.reference,
        promisedTime: nextPromise ? formatDateTime(nextPromise.dueAt) : null,
      }),
    );
  };
  const outbound = view.messages.filter((m) => m.direction !== 'inbound');
  const unfilled = /\{\{\s*[A-Za-z]+\s*\}\}/.test(body);
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
      <div className="composer">
        <form onSubmit={submit} className="stack composer__form">
          <label>
            Start from a template
            <select
              value={templateId}
              disabled={!templates.data?.length}
              onChange={(e) => applyTemplate(e.target.value)}
            >
              <option value="">
                {templates.isPending
                  ? 'Loading templates…'
                  : templates.data?.length
                    ? 'Choose a template'
                    : 'No templates yet (Settings → Templates)'}
              </option>
              {templates.data?.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
          <label htmlFor="reply-body">{isNote ? 'Internal note' : 'Reply to the customer'}</label>
          <textarea
            id="reply-body"
            rows={6}
            required
            value={body}
            onChange={(e) => setBody(e.target.value)}
          />
          {unfilled && (
            <p className="warning small">
              Some placeholders are still in braces: fill them in before sending.
            </p>
          )}
          <div className="row">
            <label className="inline">
              <input
                type="checkbox"
                checked={isNote}
                onChange={(e) => setIsNote(e.target.checked)}
              />{' '}
              Internal note only
            </label>
            <button type="submit" disabled={send.isPending}>
              {isNote ? 'Save note' : 'Record reply'}
            </button>
          </div>
          {send.error && <ErrorNote error={send.error} />}
        </form>
        {!isNote && <CoachPanel result={coach} hasDraft={body.trim().length > 0} />}
      </div>
    </Panel>
  );
}
