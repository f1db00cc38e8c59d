// Says so when the server cannot be reached (a restart, a dropped network) and when it is back.
// Queries keep retrying underneath; the session cookie survives a restart, so nothing is lost.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError } from '../lib/api-client.ts';

function isUnreachable(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 0 || error.status >= 502);
}

export function ConnectionBanner() {
  const client = useQueryClient();
  const [down, setDown] = useState(false);
  useEffect(
    () =>
      client.getQueryCache().subscribe((event) => {
        if (event.type !== 'updated') return;
        const { state } = event.query;
        if (state.status === 'error' || state.fetchFailureCount > 0) {
          if (isUnreachable(state.fetchFailureReason ?? state.error)) setDown(true);
        } else if (state.status === 'success' && state.fetchStatus === 'idle') {
          setDown(false);
        }
      }),
    [client],
  );
  if (!down) return null;
  return (
    <p className="connection-banner" role="status" aria-live="polite">
      The server is not answering (it may be restarting). Retrying — your work and your session are
      kept.
    </p>
  );
}
