// The recovery playbook as a rail: what is done, what is next, and the nudge when solutions
// came before feelings. Steps without a first-class fact are ticked here.
import { AUTOMATIC_STEPS } from '../../../../src/core/playbook/playbook.rules.ts';
import { ErrorNote } from '../../../components/query-state.tsx';
import { useCaseAction, type CaseView } from '../api/use-case.ts';

type Step = CaseView['playbook']['steps'][number];

function ManualTick({ reference, step }: { reference: string; step: Step }) {
  const tick = useCaseAction(reference, `steps/${step.key}`);
  return (
    <>
      <button
        type="button"
        className="button--small"
        disabled={tick.isPending}
        onClick={() => tick.mutate({})}
      >
        Mark “{step.label}” done
      </button>
      {tick.error && <ErrorNote error={tick.error} />}
    </>
  );
}

function nudgeOf(view: CaseView): string | null {
  const feelingsDone = view.playbook.steps.some(
    (s) => s.key === 'acknowledge_feelings' && s.doneAt,
  );
  if (feelingsDone) return null;
  const nudge = view.timeline.findLast((e) => e.type === 'nudge');
  const data = nudge?.data as { message?: unknown } | undefined;
  return typeof data?.message === 'string' ? data.message : null;
}

export function PlaybookRail({ view }: { view: CaseView }) {
  const next = view.playbook.next?.key;
  const nudge = nudgeOf(view);
  return (
    <nav aria-label="Recovery playbook" className="panel rail">
      <h2>Playbook</h2>
      {nudge && (
        <p className="nudge" role="note">
          <strong>Nudge:</strong> {nudge}
        </p>
      )}
      <ol>
        {view.playbook.steps.map((s) => {
          const state = s.doneAt ? 'done' : s.key === next ? 'next' : 'todo';
          const isManual = !(s.key in AUTOMATIC_STEPS);
          return (
            <li
              key={s.key}
              className={`rail__step rail__step--${state}`}
              aria-current={state === 'next' ? 'step' : undefined}
            >
              <span className="rail__mark" aria-hidden="true">
                {state === 'done' ? '✓' : state === 'next' ? '→' : '○'}
              </span>
              <span>
                {s.label}
                <span className="visually-hidden">
                  {state === 'done' ? ' (done)' : state === 'next' ? ' (next)' : ' (to do)'}
                </span>
                {!s.isRequired && <span className="muted"> · optional</span>}
              </span>
              {!s.doneAt && isManual && view.case.status !== 'closed' && (
                <ManualTick reference={view.case.reference} step={s} />
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
