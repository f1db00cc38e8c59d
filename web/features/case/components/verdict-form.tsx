// The customer's verdict on the fix: exceeds, meets or falls short of what they expected.
import { useState, type FormEvent } from 'react';
import type { Verdict } from '../../../../src/contracts/enums.ts';
import { ErrorNote } from '../../../components/query-state.tsx';
import { useCaseAction, type CaseView } from '../api/use-case.ts';

const VERDICTS: Array<{ value: Verdict; label: string }> = [
  { value: 'exceeds', label: 'Exceeds expectations' },
  { value: 'meets', label: 'Meets expectations' },
  { value: 'falls_short', label: 'Falls short' },
];

export function VerdictForm({ view }: { view: CaseView }) {
  const [verdict, setVerdict] = useState<Verdict>((view.case.verdict as Verdict | null) ?? 'meets');
  const record = useCaseAction(view.case.reference, 'verdict');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate({ verdict });
  };
  const current = VERDICTS.find((v) => v.value === view.case.verdict);
  return (
    <form onSubmit={submit} className="row">
      <label>
        Customer’s verdict
        <select value={verdict} onChange={(e) => setVerdict(e.target.value as Verdict)}>
          {VERDICTS.map((v) => (
            <option key={v.value} value={v.value}>
              {v.label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={record.isPending}>
        Record verdict
      </button>
      {current && <span className="badge">Recorded: {current.label}</span>}
      {record.error && <ErrorNote error={record.error} />}
    </form>
  );
}
