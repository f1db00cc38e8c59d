// Where you are signed in: every live session of yours, this one marked, each with a way to end
// it (a lost laptop, a shared computer), and one button to end all the others.
import { ErrorNote, Loading } from '../../../components/query-state.tsx';
import { formatDateTime } from '../../../lib/time.ts';
import { useEndOtherSessions, useEndSession, useOwnSessions } from '../api/use-sessions.ts';

export function SessionsSection() {
  const sessions = useOwnSessions();
  const end = useEndSession();
  const endOthers = useEndOtherSessions();
  if (sessions.isPending) return <Loading what="your sessions" />;
  if (!sessions.data)
    return <ErrorNote error={sessions.error} onRetry={() => void sessions.refetch()} />;
  const others = sessions.data.filter((s) => !s.isCurrent);
  return (
    <div className="stack">
      <p className="muted">
        A session ends 14 days after its last use. Ending one signs that browser out at once.
      </p>
      <table aria-label="Your sessions">
        <thead>
          <tr>
            <th scope="col">Browser</th>
            <th scope="col">Address</th>
            <th scope="col">Signed in</th>
            <th scope="col">Ends</th>
            <th scope="col">
              <span className="visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.data.map((s) => (
            <tr key={s.id}>
              <td>
                {s.device}
                {s.isCurrent && <strong> · this browser</strong>}
              </td>
              <td>{s.ipAddress || '—'}</td>
              <td>{formatDateTime(s.createdAt)}</td>
              <td>{formatDateTime(s.expiresAt)}</td>
              <td>
                {!s.isCurrent && (
                  <button
                    type="button"
                    className="button--quiet"
                    disabled={end.isPending}
                    onClick={() => end.mutate(s.id)}
                  >
                    Sign out<span className="visually-hidden"> {s.device}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {others.length === 0 ? (
        <p className="muted">You are signed in nowhere else.</p>
      ) : (
        <p>
          <button type="button" disabled={endOthers.isPending} onClick={() => endOthers.mutate()}>
            Sign out everywhere else ({others.length})
          </button>
        </p>
      )}
      {end.error && <ErrorNote error={end.error} />}
      {endOthers.error && <ErrorNote error={endOthers.error} />}
    </div>
  );
}
