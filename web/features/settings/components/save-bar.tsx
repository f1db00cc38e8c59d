// The save button of a settings section, with what happened: saved, or the server's reasons.
import type { UseMutationResult } from '@tanstack/react-query';
import { ErrorNote } from '../../../components/query-state.tsx';

export function SaveBar({
  mutation,
  canEdit,
  label = 'Save',
  problems = [],
}: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any mutation's status
  mutation: UseMutationResult<any, Error, any>;
  canEdit: boolean;
  label?: string;
  problems?: string[];
}) {
  return (
    <div className="stack">
      {problems.length > 0 && (
        <div className="error-note" role="alert">
          {problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      )}
      <div className="row">
        <button type="submit" disabled={!canEdit || mutation.isPending}>
          {mutation.isPending ? 'Saving…' : label}
        </button>
        {mutation.isSuccess && (
          <span className="saved-note" role="status">
            ✓ Saved
          </span>
        )}
      </div>
      {mutation.error && <ErrorNote error={mutation.error} />}
    </div>
  );
}
