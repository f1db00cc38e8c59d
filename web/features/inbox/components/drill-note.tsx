// Says in words which dashboard selection the inbox is showing, with a way back to the queue.
import type { CaseFilters } from '../api/use-cases.ts';

const OUTCOMES: Record<string, string> = {
  first_response_missed: 'first response missed its target',
  sla_missed: 'missed a service-level target',
  accepted: 'customer accepted the recovery',
  falls_short: 'customer said the recovery fell short',
  promise_broken: 'a promise was broken',
  restitution_given: 'restitution was given',
};

const day = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

export function DrillNote({ filters, onClear }: { filters: CaseFilters; onClear: () => void }) {
  const parts: string[] = [];
  if (filters.receivedFrom && filters.receivedTo)
    parts.push(
      `received ${day(filters.receivedFrom)} to ${day(new Date(new Date(filters.receivedTo).getTime() - 1).toISOString())}`,
    );
  if (filters.category) parts.push(`category ${filters.category}`);
  if (filters.outcome) parts.push(OUTCOMES[filters.outcome] ?? filters.outcome);
  if (parts.length === 0) return null;
  return (
    <p className="drill-note" role="status">
      From the dashboard: cases {parts.join(', ')}.{' '}
      <button type="button" className="button--quiet" onClick={onClear}>
        Back to the open queue
      </button>
    </p>
  );
}
