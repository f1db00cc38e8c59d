// A live deadline: colour AND words say whether it is on track, at risk or breached.
import { deadlineState, formatDuration, useNow } from '../lib/time.ts';

const LABEL = { breached: 'Breached', at_risk: 'At risk', on_track: 'On track' } as const;

export function Countdown({ dueAt, label }: { dueAt: string | null; label?: string }) {
  const now = useNow();
  if (!dueAt) return <span className="deadline deadline--none">No deadline</span>;
  const state = deadlineState(dueAt, now);
  const left = Date.parse(dueAt) - now;
  const when =
    state === 'breached' ? `${formatDuration(left)} ago` : `${formatDuration(left)} left`;
  return (
    <span className={`deadline deadline--${state}`} title={new Date(dueAt).toLocaleString()}>
      <strong>{LABEL[state]}</strong>
      {label ? ` · ${label}` : ''} · {when}
    </span>
  );
}
