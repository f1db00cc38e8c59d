// The reply coach, live as the agent types (R4, R5, R11, R12): the draft goes to POST /coach
// after a short pause, with what the case knows (name, confirmed feelings, remaining authority,
// open promises, whether it is ready to close), and the findings show under the box.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { CoachResult } from '../../../../src/language/coach-types.ts';
import { post } from '../../../lib/api-client.ts';
import type { CaseView } from '../api/use-case.ts';

const PAUSE_MS = 300;
const MIN_CHARS = 3;

const MARK = { error: '✖', warning: '▲', info: 'ℹ' } as const;

function useSettled(value: string): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), PAUSE_MS);
    return () => clearTimeout(t);
  }, [value]);
  return settled;
}

function contextOf(view: CaseView) {
  const remaining = view.authority.remaining;
  return {
    customerFirstName: view.customer?.firstName ?? undefined,
    confirmedFeelings: view.case.confirmedFeelings ?? undefined,
    remainingAuthority:
      remaining === null
        ? undefined
        : { amount: Number(remaining), currency: view.authority.currency },
    openPromises: view.promises
      .filter((p) => p.status === 'open')
      .map((p) => ({ what: p.what, dueAt: new Date(p.dueAt).toLocaleString() })),
    isClosing: view.closure.canClose,
  };
}

export function ReplyCoach({ view, draft }: { view: CaseView; draft: string }) {
  const text = useSettled(draft).trim();
  const context = contextOf(view);
  const coach = useQuery({
    queryKey: ['coach', view.case.id, text, context],
    queryFn: () => post<CoachResult>('/coach', { text, ...context }),
    enabled: text.length >= MIN_CHARS,
    staleTime: Infinity,
  });
  if (text.length < MIN_CHARS || !coach.data) return null;
  const findings = coach.data.findings;
  return (
    <section aria-label="Reply coach" aria-live="polite" className="coach">
      {findings.length === 0 ? (
        <p className="muted">The coach has nothing to add.</p>
      ) : (
        <ul className="coach-findings">
          {findings.map((f, i) => (
            <li key={`${f.rule}-${i}`} data-rule={f.rule} data-severity={f.severity}>
              <span aria-hidden="true">{MARK[f.severity]}</span> {f.explanation}
              {f.span && <q className="coach-words"> {f.span.text}</q>}
              <span className="muted"> {f.suggestion}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
